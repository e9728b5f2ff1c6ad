import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import type { Article } from "../types.js";
import { errorCode, type ListedFile } from "./list-files.js";

/** Larger files are not articles (archives, dumps); reading them would only exhaust memory. */
export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;

export type ReadBytes = (path: string) => Buffer;

/** Stage 1: the file's bytes and their hash. A file that cannot be read becomes a skipped article. */
export function readArticle(file: ListedFile, readBytes: ReadBytes = readFileSync): Article {
  const source = { sourcePath: file.sourcePath, articleId: file.articleId, absolutePath: file.absolutePath };
  if (file.skipReason) return { source, sha256: "", skipReason: file.skipReason };
  let bytes: Buffer;
  try {
    bytes = readBytes(file.absolutePath);
  } catch (error) {
    return { source, sha256: "", skipReason: `unreadable: ${errorCode(error)}` };
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (bytes.length > MAX_ARTICLE_BYTES) return { source, sha256, skipReason: `too large: ${bytes.length} bytes` };
  return { source, sha256, bytes };
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
