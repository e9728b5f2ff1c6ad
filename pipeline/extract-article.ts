import { isWord, tokenize } from "../src/4-tokenize/tokenize.js";
import type { Article, ArticleExtraction } from "../src/types.js";
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

function timed<T>(name: string, times: StageTimes | undefined, run: () => T): T {
  if (!times) return run();
  const start = performance.now();
  const result = run();
  times[name] = (times[name] ?? 0) + performance.now() - start;
  return result;
}

function toExtraction(article: Article): ArticleExtraction {
  const mentions = article.skipReason ? [] : (article.mentions ?? []);
  return {
    articleId: article.source.articleId,
    sourcePath: article.source.sourcePath,
    sha256: article.sha256,
    date: article.date ?? "",
    language: article.language ?? "und",
    status: article.skipReason ? "skipped" : "extracted",
    reason: article.skipReason ?? "",
    wordCount: article.sentences
      ? article.sentences.reduce((n, s) => n + s.tokens.filter(isWord).length, 0)
      : article.cleaned ? tokenize(article.cleaned.text).filter(isWord).length : 0,
    entities: article.skipReason ? [] : (article.entities ?? []),
    mentions,
    sentences: article.skipReason ? [] : (article.mentionSentences ?? []),
  };
}
