import { characterTest, widthAt } from "../common/characters.js";
import type { Token } from "../types.js";

/**
 * French word tokens: letters and digits joined by inner hyphens or apostrophes stay one token
 * (`Al-Qaida`, `Pays-Bas`, `aujourd'hui`, `a-t-il`), then an elided article or pronoun is split
 * off with its apostrophe (`l'` `Etat`, `d'` `Amérique`, `qu'` `il`). Every other visible
 * character is a token of its own, except that a run of dots (`...`) is one token.
 *
 * The text is scanned by hand rather than with the equivalent regex
 * /[\p{L}\p{N}\p{M}]+(?:[-'\u2019][\p{L}\p{N}\p{M}]+)*|\.{2,}|\S/gu: a match object per token was a
 * tenth of a run, mostly in garbage collection. Characters are tested for those same Unicode
 * properties, each BMP character once.
 */
const isWordCharacter = characterTest(/^[\p{L}\p{N}\p{M}]$/u);
const isSpace = characterTest(/^\s$/u);
const isLetterOrDigit = characterTest(/^[\p{L}\p{N}]$/u);
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['\u2019](?=\p{L})/iu;

const isJoiner = (code: number) => code === 0x2d || code === 0x27 || code === 0x2019;

/** One past the end of the word starting at `start`: word characters, and inner hyphens or apostrophes between them. */
function wordEnd(text: string, start: number): number {
  let end = start;
  for (;;) {
    while (end < text.length) {
      const width = widthAt(text, end);
      if (!isWordCharacter(text, end, width)) break;
      end += width;
    }
    if (end + 1 >= text.length || !isJoiner(text.charCodeAt(end))) return end;
    if (!isWordCharacter(text, end + 1, widthAt(text, end + 1))) return end;
    end += 1;
  }
}

function dotsEnd(text: string, start: number): number {
  let end = start;
  while (text.charCodeAt(end) === 0x2e) end++;
  return end;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const width = widthAt(text, i);
    if (isSpace(text, i, width)) {
      i += width;
      continue;
    }
    const end = isWordCharacter(text, i, width) ? wordEnd(text, i) : text.charCodeAt(i) === 0x2e && text.charCodeAt(i + 1) === 0x2e ? dotsEnd(text, i) : i + width;
    pushWord(tokens, text.slice(i, end), i);
    i = end;
  }
  return tokens;
}

/** Adds a token, splitting an elided article or pronoun off its word. */
function pushWord(tokens: Token[], word: string, start: number): void {
  // Most words hold no apostrophe: they are spared the regex.
  const elided = word.length > 2 && (word.includes("'") || word.includes("\u2019")) ? ELISION.exec(word) : null;
  if (elided) {
    const cut = elided[0].length;
    tokens.push({ text: word.slice(0, cut), start, end: start + cut });
    tokens.push({ text: word.slice(cut), start: start + cut, end: start + word.length });
  } else tokens.push({ text: word, start, end: start + word.length });
}

/** Whether a token is a word (letters or digits), as counted in word_count. */
export function isWord(token: Token): boolean {
  // Its first code unit, as a regex on token.text[0] would test it: asked of every token of every article.
  return isLetterOrDigit(token.text, 0, 1);
}
