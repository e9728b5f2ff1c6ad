import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readTable, temporaryFolder } from "../helpers.js";
import { run, sampleParagraphs, writeFile } from "./support.js";

/** The slowest of these tests: extraction of 5 MB of text takes tens of seconds. */
describe("a 5 MB article", () => {
  const input = temporaryFolder();
  const output = temporaryFolder();
  const path = join(input, "dossier.txt");

  beforeAll(async () => {
    const paragraphs = sampleParagraphs();
    const parts: string[] = [" date 2021-06 Dossier complet."];
    let length = 0;
    for (let i = 0; length < 5 * 1024 * 1024; i++) {
      const paragraph = paragraphs[i % paragraphs.length];
      parts.push(paragraph);
      length += Buffer.byteLength(paragraph) + 2;
    }
    writeFile(path, parts.join("\n\n") + "\n");
    writeFile(join(input, "small.txt"), "Le ministre Nasser Bourita a reçu mardi à Rabat l'ambassadeur Nathan Sales.\n");
    await run(input, output);
  }, 300_000);

  test("is extracted, with its date, beside the other articles", () => {
    const rows = readTable(output, "articles.csv");
    expect(rows.map((r) => [r.article_id, r.status, r.date])).toEqual([
      ["dossier", "extracted", "2021-06"],
      ["small", "extracted", ""],
    ]);
    expect(readFileSync(path).length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
  });

  test("its mentions reach the end of the text and lie at their offsets", () => {
    const original = readFileSync(path, "utf8");
    const mentions = readTable(output, "mentions.csv").filter((m) => m.article_id === "dossier");
    expect(Math.max(...mentions.map((m) => Number(m.end)))).toBeGreaterThan(original.length - 5000);
    for (const m of mentions) expect(original.slice(Number(m.start), Number(m.end))).toBe(m.text);
  });
});
