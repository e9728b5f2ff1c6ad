import type { CandidateMention } from "../types.js";
import type { ExtractionDocument } from "./document.js";
import { Gazetteer } from "./gazetteer.js";

/**
 * One sense per article: a name found once is a mention wherever else the article writes it, and a
 * person's surname alone ("Sales", "Miley") refers back to the full name. The copies carry the
 * original's type, canonical name and acronym; they never overlap an existing candidate.
 */
export function propagateNames(doc: ExtractionDocument, selected: CandidateMention[]): CandidateMention[] {
  const names = new Gazetteer<CandidateMention>();
  for (const mention of selected) {
    if (mention.type === "UN_RESOLUTION") continue;
    const surface = doc.text.slice(mention.start, mention.end);
    if (/^\p{Lu}/u.test(surface) && surface.length > 1) names.add(surface, mention);
    if (mention.type === "PERSON") for (const part of surnames(surface)) names.add(part, { ...mention, canonical: undefined });
  }
  return names.matchAll(doc).map(({ from, to, entry }) => ({
    ...entry.value,
    start: doc.tokens[from].start,
    end: doc.tokens[to].end,
    source: `${entry.value.source}+propagated`,
  }));
}

/** What a full name is shortened to: all but the first name ("Sales", "Le Drian"). */
function surnames(fullName: string): string[] {
  const words = fullName.split(/\s+/);
  const surname = words.slice(1).join(" ");
  return words.length >= 2 && surname.length > 2 ? [surname] : [];
}
