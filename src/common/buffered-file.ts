import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";

/** Bytes gathered before one write to the file. */
const BUFFER_BYTES = 1 << 20;

/**
 * A file written in 1 MB writes, text encoded straight into the buffer: joining strings before
 * writing them was the largest cost of a rerun (the spool and mentions.csv are hundreds of MB).
 */
export class BufferedFile {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;

  constructor(path: string) {
    this.fd = openSync(path, "w");
  }

  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.used + 3 * text.length > BUFFER_BYTES) this.flush();
    if (3 * text.length > BUFFER_BYTES) writeSync(this.fd, text);
    else this.used += this.buffer.write(text, this.used);
  }

  /** Writes what is left and flushes the file to disk. */
  close(): void {
    try {
      this.flush();
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
  }

  private flush(): void {
    for (let done = 0; done < this.used; ) done += writeSync(this.fd, this.buffer, done, this.used - done);
    this.used = 0;
  }
}
