import { hash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { Int32List } from "../../src/common/typed-list.js";
import { writeFileAtomic } from "../../src/common/atomic-write.js";
import type { ListedFile } from "../../src/1-read/list-files.js";
import { PLAN_INT_LISTS, type MentionPlanState } from "../../src/7-write/mentions-table.js";
import type { Stamp } from "./article-index.js";
import type { PreviousRows } from "./mention-rows-file.js";

/**
 * What a run leaves for a rerun that only adds files after its own (the usual case: new articles
 * carry later dates or numbers in their names): its files in listing order, cross-article
 * resolution before it was finished, and the mention plan. Such a rerun restores them instead of
 * reading back every record, and appends to the index, articles.csv and mentions.csv instead of
 * writing them again (run.ts). Written after the commit, with the stamps of the files it appends
 * to: a snapshot whose files changed since (a later run that died, a table edited by hand) no
 * longer matches them, and the rerun then takes the ordinary way.
 */
export interface RunSnapshot {
  version: string;
  /** The run's files in listing order; their stamps as in the index, `skipReasons` as listed ("" for none). */
  files: { sourcePaths: string[]; articleIds: string[]; stamps: StampDigests; skipReasons: string[] };
  skipped: number;
  rows: PreviousRows;
  /** The stamps of the appended files, by path. */
  appendedFiles: Record<string, Stamp>;
  /** As JSON: the resolver's state is made into text as soon as it is taken, its arrays of names then garbage at once. */
  resolver: string;
  plan: MentionPlanState;
}

const MAGIC = "fr-news-ner run snapshot 1\n";

/**
 * Layout: MAGIC; the snapshot as JSON without the resolver's state and the numbers, then the
 * resolver's state as JSON, each after its uint32 length; then the numbers: float64 row offsets,
 * each int32 list in `PLAN_INT_LISTS` order, the stamp digests. Little-endian.
 */
export function writeRunSnapshot(path: string, snapshot: RunSnapshot): void {
  const { plan, files, resolver, ...rest } = snapshot;
  const ints = [...PLAN_INT_LISTS.map((name) => plan.ints[name]), files.stamps.view()];
  const { stamps, ...named } = files;
  const texts = [JSON.stringify({ ...rest, files: named, dates: plan.dates, rowCount: plan.rowOffsets.length, lengths: ints.map((a) => a.length) }), resolver].flatMap((text) => {
    const bytes = Buffer.from(text);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.length);
    return [length, bytes];
  });
  const arrays = [plan.rowOffsets, ...ints].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  writeFileAtomic(path, [Buffer.from(MAGIC), ...texts, ...arrays]);
}

/**
 * Files' stamps as 64 bits of their SHA-1, two int32 each: as strings, the stamps of 100,000 files
 * held about 8 MB through a run. A changed file whose new stamp had the same digest would go
 * unnoticed, with a probability of 2^-64. (One-shot `hash` to hex: a `createHash` object per
 * stamp was 60-130 ms per 20,000 stamps here, this 12-17 ms.)
 */
export class StampDigests {
  private readonly digests = new Int32List();

  static of(digests: Int32Array): StampDigests {
    const stamps = new StampDigests();
    stamps.digests.pushAll(digests);
    return stamps;
  }

  add(stamp: Stamp): void {
    const [high, low] = digest(stamp);
    this.digests.push(high);
    this.digests.push(low);
  }

  /** Whether file `i`'s stamp was `stamp`; never for an empty stamp (read the file). */
  matches(i: number, stamp: Stamp): boolean {
    if (stamp === "") return false;
    const [high, low] = digest(stamp);
    return this.digests.at(2 * i) === high && this.digests.at(2 * i + 1) === low;
  }

  view(): Int32Array {
    return this.digests.view();
  }
}

/** The snapshot at `path` when it is of this pipeline `version` and its appended files are as it left them; else undefined. */
export function readRunSnapshot(path: string, version: string): RunSnapshot | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  try {
    const snapshot = parse(bytes);
    const unchanged = Object.entries(snapshot.appendedFiles).every(([file, stamp]) => tableStamp(file) === stamp);
    return snapshot.version === version && unchanged ? snapshot : undefined;
  } catch {
    return undefined; // damaged: the ordinary way still works
  }
}

function digest(stamp: Stamp): [number, number] {
  const hex = hash("sha1", stamp, "hex");
  return [parseInt(hex.slice(0, 8), 16) | 0, parseInt(hex.slice(8, 16), 16) | 0];
}

/** Whether `files` start with the snapshot's files, unchanged, and every other one sorts after them by article id too. */
export function extendsSnapshot(files: readonly ListedFile[], { files: known }: RunSnapshot, stampOf: (file: ListedFile) => Stamp): boolean {
  if (files.length < known.sourcePaths.length) return false;
  let lastId = "";
  for (let i = 0; i < known.sourcePaths.length; i++) {
    const file = files[i];
    if (file.sourcePath !== known.sourcePaths[i] || file.articleId !== known.articleIds[i] || (file.skipReason ?? "") !== known.skipReasons[i]) return false;
    // A file skipped when listed is never read: its record is the same while its reason is.
    if (!file.skipReason && !known.stamps.matches(i, stampOf(file))) return false;
    if (file.articleId > lastId) lastId = file.articleId;
  }
  return files.slice(known.sourcePaths.length).every((file) => file.articleId > lastId);
}

/** Size, times and inode of a table this run wrote; "" when it is missing. */
export function tableStamp(path: string): Stamp {
  try {
    const { size, mtimeNs, ctimeNs, ino } = statSync(path, { bigint: true });
    return `${size}:${mtimeNs}:${ctimeNs}:${ino}`;
  } catch {
    return "";
  }
}

function parse(bytes: Buffer): RunSnapshot {
  if (bytes.toString("utf8", 0, MAGIC.length) !== MAGIC) throw new Error("not a run snapshot");
  let offset = MAGIC.length;
  const text = () => {
    const length = bytes.readUInt32LE(offset);
    offset += 4 + length;
    return bytes.toString("utf8", offset - length, offset);
  };
  type Stored = Omit<RunSnapshot, "plan" | "files" | "resolver"> & { files: Omit<RunSnapshot["files"], "stamps">; dates: string[]; rowCount: number; lengths: number[] };
  const { files, dates, rowCount, lengths, ...rest } = JSON.parse(text()) as Stored;
  const resolver = text();
  const take = <T extends Float64Array | Int32Array>(target: T): T => {
    if (offset + target.byteLength > bytes.length) throw new Error("truncated run snapshot");
    // Copied out: `offset` need not be aligned for the type.
    new Uint8Array(target.buffer).set(bytes.subarray(offset, offset + target.byteLength));
    offset += target.byteLength;
    return target;
  };
  const rowOffsets = take(new Float64Array(rowCount));
  const ints = Object.fromEntries(PLAN_INT_LISTS.map((name, i) => [name, take(new Int32Array(lengths[i]))])) as MentionPlanState["ints"];
  const stamps = StampDigests.of(take(new Int32Array(lengths[PLAN_INT_LISTS.length])));
  if (offset !== bytes.length) throw new Error("run snapshot longer than its header says");
  return { ...rest, files: { ...files, stamps }, resolver, plan: { dates, rowOffsets, ints } };
}
