import type { CandidateMention } from "../../types.js";
import type { DocToken, ExtractionDocument } from "../document.js";
import { candidate, PRIORITY, type Extractor } from "../extractor.js";
import { sentenceEndOf } from "../gazetteer.js";
import { commonWords, demonyms, exerciseTriggers, knownNames, nonNames } from "../knowledge.js";

/**
 * EXERCISE: named military exercises after a trigger word of data/lexicons/exercise-triggers.txt
 * ("exercice", "manœuvres", "entraînement"), in the same sentence: quoted names ("“African Lion”,
 * “Lightning Handshake” et “Epic Guardian”") and unquoted runs of capitalised words, possibly with
 * a year ("l'exercice Flintlock 2020"). Known places and organisations are never exercises.
 */
export const exerciseExtractor: Extractor = {
  type: "EXERCISE",
  extract(doc: ExtractionDocument, found: readonly CandidateMention[]): CandidateMention[] {
    const taken = new Set(found.filter((c) => c.priority >= PRIORITY.lexicon).map((c) => c.start));
    const exercises: CandidateMention[] = [];
    const { tokens } = doc;
    for (let i = 0; i < tokens.length; i++) {
      const trigger = exerciseTriggers().longestAt(tokens, i, sentenceEndOf(doc, i));
      if (!trigger) continue;
      const end = sentenceEndOf(doc, i);
      for (let j = trigger.to + 1; j < end; j++) {
        const name = nameAt(doc, j, end, j === trigger.to + 1);
        if (!name || taken.has(tokens[name.from].start)) continue;
        exercises.push(candidate(doc, name.from, name.to, "EXERCISE", "exercise", PRIORITY.pattern));
        j = name.to;
      }
      i = end - 1;
    }
    return exercises;
  },
};

const OPENING_QUOTES = new Set(['"', "\u201c", "\u00ab", "\u2018", "'"]);
const YEAR_OR_NUMBER = /^\d{1,4}$/;

/**
 * The exercise name starting at token j: capitalised words (and a trailing year), quoted or
 * directly after the trigger. A single unquoted word counts only right after the trigger.
 */
function nameAt(doc: ExtractionDocument, j: number, end: number, rightAfterTrigger: boolean): { from: number; to: number } | undefined {
  const { tokens } = doc;
  const quoted = OPENING_QUOTES.has(tokens[j - 1]?.text ?? "");
  if (!isExerciseWord(tokens[j]) || knownNames().longestAt(tokens, j, end)) return undefined;
  let to = j;
  while (to + 1 < end && (isExerciseWord(tokens[to + 1]) || YEAR_OR_NUMBER.test(tokens[to + 1].text))) to++;
  if (to === j && !quoted && !(rightAfterTrigger && !commonWords().has(tokens[j].key))) return undefined;
  return { from: j, to };
}

function isExerciseWord(token: DocToken | undefined): boolean {
  return !!token && token.capitalised && /^\p{Lu}/u.test(token.text) && !nonNames().has(token.key) && !demonyms().has(token.key);
}
