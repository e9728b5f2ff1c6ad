import type { ExtractionDocument } from "./document.js";
import type { GazetteerMatch } from "./gazetteer.js";
import { knownNames, type KnownName } from "./knowledge.js";

const matchesByDocument = new WeakMap<ExtractionDocument, GazetteerMatch<KnownName>[]>();

/** The document's known places and organisations (data/lexicons), looked up once and shared by the extractors. */
export function knownNameMatches(doc: ExtractionDocument): GazetteerMatch<KnownName>[] {
  let matches = matchesByDocument.get(doc);
  if (!matches) matchesByDocument.set(doc, (matches = knownNames().matchAll(doc)));
  return matches;
}
