import type { CandidateMention, EntityType } from "../types.js";
import type { DocToken, ExtractionDocument } from "./document.js";
import { anyMarked, candidate, overlaps, PRIORITY } from "./extractor.js";
import { commonWords, demonyms, nonNames } from "./knowledge.js";
import { articleStartsName } from "./organisation/article-names.js";
import type { Tagger, TaggerType } from "./tagger/index.js";

/** A span the statistical tagger proposes, MISC included (it vetoes guesses; it is never a mention). */
export interface TaggerProposal {
  type: TaggerType;
  /** Its first and last tokens (inclusive), in document token indices. */
  from: number;
  to: number;
  /** Its offsets in the cleaned text, end exclusive. */
  start: number;
  end: number;
}

const MENTION_TYPE: Partial<Record<TaggerType, EntityType>> = { PER: "PERSON", ORG: "ORG", LOC: "LOCATION" };

/** The tagger's spans over every sentence of the document. */
export function taggerProposals(tagger: Tagger, doc: ExtractionDocument): TaggerProposal[] {
  const proposals: TaggerProposal[] = [];
  let first = 0;
  for (const end of doc.sentenceEnds) {
    const words: string[] = [];
    for (let i = first; i < end; i++) words.push(doc.tokens[i].text); // one array per sentence, where slice + map made two
    for (const span of tagger.spans(words)) {
      const proposal = trimmed(doc, span.type, first + span.start, first + span.end - 1);
      if (proposal) proposals.push(proposal);
    }
    first = end;
  }
  return proposals;
}

const isWord = (token: DocToken) => /^[\p{L}\p{N}]/u.test(token.text);

/**
 * Tokens [from, to] without the quotes and punctuation the tagger sometimes takes in at their edges,
 * and with the capitalised article it sometimes leaves out ("Le | Figaro": see article-names.ts).
 */
function trimmed(doc: ExtractionDocument, type: TaggerType, from: number, to: number): TaggerProposal | undefined {
  const { tokens } = doc;
  while (from <= to && !isWord(tokens[from])) from++;
  while (to >= from && !isWord(tokens[to])) to--;
  if (from <= to && tokens[from - 1]?.sentence === tokens[from].sentence && articleStartsName(doc, from - 1)) from--;
  // One object literal of one shape: spreading a proposal into a wider one made V8 build each slowly.
  return from <= to ? { type, from, to, start: tokens[from].start, end: tokens[to].end } : undefined;
}

/**
 * A name the tagger alone may add: it holds a capitalised word (French names are capitalised), does
 * not start with a nationality adjective ("Marocains Résidant…"), and is not made of ordinary words
 * only ("Sécurité Nationale", "Royaume"): such capitalised phrases are titles, not names.
 */
function plausibleName(tokens: DocToken[]): boolean {
  if (!tokens.some((t) => t.capitalised) || demonyms().has(tokens[0].key)) return false;
  return tokens.some((t) => isWord(t) && !commonWords().has(t.key) && !nonNames().has(t.key));
}

/**
 * Fuses the rules' candidates with the tagger's proposals (the policy, measured in the README's ablation):
 * - rules built on evidence (lexicon names, titles, acronym definitions, resolutions) keep their spans;
 * - a rule's mere guess (a capitalised run) gives way to any tagger span over it, MISC included;
 * - a tagger name that extends one known name with unknown capitalised words wins over it
 *   ("Victoria Coates" over the capital "Victoria", "Yankees de New York" over "New York", but not
 *   "Conseil de sécurité de l'ONU" over "Conseil de sécurité" and "ONU");
 * - other plausible tagger names come in below the evidence-backed rules and above the guesses.
 */
export function fuseWithTagger(doc: ExtractionDocument, rules: CandidateMention[], proposals: TaggerProposal[]): CandidateMention[] {
  const tagged = new Uint8Array(doc.text.length);
  for (const span of proposals) tagged.fill(1, span.start, span.end);
  const kept = rules.filter((rule) => rule.priority > PRIORITY.guess || !anyMarked(tagged, rule.start, rule.end));
  const nearby = new RulesByPosition(kept);
  const names = proposals.filter((span) => MENTION_TYPE[span.type] && plausibleName(doc.tokens.slice(span.from, span.to + 1)));
  return [
    ...kept,
    ...names.map((span) => {
      const priority = extendsOneKnownName(doc, span, nearby.overlapping(span)) ? PRIORITY.lexicon : PRIORITY.tagger;
      return candidate(doc, span.from, span.to, MENTION_TYPE[span.type]!, "tagger", priority);
    }),
  ];
}

/** The rules that overlap a span, found by binary search (documents of megabytes hold tens of thousands of each). */
class RulesByPosition {
  private readonly sorted: CandidateMention[];
  private readonly longest: number;

  constructor(rules: CandidateMention[]) {
    this.sorted = [...rules].sort((a, b) => a.start - b.start);
    this.longest = rules.reduce((max, rule) => Math.max(max, rule.end - rule.start), 0);
  }

  overlapping(span: { start: number; end: number }): CandidateMention[] {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid].start < span.start - this.longest) low = mid + 1;
      else high = mid;
    }
    const found: CandidateMention[] = [];
    for (let i = low; i < this.sorted.length && this.sorted[i].start < span.end; i++) if (overlaps(this.sorted[i], span)) found.push(this.sorted[i]);
    return found;
  }
}

/** Words that join the parts of a name: "Yankees | de | New York". */
const NAME_JOINERS = new Set(["de", "d'", "du", "des"]);

function extendsOneKnownName(doc: ExtractionDocument, span: TaggerProposal, inside: CandidateMention[]): boolean {
  if (inside.length !== 1 || inside[0].source !== "lexicon" || inside[0].start < span.start || inside[0].end > span.end) return false;
  const extra = doc.tokens.slice(span.from, span.to + 1).filter((t) => t.end <= inside[0].start || t.start >= inside[0].end);
  const unknownName = (t: DocToken) => t.capitalised && !commonWords().has(t.key);
  return extra.some(unknownName) && extra.every((t) => unknownName(t) || NAME_JOINERS.has(t.key));
}
