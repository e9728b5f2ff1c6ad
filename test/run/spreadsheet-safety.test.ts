import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { parseCsv, spreadsheetSafe, toCsv } from "../../src/7-write/csv.js";
import { readTable, temporaryFolder } from "../helpers.js";
import { run, writeFile } from "./support.js";

describe("spreadsheetSafe", () => {
  test.each(["=1+1", "+33 1 23", "-2+3", "@SUM(A1)", "\tcmd", "\r=x"])("neutralises %j with a leading apostrophe", (cell) => {
    expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
  });

  test("leaves ordinary text and numbers as they are", () => {
    expect(spreadsheetSafe("Nathan Sales")).toBe("Nathan Sales");
    expect(spreadsheetSafe("")).toBe("");
    expect(spreadsheetSafe(-3)).toBe(-3);
    expect(spreadsheetSafe(42)).toBe(42);
  });
});

describe("a CSV table", () => {
  const rows = [
    { text: 'Il a dit "non", puis\r\nil est parti, seul', count: 12, negative: -4 },
    { text: "=HYPERLINK(\"http://x\")", count: 0, negative: 0 },
    { text: "- Le ministre a répondu.", count: 3, negative: -1 },
    { text: "«\u00a0Quote\u00a0», l’apostrophe; \"a\",\"b\"\n\nfin", count: 7, negative: 5 },
  ];
  const csv = toCsv(["text", "count", "negative"], rows);

  test("survives a round trip through csv-parse: quotes, commas and line breaks inside cells", () => {
    const parsed = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    expect(parsed.map((r) => r.text)).toEqual([rows[0].text, `'${rows[1].text}`, `'${rows[2].text}`, rows[3].text]);
  });

  test("writes numbers as numbers, negative ones included, never quoted or prefixed", () => {
    const parsed = parse(csv, { columns: true, bom: true, cast: true }) as Record<string, unknown>[];
    expect(parsed.map((r) => [r.count, r.negative])).toEqual(rows.map((r) => [r.count, r.negative]));
    expect(csv).toContain(",12,-4\r\n");
  });

  test("reads back as written through the pipeline's own reader, apostrophes removed", () => {
    expect(parseCsv(csv)).toEqual(rows.map((r) => ({ text: r.text, count: String(r.count), negative: String(r.negative) })));
  });
});

describe("tables written from hostile article text", () => {
  const input = temporaryFolder();
  const output = temporaryFolder();

  beforeAll(async () => {
    writeFile(
      join(input, "dialogue.txt"),
      [
        "- Nasser Bourita a reçu mardi à Rabat l'ambassadeur Nathan Sales, a indiqué le ministère.",
        "=HYPERLINK(\"http://evil\") Le Conseil de sécurité a adopté la résolution 2396, selon un communiqué.",
        "+ Le ministre Nasser Bourita a ajouté que « la coopération, \"exemplaire\", continuera ».",
        "@Rabat, le ministère a confirmé la visite de Nathan Sales au Maroc.",
      ].join("\n\n") + "\n",
    );
    await run(input, output);
  });

  test("no cell of any table starts with a formula character", () => {
    for (const table of ["articles.csv", "entities.csv", "mentions.csv"]) {
      for (const row of readTable(output, table)) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  test("sentences beginning with a dash or a formula stay readable: the text follows the apostrophe unchanged", () => {
    const sentences = new Set(readTable(output, "mentions.csv").map((m) => m.sentence));
    expect(sentences).toContain("'- Nasser Bourita a reçu mardi à Rabat l'ambassadeur Nathan Sales, a indiqué le ministère.");
    expect(sentences).toContain("'+ Le ministre Nasser Bourita a ajouté que « la coopération, \"exemplaire\", continuera ».");
    expect([...sentences].some((s) => s.startsWith("'=HYPERLINK(\"http://evil\")"))).toBe(true);
  });

  test("counts and offsets are bare numbers in the file", () => {
    const raw = readFileSync(join(output, "mentions.csv"), "utf8");
    const first = readTable(output, "mentions.csv")[0];
    expect(raw).toContain(`,${first.start},${first.end},`);
    expect(readTable(output, "mentions.csv").every((m) => /^\d+$/.test(m.start) && /^\d+$/.test(m.end))).toBe(true);
  });
});
