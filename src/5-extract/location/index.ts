import type { CandidateMention } from "../../types.js";
import type { ExtractionDocument } from "../document.js";
import type { Extractor } from "../extractor.js";
import { knownNameCandidates } from "../known-names.js";
import { geographicFeatures } from "./geographic-features.js";
import { placesAfterTriggers } from "./place-triggers.js";

/**
 * LOCATION: countries, cities and regions from data/lexicons (countries.txt, cities.txt, regions.txt),
 * unknown places named after a place noun ("la région de Guelmim-Oued Noun"), and seas, gulfs,
 * deltas and lakes named with their head noun ("golfe de Guinée").
 */
export const locationExtractor: Extractor = {
  type: "LOCATION",
  extract(doc: ExtractionDocument, found: readonly CandidateMention[]): CandidateMention[] {
    const known = knownNameCandidates(doc).filter((c) => c.type === "LOCATION");
    return [...known, ...placesAfterTriggers(doc, [...found, ...known]), ...geographicFeatures(doc)];
  },
};
