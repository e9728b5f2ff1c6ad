import { decodeArticle } from "../src/1-read/decode.js";
import { cleanArticle } from "../src/2-clean/clean.js";
import { detectFrench } from "../src/3-language/detect-language.js";
import { tokenizeArticle } from "../src/4-tokenize/sentences.js";
import { extractMentions, type ExtractionMethod } from "../src/5-extract/extract.js";
import { resolveWithinArticle } from "../src/6-resolve/within-article.js";
import type { Article } from "../src/types.js";

/** A per-article stage: one record in, the same record with more filled in (or a skip reason) out. */
export type Stage = (article: Article) => Article;

export type StageOptions = ExtractionMethod;

/**
 * The per-article pipeline, in order. Reading (stage 1a) happens before, at the edge; cross-article
 * resolution and writing the tables happen after, over every article's result.
 */
export function articleStages(options: StageOptions): readonly [string, Stage][] {
  return [
    ["decode", decodeArticle],
    ["clean", cleanArticle],
    ["language", detectFrench],
    ["tokenize", tokenizeArticle],
    ["extract", (article) => extractMentions(article, options)],
    ["resolve-article", resolveWithinArticle],
  ];
}
