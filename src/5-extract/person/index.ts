import type { CandidateMention } from "../../types.js";
import type { DocToken, ExtractionDocument } from "../document.js";
import { candidate, PRIORITY, type Extractor } from "../extractor.js";
import { sentenceEndOf } from "../gazetteer.js";
import { commonWords, demonyms, firstNames, isAdjective, joinedToParticle, knownNames, nameParticles, nonNames, orgHeads, titles } from "../knowledge.js";

/**
 * PERSON: a name after a title or honorific ("M. Sales", "Président Trump"; the title stays out of
 * the span), a known first name followed by capitalised words ("Donald Trump"), and, as a weaker
 * guess, a run of two or more capitalised words that are neither known names nor ordinary words
 * ("Victoria Coates"). Surnames alone are found later, when the article is read as a whole.
 */
export const personExtractor: Extractor = {
  type: "PERSON",
  extract(doc: ExtractionDocument, found: readonly CandidateMention[]): CandidateMention[] {
    const taken = new Set(found.map((c) => c.start));
    const people: CandidateMention[] = [];
    const { tokens } = doc;
    for (let i = 0; i < tokens.length; i++) {
      if (doc.shouting[tokens[i].sentence]) continue;
      const person = afterTitle(doc, i) ?? fromFirstName(doc, i, taken) ?? capitalisedRun(doc, i, taken);
      if (person) {
        people.push(candidate(doc, person.from, person.to, "PERSON", person.rule, person.rule === "capitalised-run" ? PRIORITY.guess : PRIORITY.pattern));
        i = person.to;
      }
    }
    return people;
  },
};

interface NameSpan {
  from: number;
  /** Inclusive. */
  to: number;
  rule: "title" | "first-name" | "capitalised-run";
}

const MAX_NAME_TOKENS = 4;
/** A regnal number ends a name: "Mohammed VI", "Hassan II", "Charles III". */
const ROMAN_NUMERAL = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$/;

/** A word that can be part of a person's name: capitalised, not an acronym, not a known place or organisation head. */
function isNameWord(token: DocToken | undefined): boolean {
  return !!token && token.capitalised && !token.allCaps && /^\p{Lu}[\p{Ll}\p{M}'-]/u.test(token.text) && !nonNames().has(token.key) && !orgHeads().has(token.key);
}

/** The end (inclusive) of the name that starts at `from`: name words, with particles between them. */
function nameEnd(doc: ExtractionDocument, from: number): number {
  const { tokens } = doc;
  const end = sentenceEndOf(doc, from);
  let last = from;
  for (let i = from + 1; i < end && i - from <= MAX_NAME_TOKENS; i++) {
    if ((isNameWord(tokens[i]) || joinedToParticle(tokens[i])) && !knownNames().longestAt(tokens, i, end)) last = i;
    else if (ROMAN_NUMERAL.test(tokens[i].text) && last === i - 1) return i;
    else if (!startsParticles(tokens, i)) break;
  }
  return last;
}

/** Particles ("von der", "de la", "bin") followed by a name word: they belong to the name. */
function startsParticles(tokens: DocToken[], i: number): boolean {
  let j = i;
  while (tokens[j] && nameParticles().has(tokens[j].key) && j - i < 3) j++;
  return j > i && isNameWord(tokens[j]);
}

/** Title, optional nationality adjective, then a name: "le Président américain Donald Trump", "Mme von der Leyen". */
function afterTitle(doc: ExtractionDocument, i: number): NameSpan | undefined {
  const { tokens } = doc;
  const title = titles().longestAt(tokens, i, sentenceEndOf(doc, i));
  if (!title) return undefined;
  let j = title.to + 1;
  while (tokens[j] && demonyms().has(tokens[j].key)) j++;
  const particlesFirst = !tokens[j]?.capitalised && startsParticles(tokens, j);
  if (!(isNameWord(tokens[j]) || particlesFirst) || knownNames().longestAt(tokens, j, sentenceEndOf(doc, j))) return undefined;
  // After a role ("chef", "président") an ordinary word is part of the title ("Chef Suprême"); after an honorific (M., Mme) it is a surname.
  if (!title.entry.capitalised && isOrdinaryWord(tokens[j]) && !isFirstName(tokens[j].key)) return undefined;
  return { from: j, to: nameEnd(doc, j), rule: "title" };
}

/** A known first name and at least one more name word: "Nathan Sales", "Jean-Yves Le Drian". */
function fromFirstName(doc: ExtractionDocument, i: number, taken: Set<number>): NameSpan | undefined {
  const token = doc.tokens[i];
  if (taken.has(token.start) || !isNameWord(token) || !isFirstName(token.key)) return undefined;
  const end = nameEnd(doc, i);
  return end > i ? { from: i, to: end, rule: "first-name" } : undefined;
}

const isOrdinaryWord = (token: DocToken) => commonWords().has(token.key) || isAdjective(token.text);

/** A known first name, or a compound of them ("jean-yves"); only hyphenated words are split (most capitalised words are not first names). */
const isFirstName = (key: string) => firstNames().has(key) || (key.includes("-") && key.split("-").every((part) => firstNames().has(part)));

/** Two or more unknown capitalised words, not at the start of a sentence: a guess the tagger may confirm. */
function capitalisedRun(doc: ExtractionDocument, i: number, taken: Set<number>): NameSpan | undefined {
  const token = doc.tokens[i];
  if (token.sentenceInitial || taken.has(token.start) || !isNameWord(token) || commonWords().has(token.key)) return undefined;
  if (demonyms().has(token.key) || knownNames().longestAt(doc.tokens, i, sentenceEndOf(doc, i))) return undefined;
  const end = nameEnd(doc, i);
  if (end === i || doc.tokens.slice(i, end + 1).some((t) => demonyms().has(t.key))) return undefined;
  return { from: i, to: end, rule: "capitalised-run" };
}
