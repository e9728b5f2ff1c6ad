import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { nameKey } from "./normalize.js";

/**
 * Lexicons live in data/lexicons/NAME.txt: a header of `#` lines saying where the list comes from
 * and its licence, then one entry per line. Entries are looked up through `nameKey`.
 */

/** The project root: the nearest folder above `start` with a package.json (works from src/ and dist/src/). */
export function projectRoot(start = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    // At the file system root, dirname gives the same folder back: without this the search never ended.
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}: the pipeline must run from its project folder, with data/ beside it`);
  }
}

export const PROJECT_ROOT = projectRoot();
export const DATA_DIR = join(PROJECT_ROOT, "data");
export const LEXICON_DIR = join(DATA_DIR, "lexicons");

const cache = new Map<string, string[]>();

/** The entries of one lexicon, in file order, as written. */
export function lexiconEntries(name: string): string[] {
  let entries = cache.get(name);
  if (!entries) {
    entries = readFileSync(join(LEXICON_DIR, `${name}.txt`), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#"));
    cache.set(name, entries);
  }
  return entries;
}

/** Every name of one lexicon (each name of a `canonical | alias` line) as a set of `nameKey`s. */
export function lexiconKeys(name: string): Set<string> {
  return new Set(lexiconEntries(name).flatMap((line) => line.split("|").map((name) => nameKey(name.trim()))));
}
