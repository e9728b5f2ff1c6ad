import type { Article, ArticleExtraction } from "../src/types.js";
import { recordOf, toExtraction, type Extracted } from "./article-extraction.js";
import { timed, type StageTimes } from "./stage-times.js";
import { articleStages, type StageOptions } from "./stages.js";

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

/** An article's record and mention rows, from the article as read (stage 1). */
export function extractRecord(read: Article, options: StageOptions, times?: StageTimes): Extracted {
  return recordOf(extractArticle(read, options, times));
}
