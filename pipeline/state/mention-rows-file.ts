import { randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { crc32 } from "node:zlib";
import { temporaryPathFor } from "../../src/common/atomic-write.js";
import { BufferedFile } from "../../src/common/buffered-file.js";
import { FileWindow } from "../../src/common/file-window.js";
import type { RowsPlace } from "../../src/7-write/mentions-table.js";

/** What the previous run's index says of its rows file. */
export interface PreviousRows {
  token: string;
  /** The end of the last rows it points to, and the bytes it points to in all. */
  end: number;
  live: number;
}

const headerLine = (token: string) => `fr-news-ner mention rows ${token}\n`;

/**
 * The rows file of the run state: every article's rendered mention rows, appended as articles are
 * extracted and never rewritten in place. A rerun appends only the new articles' rows, and the
 * previous index keeps pointing at valid bytes whatever happens to the run (rows appended by a run
 * that dies are never pointed to). It starts with a line naming a token that the index repeats.
 * When less than half of it would still be in use, a run writes a new one instead (compaction),
 * under a temporary name that the commit publishes.
 */
export class MentionRowsFile {
  readonly token: string;
  /** Set when this run writes a new file: the commit must rename it over `path`. */
  readonly temporary: string | undefined;
  private writer: BufferedFile | undefined;
  private readonly windows = new Map<string, FileWindow>();

  /** Opens the file for this run: the previous one to append to, or a new one. */
  constructor(
    private readonly path: string,
    previous: PreviousRows | undefined,
  ) {
    if (previous && MentionRowsFile.isAppendable(path, previous)) {
      this.token = previous.token;
      this.writer = new BufferedFile(path, "append");
    } else {
      this.token = randomBytes(8).toString("hex");
      this.temporary = temporaryPathFor(path);
      this.writer = new BufferedFile(this.temporary);
      this.writer.write(headerLine(this.token));
    }
  }

  /** Whether the previous run's file holds everything its index points to, and is worth keeping. */
  static isUsable(path: string, previous: PreviousRows): boolean {
    if (!existsSync(path) || statSync(path).size < previous.end) return false;
    const fd = openSync(path, "r");
    try {
      const expected = Buffer.from(headerLine(previous.token));
      const found = Buffer.alloc(expected.length);
      readSync(fd, found, 0, found.length, 0);
      return found.equals(expected);
    } finally {
      closeSync(fd);
    }
  }

  /** Whether a run appends to the previous file rather than compacting it into a new one. */
  static isAppendable(path: string, previous: PreviousRows): boolean {
    return MentionRowsFile.isUsable(path, previous) && 2 * previous.live >= statSync(path).size;
  }

  append(bytes: Uint8Array): RowsPlace {
    if (bytes.length === 0) return [0, 0, 0];
    const offset = this.writer!.size;
    this.writer!.writeBytes(bytes);
    return [offset, bytes.length, crc32(bytes)];
  }

  /** Where a reused record's rows are in this run's file: where they were, or copied when the file is new. */
  carry(rows: RowsPlace): RowsPlace {
    return this.temporary && rows[1] > 0 ? this.append(this.readFrom(this.path, rows)) : rows;
  }

  /** Flushes what was appended to disk; after this, the file is only read. */
  finishWriting(): void {
    this.writer?.close();
    this.writer = undefined;
  }

  /** An article's rows from this run's file, valid until the next read. Throws `DamagedStateError` when they are not what was written. */
  read(rows: RowsPlace): Uint8Array {
    return this.readFrom(this.temporary ?? this.path, rows);
  }

  close(): void {
    this.writer?.close();
    for (const window of this.windows.values()) window.close();
    this.windows.clear();
  }

  private readFrom(path: string, [offset, byteLength, crc]: RowsPlace): Uint8Array {
    let window = this.windows.get(path);
    if (!window) this.windows.set(path, (window = new FileWindow(path)));
    const bytes = window.read(offset, byteLength);
    if (bytes.length !== byteLength || crc32(bytes) !== crc) throw new DamagedStateError(path);
    return bytes;
  }
}

/** The run state's files do not hold what its index says. */
export class DamagedStateError extends Error {
  constructor(path: string) {
    super(`the mention rows in ${path} are damaged`);
  }
}
