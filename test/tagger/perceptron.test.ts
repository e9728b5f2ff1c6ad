import { loadSharedModel } from "../../src/5-extract/tagger/index.js";

const model = loadSharedModel();

test("a weight level of the shipped model is worth a float32 scale, which puts its largest weight at level ±32767", () => {
  const { levels, scale } = model.weights;
  expect(scale).toBeGreaterThan(0);
  expect(Math.fround(scale)).toBe(scale);
  expect(levels.reduce((largest, level) => Math.max(largest, Math.abs(level)), 0)).toBe(32767);
});

test("read to share, the weights are in shared memory, which structured cloning (postMessage) does not copy", () => {
  const tag = (buffer: ArrayBufferLike): string => Object.prototype.toString.call(buffer);
  const { present, rowsBefore, levels } = model.weights;
  for (const array of [present, rowsBefore, levels]) expect(tag(array.buffer)).toBe("[object SharedArrayBuffer]");
  const clone = structuredClone(model);
  const before = model.weights.levels[0];
  clone.weights.levels[0] = before + 1;
  expect(model.weights.levels[0]).toBe(before + 1);
  model.weights.levels[0] = before;
});
