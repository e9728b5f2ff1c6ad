import type { DocToken, ExtractionDocument } from "../document.js";
import type { LookupToken } from "../gazetteer.js";

/**
 * Acronym definitions: `Long Name (ACR)` and `ACR (Long Name)`. The long form is whatever name
 * ends right before the parenthesis (an organisation found by another rule) or, failing that, a
 * run of capitalised words whose initials spell the acronym.
 */

export interface AcronymDefinition {
  acronym: string;
  /** Token index of the acronym. */
  acronymToken: number;
  /** Tokens [from, to] of the long form. */
  from: number;
  to: number;
}

const CONNECTORS = new Set(["de", "du", "des", "d'", "la", "le", "les", "l'", "et", "pour", "contre", "sur", "en", "a", "au", "aux", "of", "the", "for", "and", "on"]);
const MAX_LONG_FORM = 10;

export function isAcronymToken(token: DocToken | undefined): boolean {
  return !!token && token.allCaps && token.text.length <= 8;
}

/**
 * An acronym written as a word, as French news writes those it pronounces as words: "Cedeao",
 * "Manul", "FAMa". Only its parentheses and its spelling of the long form tell it from a name.
 */
const WORD_ACRONYM = /^\p{Lu}\p{L}{2,7}$/u;

export interface ParenthesisedAcronym {
  acronymToken: number;
  /** The token before "(": where a long form would end. */
  longFormEnd: number;
  /** Written as a word, not in capitals: an acronym only if it spells its long form. */
  asWord: boolean;
}

/** Every `X (ACR)` in the document, the acronym in capitals or written as a word. */
export function parenthesisedAcronyms(doc: ExtractionDocument): ParenthesisedAcronym[] {
  const found: ParenthesisedAcronym[] = [];
  const { tokens } = doc;
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i].text !== "(" || tokens[i + 2].text !== ")" || tokens[i - 1].sentence !== tokens[i].sentence) continue;
    const acronym = tokens[i + 1];
    if (isAcronymToken(acronym)) found.push({ acronymToken: i + 1, longFormEnd: i - 1, asWord: false });
    else if (WORD_ACRONYM.test(acronym.text)) found.push({ acronymToken: i + 1, longFormEnd: i - 1, asWord: true });
  }
  return found;
}

/** `ACR (Long Name)`: the acronym, then a parenthesised run of words starting with a capital. */
export function acronymsBeforeLongForm(doc: ExtractionDocument): AcronymDefinition[] {
  const definitions: AcronymDefinition[] = [];
  const { tokens } = doc;
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (!isAcronymToken(tokens[i]) || tokens[i + 1].text !== "(" || !tokens[i + 2].capitalised) continue;
    const close = tokens.findIndex((t, j) => j > i + 2 && (t.text === ")" || t.sentence !== tokens[i].sentence));
    if (close < 0 || tokens[close].text !== ")" || close - (i + 2) > MAX_LONG_FORM) continue;
    if (spells(tokens[i].text, tokens.slice(i + 2, close))) definitions.push({ acronym: tokens[i].text, acronymToken: i, from: i + 2, to: close - 1 });
  }
  return definitions;
}

/** The capitalised run of words before `end` (inclusive) whose initials spell the acronym, if any. */
export function longFormByInitials(doc: ExtractionDocument, acronym: string, end: number): { from: number; to: number } | undefined {
  const { tokens } = doc;
  for (let from = end; from >= Math.max(0, end - MAX_LONG_FORM); from--) {
    const token = tokens[from];
    if (token.sentence !== tokens[end].sentence || !/^[\p{L}\p{N}]/u.test(token.text)) return undefined;
    if (token.capitalised && !CONNECTORS.has(token.key) && spells(acronym, tokens.slice(from, end + 1))) return { from, to: end };
  }
  return undefined;
}

/**
 * Whether the acronym's letters are the significant words' initials, in order; a word may give
 * further letters from inside it ("Counterterrorism" → C, T in GCTF), and a connector its initial
 * or none ("Communauté économique des États…" → CEDEAO, "Direction générale de la…" → DGS…).
 */
export function spells(acronym: string, words: readonly LookupToken[]): boolean {
  const keys = words.filter((w) => /^[\p{L}\p{N}]/u.test(w.text)).map((w) => w.key);
  const letters = acronym.toLowerCase().replace(/[^a-z0-9]/g, "");
  return keys.filter((key) => !CONNECTORS.has(key)).length >= 2 && spellsFrom(letters, 0, keys, 0);
}

function spellsFrom(letters: string, l: number, words: string[], w: number): boolean {
  if (w === words.length) return l === letters.length;
  if (CONNECTORS.has(words[w]) && spellsFrom(letters, l, words, w + 1)) return true;
  if (l >= letters.length || words[w][0] !== letters[l]) return false;
  let next = l + 1;
  let inside = 1;
  for (;;) {
    if (spellsFrom(letters, next, words, w + 1)) return true;
    if (next >= letters.length) return false;
    inside = words[w].indexOf(letters[next], inside) + 1;
    if (inside === 0) return false;
    next++;
  }
}
