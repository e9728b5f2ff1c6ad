import { lexiconEntries, lexiconKeys } from "../common/lexicons.js";
import { foldKey } from "../common/normalize.js";
import { functionWordsOf } from "../3-language/detect-language.js";
import type { EntityType } from "../types.js";
import { Gazetteer, gazetteerOf, type LookupToken } from "./gazetteer.js";

/**
 * The lexicons of data/lexicons, loaded once per process and shaped for the extractors.
 * Every lookup key is a `foldKey` (lower case, no accents, ASCII apostrophes).
 */

/** A known name: the entity it denotes. */
export interface KnownName {
  type: EntityType;
  canonical: string;
  acronym: string;
}

/** An acronym as the lexicons and canonical names write it: ONU, G5, AQMI. */
export const ACRONYM = /^[\p{Lu}\d&-]{2,8}$/u;

const once = <T>(build: () => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};

export const firstNames = once(() => lexiconKeys("first-names"));
export const commonWords = once(() => new Set(lexiconEntries("common-words").map(foldKey)));
export const nonNames = once(() => lexiconKeys("non-names"));
export const orgHeads = once(() => new Set(lexiconEntries("org-heads").map(foldKey)));
export const orgKinds = once(() => new Set(lexiconEntries("org-kinds").map(foldKey)));
export const orgPrefixes = once(() => lexiconKeys("org-prefixes"));
export const portfolios = once(() => new Gazetteer<true>().addAll(lexiconEntries("portfolios"), true));
export const commonAcronyms = once(() => new Set(lexiconEntries("common-acronyms")));
export const placeTriggers = once(() => lexiconKeys("place-triggers"));
export const geographicHeads = once(() => lexiconKeys("geographic-heads"));
export const citationCues = once(() => lexiconKeys("citation-cues"));
export const nameParticles = once(() => lexiconKeys("name-particles"));
export const exerciseTriggers = once(() => new Gazetteer<true>().addAll(lexiconEntries("exercise-triggers"), true));

/** The keys of a lexicon of masculine singular adjectives in all their forms: américain, américaine, américains, américaines. */
function adjectiveForms(lexicon: string): Set<string> {
  const forms = new Set<string>();
  for (const word of lexiconEntries(lexicon).map(foldKey)) {
    const feminine = /(ien|en)$/.test(word) ? `${word}ne` : /e$/.test(word) ? word : `${word}e`;
    for (const form of [word, feminine]) for (const suffix of ["", "s"]) forms.add(form.endsWith("s") && suffix ? form : form + suffix);
    forms.add(word.replace(/al$/, "aux"));
  }
  return forms;
}

/** Nationality and regional adjectives. */
export const demonyms = once(() => adjectiveForms("demonyms"));
/** Those of regions wider than a country, which name organisations rather than describe them ("Agence spatiale européenne"). */
export const supranationalDemonyms = once(() => adjectiveForms("supranational-demonyms"));
export const infinitives = once(() => new Set(lexiconEntries("infinitives")));
/** The French function words of language detection: "selon", "pour", "dans", "et"… */
export const frenchFunctionWords = once(() => new Set(functionWordsOf("fra").map(foldKey)));

/** Titles and honorifics; those written with a capital (M., Mme, Dr) must be written so in the text. */
export const titles = once(() => new Gazetteer<true>().addAll(lexiconEntries("titles"), true));

/** A name word joined by a hyphen to the particle before it: "al-Sissi", "el-Béchir", "el-Mandeb". */
export function joinedToParticle(token: LookupToken): boolean {
  const hyphen = token.text.indexOf("-");
  return hyphen > 0 && nameParticles().has(token.key.slice(0, hyphen)) && /^\p{Lu}\p{Ll}/u.test(token.text.slice(hyphen + 1));
}

/** "Le Caire" after "au" or "du" loses its article: "au Caire". */
const CONTRACTED_ARTICLE = /^Les? (?=\p{Lu})/u;

/** A place's name as written, and without its article when what remains is no ordinary word ("Le Cap" stays whole: "du Cap Vert"). */
function placeForms(name: string): string[] {
  if (!CONTRACTED_ARTICLE.test(name)) return [name];
  const rest = name.replace(CONTRACTED_ARTICLE, "");
  return commonWords().has(foldKey(rest)) ? [name] : [name, rest];
}

/**
 * Countries, cities and regions (LOCATION) and well-known organisations (ORG), each name mapped to
 * its entity; a place whose name starts with "Le" or "Les" also without it.
 */
export const knownNames = once(() =>
  gazetteerOf<KnownName>(
    ["countries", "cities", "regions", "organisations"],
    (names, lexicon) => ({
      type: lexicon === "organisations" ? "ORG" : "LOCATION",
      canonical: names[0],
      acronym: lexicon === "organisations" ? (names.slice(1).find((name) => ACRONYM.test(name)) ?? "") : "",
    }),
    (name, lexicon) => (lexicon === "organisations" ? [name] : placeForms(name)),
  ),
);


/**
 * Adjectives (fr-compromise) plus the suffixes of French relational adjectives the lexicon misses
 * (stratégique, militaire). Looked up with accents: "relevé" is an adjective, "relève" a verb.
 */
const ADJECTIVE_SUFFIX = /(?:ique|iques|aire|aires|iste|istes|al|ale|aux|ales|el|elle|els|elles|if|ive|ifs|ives|ien|ienne|iens|iennes)$/;
const adjectiveSet = once(() => new Set(lexiconEntries("adjectives").map((word) => word.toLowerCase())));
export const isAdjective = (word: string) => {
  const lower = word.toLowerCase();
  return adjectiveSet().has(lower) || (lower.length > 4 && ADJECTIVE_SUFFIX.test(lower));
};
