import { endianness } from "node:os";
import { gunzipSync, gzipSync } from "node:zlib";
import type { SentenceFeatures } from "./features.js";
import { LABEL_COUNT, LABELS } from "./labels.js";

/** What a model file says about how it was made; the extractor must be rebuilt the same way to use it. */
export interface ModelHeader {
  labels: readonly string[];
  featureVersion: number;
  hashBits: number;
  /** `LexiconMatcher.digest()` of the lexicons at training time. */
  lexiconDigest: string;
  /** Free-form: corpora, epochs, seed. Sorted keys only, so that the file is reproducible. */
  training: Record<string, string | number>;
}

/** A model fresh from training: weights[bucket * LABEL_COUNT + label], transitions[(previous + 1) * LABEL_COUNT + label]. */
export interface TrainedModel {
  header: ModelHeader;
  weights: Float32Array;
  transitions: Float32Array;
}

/**
 * The weights as the model file stores them, int16 levels of one float32 scale, with a row of
 * LABEL_COUNT levels for each bucket that has a nonzero weight only: 12% of the 2^21 buckets of the
 * shipped model. They take 5 MB instead of the 38 MB of every bucket's row, which a run spent memory
 * and 0.12 s of page faults on; a bucket without a row adds nothing to a score. The weight of label y
 * in row r is `levels[r * LABEL_COUNT + y] × scale`, exactly: an int16 times a float32 fits in a
 * float64, so that a sum of weights is the sum of their levels times the scale, to the bit, and the
 * tagger adds up integers (see emissions.ts).
 */
export interface QuantisedWeights {
  /** Bit b & 31 of present[b >>> 5] is set when bucket b has a row. */
  present: Uint32Array;
  /** rowsBefore[w]: the rows of the buckets of present[0 .. w), from which a bucket's row is counted. */
  rowsBefore: Int32Array;
  /** levels[row * LABEL_COUNT + label], the rows in bucket order. */
  levels: Int16Array;
  /** What one level is worth: a float32. */
  scale: number;
}

/** Where the row of `bucket` starts in `levels`; −1 when all its weights are zero. */
export function rowOffset({ present, rowsBefore }: QuantisedWeights, bucket: number): number {
  const word = present[bucket >>> 5];
  const bit = 1 << (bucket & 31);
  if ((word & bit) === 0) return -1;
  return (rowsBefore[bucket >>> 5] + bitCount(word & (bit - 1))) * LABEL_COUNT;
}

function bitCount(word: number): number {
  word -= (word >>> 1) & 0x55555555;
  word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
  return Math.imul((word + (word >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** A model as the tagger uses it: read from its file, or a trained one quantised as its file would be (`quantiseModel`). */
export interface LinearModel {
  header: ModelHeader;
  weights: QuantisedWeights;
  transitions: Float32Array;
}

export const TRANSITION_COUNT = (LABEL_COUNT + 1) * LABEL_COUNT;

/**
 * Fills `scores[t * L + y]` with the summed feature weights of label y at token t: training's decoding
 * (the tagger keeps sums per token string instead, see emissions.ts).
 * The nine label sums are unrolled into locals: the loop is bound by cache misses on the weight rows,
 * and keeping the sums in registers instead of re-reading `scores` made tagging about a quarter faster.
 */
export function emissionScores(weights: Float32Array | Float64Array, features: SentenceFeatures, tokenCount: number, scores: Float64Array): void {
  const { rows, starts } = features;
  for (let t = 0; t < tokenCount; t++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    for (let f = starts[t]; f < starts[t + 1]; f++) {
      const row = rows[f];
      s0 += weights[row]; s1 += weights[row + 1]; s2 += weights[row + 2];
      s3 += weights[row + 3]; s4 += weights[row + 4]; s5 += weights[row + 5];
      s6 += weights[row + 6]; s7 += weights[row + 7]; s8 += weights[row + 8];
    }
    const out = t * LABEL_COUNT;
    scores[out] = s0; scores[out + 1] = s1; scores[out + 2] = s2;
    scores[out + 3] = s3; scores[out + 4] = s4; scores[out + 5] = s5;
    scores[out + 6] = s6; scores[out + 7] = s7; scores[out + 8] = s8;
  }
}
if (LABEL_COUNT !== 9) throw new Error("emissionScores is unrolled for 9 labels (O + B/I × 4 types)");

/**
 * Perceptron weights with averaging by the lazy trick: besides the current weights w, keep
 * u = Σ step × update, so that the average over all steps is w − u / step without touching
 * every weight at every step (Daumé III, "A Course in Machine Learning", ch. 4).
 */
export class AveragedWeights {
  readonly weights: Float64Array;
  readonly transitions = new Float64Array(TRANSITION_COUNT);
  private readonly weightSteps: Float64Array;
  private readonly transitionSteps = new Float64Array(TRANSITION_COUNT);
  /** Counts training sentences seen, starting at 1. */
  step = 1;

  constructor(hashBits: number) {
    this.weights = new Float64Array((1 << hashBits) * LABEL_COUNT);
    this.weightSteps = new Float64Array(this.weights.length);
  }

  /** Adds `delta` to the weights of every feature of token t for `label`. */
  updateToken(features: SentenceFeatures, t: number, label: number, delta: number): void {
    const { rows, starts } = features;
    const stepDelta = this.step * delta;
    for (let f = starts[t]; f < starts[t + 1]; f++) {
      const cell = rows[f] + label;
      this.weights[cell] += delta;
      this.weightSteps[cell] += stepDelta;
    }
  }

  /** `previous` −1 is the sentence start. */
  updateTransition(previous: number, label: number, delta: number): void {
    const cell = (previous + 1) * LABEL_COUNT + label;
    this.transitions[cell] += delta;
    this.transitionSteps[cell] += this.step * delta;
  }

  averaged(header: ModelHeader): TrainedModel {
    const average = (current: Float64Array, steps: Float64Array): Float32Array => {
      const averaged = new Float32Array(current.length);
      for (let i = 0; i < current.length; i++) averaged[i] = current[i] - steps[i] / this.step;
      return averaged;
    };
    return { header, weights: average(this.weights, this.weightSteps), transitions: average(this.transitions, this.transitionSteps) };
  }
}

/** Format 2, sparse weights. Files of format 1 (dense weights) began with DENSE_MAGIC. */
const MAGIC = "FRNERTG2";
const DENSE_MAGIC = "FRNERTAG";
/** Weights are stored as int16 × scale: half the size of float32, and the rounding zeroes the tiny weights, which the file leaves out. */
const QUANTUM_LEVELS = 32767;
/** Above 2^24 buckets the training arrays pass 2 GB, and bucket × labels must stay an int32. */
export const MAX_HASH_BITS = 24;

/** The nonzero int16 levels of weights of one float32 scale, at increasing positions (bucket × LABEL_COUNT + label). */
export interface SparseLevels {
  positions: Int32Array;
  nonzero: Int16Array;
  scale: number;
}

/** The model file of a trained model, its weights quantised as `quantiseModel` does. */
export function serializeModel(model: TrainedModel): Buffer {
  return encodeModel(model.header, model.transitions, quantise(model.weights));
}

/**
 * File layout, gzipped: MAGIC, uint32 header length, header JSON, float32 transitions, float32 weight
 * scale, uint32 count of nonzero levels, those int16 levels in weight order, then their positions as
 * varint gaps (LEB128 of position − previous position − 1, the first from −1); numbers little-endian.
 * Only 4% of the weights are nonzero: the dense levels unzipped to 38 MB, 150-400 ms per load.
 */
export function encodeModel(header: ModelHeader, transitions: Float32Array, { positions, nonzero, scale }: SparseLevels): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const body = Buffer.concat([
    Buffer.from(MAGIC, "ascii"), uint32Bytes(headerBytes.length), headerBytes, littleEndianBytes(transitions),
    littleEndianBytes(Float32Array.of(scale)), uint32Bytes(nonzero.length), littleEndianBytes(nonzero), gapsOf(positions),
  ]);
  return gzipSync(body, { level: 9 });
}

/** Increasing positions as varint gaps. */
function gapsOf(positions: Int32Array): Buffer {
  const gaps = Buffer.alloc(positions.length * MAX_GAP_BYTES);
  let at = 0;
  let previous = -1;
  for (const position of positions) {
    let gap = position - previous - 1;
    for (; gap >= 0x80; gap >>>= 7) gaps[at++] = (gap & 0x7f) | 0x80;
    gaps[at++] = gap;
    previous = position;
  }
  return gaps.subarray(0, at);
}
/** 7 bits a byte: 28 bits cover the 2^24 × 9 weights of the largest model. */
const MAX_GAP_BYTES = 4;

/** What `deserializeModel(serializeModel(model))` gives, without the file: training scores its snapshots with it. */
export function quantiseModel(model: TrainedModel): LinearModel {
  const bucketCount = model.weights.length / LABEL_COUNT;
  return { header: model.header, weights: packWeights(quantise(model.weights), bucketCount, false), transitions: model.transitions };
}

/** The weights as levels × a float32 scale, the largest weight at level ±32767; those rounded to level 0 are left out. */
function quantise(weights: Float32Array): SparseLevels {
  let largest = 0;
  // Indexed: a for-of over the 19 million weights took 105 ms instead of 13, and training quantises after every epoch.
  for (let i = 0; i < weights.length; i++) largest = Math.max(largest, Math.abs(weights[i]));
  const scale = Math.fround(largest === 0 ? 1 : largest / QUANTUM_LEVELS);
  // Rounded twice rather than kept: a dense array of levels was 38 MB per epoch.
  let count = 0;
  for (let i = 0; i < weights.length; i++) if (Math.round(weights[i] / scale) !== 0) count++;
  const positions = new Int32Array(count);
  const nonzero = new Int16Array(count);
  for (let i = 0, n = 0; i < weights.length; i++) {
    const level = Math.round(weights[i] / scale);
    if (level === 0) continue;
    positions[n] = i;
    nonzero[n++] = level;
  }
  return { positions, nonzero, scale };
}

/** The weights of `levels` over `bucketCount` buckets, as the tagger reads them; with `shared`, in shared memory. */
function packWeights({ positions, nonzero, scale }: SparseLevels, bucketCount: number, shared: boolean): QuantisedWeights {
  const present = new Uint32Array(zeros(Math.ceil(bucketCount / 32) * Uint32Array.BYTES_PER_ELEMENT, shared));
  let rows = 0;
  for (let n = 0, previous = -1; n < positions.length; n++) {
    const bucket = (positions[n] / LABEL_COUNT) | 0;
    present[bucket >>> 5] |= 1 << (bucket & 31);
    if (bucket !== previous) rows++;
    previous = bucket;
  }
  const rowsBefore = new Int32Array(zeros(present.length * Int32Array.BYTES_PER_ELEMENT, shared));
  for (let w = 0, before = 0; w < present.length; w++) {
    rowsBefore[w] = before;
    before += bitCount(present[w]);
  }
  const levels = new Int16Array(zeros(rows * LABEL_COUNT * Int16Array.BYTES_PER_ELEMENT, shared));
  for (let n = 0, row = -1, previous = -1; n < positions.length; n++) {
    const bucket = (positions[n] / LABEL_COUNT) | 0;
    if (bucket !== previous) row++;
    previous = bucket;
    levels[row * LABEL_COUNT + positions[n] - bucket * LABEL_COUNT] = nonzero[n];
  }
  return { present, rowsBefore, levels, scale };
}

/**
 * Reads a model file; with `shared`, the weights live in a SharedArrayBuffer that worker threads can read without a copy each.
 * A damaged file throws: each count in it is checked against the bytes that follow, so that beyond
 * its unzipped body it makes us allocate no more than a bit for each of 2^MAX_HASH_BITS buckets.
 */
export function deserializeModel(file: Buffer, shared = false): LinearModel {
  const { header, transitions, levels } = readModelFile(file);
  return { header, weights: packWeights(levels, 1 << header.hashBits, shared), transitions };
}

/** A model file's contents as stored, checked as `deserializeModel` says. */
export function readModelFile(file: Buffer): { header: ModelHeader; transitions: Float32Array; levels: SparseLevels } {
  const body = reader(gunzipSync(file, { chunkSize: outputChunkSize(file) }));
  const magic = body.take(MAGIC.length).toString("ascii");
  if (magic === DENSE_MAGIC) throw new Error("a tagger model file in the dense format of earlier versions");
  if (magic !== MAGIC) throw new Error("not a tagger model file");
  const header = checkedHeader(JSON.parse(body.take(body.uint32()).toString("utf8")) as ModelHeader);
  const transitions = copyOut(body.take(TRANSITION_COUNT * Float32Array.BYTES_PER_ELEMENT), new Float32Array(TRANSITION_COUNT));
  const scale = body.take(4).readFloatLE(0);
  const nonzeroBytes = body.take(body.uint32() * Int16Array.BYTES_PER_ELEMENT);
  const nonzero = copyOut(nonzeroBytes, new Int16Array(nonzeroBytes.length / Int16Array.BYTES_PER_ELEMENT));
  const positions = positionsOf(body.rest(), nonzero.length, (1 << header.hashBits) * LABEL_COUNT);
  return { header, transitions, levels: { positions, nonzero, scale } };
}

function checkedHeader(header: ModelHeader): ModelHeader {
  if (header.labels?.join() !== LABELS.join()) throw new Error(`model labels ${header.labels?.join()} differ from ${LABELS.join()}`);
  const { hashBits } = header;
  if (!Number.isInteger(hashBits) || hashBits < 1 || hashBits > MAX_HASH_BITS) throw new Error(`model hash bits ${hashBits} not from 1 to ${MAX_HASH_BITS}`);
  return header;
}

/** The positions the gaps give: exactly `count` of them, each below `limit`. */
function positionsOf(gaps: Buffer, count: number, limit: number): Int32Array {
  const positions = new Int32Array(count);
  let at = 0;
  let position = -1;
  for (let n = 0; n < count; n++) {
    let gap = 0;
    let byte = 0x80;
    for (let shift = 0; byte & 0x80; shift += 7) {
      if (shift === 7 * MAX_GAP_BYTES || at === gaps.length) throw damaged();
      byte = gaps[at++];
      gap |= (byte & 0x7f) << shift;
    }
    position += gap + 1;
    if (position >= limit) throw damaged();
    positions[n] = position;
  }
  if (at !== gaps.length) throw damaged();
  return positions;
}

const damaged = (): Error => new Error("damaged tagger model file: its contents do not add up");

/** Reads `body` from its start; a read past its end throws. */
function reader(body: Buffer) {
  let offset = 0;
  const take = (length: number): Buffer => {
    if (length > body.length - offset) throw damaged();
    offset += length;
    return body.subarray(offset - length, offset);
  };
  return { take, uint32: () => take(4).readUInt32LE(0), rest: () => take(body.length - offset) };
}

/** Memory for a typed array: with `shared`, a SharedArrayBuffer, which postMessage hands to worker threads as is instead of copying it. */
function zeros(bytes: number, shared: boolean): ArrayBuffer | SharedArrayBuffer {
  return shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

const MIN_OUTPUT_CHUNK = 1 << 16;
/** Bounds what a damaged trailer can make zlib allocate; far above the body of any model trained so far (2^21 buckets: 2.4 MB). */
const MAX_OUTPUT_CHUNK = 1 << 26;

/**
 * Output chunks the size of the whole body, which gzip's trailer holds (modulo 2^32): one chunk spares
 * zlib joining them, a second copy of the body. (Its default 16 kB chunks made unzipping twice as slow.)
 */
function outputChunkSize(file: Buffer): number {
  const size = file.length >= 4 ? file.readUInt32LE(file.length - 4) : 0;
  return Math.min(Math.max(size, MIN_OUTPUT_CHUNK), MAX_OUTPUT_CHUNK);
}

// Typed arrays use the machine's byte order; the file is little-endian, as are the x86 and ARM machines Node runs on.
if (endianness() !== "LE") throw new Error("the tagger model format assumes a little-endian machine");

function littleEndianBytes(values: Float32Array | Int16Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

function uint32Bytes(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
}

/** Copies `bytes` into `target`, as many as it holds (a copy, since they may not be aligned for the type). */
function copyOut<T extends Float32Array | Int16Array>(bytes: Buffer, target: T): T {
  new Uint8Array(target.buffer, target.byteOffset, target.byteLength).set(bytes);
  return target;
}
