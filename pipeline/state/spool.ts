import { closeSync, fsyncSync, openSync, readSync, writeSync } from "node:fs";
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
  private readonly fd: number;
  private buffered: string[] = [];
  private bufferedLength = 0;

  constructor(path: string, version: string) {
    this.fd = openSync(path, "w");
    this.writeLine(JSON.stringify({ spool: 1, version } satisfies SpoolHeader));
  }

  append(extraction: ArticleExtraction): void {
    this.writeLine(JSON.stringify(extraction));
  }

  close(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
  }

  private writeLine(line: string): void {
    this.buffered.push(line, "\n");
    this.bufferedLength += line.length + 1;
    if (this.bufferedLength > CHUNK) this.flush();
  }

  private flush(): void {
    if (this.buffered.length > 0) writeSync(this.fd, this.buffered.join(""));
    this.buffered = [];
    this.bufferedLength = 0;
  }
}

/** A line of a file and where its bytes are. */
export interface FileLine {
  text: string;
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
        yield { text: data.toString("utf8", 0, newline), offset, byteLength: newline };
        offset += newline + 1;
        data = data.subarray(newline + 1);
      }
      pending = Buffer.from(data);
    }
    if (pending.length > 0) yield { text: pending.toString("utf8"), offset, byteLength: pending.length };
  } finally {
    closeSync(fd);
  }
}

function checkHeader(line: FileLine | undefined, version: string): void {
  const parsed = line ? (JSON.parse(line.text) as Partial<SpoolHeader>) : undefined;
  if (parsed?.spool !== 1 || parsed.version !== version) throw new StaleSpoolError();
}

/** The extractions of a spool written by this pipeline version, in order. Throws on a foreign spool. */
export function* readSpool(path: string, version: string): Generator<ArticleExtraction> {
  const lines = readLines(path);
  checkHeader(lines.next().value || undefined, version);
  for (const line of lines) if (line.text) yield JSON.parse(line.text) as ArticleExtraction;
}

const SHA = /"sha256":"([0-9a-f]{64})"/;
const SOURCE_PATH = /"sourcePath":("(?:[^"\\]|\\.)*")/;

/**
 * The previous run's spool as a cache: where each content hash's extraction is, read on demand,
 * so that reusing 100,000 articles does not hold them all in memory.
 */
export class SpoolCache {
  private readonly where = new Map<string, { offset: number; byteLength: number }>();
  /** Source paths of the articles the previous run saw. */
  readonly sourcePaths = new Set<string>();
  private fd: number | undefined;

  constructor(
    private readonly path: string,
    version: string,
  ) {
    const lines = readLines(path);
    checkHeader(lines.next().value || undefined, version);
    for (const line of lines) {
      const sha = SHA.exec(line.text.slice(0, 2048))?.[1];
      const sourcePath = SOURCE_PATH.exec(line.text.slice(0, 2048))?.[1];
      if (sourcePath) this.sourcePaths.add(JSON.parse(sourcePath) as string);
      if (sha) this.where.set(sha, { offset: line.offset, byteLength: line.byteLength });
    }
  }

  /** The extraction of content with this hash, or undefined when it was not seen (or its line is damaged). */
  get(sha256: string): ArticleExtraction | undefined {
    const place = this.where.get(sha256);
    if (!place) return undefined;
    this.fd ??= openSync(this.path, "r");
    const bytes = Buffer.alloc(place.byteLength);
    readSync(this.fd, bytes, 0, place.byteLength, place.offset);
    try {
      return JSON.parse(bytes.toString("utf8")) as ArticleExtraction;
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
