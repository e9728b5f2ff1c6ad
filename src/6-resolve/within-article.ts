import { collapseWhitespace, nameKey } from "../common/normalize.js";
import { toOriginalSpan } from "../2-clean/mapped-text.js";
import { lookupToken } from "../5-extract/document.js";
import type { LookupToken } from "../5-extract/gazetteer.js";
import { ACRONYM, titles } from "../5-extract/knowledge.js";
import { spells } from "../5-extract/organisation/acronyms.js";
import { tokenize } from "../4-tokenize/tokenize.js";
import type { Article, CandidateMention, LocalEntity, ResolvedMention, Sentence } from "../types.js";
import { groupByKeys } from "./union-find.js";

/** A candidate with what resolution needs to know about it. */
interface Named {
  candidate: CandidateMention;
  surface: string;
  /** The title right before a person's name ("president"), which tells two namesakes apart. */
  title: string;
  keys: string[];
}

/**
 * Stage 6a: candidates → the article's entities and its resolved mentions (original offsets).
 * An acronym and its long form are one entity; a short name (a surname, the first words of an
 * organisation's name) joins the full name it abbreviates: the one introduced with the same title
 * if several could fit, else the latest one before it.
 */
export function resolveWithinArticle(article: Article): Article {
  if (article.skipReason || !article.cleaned || !article.candidates || !article.sentences || article.original === undefined) return article;
  const { cleaned, original, sentences } = article;
  const named = article.candidates.map((candidate) => describe(candidate, cleaned.text));
  linkShortForms(named);
  const groups = groupByKeys(named.map((n) => n.keys));
  const entityOfGroup = new Map<number, number>();
  const members: Named[][] = [];
  const sentenceTexts = new SentenceTexts(cleaned.text, sentences);
  const mentions: ResolvedMention[] = named.map((n, i) => {
    let localEntity = entityOfGroup.get(groups[i]);
    if (localEntity === undefined) {
      entityOfGroup.set(groups[i], (localEntity = members.length));
      members.push([]);
    }
    members[localEntity].push(n);
    const { start, end } = toOriginalSpan(cleaned, n.candidate.start, n.candidate.end);
    return { start, end, text: original.slice(start, end), type: n.candidate.type, localEntity, sentence: sentenceTexts.indexAt(n.candidate.start) };
  });
  return { ...article, entities: members.map(toLocalEntity), mentions, mentionSentences: sentenceTexts.texts };
}

function describe(candidate: CandidateMention, text: string): Named {
  const surface = collapseWhitespace(text.slice(candidate.start, candidate.end));
  const type = candidate.type;
  const keys: string[] = [];
  if (type === "UN_RESOLUTION") keys.push(`${type}:${resolutionNumber(candidate.canonical ?? surface)}`);
  else if (type !== "PERSON" || candidate.canonical || surface.includes(" ")) keys.push(`${type}:${nameKey(candidate.canonical ?? surface)}`);
  if (candidate.acronym) keys.push(`${type}:acronym:${nameKey(candidate.acronym)}`);
  if (candidate.acronym && nameKey(surface) === nameKey(candidate.acronym)) keys.push(`${type}:${nameKey(surface)}`);
  return { candidate, surface, title: type === "PERSON" ? titleBefore(text, candidate.start) : "", keys };
}

export const resolutionNumber = (name: string) => /\d{1,4}/.exec(name)?.[0] ?? name;

/**
 * Short forms: a one-word person name joins a full name that ends with it ("Sales" → "Nathan Sales");
 * a one-word organisation name, or a one-word place no lexicon knows, joins one that starts with it
 * ("Infomediaire" → "Infomediaire Maroc", "Émirats" → "Émirats arabes unis").
 * Of several full names that fit, the one introduced with the same title wins ("Président Trump"
 * → "Président … Donald Trump", not "Ivanka Trump"), else the latest one before the short form.
 */
function linkShortForms(named: Named[]): void {
  const fullNames = indexFullNames(named);
  let organisations: SpeltName[] | undefined;
  for (const short of named) {
    const { type } = short.candidate;
    if (type === "ORG" && !short.candidate.acronym && ACRONYM.test(short.surface)) {
      organisations ??= fullOrganisationNames(named);
      linkUndefinedAcronym(short, organisations);
      continue;
    }
    const isShort = type === "PERSON" || (type === "ORG" && !short.surface.includes(" ") && !short.candidate.acronym) || unknownPlaceWord(short);
    if (!isShort) continue;
    const key = nameKey(short.surface);
    const bySuffix = fullNames.get(`${type}:${key}`) ?? [];
    const chosen = chooseFullName(short, bySuffix.length > 0 ? bySuffix : type === "PERSON" ? byOtherWord(fullNames, key) : []);
    if (chosen) short.keys.push(chosen.keys[0]);
    if (short.keys.length === 0) short.keys.push(`${type}:${key}`);
  }
}

/** A one-word place no lexicon knows may shorten a longer place's name ("Émirats" for Émirats arabes unis); a known one never does ("Guinée", "Guinée-Bissau"). */
const unknownPlaceWord = (named: Named) => named.candidate.type === "LOCATION" && !named.candidate.canonical && !named.surface.includes(" ");

/** An acronym the article never defines joins the only organisation named in full whose initials it spells ("OM" → "Olympique de Marseille"). */
function linkUndefinedAcronym(acronym: Named, organisations: SpeltName[]): void {
  const spelt = new Set(organisations.filter(({ words }) => spells(acronym.surface, words)).map(({ full }) => full.keys[0]));
  if (spelt.size === 1) acronym.keys.push(...spelt);
}

/** An organisation's name of several words, and its words as an acronym's initials are looked for. */
interface SpeltName {
  full: Named;
  words: LookupToken[];
}

const fullOrganisationNames = (named: Named[]): SpeltName[] =>
  named.filter((n) => n.candidate.type === "ORG" && n.surface.includes(" ")).map((full) => ({ full, words: tokenize(full.surface).map((t) => lookupToken(t.text)) }));

/** Full names by the short forms they can take: a person's last words, first words or inner word; an organisation's or a place's first words. */
function indexFullNames(named: Named[]): Map<string, Named[]> {
  const index = new Map<string, Named[]>();
  const add = (key: string, full: Named) => {
    const fits = index.get(key);
    if (fits) fits.push(full);
    else index.set(key, [full]);
  };
  for (const full of named) {
    const { type } = full.candidate;
    const words = nameKey(full.surface).split(" ");
    if (words.length < 2 || type === "UN_RESOLUTION" || type === "EXERCISE") continue;
    for (let k = 1; k < words.length; k++) add(`${type}:${type === "PERSON" ? words.slice(k).join(" ") : words.slice(0, k).join(" ")}`, full);
    if (type !== "PERSON") continue;
    for (let k = 1; k < words.length; k++) add(`PERSON-first:${words.slice(0, k).join(" ")}`, full);
    for (let k = 1; k < words.length - 1; k++) add(`PERSON-inner:${words[k]}`, full);
  }
  return index;
}

/**
 * The only full name that starts with the words, where the family name comes first ("M. Tedros" for
 * Tedros Adhanom Ghebreyesus) or is left out ("Mohamed ben Zayed" for Mohamed ben Zayed Al Nahyane),
 * else the only one with the word inside ("M. Lula" for Luiz Inácio Lula da Silva).
 */
function byOtherWord(fullNames: Map<string, Named[]>, key: string): Named[] {
  for (const place of ["first", "inner"]) {
    const fits = new Set(fullNames.get(`PERSON-${place}:${key}`));
    if (fits.size > 0) return fits.size === 1 ? [...fits] : [];
  }
  return [];
}

function chooseFullName(short: Named, fits: Named[]): Named | undefined {
  const sameTitle = fits.filter((f) => short.title && f.title === short.title);
  const before = fits.filter((f) => f.candidate.start < short.candidate.start);
  const pool = sameTitle.length > 0 ? sameTitle : before.length > 0 ? before : fits;
  return pool.length > 0 ? pool[sameTitle.length > 0 || before.length > 0 ? pool.length - 1 : 0] : undefined;
}

/** The title a few words before `start`, folded ("president"), or "". */
function titleBefore(text: string, start: number): string {
  const before = tokenize(text.slice(Math.max(0, start - 60), start)).slice(-4).map((t) => lookupToken(t.text));
  for (let i = before.length - 1; i >= 0; i--) {
    const match = titles().longestAt(before, i, before.length);
    if (match) return before.slice(i, match.to + 1).map((t) => t.key).join(" ");
  }
  return "";
}

/** The texts of the sentences that hold mentions, each stored once, whitespace collapsed. */
class SentenceTexts {
  readonly texts: string[] = [];
  private readonly indexOfSentence = new Map<number, number>();

  constructor(
    private readonly text: string,
    private readonly sentences: Sentence[],
  ) {}

  indexAt(offset: number): number {
    const sentence = sentenceAt(this.sentences, offset);
    let index = this.indexOfSentence.get(sentence);
    if (index === undefined) {
      const { start, end } = this.sentences[sentence] ?? { start: offset, end: offset };
      this.indexOfSentence.set(sentence, (index = this.texts.length));
      this.texts.push(collapseWhitespace(this.text.slice(start, end)));
    }
    return index;
  }
}

/** The index of the sentence that holds `offset` (binary search), or -1. */
function sentenceAt(sentences: Sentence[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sentences[mid].end <= offset) low = mid + 1;
    else if (sentences[mid].start > offset) high = mid - 1;
    else return mid;
  }
  return -1;
}

/** The entity's canonical name: the lexicon's or the long form's, else its fullest name as written. */
function toLocalEntity(members: Named[]): LocalEntity {
  const type = members[0].candidate.type;
  const surfaces = [...new Set(members.map((m) => m.surface))];
  const acronym = members.find((m) => m.candidate.acronym)?.candidate.acronym ?? "";
  const canonicals = members.map((m) => m.candidate.canonical).filter((c): c is string => !!c && c !== acronym);
  const fullest = [...surfaces].filter((s) => s !== acronym).sort((a, b) => b.split(" ").length - a.split(" ").length || b.length - a.length)[0];
  const canonicalName = type === "UN_RESOLUTION" ? fullestResolution(canonicals) : (canonicals.sort((a, b) => b.length - a.length)[0] ?? fullest ?? surfaces[0]);
  return { type, canonicalName, acronym, surfaceForms: surfaces };
}

const fullestResolution = (names: string[]) => names.find((n) => n.includes("(")) ?? names[0];
