import type { CandidateMention } from "../../types.js";
import { PRIORITY, type Extractor } from "../extractor.js";

/**
 * UN_RESOLUTION: numbered Security Council resolutions in their usual French forms:
 * "résolution 2396", "Résolution 1540 (2004)", "résolutions 1267 et 1989" (two mentions: the second
 * is the number with its year), "S/RES/2396 (2017)". A General Assembly resolution ("résolution
 * 67/19", "… de l'Assemblée générale") is not one.
 */
const RESOLUTION = /\b[Rr][ée]solutions?\s+(?:n[°o]\s*)?(\d{1,4})(?![\d/])(?:\s*\((\d{4})\))?/gu;
const SYMBOL = /\bS\/RES\/(\d{1,4})\s*\((\d{4})\)/gu;
/** A further number in a list: ", 1989", " et 2253 (2015)". */
const LIST_ITEM = /^(?:\s*,\s*|\s+(?:et|ou)\s+)(?:n[°o]\s*)?(\d{1,4})(?![\d/])(?:\s*\((\d{4})\))?/u;
const GENERAL_ASSEMBLY = /^[^.]{0,20}\bAssembl[ée]e g[ée]n[ée]rale/u;

export function resolutionName(number: string, year?: string): string {
  return year ? `Résolution ${number} (${year})` : `Résolution ${number}`;
}

export const unResolutionExtractor: Extractor = {
  type: "UN_RESOLUTION",
  extract(doc): CandidateMention[] {
    const { text } = doc;
    const found: CandidateMention[] = [];
    const add = (start: number, end: number, number: string, year?: string) =>
      found.push({ type: "UN_RESOLUTION", start, end, canonical: resolutionName(number, year), source: "resolution", priority: PRIORITY.pattern });
    for (const match of text.matchAll(RESOLUTION)) {
      let end = (match.index ?? 0) + match[0].length;
      if (GENERAL_ASSEMBLY.test(text.slice(end, end + 60))) continue;
      add(match.index ?? 0, end, match[1], match[2]);
      for (let item = LIST_ITEM.exec(text.slice(end, end + 40)); item; item = LIST_ITEM.exec(text.slice(end, end + 40))) {
        const numberStart = end + item[0].indexOf(item[1]);
        add(numberStart, end + item[0].length, item[1], item[2]);
        end += item[0].length;
      }
    }
    for (const match of text.matchAll(SYMBOL)) add(match.index ?? 0, (match.index ?? 0) + match[0].length, match[1], match[2]);
    return found;
  },
};
