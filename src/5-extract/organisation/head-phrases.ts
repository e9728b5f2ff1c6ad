import type { DocToken, ExtractionDocument } from "../document.js";
import type { TokenRange } from "../extractor.js";
import { sentenceEndOf } from "../gazetteer.js";
import { demonyms, firstNames, infinitives, isAdjective, knownNames, nonNames, orgHeads, orgPrefixes, portfolios, supranationalDemonyms } from "../knowledge.js";

/**
 * Organisation names built on a head noun (data/lexicons/org-heads.txt): the head, then adjectives
 * and complements ("Agence centrale du renseignement", "Forum mondial de lutte contre le terrorisme",
 * "ministère des Affaires étrangères et de la Coopération internationale"), up to where the name ends:
 * punctuation, a verb or other word, a gerund or infinitive, a country's adjective, "et" not followed by
 * a complement or followed by another organisation ("Chambre des représentants | et du Haut Conseil
 * d'État"), or a complement that is itself a known place or organisation ("Conseil de sécurité | de l'ONU").
 */

/** Compared on the lower-cased text, accents kept: "à" is a preposition, "a" a verb. */
const PREPOSITIONS = new Set(["de", "du", "des", "d'", "pour", "contre", "sur", "en", "à", "au", "aux", "sans", "entre"]);
const isPreposition = (token: DocToken) => PREPOSITIONS.has(token.text.toLowerCase().replace("\u2019", "'"));
const ARTICLES = new Set(["le", "la", "les", "l'"]);
/** Heads written in lower case by French usage; "département" only before a portfolio ("département d'État"). */
const LOWER_CASE_HEADS = new Set(["ministere", "ministeres"]);
const LOWER_CASE_DEPARTMENTS = new Set(["departement", "departements"]);
const MAX_TOKENS = 14;

export function headPhrases(doc: ExtractionDocument): TokenRange[] {
  const phrases: TokenRange[] = [];
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const head = tokens[i];
    if (!orgHeads().has(head.key) || !(head.capitalised || LOWER_CASE_HEADS.has(head.key) || departmentOf(doc, i))) continue;
    const to = withoutTail(doc, i, phraseEnd(doc, i));
    if (to > i && credible(tokens, i, to)) {
      phrases.push({ from: leadingAdjective(tokens, i) ? i - 1 : i, to });
      i = to;
    }
  }
  return phrases;
}

/**
 * A known organisation's name is not extended by lower-case words, nor by a name that starts with an
 * acronym: "la Ligue arabe | sur la question des migrations", "l'Union européenne | EUCAP Sahel Niger".
 * (Another capitalised word makes another name: "Union européenne de Radio-Télévision".)
 */
function withoutTail(doc: ExtractionDocument, from: number, to: number): number {
  const known = knownNames().longestAt(doc.tokens, from, to + 1);
  if (!known || known.entry.value.type !== "ORG" || known.to >= to) return to;
  const tail = doc.tokens.slice(known.to + 1, to + 1);
  return tail[0].allCaps || !tail.some((t) => t.capitalised) ? known.to : to;
}

/** "Commission économique pour l'Afrique": the place it serves. ("… en Mauritanie" says where something happens.) */
const scopeOfName = (preposition: DocToken, type: string) => type === "LOCATION" && preposition.text.toLowerCase() === "pour";

/** A lower-case "département" followed by a portfolio (data/lexicons/portfolios.txt): "département | du | Trésor". */
function departmentOf(doc: ExtractionDocument, head: number): boolean {
  const { tokens } = doc;
  if (!LOWER_CASE_DEPARTMENTS.has(tokens[head].key) || !tokens[head + 1] || !isPreposition(tokens[head + 1])) return false;
  const noun = ARTICLES.has(tokens[head + 2]?.key) ? head + 3 : head + 2;
  return noun < tokens.length && !!portfolios().longestAt(tokens, noun, sentenceEndOf(doc, head));
}

/** A capitalised word of data/lexicons/org-prefixes.txt before the head is part of the name: "Haut Conseil", "Haute Autorité". */
function leadingAdjective(tokens: DocToken[], head: number): boolean {
  const before = tokens[head - 1];
  return !!before && before.capitalised && before.sentence === tokens[head].sentence && orgPrefixes().has(before.key);
}

/** A sentence-initial head is capitalised by grammar: only a capitalised word inside makes it a name. */
function credible(tokens: DocToken[], from: number, to: number): boolean {
  if (!tokens[from].sentenceInitial) return true;
  return tokens.slice(from + 1, to + 1).some((t) => t.capitalised);
}

/** The last token of the name that starts with the head at `from` (`from` itself when nothing follows). */
function phraseEnd(doc: ExtractionDocument, from: number): number {
  const { tokens } = doc;
  const end = Math.min(sentenceEndOf(doc, from), from + MAX_TOKENS);
  let last = from;
  let i = from + 1;
  let complemented = false;
  while (i < end) {
    const token = tokens[i];
    if (isModifier(token) || (demonyms().has(token.key) && nationalityInName(tokens, i, from))) {
      last = i++;
      continue;
    }
    const complement = complementEnd(doc, i, end, complemented);
    if (complement === undefined) break;
    complemented = true;
    last = complement;
    i = complement + 1;
  }
  return last;
}

/** An adjective or capitalised word right after the head or a complement: "centrale", "G5", "Sahel". */
function isModifier(token: DocToken): boolean {
  if (demonyms().has(token.key) || nonNames().has(token.key) || isPreposition(token)) return false;
  if (token.capitalised) return /^[\p{L}\p{N}]/u.test(token.text);
  return isAdjective(token.text);
}

/**
 * A nationality adjective belongs to the name right after the head or before a complement
 * ("Agence française de développement", "Observatoire ivoirien des droits de l'homme"); at the end it
 * describes the organisation ("le Bureau d'investigation fédéral américain"), unless it is a wider
 * region's ("Agence spatiale européenne").
 */
function nationalityInName(tokens: DocToken[], i: number, head: number): boolean {
  const next = tokens[i + 1];
  if (i === head + 1 || supranationalDemonyms().has(tokens[i].key)) return true;
  return !!next && (isPreposition(next) || (next.capitalised && /^[\p{L}]/u.test(next.text)));
}

/**
 * `[et] preposition [article] noun [adjectives]` starting at token i: returns its last token, or
 * undefined when no complement starts there. "et" continues the name only before a capitalised
 * complement ("et de la Coopération internationale"), not before "et le directeur" nor before another
 * organisation's head ("et du Haut Conseil d'État"). A bare infinitive is a verb ("pour tenter").
 * A known place or organisation completes a head and its adjectives ("Banque du Canada",
 * "Commandement central des États-Unis") but ends a name that already has a complement ("Conseil de
 * sécurité | de l'ONU", "ministère des Affaires étrangères | du Maroc"), unless it is a place the
 * organisation serves ("… pour l'Afrique").
 */
function complementEnd(doc: ExtractionDocument, i: number, end: number, complemented: boolean): number | undefined {
  const { tokens } = doc;
  let j = i;
  const coordinated = tokens[j]?.key === "et";
  if (coordinated) j++;
  if (j >= end || !isPreposition(tokens[j])) return undefined;
  const preposition = tokens[j];
  j++;
  const withArticle = j < end && ARTICLES.has(tokens[j].key);
  if (withArticle) j++;
  if (j >= end) return undefined;
  const noun = tokens[j];
  if (!withArticle && !noun.capitalised && infinitives().has(noun.text)) return undefined;
  // A person's name is whose the organisation is, not part of its name: "Parti socialiste | d'Olivier Faure".
  if (noun.capitalised && firstNames().has(noun.key) && tokens[j + 1]?.capitalised) return undefined;
  if (coordinated && startsOrganisation(tokens, j)) return undefined;
  // A year ("de 1987") or an elided pronoun ("en s'est") is not part of a name.
  if (!/^\p{L}/u.test(noun.text) || /['\u2019]$/.test(noun.text) || nonNames().has(noun.key) || demonyms().has(noun.key)) return undefined;
  // "en" before a present participle is a gerund: "la Ligue des champions | en battant".
  if (preposition.key === "en" && !noun.capitalised && /ant$/.test(noun.key)) return undefined;
  if (coordinated && !noun.capitalised) return undefined;
  const known = noun.capitalised ? knownNames().longestAt(tokens, j, end) : undefined;
  if (known && complemented && !scopeOfName(tokens[i + (coordinated ? 1 : 0)], known.entry.value.type)) return undefined;
  return known ? known.to : j;
}

/** A capitalised organisation head, maybe after a prefix ("Haut Conseil"): the start of another name. */
function startsOrganisation(tokens: DocToken[], i: number): boolean {
  const head = orgPrefixes().has(tokens[i].key) ? tokens[i + 1] : tokens[i];
  return !!head && head.capitalised && orgHeads().has(head.key);
}
