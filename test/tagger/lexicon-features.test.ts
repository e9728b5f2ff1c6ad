import { tokenize } from "../../src/4-tokenize/tokenize.js";
import { lexiconEntries } from "../../src/common/lexicons.js";
import { nameKey } from "../../src/common/normalize.js";
import { BITS_PER_LEXICON, entryKey, LexiconMatcher, TAGGER_LEXICONS } from "../../src/5-extract/tagger/lexicon-features.js";

const CITIES = TAGGER_LEXICONS.indexOf("cities");
const ORG_HEADS = TAGGER_LEXICONS.indexOf("org-heads");
const TITLES = TAGGER_LEXICONS.indexOf("titles");
const COUNTRIES = TAGGER_LEXICONS.indexOf("countries");
const bit = (lexicon: number, which: 0 | 1 | 2): number => 1 << (lexicon * BITS_PER_LEXICON + which);
const [WHOLE, FIRST, LATER] = [0, 1, 2] as const;

const NAMES: Partial<Record<(typeof TAGGER_LEXICONS)[number], string[]>> = {
  cities: ["Paris", "New York", "Saint-Étienne"],
  countries: ["Bosnie-Herzégovine"],
  "org-heads": ["L'Oréal"],
  titles: ["M."],
};
const matcher = new LexiconMatcher(TAGGER_LEXICONS.map((name) => NAMES[name] ?? []));

test("single tokens match through nameKey: case, accents, hyphens", () => {
  const bits = matcher.memberships(["PARIS", "Saint-Etienne", "york"]);
  expect(Array.from(bits)).toEqual([bit(CITIES, WHOLE), bit(CITIES, WHOLE), 0]);
});

test("multi-token entries mark their first and later tokens, cut as the pipeline cuts text", () => {
  const bits = matcher.memberships(["M", ".", "Dupont", "à", "New", "York", "chez", "L’", "Oréal"]);
  expect(Array.from(bits)).toEqual([
    bit(TITLES, FIRST), bit(TITLES, LATER), 0, 0, bit(CITIES, FIRST), bit(CITIES, LATER), 0, bit(ORG_HEADS, FIRST), bit(ORG_HEADS, LATER),
  ]);
});

test("entries match by words, whichever tokens hold them: a hyphenated entry spelled as two tokens, one token for two words", () => {
  const bits = matcher.memberships(["la", "Bosnie", "Herzégovine", "et", "New-York"]);
  expect(Array.from(bits)).toEqual([0, bit(COUNTRIES, FIRST), bit(COUNTRIES, LATER), 0, bit(CITIES, WHOLE)]);
});

test("the digest changes with the lexicons", () => {
  const empty = new LexiconMatcher(TAGGER_LEXICONS.map(() => []));
  expect(empty.digest()).not.toBe(matcher.digest());
  expect(empty.digest()).toMatch(/^[0-9a-f]{64}$/);
});

test("every entry of the project lexicons gets the key of its tokens' nameKeys, plain words by their shortcut too", () => {
  const differing: string[] = [];
  for (const lexicon of TAGGER_LEXICONS) {
    for (const name of lexiconEntries(lexicon).flatMap((entry) => entry.split("|"))) {
      if (entryKey(name) !== tokenize(name).map((token) => nameKey(token.text)).join(" ")) differing.push(`${lexicon}: ${name}`);
    }
  }
  expect(differing).toEqual([]);
});
