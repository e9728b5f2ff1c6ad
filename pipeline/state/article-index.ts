import { BufferedFile } from "../../src/common/buffered-file.js";
import { FileWindow, readLines } from "../../src/common/file-window.js";
import type { RowsPlace } from "../../src/7-write/mentions-table.js";
import type { ArticleRecord } from "../../src/types.js";

/**
 * The article index: every input file's `ArticleRecord`, one line each, in article order, after a
 * header line naming the pipeline version and the rows file the records point into. On the next
 * run it is how unchanged files are recognised and reused without being extracted again (nor,
 * when their stamp is unchanged, read).
 *
 * A line is a head, `[sourcePath, stamp, sha256, rows offset, rows length, rows CRC-32]` as JSON,
 * a tab, then the record as JSON (JSON never holds a raw tab). The head is all that opening the
 * index decodes, and what a rerun changes of a reused line.
 */
export interface IndexHeader {
  index: 2;
  version: string;
  /** The token of the rows file (mention-rows-file.ts) this index points into. */
  rowsToken: string;
}

/**
 * The file's size, times and inode when it was read: while they stay the same, the file is not
 * read again. Empty: read it next time (src/1-read/read-file.ts, `fileStamp`).
 */
export type Stamp = string;

type LineHead = [sourcePath: string, stamp: Stamp, sha256: string, ...rows: RowsPlace];

const TAB = 9;

/** A record's line (without its line end), from the record as JSON. */
export function indexLine(record: ArticleRecord, json: string, stamp: Stamp, rows: RowsPlace): string {
  const head: LineHead = [record.sourcePath, stamp, record.sha256, ...rows];
  return `${JSON.stringify(head)}\t${json}`;
}

export class IndexWriter {
  private readonly file: BufferedFile;

  /** Without `header`: the lines to append to an index (a rerun that only adds files after the earlier ones). */
  constructor(path: string, header: IndexHeader | undefined) {
    this.file = new BufferedFile(path);
    if (header) this.append(JSON.stringify(header));
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
    return Array.isArray(head) && head.length === 6 && typeof head[0] === "string" && head.slice(3).every(Number.isSafeInteger) ? head : undefined;
  } catch {
    return undefined;
  }
}

/** Where the previous run's line of a file is, what tells whether the file changed since, and where its rows are. */
export interface IndexEntry {
  stamp: Stamp;
  sha256: string;
  rows: RowsPlace;
  offset: number;
  byteLength: number;
}

/** A reused line: its record, the record's JSON, and the line. */
export interface IndexLine {
  record: ArticleRecord;
  json: string;
  line: string;
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
      const [sourcePath, stamp, sha256, ...rows] = head;
      this.entries.set(sourcePath, { stamp, sha256, rows, offset: line.offset, byteLength: line.byteLength });
      this.rowsEnd = Math.max(this.rowsEnd, rows[0] + rows[1]);
      this.rowsLive += rows[1];
    }
  }

  /** Source paths of the files the previous run listed. */
  get sourcePaths(): Iterable<string> {
    return this.entries.keys();
  }

  entry(sourcePath: string): IndexEntry | undefined {
    return this.entries.get(sourcePath);
  }

  /** The line an entry points to, or undefined when it is damaged. */
  read(entry: IndexEntry): IndexLine | undefined {
    this.window ??= new FileWindow(this.path);
    const line = this.window.read(entry.offset, entry.byteLength).toString("utf8");
    const json = line.slice(line.indexOf("\t") + 1);
    try {
      return { record: JSON.parse(json) as ArticleRecord, json, line };
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
