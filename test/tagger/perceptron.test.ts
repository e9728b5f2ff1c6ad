import { loadSharedModel } from "../../src/5-extract/tagger/index.js";
import { ZERO_LEVEL } from "../../src/5-extract/tagger/perceptron.js";

const model = loadSharedModel();

test("each weight level of the shipped model is worth level × scale rounded to float32, as the expanded weights were", () => {
  const { values } = model.weights;
  const scale = values[ZERO_LEVEL + 1];
  expect(values).toHaveLength(1 << 16);
  expect(scale).toBeGreaterThan(0);
  for (let level = -32768; level <= 32767; level++) {
    if (values[level + ZERO_LEVEL] !== Math.fround(level * scale)) throw new Error(`level ${level}: ${values[level + ZERO_LEVEL]}`);
  }
});

test("read to share, the weights are in shared memory, which structured cloning (postMessage) does not copy", () => {
  const tag = (buffer: ArrayBufferLike): string => Object.prototype.toString.call(buffer);
  for (const array of Object.values(model.weights)) expect(tag(array.buffer)).toBe("[object SharedArrayBuffer]");
  const clone = structuredClone(model);
  const before = model.weights.levels[0];
  clone.weights.levels[0] = before + 1;
  expect(model.weights.levels[0]).toBe(before + 1);
  model.weights.levels[0] = before;
});
