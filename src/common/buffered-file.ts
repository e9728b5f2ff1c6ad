import { closeSync, fsyncSync, fstatSync, openSync, writeSync } from "node:fs";

const asBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/** Bytes gathered before one write to the file. */
const BUFFER_BYTES = 1 << 20;

/**
 * A file written in 1 MB writes, text encoded straight into the buffer: joining strings before
 * writing them was the largest cost of a rerun (the state and mentions.csv are hundreds of MB).
 */
export class BufferedFile {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private closed = false;
  /** Bytes in the file, this object's writes included. */
  size: number;

  /** `append`: keep what the file holds and write after it. */
  constructor(path: string, mode: "write" | "append" = "write") {
    this.fd = openSync(path, mode === "append" ? "a" : "w");
    this.size = mode === "append" ? fstatSync(this.fd).size : 0;
  }

  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.used + 3 * text.length > BUFFER_BYTES) this.flush();
    if (3 * text.length > BUFFER_BYTES) this.writeBytes(Buffer.from(text));
    else {
      const written = this.buffer.write(text, this.used);
      this.used += written;
      this.size += written;
    }
  }

  /** Writes `bytes[start, end)`. */
  writeBytes(bytes: Uint8Array, start = 0, end = bytes.length): void {
    const length = end - start;
    if (this.used + length > BUFFER_BYTES) this.flush();
    if (length > BUFFER_BYTES) this.writeOut(bytes.subarray(start, end));
    // Buffer#copy takes a range without making a view of it: mentions.csv is copied in pieces of a few dozen bytes.
    else this.used += asBuffer(bytes).copy(this.buffer, this.used, start, end);
    this.size += length;
  }

  /** Writes what is left and flushes the file to disk; does nothing the second time. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.flush();
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
  }

  private flush(): void {
    this.writeOut(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeOut(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
  }
}
