import type { CandidateMention, EntityType } from "../types.js";
import type { ExtractionDocument } from "./document.js";

/**
 * One entity type's rules. Extractors run in registry order; each sees the candidates found
 * before it (so that a person rule can leave known places alone).
 */
export interface Extractor {
  type: EntityType;
  extract(doc: ExtractionDocument, found: readonly CandidateMention[]): CandidateMention[];
}

/** Tokens `from` to `to` of a document, both included: where a rule found a name. */
export interface TokenRange {
  from: number;
  to: number;
}

/** How much a rule's evidence is worth when candidates overlap. */
export const PRIORITY = {
  /** A capitalised sequence that only looks like a name. */
  guess: 1,
  /** A statistical tagger's span with no rule behind it. */
  tagger: 2,
  /** A name from a lexicon. */
  lexicon: 3,
  /** A pattern with explicit evidence: a title before a name, an acronym definition, a numbered resolution. */
  pattern: 4,
} as const;

/** The candidate for tokens [from, to] (inclusive) of the document. */
export function candidate(
  doc: ExtractionDocument,
  from: number,
  to: number,
  type: EntityType,
  source: string,
  priority: number,
  extra: Partial<CandidateMention> = {},
): CandidateMention {
  return { type, start: doc.tokens[from].start, end: doc.tokens[to].end, source, priority, ...extra };
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Whether any of `marks[start .. end)` is set. A loop: a subarray per candidate was a typed array made and dropped each time. */
export function anyMarked(marks: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (marks[i] !== 0) return true;
  return false;
}

/**
 * Settles overlaps: evidence-backed candidates (lexicon, pattern) before guesses, then the longest
 * name ("Al-Qaida au Maghreb islamique" over "Maghreb"), then the stronger rule, then the earlier one.
 */
export function selectNonOverlapping(candidates: CandidateMention[]): CandidateMention[] {
  const ranked = [...candidates].sort(
    (a, b) =>
      Number(b.priority >= PRIORITY.lexicon) - Number(a.priority >= PRIORITY.lexicon) ||
      b.end - b.start - (a.end - a.start) ||
      b.priority - a.priority ||
      a.start - b.start,
  );
  const taken = new Uint8Array(ranked.reduce((end, c) => Math.max(end, c.end), 0));
  const kept: CandidateMention[] = [];
  for (const c of ranked) {
    if (anyMarked(taken, c.start, c.end)) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
