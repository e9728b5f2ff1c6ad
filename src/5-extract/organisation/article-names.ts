import type { DocToken, ExtractionDocument } from "../document.js";
import type { TokenRange } from "../extractor.js";
import { sentenceEndOf } from "../gazetteer.js";
import { citationCues, demonyms, frenchFunctionWords, isAdjective, knownNames, titles } from "../knowledge.js";

/**
 * Names that start with a capitalised article inside a sentence: "selon Le Figaro", "les députés de
 * La France insoumise", "Les Républicains", "rapporte L'Économiste". French writes an ordinary
 * article in lower case there, so the capital makes it part of a name: a newspaper's, a party's, a
 * company's, but as often a town's or a work's ("La Rochelle", "Le Prisonnier"), so the rules guess
 * an organisation and the tagger, when it runs, has the last word (see fusion.ts), unless a citation
 * cue makes it a news outlet ("selon Le Monde"). Not after a capitalised word or a title ("Marine
 * Le Pen", "Mme Le Pen": a surname), nor after an opening quote, bracket or colon (a new sentence may
 * start there), nor where the name is a known place ("à La Haye"). A known place with its article and
 * an adjective names something else for sure ("La France insoumise").
 */
const ARTICLES = new Set(["Le", "La", "Les", "L'", "L\u2019"]);
const MAX_NAME = 4;
const OPENERS = /^[«"“(\[:—–-]$/;

/**
 * A name found after a capitalised article; `certain` when it is a known place with an adjective, or
 * when a citation cue comes before it ("selon Le Monde", "révélée par Le Parisien": data/lexicons/citation-cues.txt).
 */
export interface ArticleName extends TokenRange {
  certain: boolean;
}

export function articleNames(doc: ExtractionDocument): ArticleName[] {
  const { tokens } = doc;
  const names: ArticleName[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!articleStartsName(doc, i)) continue;
    const end = Math.min(sentenceEndOf(doc, i), i + 1 + MAX_NAME);
    let to = i;
    while (to + 1 < end && isNameWord(tokens[to + 1])) to++;
    if (to === i) continue;
    const place = knownNames().longestAt(tokens, i + 1, to + 1);
    const renamedPlace = place?.entry.value.type === "LOCATION" && place.to === to;
    if (renamedPlace) {
      if (!isDescriptive(tokens[to + 1])) continue;
      to++;
    }
    const known = knownNames().longestAt(tokens, i, to + 1);
    if (known?.entry.value.type === "LOCATION") continue;
    names.push({ from: i, to, certain: renamedPlace || cited(tokens, i) });
    i = to;
  }
  return names;
}

function cited(tokens: DocToken[], article: number): boolean {
  const before = tokens[article - 1].key === "par" ? tokens[article - 2] : tokens[article - 1];
  return !!before && citationCues().has(before.key);
}

/** Token i is a capitalised article inside a sentence, after an ordinary word: the first word of a name. */
export function articleStartsName(doc: ExtractionDocument, i: number): boolean {
  const token = doc.tokens[i];
  return i > 0 && ARTICLES.has(token.text) && !token.sentenceInitial && !doc.shouting[token.sentence] && afterOrdinaryWord(doc, i);
}

const isNameWord = (token: DocToken) => token.capitalised && /^\p{L}/u.test(token.text);
const isDescriptive = (token: DocToken | undefined) => !!token && !token.capitalised && isAdjective(token.text) && !demonyms().has(token.key);

/**
 * The article follows a lower-case word, a comma or a function word opening the sentence ("Selon"),
 * not a name, a title or what may open a sentence.
 */
function afterOrdinaryWord(doc: ExtractionDocument, i: number): boolean {
  const before = doc.tokens[i - 1];
  if (before.sentence !== doc.tokens[i].sentence || OPENERS.test(before.text)) return false;
  if (before.capitalised && !(before.sentenceInitial && frenchFunctionWords().has(before.key))) return false;
  for (let from = Math.max(0, i - 3); from < i; from++) {
    const title = titles().longestAt(doc.tokens, from, i);
    if (title && title.to === i - 1) return false;
  }
  return true;
}
