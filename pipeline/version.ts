import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { DATA_DIR, PROJECT_ROOT } from "../src/common/lexicons.js";
import type { NameFinding } from "./stage-options.js";

/**
 * A hash of everything that decides what an article's extraction is: the code of the stages
 * (src/ and pipeline/ sources), the lexicons, the model when it is used. Cached extractions are
 * reused only by a pipeline with the same version.
 */
export function pipelineVersion(names: NameFinding): string {
  const hash = createHash("sha256");
  const folders = [join(PROJECT_ROOT, "src"), join(PROJECT_ROOT, "pipeline"), join(DATA_DIR, "lexicons")];
  if (names !== "rules") folders.push(join(DATA_DIR, "models"));
  hash.update(`names:${names}\n`);
  for (const file of folders.flatMap(filesUnder).sort()) {
    hash.update(relative(PROJECT_ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

function filesUnder(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
