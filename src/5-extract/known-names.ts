import type { CandidateMention } from "../types.js";
import { lookupToken, type ExtractionDocument } from "./document.js";
import { candidate, PRIORITY } from "./extractor.js";
import type { GazetteerEntry } from "./gazetteer.js";
import { knownNames, type KnownName } from "./knowledge.js";

const candidatesByDocument = new WeakMap<ExtractionDocument, CandidateMention[]>();

/**
 * The document's known places and organisations (data/lexicons), looked up once and shared by the
 * location and organisation extractors. Besides whole tokens, the parts of a hyphenated compound
 * of names are found ("Maroc-USA", "Maroc-France"), when the compound is not a name itself and
 * each of its parts is one ("Port-Soudan", "Radio-Canada" are one name each).
 */
export function knownNameCandidates(doc: ExtractionDocument): CandidateMention[] {
  let found = candidatesByDocument.get(doc);
  if (!found) {
    const whole = knownNames().matchAll(doc).map(({ from, to, entry }) => candidate(doc, from, to, entry.value.type, "lexicon", PRIORITY.lexicon, fields(entry)));
    candidatesByDocument.set(doc, (found = [...whole, ...compoundParts(doc, whole)].sort((a, b) => a.start - b.start)));
  }
  return found;
}

function fields(entry: GazetteerEntry<KnownName>): Partial<CandidateMention> {
  return { canonical: entry.value.canonical, acronym: entry.value.acronym };
}

function compoundParts(doc: ExtractionDocument, whole: CandidateMention[]): CandidateMention[] {
  const covered = new Set(whole.map((c) => c.start));
  const parts: CandidateMention[] = [];
  for (const token of doc.tokens) {
    if (!token.text.includes("-") || !token.capitalised || covered.has(token.start) || doc.shouting[token.sentence]) continue;
    const names = token.text.split("-");
    const matches = names.map((part) => (part ? knownNames().longestAt([lookupToken(part)], 0, 1) : undefined));
    if (matches.some((match) => !match)) continue;
    let offset = token.start;
    names.forEach((part, i) => {
      const { entry } = matches[i]!;
      parts.push({ type: entry.value.type, start: offset, end: offset + part.length, source: "lexicon", priority: PRIORITY.lexicon, ...fields(entry) });
      offset += part.length + 1;
    });
  }
  return parts;
}
