import type { CandidateMention } from "../../types.js";
import type { DocToken, ExtractionDocument } from "../document.js";
import { candidate, PRIORITY } from "../extractor.js";
import { sentenceEndOf } from "../gazetteer.js";
import { joinedToParticle, nonNames, placeTriggers } from "../knowledge.js";

const OF = new Set(["de", "d'", "du", "des"]);
const MAX_NAME_TOKENS = 4;

/** A capitalised word that may be part of a place's name. */
export const isPlaceWord = (token: DocToken | undefined) => !!token && token.capitalised && /^\p{Lu}/u.test(token.text) && !nonNames().has(token.key);

/**
 * Places the lexicons do not know, named after a place noun of data/lexicons/place-triggers.txt:
 * "la région de Guelmim-Oued Noun", "la ville d'Azrou", "l'archipel des Canaries".
 */
export function placesAfterTriggers(doc: ExtractionDocument, found: readonly CandidateMention[]): CandidateMention[] {
  const taken = new Set(found.map((c) => c.start));
  const { tokens } = doc;
  const places: CandidateMention[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].capitalised || !placeTriggers().has(tokens[i].key) || !OF.has(tokens[i + 1].key)) continue;
    const from = i + 2;
    if (!isPlaceWord(tokens[from]) || taken.has(tokens[from].start)) continue;
    let to = from;
    const end = Math.min(sentenceEndOf(doc, from), from + MAX_NAME_TOKENS);
    while (to + 1 < end && (isPlaceWord(tokens[to + 1]) || joinedToParticle(tokens[to + 1]))) to++;
    places.push(candidate(doc, from, to, "LOCATION", "place-trigger", PRIORITY.pattern));
    i = to;
  }
  return places;
}
