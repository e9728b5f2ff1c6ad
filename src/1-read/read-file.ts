import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import type { Article } from "../types.js";
import { errorCode, type ListedFile } from "./list-files.js";

/** Larger files are not articles (archives, dumps): they are hashed, never held in memory whole. */
export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;

/** What is read of a file larger than MAX_ARTICLE_BYTES: its size and hash. */
export interface Oversized {
  size: number;
  sha256: string;
}

export type ReadBytes = (path: string) => Buffer | Oversized;

/** Stage 1: the file's bytes and their hash. A file that cannot be read becomes a skipped article. */
export function readArticle(file: ListedFile, readBytes: ReadBytes = readWithinLimit): Article {
  const source = { sourcePath: file.sourcePath, articleId: file.articleId, absolutePath: file.absolutePath };
  if (file.skipReason) return { source, sha256: "", skipReason: file.skipReason };
  let read: Buffer | Oversized;
  try {
    read = readBytes(file.absolutePath);
  } catch (error) {
    return { source, sha256: "", skipReason: `unreadable: ${errorCode(error)}` };
  }
  if (!Buffer.isBuffer(read)) return { source, sha256: read.sha256, skipReason: `too large: ${read.size} bytes` };
  return { source, sha256: createHash("sha256").update(read).digest("hex"), bytes: read };
}

/** The file's bytes; for a file larger than MAX_ARTICLE_BYTES, only its size and hash, read in chunks. */
export function readWithinLimit(path: string): Buffer | Oversized {
  const fd = openSync(path, "r");
  try {
    const { size } = fstatSync(fd);
    return size > MAX_ARTICLE_BYTES ? { size, sha256: hashInChunks(fd) } : readUpTo(fd, size);
  } finally {
    closeSync(fd);
  }
}

/** The first `size` bytes (fewer if the file shrank since): what readFileSync does, without its second fstat. */
function readUpTo(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let done = 0;
  for (let read: number; done < size && (read = readSync(fd, bytes, done, size - done, null)) > 0; ) done += read;
  return done === size ? bytes : bytes.subarray(0, done);
}

const HASH_CHUNK = 1 << 20;

function hashInChunks(fd: number): string {
  const hash = createHash("sha256");
  const chunk = Buffer.allocUnsafe(HASH_CHUNK);
  for (let read: number; (read = readSync(fd, chunk, 0, HASH_CHUNK, null)) > 0; ) hash.update(chunk.subarray(0, read));
  return hash.digest("hex");
}

/**
 * Timestamps are coarse (a few milliseconds): a file changed within the same tick as it was read
 * could keep its stamp. Files changed this recently get no stamp, and are read again next time.
 */
export const SETTLED_MS = 2000;

/**
 * What identifies a file's current content without reading it: size, modification and change
 * times (in nanoseconds) and inode. Any write changes the change time, which no tool can set back.
 * Empty when the file cannot be stat'ed or changed too recently to trust. Take it before reading.
 */
export function fileStamp(path: string, now = Date.now()): string {
  try {
    const { size, mtimeNs, ctimeNs, ino } = statSync(path, { bigint: true });
    return ctimeNs / 1_000_000n > BigInt(now - SETTLED_MS) ? "" : `${size}:${mtimeNs}:${ctimeNs}:${ino}`;
  } catch {
    return "";
  }
}
