import type { Article, CleanedText } from "../types.js";
import { boilerplateLines } from "./boilerplate.js";
import { htmlToText, looksLikeHtml } from "./html.js";
import { MappedTextBuilder, unmapped } from "./mapped-text.js";
import { leadingDate } from "./metadata.js";
import { normaliseWhitespace } from "./whitespace.js";

/**
 * Stage 2: decoded text → cleaned text with its map back to the original. HTML loses its markup,
 * the leading date line becomes the article's date, website boilerplate goes, whitespace is
 * normalised. Apostrophes and quotes stay as written: matching folds them (src/common/normalize.ts).
 */
export function cleanArticle(article: Article): Article {
  if (article.skipReason || article.original === undefined) return article;
  const isHtml = looksLikeHtml(article.source.sourcePath, article.original);
  const { cleaned, date } = cleanText(article.original, isHtml);
  if (!/[\p{L}\p{N}]/u.test(cleaned.text)) return { ...article, isHtml, cleaned, skipReason: "empty after cleaning" };
  return { ...article, isHtml, cleaned, date };
}

export function cleanText(original: string, isHtml: boolean): { cleaned: CleanedText; date: string } {
  let visible = isHtml ? htmlToText(original) : unmapped(original);
  const dateLine = leadingDate(visible.text);
  if (dateLine) visible = dropPrefix(visible, dateLine.length);
  const drop = boilerplateLines(visible.text.split("\n"));
  return { cleaned: normaliseWhitespace(visible, (line) => drop[line]), date: dateLine?.date ?? "" };
}

function dropPrefix(text: CleanedText, length: number): CleanedText {
  const builder = new MappedTextBuilder(text.text.length - length);
  builder.copyMapped(text, length, text.text.length);
  return builder.build();
}
