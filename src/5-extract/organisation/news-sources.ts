import type { CandidateMention } from "../../types.js";
import type { ExtractionDocument } from "../document.js";
import { candidate, PRIORITY } from "../extractor.js";
import { commonWords, nonNames } from "../knowledge.js";

/** Dashes that close a dateline: "Infomediaire Maroc – Le Maroc…", "PARIS (AFP) —". */
const DATELINE_DASH = /^[\u2013\u2014-]$/;
const MAX_NAME_TOKENS = 4;

/**
 * The news source, where news conventions name it: a dateline opening the article with capitalised
 * words and a dash, or a closing signature "Rédaction <Name>." A dateline that is a known place is
 * a LOCATION (found by the lexicon), so only names that are not already candidates are taken.
 */
export function newsSources(doc: ExtractionDocument, found: readonly CandidateMention[]): CandidateMention[] {
  const sources = [dateline(doc), signature(doc)].filter((c): c is CandidateMention => !!c);
  return sources.filter((c) => !found.some((f) => f.start === c.start));
}

function dateline(doc: ExtractionDocument): CandidateMention | undefined {
  const { tokens } = doc;
  const dash = tokens.slice(0, MAX_NAME_TOKENS + 1).findIndex((t) => DATELINE_DASH.test(t.text) && t.sentence === 0);
  if (dash < 1 || !tokens.slice(0, dash).every((t) => t.capitalised)) return undefined;
  const first = tokens[0];
  if (commonWords().has(first.key) || nonNames().has(first.key)) return undefined;
  return candidate(doc, 0, dash - 1, "ORG", "dateline", PRIORITY.pattern);
}

function signature(doc: ExtractionDocument): CandidateMention | undefined {
  const { tokens } = doc;
  const lastSentence = doc.sentences.length - 1;
  const start = tokens.findIndex((t) => t.sentence === lastSentence);
  if (start < 0 || tokens[start].key !== "redaction") return undefined;
  let end = start + 1;
  while (end < tokens.length && tokens[end].capitalised && end - start <= MAX_NAME_TOKENS) end++;
  if (end === start + 1 || (tokens[end] && tokens[end].text !== ".")) return undefined;
  return candidate(doc, start + 1, end - 1, "ORG", "signature", PRIORITY.pattern);
}
