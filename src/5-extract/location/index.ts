import type { CandidateMention } from "../../types.js";
import type { ExtractionDocument } from "../document.js";
import { candidate, PRIORITY, type Extractor } from "../extractor.js";
import { knownNameMatches } from "../known-names.js";

/** LOCATION: countries, cities and regions from data/lexicons (countries.txt, cities.txt, regions.txt). */
export const locationExtractor: Extractor = {
  type: "LOCATION",
  extract(doc: ExtractionDocument): CandidateMention[] {
    return knownNameMatches(doc)
      .filter((match) => match.entry.value.type === "LOCATION")
      .map((match) => candidate(doc, match.from, match.to, "LOCATION", "lexicon", PRIORITY.lexicon, { canonical: match.entry.value.canonical }));
  },
};
