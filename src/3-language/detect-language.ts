import { franc, francAll } from "franc";
import { characterTest, widthAt } from "../common/characters.js";
import { lexiconEntries } from "../common/lexicons.js";
import type { Article } from "../types.js";

/** The language model reads at most this much; longer samples cost more and decide nothing more. */
const SAMPLE_CHARS = 1000;
/** A language whose function words make this share of the words, and twice the runner-up's, is taken without franc. */
const CONFIDENT_SHARE = 0.15;
/** On short texts franc is unreliable: this many function-word hits, and more than any other language, make a brief French. */
const SHORT_TEXT_CHARS = 250;
const MIN_HITS = 2;
/** On a short text, franc compared only with the languages common in news is much less erratic. */
const NEWS_LANGUAGES = ["fra", "eng", "spa", "ita", "por", "deu", "nld", "cat", "ron", "pol", "tur", "arb", "rus"];
/** How close to franc's best score French must come for a short text whose function words lean French. */
const CLOSE_SCORE = 0.9;

const isLetter = characterTest(/^\p{L}$/u);

let functionWords: Map<string, string[]> | undefined;

/** word → languages whose function word it is (data/lexicons/function-words.txt). */
function functionWordIndex(): Map<string, string[]> {
  if (functionWords) return functionWords;
  functionWords = new Map();
  for (const line of lexiconEntries("function-words")) {
    const [language, ...words] = line.split("|").map((s) => s.trim());
    for (const word of words) functionWords.set(word, [...(functionWords.get(word) ?? []), language]);
  }
  return functionWords;
}

/** The function words of one language (ISO 639-3 code), as data/lexicons/function-words.txt writes them. */
export function functionWordsOf(language: string): string[] {
  return [...functionWordIndex()].filter(([, languages]) => languages.includes(language)).map(([word]) => word);
}

/** Function-word hits per language over the sample's words. */
export function functionWordShares(sample: string): { words: number; hits: Map<string, number> } {
  const index = functionWordIndex();
  const hits = new Map<string, number>();
  let words = 0;
  const text = sample.toLowerCase().replace(/[\u2019\u2018]/g, "'");
  for (let i = 0; i < text.length; ) {
    const end = wordEnd(text, i);
    if (end === i) {
      i += widthAt(text, i);
      continue;
    }
    words++;
    const word = text.slice(i, end);
    for (const language of index.get(word) ?? (word.endsWith("'") ? index.get(word.slice(0, -1)) : undefined) ?? []) hits.set(language, (hits.get(language) ?? 0) + 1);
    i = end;
  }
  return { words, hits };
}

/**
 * One past the word (letters, then an optional apostrophe) that starts at i; i when none does.
 * Scanned by hand, like /\p{L}+'?/u but without a match object per word (a twentieth of a run).
 */
function wordEnd(text: string, i: number): number {
  let end = i;
  for (let width = widthAt(text, end); end < text.length && isLetter(text, end, width); width = widthAt(text, end)) end += width;
  return end > i && text.charCodeAt(end) === 0x27 ? end + 1 : end;
}

/**
 * The language of a cleaned text, as an ISO 639-3 code. A cheap function-word count decides the
 * clear cases (most news articles) without franc; franc decides the rest, on a bounded sample;
 * on a short text whose function words are clearly French, the count overrules franc.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const { words, hits } = functionWordShares(sample);
  const [best, runnerUp] = [...hits.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const clear = best && best[1] >= MIN_HITS && best[1] >= CONFIDENT_SHARE * words && best[1] >= 2 * (runnerUp?.[1] ?? 0);
  if (sample.length > SHORT_TEXT_CHARS) return clear ? best[0] : franc(sample);
  if (clear) return best[0];
  const leansFrench = best?.[0] === "fra" && best[1] > (runnerUp?.[1] ?? 0);
  const scores = francAll(sample, { minLength: 3, only: NEWS_LANGUAGES });
  const french = scores.find(([language]) => language === "fra")?.[1] ?? 0;
  return leansFrench && french >= CLOSE_SCORE * scores[0][1] ? "fra" : scores[0][0];
}

/** Stage 3: non-French articles are skipped with the language found. */
export function detectFrench(article: Article): Article {
  if (article.skipReason || !article.cleaned) return article;
  const language = detectLanguage(article.cleaned.text);
  return language === "fra" ? { ...article, language } : { ...article, language, skipReason: `not French: ${language}` };
}
