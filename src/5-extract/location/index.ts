import type { CandidateMention } from "../../types.js";
import type { ExtractionDocument } from "../document.js";
import type { Extractor } from "../extractor.js";
import { knownNameCandidates } from "../known-names.js";
import { placesAfterTriggers } from "./place-triggers.js";

/**
 * LOCATION: countries, cities and regions from data/lexicons (countries.txt, cities.txt, regions.txt),
 * and unknown places named after a place noun ("la région de Guelmim-Oued Noun").
 */
export const locationExtractor: Extractor = {
  type: "LOCATION",
  extract(doc: ExtractionDocument, found: readonly CandidateMention[]): CandidateMention[] {
    const known = knownNameCandidates(doc).filter((c) => c.type === "LOCATION");
    return [...known, ...placesAfterTriggers(doc, [...found, ...known])];
  },
};
