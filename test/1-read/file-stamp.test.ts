import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileStamp } from "../../src/1-read/read-file.js";
import { temporaryFolder } from "../helpers.js";

describe("fileStamp", () => {
  const folder = temporaryFolder();
  const path = join(folder, "a.txt");
  const later = () => Date.now() + 10_000;

  test("is empty for a file changed in the last two seconds, which may change again within the same clock tick", () => {
    writeFileSync(path, "Le ministre a parlé.");
    expect(fileStamp(path)).toBe("");
    expect(fileStamp(path, later())).not.toBe("");
  });

  test("changes when the content is rewritten, even with the same size and modification time", () => {
    writeFileSync(path, "Le ministre a parlé.");
    const before = fileStamp(path, later());
    const mtime = new Date(Date.now() - 60_000);
    utimesSync(path, mtime, mtime);
    const touched = fileStamp(path, later());
    // Past the file system's clock tick: within one, the change time cannot tell two writes apart (hence the two seconds above).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    writeFileSync(path, "Le ministre a parlé!");
    utimesSync(path, mtime, mtime);
    expect(touched).not.toBe(before);
    expect(fileStamp(path, later())).not.toBe(touched);
  });

  test("is empty for a file that is not there", () => {
    expect(fileStamp(join(folder, "missing.txt"), later())).toBe("");
  });
});
