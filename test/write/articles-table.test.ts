import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ArticlesTable } from "../../src/7-write/articles-table.js";
import { csvCells } from "../../src/7-write/csv.js";
import { readTable, temporaryFolder } from "../helpers.js";
import { run, writeFile } from "../run/support.js";

const HEADER = "\ufeffarticle_id,source_path,sha256,date,language,status,reason,word_count,mention_count\r\n";

function tableOf(records: string[], order: number[]): string {
  const path = join(temporaryFolder(), "articles.csv");
  const table = new ArticlesTable(path);
  records.forEach((record) => table.add(record));
  table.finish(order);
  return readFileSync(path, "utf8");
}

test("rows stream to the file in the order given when it is already article id order", () => {
  const records = [csvCells(["a", "a.txt"]), csvCells(["b", "b.txt"])];
  expect(tableOf(records, [0, 1])).toBe(`${HEADER}a,a.txt\r\nb,b.txt\r\n`);
});

test("rows are put in the order asked for, quoted cells and accents kept whole", () => {
  const records = [csvCells(["a-b", "x, \"é\""]), csvCells(["a", "à"]), csvCells(["a/b", ""])];
  expect(tableOf(records, [1, 0, 2])).toBe(`${HEADER}a,à\r\na-b,"x, ""é"""\r\na/b,\r\n`);
});

test("an empty table has its header", () => {
  expect(tableOf([], [])).toBe(HEADER);
});

test("articles.csv lists articles by id when the files list in another order", async () => {
  const input = temporaryFolder();
  const output = temporaryFolder();
  // Listed by path: a-b.txt, a.txt, a/b.txt ('-' < '.' < '/'); by id: a, a-b, a/b.
  for (const name of ["a-b.txt", "a.txt", "a/b.txt"]) writeFile(join(input, name), "Le ministre a reçu à Rabat le secrétaire général de l'ONU.\n");
  await run(input, output);
  expect(readTable(output, "articles.csv").map((row) => row.article_id)).toEqual(["a", "a-b", "a/b"]);
});
