import type { CandidateMention } from "../../types.js";
import type { DocToken, ExtractionDocument } from "../document.js";
import { candidate, PRIORITY, type Extractor } from "../extractor.js";
import { sentenceEndOf } from "../gazetteer.js";
import { commonWords, demonyms, exerciseTriggers, isAdjective, knownNames, nonNames } from "../knowledge.js";

/**
 * EXERCISE: named military exercises after a trigger word of data/lexicons/exercise-triggers.txt
 * ("exercice", "manœuvres", "entraînement"), in the same sentence: quoted names ("“African Lion”,
 * “Lightning Handshake” et “Epic Guardian”") anywhere in it, and an unquoted run of capitalised
 * words, possibly with a year, right after the trigger and its adjectives ("l'exercice Flintlock
 * 2020", "l'exercice naval multinational Phoenix Express") or after such a name and "et" or a comma.
 * A known place or organisation alone is never an exercise; a name that only starts with one may be.
 */
export const exerciseExtractor: Extractor = {
  type: "EXERCISE",
  extract(doc: ExtractionDocument, found: readonly CandidateMention[]): CandidateMention[] {
    // Where evidence-backed names end, by where they start: an exercise may only extend one ("Phoenix | Express").
    const taken = new Map(found.filter((c) => c.priority >= PRIORITY.lexicon).map((c) => [c.start, c.end]));
    const exercises: CandidateMention[] = [];
    const { tokens } = doc;
    for (let i = 0; i < tokens.length; i++) {
      const trigger = exerciseTriggers().longestAt(tokens, i, sentenceEndOf(doc, i));
      if (!trigger) continue;
      const end = sentenceEndOf(doc, i);
      let unquotedAt = afterAdjectives(tokens, trigger.to + 1, end);
      for (let j = trigger.to + 1; j < end; j++) {
        const name = nameAt(doc, j, end, j === unquotedAt);
        if (!name || (taken.get(tokens[name.from].start) ?? -1) >= tokens[name.to].end) continue;
        exercises.push(candidate(doc, name.from, name.to, "EXERCISE", "exercise", PRIORITY.pattern));
        j = name.to;
        if (LIST_JOINERS.has(tokens[j + 1]?.key ?? "")) unquotedAt = j + 2;
      }
      i = end - 1;
    }
    return exercises;
  },
};

const OPENING_QUOTES = new Set(['"', "\u201c", "\u00ab", "\u2018", "'"]);
const YEAR_OR_NUMBER = /^\d{1,4}$/;
const LIST_JOINERS = new Set(["et", ","]);
const MAX_ADJECTIVES = 3;

/** The first token after the lower-case adjectives that follow the trigger ("naval multinational"). */
function afterAdjectives(tokens: DocToken[], i: number, end: number): number {
  const limit = Math.min(end, i + MAX_ADJECTIVES);
  while (i < limit && !tokens[i].capitalised && (isAdjective(tokens[i].text) || demonyms().has(tokens[i].key))) i++;
  return i;
}

/**
 * The exercise name starting at token j: capitalised words (and a trailing year), quoted, or
 * unquoted where the sentence's construction puts a name (`unquotedHere`). A single unquoted word
 * must not be an ordinary word.
 */
function nameAt(doc: ExtractionDocument, j: number, end: number, unquotedHere: boolean): { from: number; to: number } | undefined {
  const { tokens } = doc;
  const quoted = OPENING_QUOTES.has(tokens[j - 1]?.text ?? "");
  if (!(quoted || unquotedHere) || !isExerciseWord(tokens[j])) return undefined;
  let to = j;
  while (to + 1 < end && (isExerciseWord(tokens[to + 1]) || YEAR_OR_NUMBER.test(tokens[to + 1].text))) to++;
  const known = knownNames().longestAt(tokens, j, end);
  if (known && known.to >= to) return undefined;
  if (to === j && !quoted && commonWords().has(tokens[j].key)) return undefined;
  return { from: j, to };
}

function isExerciseWord(token: DocToken | undefined): boolean {
  return !!token && token.capitalised && /^\p{Lu}/u.test(token.text) && !nonNames().has(token.key) && !demonyms().has(token.key);
}
