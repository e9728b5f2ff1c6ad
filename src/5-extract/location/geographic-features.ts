import type { CandidateMention } from "../../types.js";
import type { ExtractionDocument } from "../document.js";
import { candidate, PRIORITY } from "../extractor.js";
import { sentenceEndOf } from "../gazetteer.js";
import { geographicHeads } from "../knowledge.js";
import { isPlaceWord } from "./place-triggers.js";

const OF = new Set(["de", "d'", "du", "des"]);
const MAX_NAME_TOKENS = 4;

/**
 * Seas, gulfs, deltas and lakes, named with their head noun (data/lexicons/geographic-heads.txt):
 * "mer Rouge", "golfe de Guinée", "delta du Niger". The head is part of the name, so the place inside
 * it ("Guinée", "Niger") is not a mention of the country.
 */
export function geographicFeatures(doc: ExtractionDocument): CandidateMention[] {
  const { tokens } = doc;
  const features: CandidateMention[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!geographicHeads().has(tokens[i].key) || doc.shouting[tokens[i].sentence]) continue;
    const from = OF.has(tokens[i + 1].key) ? i + 2 : i + 1;
    const end = Math.min(sentenceEndOf(doc, i), from + MAX_NAME_TOKENS);
    if (from >= end || !isPlaceWord(tokens[from])) continue;
    let to = from;
    while (to + 1 < end && isPlaceWord(tokens[to + 1])) to++;
    features.push(candidate(doc, i, to, "LOCATION", "geographic-feature", PRIORITY.pattern));
    i = to;
  }
  return features;
}
