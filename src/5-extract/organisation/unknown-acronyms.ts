import type { CandidateMention } from "../../types.js";
import type { ExtractionDocument } from "../document.js";
import { candidate, PRIORITY } from "../extractor.js";
import { commonAcronyms } from "../knowledge.js";
import { isAcronymToken, parenthesisedAcronyms } from "./acronyms.js";

/** Determiners and prepositions that put an acronym in the place of a noun: "le PJD", "de la CGT", "au FLN". */
const DETERMINERS = new Set(["le", "la", "les", "l'", "du", "des", "au", "aux"]);

/**
 * An acronym the lexicons do not know, used as a noun ("le PJD", "la CGT"): most likely an
 * organisation, so a guess that the tagger may overrule. Acronyms of things (PIB, TVA, COVID:
 * data/lexicons/common-acronyms.txt), acronyms the article defines by an ordinary phrase ("armes de
 * destruction massive (ADM)") and those already found by other rules are left alone.
 */
export function unknownAcronyms(doc: ExtractionDocument, found: readonly CandidateMention[]): CandidateMention[] {
  const taken = new Set(found.map((c) => c.start));
  const { tokens } = doc;
  const ofOrdinaryPhrases = new Set(
    parenthesisedAcronyms(doc).filter(({ longFormEnd }) => !tokens[longFormEnd].capitalised).map(({ acronymToken }) => tokens[acronymToken].text),
  );
  const guesses: CandidateMention[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (!isAcronymToken(token) || taken.has(token.start) || doc.shouting[token.sentence]) continue;
    if (commonAcronyms().has(token.text) || ofOrdinaryPhrases.has(token.text)) continue;
    if (/^[\p{Lu}]{2,6}$/u.test(token.text) && DETERMINERS.has(tokens[i - 1].key)) guesses.push(candidate(doc, i, i, "ORG", "unknown-acronym", PRIORITY.guess));
  }
  return guesses;
}
