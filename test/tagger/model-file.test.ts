import { gunzipSync, gzipSync } from "node:zlib";
import { FEATURE_VERSION } from "../../src/5-extract/tagger/features.js";
import { LABEL_COUNT, LABELS } from "../../src/5-extract/tagger/labels.js";
import { deserializeModel, encodeModel, quantiseModel, readModelFile, rowOffset, serializeModel, TRANSITION_COUNT, type LinearModel, type ModelHeader, type TrainedModel } from "../../src/5-extract/tagger/perceptron.js";

/** A model of 2^bits buckets whose weights are zero but at `nonzero` (weight index → value). */
function model(hashBits: number, nonzero: Record<number, number>): TrainedModel {
  const header: ModelHeader = { labels: LABELS, featureVersion: FEATURE_VERSION, hashBits, lexiconDigest: "", training: { corpora: "none" } };
  const weights = new Float32Array((1 << hashBits) * LABEL_COUNT);
  for (const [index, value] of Object.entries(nonzero)) weights[Number(index)] = value;
  const transitions = Float32Array.from({ length: TRANSITION_COUNT }, (_, i) => i / 7 - 3);
  return { header, weights, transitions };
}

const bytesOf = (array: Int16Array | Int32Array | Uint32Array | Float32Array): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

function expectReadAsQuantised(file: Buffer, quantised: LinearModel, shared: boolean): void {
  const read = deserializeModel(file, shared);
  expect(read.header).toEqual(quantised.header);
  expect(bytesOf(read.transitions).equals(bytesOf(quantised.transitions))).toBe(true);
  expect(read.weights.scale).toBe(quantised.weights.scale);
  for (const part of ["present", "rowsBefore", "levels"] as const) expect(bytesOf(read.weights[part]).equals(bytesOf(quantised.weights[part]))).toBe(true);
}

/** Where the count of nonzero levels is in a file's body. */
const countOffset = (body: Buffer): number => 8 + 4 + body.readUInt32LE(8) + TRANSITION_COUNT * 4 + 4;
/** `file` with its gzipped body changed by `damage`. */
const damagedFile = (file: Buffer, damage: (body: Buffer) => Buffer): Buffer => gzipSync(damage(gunzipSync(file)));

const SMALL = model(1, { 0: 0.5, 3: -1, 17: 0.25 });
// 2^18 buckets: room for a gap of 2^21 or more, written in four bytes.
const LARGE = model(18, { 1: 0.001, 100: 2, 20_000: -2, 2_200_000: 0.75, [(1 << 18) * LABEL_COUNT - 1]: -0.125 });
const EMPTY = model(4, {});
const [SMALL_FILE, LARGE_FILE, EMPTY_FILE] = [SMALL, LARGE, EMPTY].map(serializeModel);

test("a model file lists the nonzero levels, then their positions as gaps", () => {
  const body = gunzipSync(SMALL_FILE);
  expect(body.subarray(0, 8).toString("ascii")).toBe("FRNERTG2");
  const at = countOffset(body);
  expect(body.readUInt32LE(at)).toBe(3);
  expect([body.readInt16LE(at + 4), body.readInt16LE(at + 6), body.readInt16LE(at + 8)]).toEqual([16384, -32767, 8192]);
  expect([...body.subarray(at + 10)]).toEqual([0, 2, 13]);
});

test("a model file gives back the model quantised in memory, gaps of one to four bytes, in shared memory or not", () => {
  for (const [trained, file] of [[SMALL, SMALL_FILE], [LARGE, LARGE_FILE], [EMPTY, EMPTY_FILE]] as const) {
    const quantised = quantiseModel(trained);
    for (const shared of [false, true]) expectReadAsQuantised(file, quantised, shared);
  }
});

test("a model read from its file and encoded again gives the same file, as the shipped model was converted", () => {
  const { header, transitions, levels } = readModelFile(LARGE_FILE);
  expect(encodeModel(header, transitions, levels).equals(LARGE_FILE)).toBe(true);
});

test("the weights keep a row for each bucket with a nonzero weight, in bucket order, and find it", () => {
  // Weights 0 and 3 are in bucket 0, weight 17 in bucket 1 (9 labels each).
  const { weights } = quantiseModel(SMALL);
  expect([0, 1].map((bucket) => rowOffset(weights, bucket))).toEqual([0, LABEL_COUNT]);
  expect([...weights.levels]).toEqual([16384, 0, 0, -32767, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8192]);
  const { weights: large } = quantiseModel(LARGE);
  const buckets = [1, 100, 20_000, 2_200_000, (1 << 18) * LABEL_COUNT - 1].map((position) => Math.floor(position / LABEL_COUNT));
  expect(buckets.map((bucket) => rowOffset(large, bucket))).toEqual([0, 1, 2, 3, 4].map((row) => row * LABEL_COUNT));
  expect(rowOffset(large, buckets[3] - 1)).toBe(-1);
});

describe("a damaged model file is rejected, not read as other weights", () => {
  test.each([
    ["cut short", () => LARGE_FILE.subarray(0, -20), /unexpected end of file/],
    ["cut short inside the gaps, then zipped again", () => damagedFile(LARGE_FILE, (body) => body.subarray(0, body.length - 2)), /damaged tagger model file/],
    ["with a byte more", () => damagedFile(LARGE_FILE, (body) => Buffer.concat([body, Buffer.from([0])])), /damaged tagger model file/],
    ["with a gap past the last weight", () => damagedFile(SMALL_FILE, (body) => (body[body.length - 1] = 14, body)), /damaged tagger model file/],
    ["with a five-byte gap", () => damagedFile(SMALL_FILE, (body) => Buffer.concat([body.subarray(0, -1), Buffer.from([0x80, 0x80, 0x80, 0x80, 0])])), /damaged tagger model file/],
    ["claiming four billion levels", () => damagedFile(SMALL_FILE, (body) => (body.writeUInt32LE(0xffffffff, countOffset(body)), body)), /damaged tagger model file/],
    ["with a header longer than the file", () => damagedFile(SMALL_FILE, (body) => (body.writeUInt32LE(1 << 30, 8), body)), /damaged tagger model file/],
  ])("%s", (_, file, message) => {
    expect(() => deserializeModel(file())).toThrow(message);
  });

  test("with 2^31 buckets in its header: nothing is allocated for them", () => {
    const file = damagedFile(SMALL_FILE, (body) => {
      const header = Buffer.from(body.toString("utf8", 12, 12 + body.readUInt32LE(8)).replace('"hashBits":1,', '"hashBits":31,'));
      const length = Buffer.alloc(4);
      length.writeUInt32LE(header.length);
      return Buffer.concat([body.subarray(0, 8), length, header, body.subarray(12 + body.readUInt32LE(8))]);
    });
    expect(() => deserializeModel(file)).toThrow(/model hash bits 31/);
  });
});

test("a model file of the earlier dense format is told apart", () => {
  const dense = gzipSync(Buffer.concat([Buffer.from("FRNERTAG", "ascii"), Buffer.alloc(400)]));
  expect(() => deserializeModel(dense)).toThrow(/dense format of earlier versions/);
});
