import type { Article, CandidateMention, EntityType } from "../types.js";
import { buildDocument, type ExtractionDocument } from "./document.js";
import { selectNonOverlapping } from "./extractor.js";
import { fuseWithTagger, taggerProposals } from "./fusion.js";
import { propagateNames } from "./propagate.js";
import { EXTRACTORS } from "./registry.js";
import type { Tagger } from "./tagger/index.js";

/**
 * How names are found: by the rules alone, by the rules fused with the statistical tagger, or (to
 * measure it) by the tagger alone for PERSON, ORG and LOCATION, the rules keeping the other types.
 */
export interface ExtractionMethod {
  tagger?: Tagger;
  taggerAlone?: boolean;
}

const TAGGER_TYPES: readonly EntityType[] = ["PERSON", "ORG", "LOCATION"];

/**
 * Stage 5: sentences → candidate mentions, in cleaned-text offsets. Every extractor proposes
 * spans, overlaps are settled (longest evidence-backed name first), then names found once are
 * found everywhere in the article.
 */
export function extractMentions(article: Article, method: ExtractionMethod = {}): Article {
  if (article.skipReason || !article.cleaned || !article.sentences) return article;
  const doc = buildDocument(article.cleaned.text, article.sentences);
  return { ...article, candidates: findCandidates(doc, method) };
}

export function findCandidates(doc: ExtractionDocument, method: ExtractionMethod = {}): CandidateMention[] {
  const extractors = method.taggerAlone ? EXTRACTORS.filter((e) => !TAGGER_TYPES.includes(e.type)) : EXTRACTORS;
  let found: CandidateMention[] = [];
  for (const extractor of extractors) found.push(...extractor.extract(doc, found));
  if (method.tagger) found = fuseWithTagger(doc, found, taggerProposals(method.tagger, doc));
  const selected = selectNonOverlapping(found);
  return selectNonOverlapping([...selected, ...propagateNames(doc, selected)]);
}
