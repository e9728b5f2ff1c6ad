import { lexiconEntries } from "../common/lexicons.js";
import type { Article, Sentence, Token } from "../types.js";
import { tokenize } from "./tokenize.js";

const SENTENCE_END = /^(?:[.!?\u2026]|\.{2,})$/;
/** Closing marks that stay with the sentence they close. */
const CLOSING = /^["'\u201d\u2019\u00bb)\]]$/;
/** Marks that only ever close (French » is written after a space); quotes that may open only when attached. */
const ONLY_CLOSING = /^[\u201d\u00bb)\]]$/;
/** A line shorter than this that ends without punctuation is a heading: it ends at the line break. */
const HEADING_LENGTH = 120;

let abbreviations: Set<string> | undefined;
const isAbbreviation = (word: string) => (abbreviations ??= new Set(lexiconEntries("abbreviations"))).has(word) || /^\p{Lu}$/u.test(word);

/**
 * Splits tokens into sentences: after `.`, `!`, `?` or `…` followed by a capital, digit, quote or
 * dash (unless the period closes an abbreviation such as `M.` or an initial), and at paragraph breaks.
 */
export function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    if (last < first) return;
    const sentenceTokens = tokens.slice(first, last + 1);
    sentences.push({ start: sentenceTokens[0].start, end: sentenceTokens[sentenceTokens.length - 1].end, tokens: sentenceTokens });
    first = last + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (!next) break;
    if (endsSentenceAfter(text, tokens, i)) {
      let last = i;
      while (tokens[last + 1] && closes(text, tokens[last], tokens[last + 1])) last++;
      close(last);
      i = last;
    }
  }
  close(tokens.length - 1);
  return sentences;
}

function endsSentenceAfter(text: string, tokens: Token[], i: number): boolean {
  const token = tokens[i];
  const next = tokens[i + 1];
  const gap = text.slice(token.end, next.start);
  if (gap.includes("\n\n")) return true;
  if (gap.includes("\n")) {
    return /[.!?\u2026:"\u00bb\u201d]$/.test(token.text) || (lineLength(text, token.end) < HEADING_LENGTH && /^[\p{Lu}\p{N}]/u.test(next.text));
  }
  if (!SENTENCE_END.test(token.text)) return false;
  if (token.text === "." && i > 0 && tokens[i - 1].end === token.start && isAbbreviation(tokens[i - 1].text)) return false;
  return gap.length > 0 && /^[\p{Lu}\p{N}"'\u00ab\u201c\u2018\u2013\u2014-]/u.test(startAfterClosing(tokens, i + 1));
}

function closes(text: string, previous: Token, mark: Token): boolean {
  if (!CLOSING.test(mark.text)) return false;
  return mark.start === previous.end || (ONLY_CLOSING.test(mark.text) && !text.slice(previous.end, mark.start).includes("\n"));
}

function startAfterClosing(tokens: Token[], from: number): string {
  let i = from;
  while (tokens[i] && CLOSING.test(tokens[i].text) && tokens[i].text !== "'" && tokens[i].text !== '"') i++;
  return tokens[i]?.text ?? "";
}

function lineLength(text: string, end: number): number {
  return end - (text.lastIndexOf("\n", end - 1) + 1);
}

/** Stage 4: cleaned text → sentences of tokens. */
export function tokenizeArticle(article: Article): Article {
  if (article.skipReason || !article.cleaned) return article;
  return { ...article, sentences: splitSentences(article.cleaned.text, tokenize(article.cleaned.text)) };
}
