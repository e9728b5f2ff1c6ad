import { createHash } from "node:crypto";
import { tokenize } from "../../4-tokenize/tokenize.js";
import { lexiconEntries } from "../../common/lexicons.js";
import { foldKey, uncachedNameKey } from "../../common/normalize.js";
import { detached } from "../../common/detached.js";

/**
 * The project lexicons whose membership the tagger uses as features (data/lexicons/NAME.txt).
 * common-words tells a capitalised ordinary word from a name; demonyms mark MISC nationalities.
 */
export const TAGGER_LEXICONS = [
  "first-names", "countries", "cities", "regions", "organisations", "org-heads", "titles", "demonyms", "common-words",
] as const;

/** Per lexicon, three membership bits: the token alone is an entry; it starts a multi-token entry; it continues one. */
export const BITS_PER_LEXICON = 3;
const WHOLE = 0;
const FIRST = 1;
const LATER = 2;

/** What the lexicons say about one token string. */
export interface TokenLookup {
  /** The words of its `nameKey`: most tokens have one, `Pays-Bas` has two. */
  words: readonly string[];
  /** The WHOLE bit of every lexicon that has the token as an entry. */
  wholeBits: number;
  /** Where multi-word entries that start with the token continue; undefined when none does. */
  start: EntryNode | undefined;
}

/** A node of the word trie of the multi-word entries of every lexicon. */
interface EntryNode {
  children: Map<string, EntryNode>;
  /** Bit k: lexicon k has an entry whose words are the path to this node. */
  ends: number;
}

/**
 * Caps the memory of the token → lookup cache on long runs. Each worker has one, and a corpus keeps
 * bringing new tokens (numbers, names): 100,000 synthetic articles hold 119,000 distinct ones, and
 * with a cap of 200,000 the caches were never cleared and grew until the end of the run, when
 * memory peaks. Frequent tokens come back into the cache soon after it is cleared.
 */
const LOOKUP_CACHE_LIMIT = 50_000;

/**
 * Looks tokens up in the lexicons. An entry is cut into tokens by the pipeline's tokenizer, as sentences
 * are (`M.` → `M` `.`, `L'Oréal` → `L'` `Oréal`), and each token is compared through `nameKey` (case,
 * accents, hyphens and apostrophes folded). Multi-token entries are matched greedily, longest first.
 */
export class LexiconMatcher {
  private readonly lookups = new Map<string, TokenLookup>();
  /**
   * Every entry's key (token keys joined by spaces) with the WHOLE bits of the lexicons that have it:
   * a new token is looked up once, where asking each lexicon's own set took nine lookups.
   */
  private readonly wholeBitsByKey = new Map<string, number>();
  /**
   * The entries of two words or more, by word: a token key may hold spaces, so a run of tokens spells
   * an entry when the words of their keys, in order, are the entry's words. Walking it from a token
   * compares existing strings, where joining the keys of the tokens built a new string per step.
   */
  private readonly multiWordEntries: EntryNode = newNode();
  /** Scratch of `longestMultiTokenMatches`, reused so that matching allocates nothing. */
  private readonly ends = new Int32Array(TAGGER_LEXICONS.length);

  /** `names[k]`: the names of lexicon k (TAGGER_LEXICONS order), as written. */
  constructor(names: readonly (readonly string[])[]) {
    names.forEach((lexicon, k) => {
      for (const name of lexicon) {
        const key = entryKey(name);
        if (key === "") continue;
        const bits = this.wholeBitsByKey.get(key);
        // Set once per key and lexicon: a lexicon may list a name twice.
        if (bits === undefined) this.wholeBitsByKey.set(key, wholeBit(k));
        else if ((bits & wholeBit(k)) === 0) this.wholeBitsByKey.set(key, bits | wholeBit(k));
        else continue;
        if (key.includes(" ")) addEntry(this.multiWordEntries, key.split(" "), k);
      }
    });
  }

  /** The current data/lexicons; a missing file counts as an empty lexicon. */
  static fromProjectLexicons(): LexiconMatcher {
    return new LexiconMatcher(TAGGER_LEXICONS.map(readLexiconOrEmpty));
  }

  /** sha256 over the sorted keys of every lexicon: a model records it to tell whether the lexicons changed since training. */
  digest(): string {
    const hash = createHash("sha256");
    TAGGER_LEXICONS.forEach((name, k) => {
      const keys = [...this.wholeBitsByKey].filter(([, bits]) => bits & wholeBit(k)).map(([key]) => key);
      hash.update(`${name}\n${keys.sort().join("\n")}\n\n`);
    });
    return hash.digest("hex");
  }

  /** One bit mask per token: bit `k * BITS_PER_LEXICON + WHOLE|FIRST|LATER` for lexicon k. */
  memberships(tokens: readonly string[]): Int32Array {
    const lookups = tokens.map((token) => this.cachedLookup(token));
    const bits = new Int32Array(tokens.length);
    for (let i = 0; i < lookups.length; i++) bits[i] = lookups[i].wholeBits;
    this.addMultiTokenBits(lookups, lookups.length, bits);
    return bits;
  }

  /**
   * What the lexicons say about a token on its own. Callers that see a token often keep the result,
   * so its key is not kept in `nameKey`'s cache: the tagger's new tokens only churned it.
   */
  lookup(token: string): TokenLookup {
    const key = uncachedNameKey(token);
    const words = key.split(" ");
    const start = walk(this.multiWordEntries, words);
    return { words, wholeBits: this.wholeBitsByKey.get(key) ?? 0, start: start && start.children.size > 0 ? start : undefined };
  }

  /**
   * ORs into `bits[0 .. count)` the FIRST and LATER bits of the multi-token entries that the tokens of
   * `lookups[0 .. count)` spell: per lexicon, the longest entry starting at each token.
   */
  addMultiTokenBits(lookups: readonly TokenLookup[], count: number, bits: Int32Array): void {
    for (let i = 0; i < count; i++) {
      if (lookups[i].start === undefined) continue;
      const ends = this.longestMultiTokenMatches(lookups, count, i);
      for (let k = 0; k < ends.length; k++) {
        if (ends[k] === 0) continue;
        bits[i] |= 1 << (k * BITS_PER_LEXICON + FIRST);
        for (let j = i + 1; j < ends[k]; j++) bits[j] |= 1 << (k * BITS_PER_LEXICON + LATER);
      }
    }
  }

  /** `ends[k]`: end (exclusive) of the longest entry of lexicon k spelled by tokens i, i+1, ... (two tokens or more); 0 when none. */
  private longestMultiTokenMatches(lookups: readonly TokenLookup[], count: number, i: number): Int32Array {
    this.ends.fill(0);
    let node = lookups[i].start;
    for (let j = i + 1; j < count && node !== undefined; j++) {
      node = walk(node, lookups[j].words);
      for (let k = 0; node !== undefined && node.ends >> k; k++) if ((node.ends >> k) & 1) this.ends[k] = j + 1;
    }
    return this.ends;
  }

  private cachedLookup(token: string): TokenLookup {
    let lookup = this.lookups.get(token);
    if (lookup === undefined) {
      if (this.lookups.size >= LOOKUP_CACHE_LIMIT) this.lookups.clear();
      lookup = this.lookup(token);
      this.lookups.set(detached(token), lookup);
    }
    return lookup;
  }
}

const newNode = (): EntryNode => ({ children: new Map(), ends: 0 });
const wholeBit = (lexicon: number): number => 1 << (lexicon * BITS_PER_LEXICON + WHOLE);

function addEntry(root: EntryNode, words: readonly string[], lexicon: number): void {
  let node = root;
  for (const word of words) {
    let child = node.children.get(word);
    if (child === undefined) {
      child = newNode();
      node.children.set(word, child);
    }
    node = child;
  }
  node.ends |= 1 << lexicon;
}

/** The node reached from `node` by `words`; undefined when no entry continues that way. */
function walk(node: EntryNode | undefined, words: readonly string[]): EntryNode | undefined {
  for (let w = 0; w < words.length && node !== undefined; w++) node = node.children.get(words[w]);
  return node;
}

/** The names on every line: some lexicons list aliases as `canonical | alias | ...`. */
function readLexiconOrEmpty(name: string): string[] {
  try {
    const names: string[] = [];
    for (const entry of lexiconEntries(name)) entry.includes("|") ? names.push(...entry.split("|")) : names.push(entry);
    return names;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** One word of letters, digits and marks: the tokenizer keeps it whole, and no hyphen or whitespace is left for `nameKey` to fold. */
const PLAIN_WORD = /^[\p{L}\p{N}\p{M}]+$/u;

/**
 * An entry's key: the `nameKey`s of its tokens, joined by spaces. Most entries (62,000 of the 63,000
 * common words) are one plain word, whose key is its `foldKey`: tokenizing every entry took most of a
 * worker's 350-430 ms building the matcher.
 */
export function entryKey(name: string): string {
  if (PLAIN_WORD.test(name)) return foldKey(name);
  return tokenize(name).map((token) => uncachedNameKey(token.text)).join(" ");
}
