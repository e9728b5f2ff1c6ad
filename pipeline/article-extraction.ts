import { isWord, tokenize } from "../src/4-tokenize/tokenize.js";
import { toArticleRecord } from "../src/7-write/rows.js";
import type { Article, ArticleExtraction, ArticleRecord, MentionRows } from "../src/types.js";

/**
 * The end of the per-article stages, apart from the stages themselves (extract-article.ts) so that
 * a thread that only reuses and skips articles need not load them.
 */

/** An extraction as the tables and the run state take it: its record (also as JSON, for the index) and its rendered mention rows. */
export interface Extracted {
  record: ArticleRecord;
  json: string;
  rows: MentionRows;
}

export function recordOf(extraction: ArticleExtraction): Extracted {
  const { record, rows } = toArticleRecord(extraction);
  return { record, json: JSON.stringify(record), rows };
}

/** The record of an article no stage ran on: skipped when listed or read. */
export function skippedRecord(article: Article): Extracted {
  return recordOf(toExtraction(article));
}

/** What an article that went through the stages (or was skipped by one) contributes to the tables. */
export function toExtraction(article: Article): ArticleExtraction {
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
