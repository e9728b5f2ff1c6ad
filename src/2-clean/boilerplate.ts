import { lexiconEntries } from "../common/lexicons.js";
import { foldKey } from "../common/normalize.js";

interface BoilerplatePhrase {
  key: string;
  /** The page's article is over once this phrase starts a line (comment forms, cookie banners). */
  endsArticle: boolean;
}

/** How much of a line is folded to be compared with the phrases: four times the longest (44 characters). */
const COMPARED_CHARS = 200;
/** Below this length, what follows an article-ending phrase is page furniture, not more article. */
const LONGEST_FURNITURE_LINE = 300;

let phrases: BoilerplatePhrase[] | undefined;

function boilerplatePhrases(): BoilerplatePhrase[] {
  phrases ??= lexiconEntries("boilerplate").map((entry) => ({
    key: foldKey(entry.replace(/\s*>>$/, "")),
    endsArticle: entry.endsWith(">>"),
  }));
  return phrases;
}

let longestKey: number | undefined;
const longestPhraseKey = () => (longestKey ??= Math.max(0, ...boilerplatePhrases().map((p) => p.key.length)));

/**
 * A folded start of `text` that a phrase key of at most `keyLength` characters starts, exactly
 * when it starts `foldKey(text)`: folding works character by character up to an ASCII character
 * (which nothing before it combines with), unless a Σ is around (its lower case depends on what
 * follows). So a short head of the line is folded instead of its 200 characters.
 */
function foldedStart(text: string, keyLength: number): string {
  if (!text.includes("\u03a3")) {
    let cut = keyLength;
    while (cut < text.length && text.charCodeAt(cut) >= 0x80) cut++;
    const head = foldKey(text.slice(0, cut));
    if (head.length >= keyLength) return head;
  }
  return foldKey(text);
}

/**
 * Which lines of a text are website boilerplate (data/lexicons/boilerplate.txt): returns, for each
 * line, whether to drop it. An article-ending phrase drops its line and everything after it, unless
 * a long paragraph follows (then it was a link inside the page, and only its line goes).
 */
export function boilerplateLines(lines: string[]): boolean[] {
  // Only a line's start is compared: folding whole paragraphs took a third of cleaning.
  const keyLength = longestPhraseKey();
  const keys = lines.map((line) => foldedStart(line.trim().slice(0, COMPARED_CHARS), keyLength));
  const drop = keys.map(() => false);
  for (let i = 0; i < lines.length; i++) {
    const phrase = boilerplatePhrases().find((p) => keys[i].startsWith(p.key));
    if (!phrase) continue;
    drop[i] = true;
    const rest = lines.slice(i + 1);
    if (phrase.endsArticle && rest.every((line) => line.length <= LONGEST_FURNITURE_LINE)) {
      drop.fill(true, i);
      break;
    }
  }
  return drop;
}
