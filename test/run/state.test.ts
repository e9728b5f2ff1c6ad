import { cpSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readTable, SAMPLE_CORPUS, temporaryFolder } from "../helpers.js";
import { run, snapshot, writeFile } from "./support.js";

const SAMPLES = readdirSync(SAMPLE_CORPUS).sort();
const SPOOL = join(".state", "articles.jsonl");
const REGISTRY = join(".state", "entity-ids.json");
const ROWS = join(".state", "mention-rows.dat");

const FORUM = "Le Forum mondial de lutte contre le terrorisme a réuni ses membres à Genève, a indiqué le ministère dans un communiqué publié lundi.";
const GLOBAL_FORUM = "Le Forum global de lutte contre le terrorisme (GCTF) a publié lundi un rapport sur la sécurité au Sahel, selon un communiqué du ministère.";
const LINK = "Le Forum mondial de lutte contre le terrorisme (GCTF) a tenu mardi une réunion à Rabat, selon un communiqué du ministère.";
const OTHER = "Le ministre Nasser Bourita a reçu mardi à Rabat son homologue espagnol Josep Borrell, selon un communiqué du ministère.";

/** Changes one byte in the middle of a file, leaving its size alone. */
function flipByte(path: string): void {
  const bytes = readFileSync(path);
  bytes[bytes.length >> 1] ^= 0x20;
  writeFileSync(path, bytes);
}

const idOf = (output: string, canonicalName: string) => readTable(output, "entities.csv").find((e) => e.canonical_name === canonicalName)?.entity_id;

describe("entity ids across runs", () => {
  const input = temporaryFolder();
  const output = temporaryFolder();
  const ids: Record<string, string | undefined> = {};

  beforeAll(async () => {
    writeFile(join(input, "a.txt"), FORUM);
    writeFile(join(input, "b.txt"), GLOBAL_FORUM);
    await run(input, output);
    ids.mondial = idOf(output, "Forum mondial de lutte contre le terrorisme");
    ids.global = idOf(output, "Forum global de lutte contre le terrorisme");
    ids.rabat = idOf(output, "Rabat");
  });

  test("two names with nothing linking them are two entities", () => {
    expect(ids.mondial).toMatch(/^E\d{6}$/);
    expect(ids.global).toMatch(/^E\d{6}$/);
    expect(ids.mondial).not.toBe(ids.global);
  });

  test("when a later article shows they are one (same acronym), the merged entity keeps the older id and the other is redirected", async () => {
    writeFile(join(input, "c.txt"), LINK);
    await run(input, output);
    const [older, newer] = [ids.mondial!, ids.global!].sort();
    const forums = readTable(output, "entities.csv").filter((e) => e.acronym === "GCTF");
    expect(forums.map((e) => e.entity_id)).toEqual([older]);
    expect(readTable(output, "entity_redirects.csv")).toEqual([{ old_id: newer, new_id: older }]);
    expect(new Set(readTable(output, "mentions.csv").filter((m) => m.text.includes("Forum")).map((m) => m.entity_id))).toEqual(new Set([older]));
    expect(idOf(output, "Rabat")).toBe(ids.rabat ?? idOf(output, "Rabat"));
  });

  test("ids stay with their entities when articles are added and removed, and a new entity never gets an id handed out before", async () => {
    const before = readTable(output, "entities.csv");
    const redirects = readTable(output, "entity_redirects.csv");
    const used = new Set([...before.map((e) => e.entity_id), ...redirects.flatMap((r) => [r.old_id, r.new_id])]);
    rmSync(join(input, "a.txt"));
    writeFile(join(input, "d.txt"), OTHER);
    await run(input, output);
    const after = readTable(output, "entities.csv");
    for (const entity of after) {
      const earlier = before.find((e) => e.canonical_name === entity.canonical_name && e.type === entity.type);
      if (earlier) expect(entity.entity_id).toBe(earlier.entity_id);
      else expect(used.has(entity.entity_id)).toBe(false);
    }
    expect(after.some((e) => e.canonical_name === "Josep Borrell")).toBe(true);
    expect(readTable(output, "entity_redirects.csv")).toEqual(redirects);
  });
});

describe("a missing or damaged state file", () => {
  const input = temporaryFolder();
  const reference = temporaryFolder();
  let published: Record<string, unknown>;

  beforeAll(async () => {
    for (const name of SAMPLES.slice(2, 5)) writeFile(join(input, name), readFileSync(join(SAMPLE_CORPUS, name)));
    writeFile(join(input, "a.txt"), FORUM);
    writeFile(join(input, "b.txt"), GLOBAL_FORUM);
    await run(input, reference);
    // A second run, so that the state holds history (a redirect) that a rebuild must keep.
    writeFile(join(input, "c.txt"), LINK);
    await run(input, reference);
    published = snapshot(reference);
    expect(readTable(reference, "entity_redirects.csv")).toHaveLength(1);
  });

  /** A copy of the reference output, the state damaged by `damage`, run again over the same files. */
  async function rerunAfter(damage: (output: string) => void) {
    const output = temporaryFolder();
    cpSync(reference, output, { recursive: true });
    damage(output);
    return { output, ...(await run(input, output)) };
  }

  const cases: [string, (output: string) => void, RegExp[], number][] = [
    ["the spool is missing", (o) => rmSync(join(o, SPOOL)), [/extraction cache .* is missing/], 6],
    ["the spool is garbage", (o) => writeFileSync(join(o, SPOOL), "{not json"), [/extraction cache .* is damaged/], 6],
    ["the spool's last line is cut short", (o) => writeFileSync(join(o, SPOOL), readFileSync(join(o, SPOOL), "utf8").replace(/.{40}\n$/, "")), [], 1],
    ["the rows file is missing", (o) => rmSync(join(o, ROWS)), [/extraction cache .*mention-rows.dat is missing or damaged/], 6],
    ["the rows file is cut short", (o) => truncateSync(join(o, ROWS), statSync(join(o, ROWS)).size / 2), [/extraction cache .*mention-rows.dat is missing or damaged/], 6],
    ["the rows file belongs to another run", (o) => writeFileSync(join(o, ROWS), readFileSync(join(o, ROWS), "utf8").replace(/rows [0-9a-f]+/, "rows 0123456789abcdef")), [/extraction cache .*mention-rows.dat is missing or damaged/], 6],
    ["a byte of the rows file is changed", (o) => flipByte(join(o, ROWS)), [/mention rows in .*mention-rows.dat are damaged; every article is extracted again/], 6],
    ["the registry is missing", (o) => rmSync(join(o, REGISTRY)), [/registry .* is missing; it is rebuilt/], 0],
    ["the registry is garbage", (o) => writeFileSync(join(o, REGISTRY), "\u0000\u0000"), [/registry .* is damaged .*; it is rebuilt/], 0],
    ["the registry has the wrong shape", (o) => writeFileSync(join(o, REGISTRY), "null"), [/registry .* is damaged .*; it is rebuilt/], 0],
    ["the whole state folder is gone", (o) => rmSync(join(o, ".state"), { recursive: true }), [/extraction cache .* is missing/, /registry .* is missing; it is rebuilt/], 6],
  ];

  test.each(cases)("when %s, the run warns, re-extracts what it must and writes the same tables and ids", async (_, damage, expectedWarnings, extracted) => {
    const { output, summary, warnings } = await rerunAfter(damage);
    expect(warnings).toHaveLength(expectedWarnings.length);
    expectedWarnings.forEach((pattern, i) => expect(warnings[i]).toMatch(pattern));
    expect(summary.articles.extracted).toBe(extracted);
    const tables = snapshot(output);
    expect({ ...tables, "run.json": undefined }).toEqual({ ...published, "run.json": undefined });
  });

  test("after a rebuilt registry, a new entity takes a number after every published id", async () => {
    const { output } = await rerunAfter((o) => {
      rmSync(join(o, REGISTRY));
      writeFile(join(input, "new.txt"), OTHER);
    });
    rmSync(join(input, "new.txt"));
    const published = [...readTable(reference, "entities.csv").map((e) => e.entity_id), ...readTable(reference, "entity_redirects.csv").map((r) => r.old_id)];
    const highest = Math.max(...published.map((id) => Number(id.slice(1))));
    expect(Number(idOf(output, "Josep Borrell")!.slice(1))).toBeGreaterThan(highest);
  });
});
