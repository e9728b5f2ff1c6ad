import iconv from "iconv-lite";
import type { Article } from "../types.js";

/** Signatures of common binary formats that can arrive with a `.txt` name. */
const MAGIC_NUMBERS: { name: string; bytes: number[] }[] = [
  { name: "PNG", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: "JPEG", bytes: [0xff, 0xd8, 0xff] },
  { name: "GIF", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "PDF", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: "ZIP", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "gzip", bytes: [0x1f, 0x8b] },
  { name: "7z", bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: "RIFF", bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: "ELF", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: "OLE", bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

/** Above this share of control bytes (NUL included) the content is not text; a stray NUL in an article is tolerated. */
const MAX_CONTROL_SHARE = 0.02;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Stage 1b: bytes → text. UTF-8 (byte-order mark dropped), UTF-16 with a byte-order mark, and
 * Windows-1252 when the bytes are not valid UTF-8 (Latin-1 is its subset for printable text).
 */
export function decodeArticle(article: Article): Article {
  const { bytes } = article;
  if (article.skipReason || !bytes) return article;
  const decoded = decodeBytes(bytes);
  const rest: Article = { ...article, bytes: undefined };
  if ("skipReason" in decoded) return { ...rest, skipReason: decoded.skipReason };
  return { ...rest, original: decoded.text, encoding: decoded.encoding };
}

export function decodeBytes(bytes: Buffer): { text: string; encoding: string } | { skipReason: string } {
  if (bytes.length === 0) return { skipReason: "empty file" };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv.decode(bytes.subarray(2), "utf-16le"), encoding: "utf-16le" };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: iconv.decode(bytes.subarray(2), "utf-16be"), encoding: "utf-16be" };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  if (isBinary(body)) return { skipReason: "not text: binary content" };
  try {
    return { text: utf8.decode(body), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(body, "windows-1252"), encoding: "windows-1252" };
  }
}

function isBinary(bytes: Buffer): boolean {
  if (MAGIC_NUMBERS.some((magic) => startsWith(bytes, magic.bytes))) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  return control > Math.max(1, sample.length * MAX_CONTROL_SHARE);
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}
