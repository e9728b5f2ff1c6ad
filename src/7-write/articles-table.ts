import { readFileSync } from "node:fs";
import { BufferedFile } from "../common/buffered-file.js";
import { Int32List } from "../common/typed-list.js";
import { BOM, headerLine } from "./csv.js";
import { ARTICLE_COLUMNS } from "./rows.js";

/**
 * articles.csv, written as the articles stream past instead of held until the end (at 100,000
 * articles their rows were about 20 MB of strings on the main thread). Rows come in listing order;
 * `finish` puts them in article id order where that differs (`a-b.txt` lists before `a.txt`).
 */
export class ArticlesTable {
  private readonly file: BufferedFile;
  /** Where row i starts in the file. */
  private readonly starts = new Int32List();

  /** `header` false: the rows to append to a table. */
  constructor(
    private readonly path: string,
    header = true,
  ) {
    this.file = new BufferedFile(path);
    if (header) this.file.write(BOM + headerLine(ARTICLE_COLUMNS));
  }

  /** Adds a record made by `csvCells`. */
  add(record: string): void {
    this.starts.push(this.file.size);
    this.file.write(record + "\r\n");
  }

  /** Writes the table out with row `order[k]` in place k (`order`: a permutation of the rows added). */
  finish(order: readonly number[]): void {
    this.starts.push(this.file.size);
    this.file.close();
    if (order.every((row, k) => row === k)) return;
    const unordered = readFileSync(this.path);
    const sorted = new BufferedFile(this.path);
    sorted.writeBytes(unordered, 0, this.starts.at(0));
    for (const row of order) sorted.writeBytes(unordered, this.starts.at(row), this.starts.at(row + 1));
    sorted.close();
  }

  /** Closes the file if the run ends early (it is then left as a temporary file, cleared by the next run). */
  close(): void {
    this.file.close();
  }
}
