import { closeSync, openSync, readSync } from "node:fs";
import { BufferedFile } from "../../src/common/buffered-file.js";
import type { ArticleExtraction } from "../../src/types.js";

/**
 * The extraction spool: every article's extraction, one JSON line each, in article order, after a
 * header line naming the pipeline version. It is both what the mentions table is written from
 * (so mentions never wait in memory) and, on the next run, the cache of unchanged articles.
 */

interface SpoolHeader {
  spool: 1;
  version: string;
}

const CHUNK = 1 << 20;

export class SpoolWriter {
  private readonly file: BufferedFile;

  constructor(path: string, version: string) {
    this.file = new BufferedFile(path);
    this.append(JSON.stringify({ spool: 1, version } satisfies SpoolHeader));
  }

  /** Appends an extraction given as its JSON line (made by the worker, or read from the cache). */
  append(line: string): void {
    this.file.write(line + "\n");
  }

  close(): void {
    this.file.close();
  }
}

/** A line of a file and where its bytes are. */
export interface FileLine {
  /** The line's bytes, valid only until the next line is read. */
  bytes: Buffer;
  offset: number;
  byteLength: number;
}

/** Every line of a file, read in chunks (the spool can be larger than memory allows as one string). */
export function* readLines(path: string): Generator<FileLine> {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(CHUNK);
    let pending = Buffer.alloc(0);
    let offset = 0;
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      let data = pending.length > 0 ? Buffer.concat([pending, buffer.subarray(0, read)]) : buffer.subarray(0, read);
      for (let newline = data.indexOf(10); newline >= 0; newline = data.indexOf(10)) {
        yield { bytes: data.subarray(0, newline), offset, byteLength: newline };
        offset += newline + 1;
        data = data.subarray(newline + 1);
      }
      pending = Buffer.from(data);
    }
    if (pending.length > 0) yield { bytes: pending, offset, byteLength: pending.length };
  } finally {
    closeSync(fd);
  }
}

function checkHeader(line: FileLine | undefined, version: string): void {
  const parsed = line ? (JSON.parse(line.bytes.toString("utf8")) as Partial<SpoolHeader>) : undefined;
  if (parsed?.spool !== 1 || parsed.version !== version) throw new StaleSpoolError();
}

/** The extractions of a spool written by this pipeline version, in order. Throws on a foreign spool. */
export function* readSpool(path: string, version: string): Generator<ArticleExtraction> {
  const lines = readLines(path);
  checkHeader(lines.next().value || undefined, version);
  for (const line of lines) if (line.byteLength > 0) yield JSON.parse(line.bytes.toString("utf8")) as ArticleExtraction;
}

/** Where in a spool line the cache looks for the hash and path (enough bytes for that many characters). */
const HEAD_CHARS = 2048;
const HEAD_BYTES = 3 * HEAD_CHARS;
const SHA = /"sha256":"([0-9a-f]{64})"/;
const SOURCE_PATH = /"sourcePath":("(?:[^"\\]|\\.)*")/;

/**
 * A copy of a piece of a string that does not keep the whole string alive (V8 keeps a substring as
 * a view of its parent): kept as map keys, the hashes held every line head, 150 MB at 20,000 articles.
 */
const detached = (text: string) => Buffer.from(text).toString();

/**
 * The previous run's spool as a cache: where each content hash's extraction is, read on demand,
 * so that reusing 100,000 articles does not hold them all in memory.
 */
export class SpoolCache {
  private readonly where = new Map<string, { offset: number; byteLength: number }>();
  /** Source paths of the articles the previous run saw. */
  readonly sourcePaths = new Set<string>();
  private fd: number | undefined;
  /** One buffer for every line read, rather than an allocation per reused article. */
  private scratch = Buffer.allocUnsafe(64 * 1024);

  constructor(
    private readonly path: string,
    version: string,
  ) {
    const lines = readLines(path);
    checkHeader(lines.next().value || undefined, version);
    for (const line of lines) {
      // Only the head is decoded: the hash and path come first, and decoding whole lines was most of a rerun's start.
      const head = line.bytes.toString("utf8", 0, Math.min(line.byteLength, HEAD_BYTES)).slice(0, HEAD_CHARS);
      const sha = SHA.exec(head)?.[1];
      const sourcePath = SOURCE_PATH.exec(head)?.[1];
      if (sourcePath) this.sourcePaths.add(detached(JSON.parse(sourcePath) as string));
      if (sha) this.where.set(detached(sha), { offset: line.offset, byteLength: line.byteLength });
    }
  }

  /** The extraction of content with this hash and its line, or undefined when it was not seen (or its line is damaged). */
  get(sha256: string): { extraction: ArticleExtraction; line: string } | undefined {
    const place = this.where.get(sha256);
    if (!place) return undefined;
    this.fd ??= openSync(this.path, "r");
    if (this.scratch.length < place.byteLength) this.scratch = Buffer.allocUnsafe(2 * place.byteLength);
    readSync(this.fd, this.scratch, 0, place.byteLength, place.offset);
    const line = this.scratch.toString("utf8", 0, place.byteLength);
    try {
      return { extraction: JSON.parse(line) as ArticleExtraction, line };
    } catch {
      return undefined;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** A spool from another pipeline version: its extractions cannot be reused. */
export class StaleSpoolError extends Error {
  constructor() {
    super("the cache was written by another version of the pipeline");
  }
}
