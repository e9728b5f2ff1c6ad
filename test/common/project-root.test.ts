import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../src/common/lexicons.js";
import { temporaryFolder } from "../helpers.js";

test("the project root is the nearest folder above with a package.json", () => {
  const root = temporaryFolder();
  writeFileSync(join(root, "package.json"), "{}");
  const deep = join(root, "dist", "src", "common");
  mkdirSync(deep, { recursive: true });
  expect(projectRoot(deep)).toBe(root);
});

test("without a package.json above, the search stops at the file system root with an error", () => {
  expect(() => projectRoot("/")).toThrow(/no package.json above \//);
});
