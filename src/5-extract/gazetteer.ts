import { lexiconEntries } from "../common/lexicons.js";
import { foldKey } from "../common/normalize.js";
import { tokenize } from "../4-tokenize/tokenize.js";
import type { DocToken, ExtractionDocument } from "./document.js";
import { detached } from "../common/detached.js";

/** What a lookup needs to know of a token. */
export type LookupToken = Pick<DocToken, "key" | "text" | "capitalised" | "allCaps">;

/** A name from a lexicon: the entry it belongs to (canonical name first) and how it must be written. */
export interface GazetteerEntry<T> {
  value: T;
  /** An all-capitals name (an acronym) matches only when written in capitals. */
  acronym: boolean;
  /** Names written with a capital in the lexicon match only when capitalised in the text. */
  capitalised: boolean;
  length: number;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  entry?: GazetteerEntry<T>;
}

export interface GazetteerMatch<T> {
  from: number;
  /** Inclusive. */
  to: number;
  entry: GazetteerEntry<T>;
}

/** Multi-word names looked up token by token (keys folded: case, accents and apostrophes do not matter). */
export class Gazetteer<T> {
  private readonly root: TrieNode<T> = { next: new Map() };

  addAll(names: string[], value: T): this {
    for (const name of names) this.add(name, value);
    return this;
  }

  add(name: string, value: T): void {
    const keys = tokenKeys(name);
    if (keys.length === 0) return;
    let node = this.root;
    for (const key of keys) {
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map() }));
      node = child;
    }
    node.entry ??= {
      value,
      acronym: /^[\p{Lu}\d.&-]{2,}$/u.test(name) && /\p{Lu}.*\p{Lu}/u.test(name),
      capitalised: /^\p{Lu}/u.test(name),
      length: keys.length,
    };
  }

  /** The longest entry that starts at token `from` and is written as the entry requires. */
  longestAt(tokens: readonly LookupToken[], from: number, sentenceEnd: number): GazetteerMatch<T> | undefined {
    let node: TrieNode<T> | undefined = this.root;
    let best: GazetteerMatch<T> | undefined;
    for (let i = from; i < sentenceEnd && node; i++) {
      node = node.next.get(tokens[i].key);
      if (node?.entry && writtenAsRequired(node.entry, tokens[from])) best = { from, to: i, entry: node.entry };
    }
    return best;
  }

  /** Every non-overlapping longest match in the document, left to right. */
  matchAll(doc: ExtractionDocument): GazetteerMatch<T>[] {
    const matches: GazetteerMatch<T>[] = [];
    const { tokens } = doc;
    for (let i = 0; i < tokens.length; i++) {
      if (!this.root.next.has(tokens[i].key)) continue;
      const match = this.longestAt(tokens, i, sentenceEndOf(doc, i));
      if (match && !(match.entry.acronym && doc.shouting[tokens[i].sentence])) {
        matches.push(match);
        i = match.to;
      }
    }
    return matches;
  }
}

/** Names are added again and again (propagation adds every name an article mentions): their keys are remembered, up to a bound. */
const keysOfName = new Map<string, readonly string[]>();
const MAX_CACHED_NAMES = 20_000;

function tokenKeys(name: string): readonly string[] {
  let keys = keysOfName.get(name);
  if (!keys) {
    keys = tokenize(name).map((token) => foldKey(token.text));
    if (keysOfName.size >= MAX_CACHED_NAMES) keysOfName.clear();
    keysOfName.set(detached(name), keys);
  }
  return keys;
}

function writtenAsRequired<T>(entry: GazetteerEntry<T>, first: LookupToken): boolean {
  if (entry.acronym) return first.allCaps || (first.text.length === 1 && /\p{Lu}/u.test(first.text));
  return !entry.capitalised || first.capitalised;
}

/** One past the last token of the sentence holding token i. */
export function sentenceEndOf(doc: ExtractionDocument, i: number): number {
  return doc.sentenceEnds[doc.tokens[i].sentence];
}

/** Splits a lexicon line `canonical | alias | alias`. */
export function lexiconNames(line: string): string[] {
  return line.split("|").map((name) => name.trim()).filter(Boolean);
}

/**
 * A gazetteer of every name in the given lexicons, each mapped to `valueOf(its line's names)`, and
 * each name also under the forms `formsOf` gives it.
 */
export function gazetteerOf<T>(lexicons: string[], valueOf: (names: string[], lexicon: string) => T, formsOf = (name: string, _lexicon: string) => [name]): Gazetteer<T> {
  const gazetteer = new Gazetteer<T>();
  for (const lexicon of lexicons) {
    for (const line of lexiconEntries(lexicon)) {
      const names = lexiconNames(line);
      const value = valueOf(names, lexicon);
      for (const name of names) for (const form of formsOf(name, lexicon)) gazetteer.add(form, value);
    }
  }
  return gazetteer;
}
