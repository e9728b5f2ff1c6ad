import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { afterAll } from "@jest/globals";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { parse } from "csv-parse/sync";

export const ROOT = join(import.meta.dirname, "..");
export const SAMPLE_CORPUS = join(ROOT, "data", "articles");
export const SHARED = join(ROOT, "..", "shared");

const temporaryFolders: string[] = [];

/** A new empty folder in the system's temporary folder, removed with its contents once the test file's tests are done. */
export function temporaryFolder(prefix = "ner-test-"): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  temporaryFolders.push(folder);
  return folder;
}

// Each test file loads this module anew, so the hook runs once per file, after its last test.
afterAll(() => {
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A CSV table of the output, parsed by a standard parser (csv-parse), numbers left as text. */
export function readTable(outputDir: string, name: string): Record<string, string>[] {
  return parse(readFileSync(join(outputDir, name), "utf8"), { columns: true, bom: true, skip_empty_lines: true });
}

/** The scorer's figures (../shared/eval/score.mjs --json) on an output folder. */
export function score(outputDir: string, gold = join(SHARED, "gold", "seeds.jsonl")): Scores {
  return JSON.parse(execFileSync("node", [join(SHARED, "eval", "score.mjs"), "--gold", gold, "--out", outputDir, "--json"], { encoding: "utf8" }));
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  mention_strict: Record<string, PRF>;
  mention_relaxed: Record<string, PRF>;
  entity: Record<string, PRF>;
  cross_article: { fragmented: number; conflated: number; fragmented_list: string[]; conflated_list: string[] };
}

import { extractArticle } from "../pipeline/extract-article.js";
import type { ArticleExtraction } from "../src/types.js";
import type { StageOptions } from "../pipeline/stages.js";
import type { Tagger, TokenSpan } from "../src/5-extract/tagger/index.js";

/** Runs the per-article stages on a text, as if it were the file `name` (rules only, unless the options give a tagger). */
export function extractText(text: string, name = "article.txt", options: StageOptions = {}): ArticleExtraction {
  const bytes = Buffer.from(text, "utf8");
  return extractArticle({ source: { sourcePath: name, articleId: name.replace(/\.\w+$/, ""), absolutePath: name }, sha256: "test", bytes }, options);
}

/** `TYPE text` for each mention of a text, in order. */
export function mentionsOf(text: string): string[] {
  return extractText(text).mentions.map((m) => `${m.type} ${m.text}`);
}

/** `TYPE canonical name` for each entity of a text, in order of first mention. */
export function entitiesOf(text: string): string[] {
  return extractText(text).entities.map((e) => `${e.type} ${e.canonicalName}`);
}

/** A stand-in tagger that proposes each phrase (its tokens joined by spaces) wherever a sentence holds it. */
export function taggerOf(phrases: Record<string, TokenSpan["type"]>): Tagger {
  const spans = (tokens: string[]): TokenSpan[] =>
    Object.entries(phrases).flatMap(([phrase, type]) => {
      const words = phrase.split(" ");
      const starts = tokens.map((_, i) => i).filter((i) => words.every((word, k) => tokens[i + k] === word));
      return starts.map((start) => ({ start, end: start + words.length, type }));
    });
  return { spans, tag: () => [], lexiconsChanged: false };
}
