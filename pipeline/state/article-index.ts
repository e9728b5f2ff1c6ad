import { BufferedFile } from "../../src/common/buffered-file.js";
import { FileWindow, readLines } from "../../src/common/file-window.js";
import type { ArticleRecord } from "../../src/types.js";

/**
 * The article index: every input file's `ArticleRecord`, one line each, in article order, after a
 * header line naming the pipeline version and the rows file the records point into. It is what
 * the tables are written from and, on the next run, how unchanged files are recognised and reused
 * without being extracted again (nor, when their stamp is unchanged, read).
 *
 * A line is `[sourcePath, stamp, sha256, rows offset, rows length]` as JSON, a tab, then the record as JSON (JSON never holds
 * a raw tab): the short head is all that opening the index decodes.
 */
export interface IndexHeader {
  index: 2;
  version: string;
  /** The token of the rows file (mention-rows-file.ts) this index points into. */
  rowsToken: string;
}

type LineHead = [sourcePath: string, stamp: string, sha256: string, rowsOffset: number, rowsLength: number];

const TAB = 9;

/** A record's line (without its line end). */
export function indexLine(record: ArticleRecord): string {
  const head: LineHead = [record.sourcePath, record.stamp, record.sha256, record.rows[0], record.rows[1]];
  return `${JSON.stringify(head)}\t${JSON.stringify(record)}`;
}

export class IndexWriter {
  private readonly file: BufferedFile;

  constructor(path: string, header: IndexHeader) {
    this.file = new BufferedFile(path);
    this.append(JSON.stringify(header));
  }

  append(line: string): void {
    this.file.write(line + "\n");
  }

  close(): void {
    this.file.close();
  }
}

function parseHead(text: string): LineHead | undefined {
  try {
    const head = JSON.parse(text) as LineHead;
    return Array.isArray(head) && typeof head[0] === "string" && Number.isSafeInteger(head[3]) && Number.isSafeInteger(head[4]) ? head : undefined;
  } catch {
    return undefined;
  }
}

/** Where the previous run's line of a file is, and what tells whether the file changed since. */
export interface IndexEntry {
  stamp: string;
  sha256: string;
  offset: number;
  byteLength: number;
}

/**
 * The previous run's index, opened for reuse: where each file's record is, read on demand so that
 * reusing 100,000 articles does not hold them all in memory. Throws `StaleStateError` for an index
 * of another pipeline version, and any other error for one that is damaged.
 */
export class PreviousIndex {
  readonly header: IndexHeader;
  private readonly entries = new Map<string, IndexEntry>();
  /** The end of the last rows the records point to, and the bytes they point to in all. */
  rowsEnd = 0;
  rowsLive = 0;
  private window: FileWindow | undefined;

  constructor(
    private readonly path: string,
    version: string,
  ) {
    const lines = readLines(path);
    const first = lines.next().value;
    this.header = (first ? JSON.parse(first.bytes.toString("utf8")) : {}) as IndexHeader;
    if (this.header.index !== 2 || this.header.version !== version) throw new StaleStateError();
    for (const line of lines) {
      if (line.byteLength === 0) continue;
      const tab = line.bytes.indexOf(TAB);
      const head = tab > 0 ? parseHead(line.bytes.toString("utf8", 0, tab)) : undefined;
      if (!head) continue; // a damaged line: its file is extracted again
      const [sourcePath, stamp, sha256, rowsOffset, rowsLength] = head;
      this.entries.set(sourcePath, { stamp, sha256, offset: line.offset, byteLength: line.byteLength });
      this.rowsEnd = Math.max(this.rowsEnd, rowsOffset + rowsLength);
      this.rowsLive += rowsLength;
    }
  }

  /** Source paths of the files the previous run listed. */
  get sourcePaths(): Iterable<string> {
    return this.entries.keys();
  }

  entry(sourcePath: string): IndexEntry | undefined {
    return this.entries.get(sourcePath);
  }

  /** The record an entry points to and its whole line, or undefined when the line is damaged. */
  read(entry: IndexEntry): { record: ArticleRecord; line: string } | undefined {
    this.window ??= new FileWindow(this.path);
    const line = this.window.read(entry.offset, entry.byteLength).toString("utf8");
    try {
      return { record: JSON.parse(line.slice(line.indexOf("\t") + 1)) as ArticleRecord, line };
    } catch {
      return undefined;
    }
  }

  close(): void {
    this.window?.close();
    this.window = undefined;
  }
}

/** An index from another pipeline version: its records cannot be reused. */
export class StaleStateError extends Error {
  constructor() {
    super("the run state was written by another version of the pipeline");
  }
}
