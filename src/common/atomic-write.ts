import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Writes a file so that a reader (or a run killed at any instant) sees either the old complete file
 * or the new complete file, never a torn one: write a temporary file in the same folder, flush it
 * to disk, then rename it over the target (rename is atomic within one file system).
 */
export function writeFileAtomic(path: string, data: FileData): void {
  const temporary = temporaryPathFor(path);
  try {
    writeFileDurable(temporary, data);
    renameSync(temporary, path);
    syncFolder(dirname(path));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A file's content: text, bytes, or pieces of bytes written one after the other (not joined into one copy first). */
export type FileData = string | Uint8Array | readonly Uint8Array[];

/** Writes a file and flushes it to disk (for a file that is itself temporary, renamed later by a commit). */
export function writeFileDurable(path: string, data: FileData): void {
  const fd = openSync(path, "w");
  try {
    const pieces = typeof data === "string" ? [Buffer.from(data, "utf8")] : data instanceof Uint8Array ? [data] : data;
    for (const piece of pieces) for (let done = 0; done < piece.length; ) done += writeSync(fd, piece, done, piece.length - done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A temporary name beside `path`, unique to this process, that a later run recognises as debris. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** Makes a rename durable: on power loss the folder entry is flushed too. */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, "r");
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
