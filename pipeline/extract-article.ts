import { readArticle } from "../src/1-read/read-file.js";
import type { Article, ArticleExtraction } from "../src/types.js";
import { recordOf, toExtraction, type Extracted } from "./article-extraction.js";
import { articleStages, type StageOptions } from "./stages.js";

/** Milliseconds spent per stage, summed over the articles a process handled. */
export type StageTimes = Record<string, number>;

/**
 * Everything one article contributes to the tables: a pure function of the bytes read (stage 1)
 * and the path, so that it can run on any worker and its result can be cached by content hash.
 */
export function extractArticle(read: Article, options: StageOptions, times?: StageTimes): ArticleExtraction {
  let article = read;
  try {
    for (const [name, stage] of articleStages(options)) {
      if (article.skipReason) break;
      const input = article;
      article = timed(name, times, () => stage(input));
    }
  } catch (error) {
    // A defect on one article must not stop the run: the article is reported, the others go on.
    article = { ...read, bytes: undefined, skipReason: `extraction failed: ${(error as Error).message}` };
  }
  return toExtraction(article);
}

/**
 * An article's record and mention rows. An article given without bytes (nor a skip reason) is
 * read here first: reading and hashing new files in the workers keeps the main thread free.
 */
export function extractRecord(given: Article, options: StageOptions, times?: StageTimes): Extracted {
  const read = given.bytes || given.skipReason ? given : timed("read", times, () => readArticle(given.source));
  return recordOf(extractArticle(read, options, times));
}

function timed<T>(name: string, times: StageTimes | undefined, run: () => T): T {
  if (!times) return run();
  const start = performance.now();
  const result = run();
  times[name] = (times[name] ?? 0) + performance.now() - start;
  return result;
}
