import type { CandidateMention } from "../../types.js";
import type { ExtractionDocument } from "../document.js";
import type { Extractor } from "../extractor.js";
import { knownNameCandidates } from "../known-names.js";

/** LOCATION: countries, cities and regions from data/lexicons (countries.txt, cities.txt, regions.txt). */
export const locationExtractor: Extractor = {
  type: "LOCATION",
  extract(doc: ExtractionDocument): CandidateMention[] {
    return knownNameCandidates(doc).filter((c) => c.type === "LOCATION");
  },
};
