import { closeSync, openSync, readSync } from "node:fs";

/** Bytes read at a time: reads in (mostly) file order then cost one system call per window. */
const WINDOW_BYTES = 4 << 20;

/**
 * Random reads from a file through a window of it kept in memory. The state files are read almost
 * in order (articles come in the order they were written), and a system call per article was most
 * of reading them.
 */
export class FileWindow {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(WINDOW_BYTES);
  /** File offset of buffer[0], and how many bytes of the buffer are valid. */
  private start = 0;
  private filled = 0;

  constructor(path: string) {
    this.fd = openSync(path, "r");
  }

  /** `length` bytes at `offset`, valid until the next read; fewer at the end of the file. */
  read(offset: number, length: number): Buffer {
    if (offset < this.start || offset + length > this.start + this.filled) this.fill(offset, length);
    const from = offset - this.start;
    return this.buffer.subarray(from, Math.min(from + length, this.filled));
  }

  close(): void {
    closeSync(this.fd);
  }

  private fill(offset: number, length: number): void {
    if (this.buffer.length < length) this.buffer = Buffer.allocUnsafe(length);
    this.start = offset;
    this.filled = 0;
    for (let read = -1; read !== 0 && this.filled < this.buffer.length; this.filled += read) {
      read = readSync(this.fd, this.buffer, this.filled, this.buffer.length - this.filled, offset + this.filled);
    }
  }
}

/** A line of a file and where its bytes are. */
export interface FileLine {
  /** The line's bytes, valid only until the next line is read. */
  bytes: Buffer;
  offset: number;
  byteLength: number;
}

/** Every line of a file, read a window at a time (the state can be larger than one string may be). */
export function* readLines(path: string): Generator<FileLine> {
  const fd = openSync(path, "r");
  try {
    let buffer = Buffer.allocUnsafe(WINDOW_BYTES);
    let filled = 0;
    let offset = 0;
    for (;;) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      filled += read;
      const data = buffer.subarray(0, filled);
      let start = 0;
      for (let newline = data.indexOf(10); newline >= 0; newline = data.indexOf(10, start)) {
        yield { bytes: data.subarray(start, newline), offset: offset + start, byteLength: newline - start };
        start = newline + 1;
      }
      if (read === 0) {
        if (start < filled) yield { bytes: data.subarray(start), offset: offset + start, byteLength: filled - start };
        return;
      }
      // The unfinished line moves to the front; a line longer than the buffer makes it grow.
      buffer.copy(buffer, 0, start, filled);
      [offset, filled] = [offset + start, filled - start];
      if (filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
    }
  } finally {
    closeSync(fd);
  }
}
