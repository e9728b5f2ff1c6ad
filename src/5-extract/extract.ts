import type { Article, CandidateMention } from "../types.js";
import { buildDocument, type ExtractionDocument } from "./document.js";
import { selectNonOverlapping } from "./extractor.js";
import { propagateNames } from "./propagate.js";
import { EXTRACTORS } from "./registry.js";

/** Proposes more candidates from a statistical model; see src/5-extract/tagger. */
export type CandidateSource = (doc: ExtractionDocument) => CandidateMention[];

/**
 * Stage 5: sentences → candidate mentions, in cleaned-text offsets. Every extractor proposes
 * spans, overlaps are settled (longest evidence-backed name first), then names found once are
 * found everywhere in the article.
 */
export function extractMentions(article: Article, extraSources: readonly CandidateSource[] = []): Article {
  if (article.skipReason || !article.cleaned || !article.sentences) return article;
  const doc = buildDocument(article.cleaned.text, article.sentences);
  return { ...article, candidates: findCandidates(doc, extraSources) };
}

export function findCandidates(doc: ExtractionDocument, extraSources: readonly CandidateSource[] = []): CandidateMention[] {
  const found: CandidateMention[] = [];
  for (const extractor of EXTRACTORS) found.push(...extractor.extract(doc, found));
  for (const source of extraSources) found.push(...source(doc));
  const selected = selectNonOverlapping(found);
  return selectNonOverlapping([...selected, ...propagateNames(doc, selected)]);
}
