/**
 * Regenerates the lexicons that come from open data in packages (`npm run lexicons`):
 *   first-names.txt  first names from compromise's English lexicon and fr-compromise's French one
 *   countries.txt    French country names from world-countries and i18n-iso-countries, plus manual aliases
 *   cities.txt       capitals (French names where they differ) and major cities
 *   adjectives.txt   French adjectives (all genders and numbers) from fr-compromise's lexicon
 *   infinitives.txt  French verbs in the infinitive, from fr-compromise's lexicon
 *   common-words.txt French words seen in lower case in the Europeana newspapers corpus (CC0, ../shared/train)
 * The hand-written lists (manual/*.txt and the other files in data/lexicons) are read, never written.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import nlp from "compromise";
import nlpFr from "fr-compromise";
import { LEXICON_DIR, PROJECT_ROOT, lexiconEntries } from "../src/common/lexicons.js";
import { foldKey } from "../src/common/normalize.js";
import { splitForDevelopment } from "../src/5-extract/tagger/corpus.js";

const require = createRequire(import.meta.url);

interface WorldCountry {
  name: { common: string };
  capital: string[];
  translations: Record<string, { common: string; official: string }>;
  cca2: string;
}

type Lexicon = Record<string, string | string[]>;

/** compromise keeps its word → tags lexicon in model().one.lexicon. */
const lexiconOf = (library: { model(): object }) => (library.model() as { one: { lexicon: Lexicon } }).one.lexicon;

function tagged(lexicon: Lexicon, tags: string[]): string[] {
  return Object.entries(lexicon)
    .filter(([, value]) => String(value).split(",").some((tag) => tags.includes(tag)))
    .map(([word]) => word);
}

const capitalise = (word: string) => word.replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

/** The words that fr-compromise knows as ordinary French words (verbs, adjectives, nouns), as written. */
function frenchLexiconWords(): Set<string> {
  const nameTags = ["FemaleName", "MaleName", "FirstName", "LastName", "Person", "Country", "City", "Region", "Place", "Organization", "SportsTeam"];
  return new Set(
    Object.entries(lexiconOf(nlpFr))
      .filter(([, value]) => !String(value).split(",").some((tag) => nameTags.includes(tag)))
      .map(([word]) => word),
  );
}

/**
 * First names of the CC0 Europeana corpus: the first word of person names of two words or more,
 * seen at least twice (titles such as "M." are outside its person spans).
 */
function europeanaFirstNames(): string[] {
  const counts = new Map<string, number>();
  for (const { text, tokens, entities } of europeanaDocuments()) {
    for (const entity of entities.filter((e) => e.type === "PER")) {
      const inside = tokens.filter(([start, end]) => start >= entity.start && end <= entity.end);
      const first = inside.length >= 2 ? text.slice(inside[0][0], inside[0][1]) : "";
      if (/^\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?$/u.test(first)) counts.set(first, (counts.get(first) ?? 0) + 1);
    }
  }
  return [...counts].filter(([, n]) => n >= 2).map(([name]) => name);
}

interface TrainingDocument {
  text: string;
  tokens: [number, number][];
  entities: { start: number; end: number; type: string }[];
}

/** The Europeana documents the tagger trains on: its development split (every tenth) must not leak into lexicons it reads. */
function europeanaDocuments(): TrainingDocument[] {
  const corpus = readFileSync(join(PROJECT_ROOT, "../shared/train/europeana-fr.jsonl"), "utf8");
  const { train } = splitForDevelopment(corpus.split("\n").filter(Boolean).map((line) => JSON.parse(line) as TrainingDocument));
  return train;
}

function firstNames(common: Set<string>): string[] {
  const english = lexiconOf(nlp);
  const french = lexiconOf(nlpFr);
  const tags = ["FirstName", "MaleName", "FemaleName"];
  const fromLexicons = [...tagged(english, tags), ...tagged(french, tags)].filter((name) => !common.has(foldKey(name)));
  const names = new Set([...fromLexicons, ...europeanaFirstNames()].map((name) => capitalise(name.trim().toLowerCase())));
  return [...names].filter((name) => name.length > 2 && !name.includes(" ")).sort((a, b) => a.localeCompare(b, "fr"));
}

function countryLines(): string[] {
  const world = require("world-countries") as WorldCountry[];
  const iso = require("i18n-iso-countries");
  iso.registerLocale(require("i18n-iso-countries/langs/fr.json"));
  const manual = new Map(
    lexiconEntries("manual/country-aliases").map((line) => {
      const [canonical, ...aliases] = line.split("|").map((s) => s.trim());
      return [foldKey(canonical), { canonical, aliases }];
    }),
  );
  const lines = world.map((country) => {
    const fr = country.translations.fra;
    const names = [fr.common, fr.official, ...(iso.getNames("fr", { select: "all" })[country.cca2] ?? [])].map(withoutArticle);
    const extra = manual.get(foldKey(fr.common));
    if (extra) manual.delete(foldKey(fr.common));
    const canonical = extra?.canonical ?? fr.common;
    return unique([canonical, ...names, ...(extra?.aliases ?? [])]).join(" | ");
  });
  for (const { canonical, aliases } of manual.values()) lines.push(unique([canonical, ...aliases]).join(" | "));
  return lines.sort((a, b) => a.localeCompare(b, "fr"));
}

function cityLines(common: Set<string>): string[] {
  const world = require("world-countries") as WorldCountry[];
  const french = new Map(
    lexiconEntries("manual/capitals-fr").map((line) => {
      const [fr, en] = line.split("|").map((s) => s.trim());
      return [en, fr];
    }),
  );
  const names = new Set<string>();
  for (const country of world) for (const capital of country.capital) names.add(french.get(capital) ?? capital);
  for (const fr of french.values()) names.add(fr);
  const compromiseCities = tagged(lexiconOf(nlp), ["City"]).map(capitalise);
  for (const city of compromiseCities) if (!common.has(foldKey(city))) names.add(city);
  return [...names].filter((name) => name.length > 2 && !/^City of /.test(name)).sort((a, b) => a.localeCompare(b, "fr"));
}

/** Official names sometimes carry their article ("Les états-unis d'Amérique"); the text's own article stays outside the span. */
function withoutArticle(name: string): string {
  const bare = name.replace(/^(les?|la|l')\s*/i, "");
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

/**
 * Ordinary French words, never names by themselves: fr-compromise's lexicon (verbs, adjectives, nouns)
 * and the lower-case words seen at least twice in running text of the CC0 Europeana corpus.
 */
function commonWords(frenchLexicon: Set<string>): string[] {
  const counts = new Map<string, number>();
  for (const { text, tokens } of europeanaDocuments()) {
    for (const [start, end] of tokens) {
      const word = text.slice(start, end);
      if (word.length >= 3 && /^\p{Ll}+(?:-\p{Ll}+)*$/u.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const seen = [...counts].filter(([, n]) => n >= 2).map(([word]) => word);
  return [...new Set([...seen, ...frenchLexicon])].filter((word) => !word.includes(" ")).sort((a, b) => a.localeCompare(b, "fr"));
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = foldKey(name);
    if (seen.has(key) || !name) return false;
    seen.add(key);
    return true;
  });
}

function write(name: string, header: string[], lines: string[]): void {
  const text = [...header.map((h) => `# ${h}`), ...lines].join("\n") + "\n";
  writeFileSync(join(LEXICON_DIR, `${name}.txt`), text);
  console.log(`${name}.txt: ${lines.length} entries`);
}

const frenchLexicon = frenchLexiconWords();
const common = new Set([...frenchLexicon].map(foldKey));
const countries = countryLines();
const cities = cityLines(common);
write("countries", [
  "Countries in French. Generated by `npm run lexicons` from world-countries (ODbL) and i18n-iso-countries (MIT),",
  "plus data/lexicons/manual/country-aliases.txt. Format: canonical name | alias | alias ...",
], countries);
write("cities", [
  "Capitals and major cities. Generated by `npm run lexicons` from world-countries (ODbL) capitals, with French names",
  "from data/lexicons/manual/capitals-fr.txt, and compromise's (MIT) city list less words that fr-compromise knows as common French words.",
], cities);
write("first-names", [
  "First names. Generated by `npm run lexicons` from the first-name tags of compromise's (MIT) and fr-compromise's (MIT) lexicons",
  "and the first words of person names in the Europeana Newspapers French corpus (CC0, ../shared/train),",
  "less the lexicons' names that fr-compromise knows as common French words (those seen as first names in Europeana stay).",
], firstNames(common));
write("adjectives", [
  "French adjectives in all their forms, from the adjective tags of fr-compromise's (MIT) lexicon. Generated by `npm run lexicons`.",
  "An adjective may continue an organisation's name (\"Agence centrale\", \"Force conjointe\").",
], tagged(lexiconOf(nlpFr), ["Adjective", "MaleAdjective", "FemaleAdjective", "PluralAdjective"]).filter((w) => !w.includes(" ")).sort((a, b) => a.localeCompare(b, "fr")));
write("infinitives", [
  "French verbs in the infinitive, from the Infinitive tag of fr-compromise's (MIT) lexicon. Generated by `npm run lexicons`.",
  "A bare infinitive after a preposition ends an organisation's name (\"Chambre des représentants | pour tenter de…\").",
], tagged(lexiconOf(nlpFr), ["Infinitive"]).filter((w) => !w.includes(" ")).sort((a, b) => a.localeCompare(b, "fr")));
write("common-words", [
  "Ordinary French words: fr-compromise's (MIT) lexicon less its names, and lower-case words seen at least twice in the",
  "Europeana Newspapers French corpus (CC0, ../shared/train/europeana-fr.jsonl). Generated by `npm run lexicons`.",
  "A capitalised common word does not start a person's name.",
], commonWords(frenchLexicon));
