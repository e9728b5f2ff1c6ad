import type { DocToken, ExtractionDocument } from "../document.js";
import type { TokenRange } from "../extractor.js";
import { sentenceEndOf } from "../gazetteer.js";
import { demonyms, firstNames, isAdjective, knownNames, orgKinds, titles } from "../knowledge.js";

/**
 * Organisations the text introduces by their kind, written in lower case before the name
 * (data/lexicons/org-kinds.txt), with its adjectives or complement between them: "le groupe
 * pétrolier TotalEnergies", "l'entreprise de travaux publics Eiffage", "le quotidien Le Monde"; or
 * by a lower-case nationality ("le danois Maersk"); and after a plural, each name of a list: "les
 * syndicats italiens FIOM et FIM-CISL". The kind is evidence that the name is an organisation's,
 * where a tagger sees only an unknown capitalised word. A noun between them is not taken ("le
 * constructeur automobile Stellantis"): it could as well be a verb ("le parti soutient Dupont").
 */

/** Words between the kind and the name: "pétrolier", "de travaux publics", "d'information". */
const MAX_DESCRIPTION = 4;
const MAX_NAME = 5;
const NAME_ARTICLES = new Set(["le", "la", "les", "l'"]);
const DETERMINERS = new Set(["le", "la", "les", "l'", "du", "au", "des", "aux"]);

export function namedByKind(doc: ExtractionDocument): TokenRange[] {
  const names: TokenRange[] = [];
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const kind = tokens[i];
    if (!(orgKinds().has(kind.key) || companyByNationality(tokens, i)) || (kind.capitalised && !kind.allCaps)) continue;
    const end = sentenceEndOf(doc, i);
    let from = afterDescription(tokens, i + 1, end);
    for (;;) {
      const to = nameEnd(doc, from, end);
      if (to === undefined || (!orgKinds().has(kind.key) && firstNames().has(tokens[from].key))) break;
      names.push({ from, to });
      i = to;
      // A plural kind introduces a list: "les syndicats FIOM et FIM-CISL".
      if (!/[sx]$/.test(kind.key) || !(tokens[to + 1]?.key === "et" || tokens[to + 1]?.text === ",")) break;
      from = to + 2;
    }
  }
  return names;
}

/**
 * A lower-case nationality adjective used as a noun after an article stands for a company: "le
 * danois Maersk", "les américains Google et Meta" (a person's nationality should be capitalised,
 * "l'Autrichien Josef Aschbacher": a name that starts with a first name is a person's anyway).
 */
function companyByNationality(tokens: DocToken[], i: number): boolean {
  return i > 0 && DETERMINERS.has(tokens[i - 1].key) && demonyms().has(tokens[i].key);
}

/** The first token after the kind's description: lower-case adjectives ("franco-allemand" too), and complements `de` + lower-case words. */
function afterDescription(tokens: DocToken[], i: number, end: number): number {
  const limit = Math.min(end, i + MAX_DESCRIPTION);
  while (i < limit && !tokens[i].capitalised) {
    const token = tokens[i];
    const preposition = token.key === "de" || token.key === "d'";
    if (preposition && tokens[i + 1] && !tokens[i + 1].capitalised && /^\p{L}/u.test(tokens[i + 1].text)) i += 2;
    // The part after the last hyphen: the whole key when there is none.
    else if (isAdjective(token.text) || demonyms().has(token.key.slice(token.key.lastIndexOf("-") + 1))) i++;
    else break;
  }
  return i;
}

/**
 * The last token of the name that starts at `from`: capitalised words, digits after them ("France
 * 2"), maybe opened by a capitalised article ("Le Monde"). None when no name starts there, when it
 * is a title ("M."), a nationality, or exactly a known place ("l'agence Paris" is not this).
 */
function nameEnd(doc: ExtractionDocument, from: number, end: number): number | undefined {
  const { tokens } = doc;
  if (from >= end || !tokens[from].capitalised || demonyms().has(tokens[from].key) || titles().longestAt(tokens, from, end)) return undefined;
  let to = NAME_ARTICLES.has(tokens[from].key) ? from + 1 : from;
  if (to >= end || !tokens[to].capitalised || !/^[\p{L}\p{N}]/u.test(tokens[to].text)) return undefined;
  while (to + 1 < end && to + 1 - from < MAX_NAME && (tokens[to + 1].capitalised || /^\d+$/.test(tokens[to + 1].text)) && /^[\p{L}\p{N}]/u.test(tokens[to + 1].text)) to++;
  const known = knownNames().longestAt(tokens, from, end);
  return known && known.to === to && known.entry.value.type === "LOCATION" ? undefined : to;
}
