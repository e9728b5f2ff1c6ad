import { createHash } from "node:crypto";
import { tokenize } from "../../4-tokenize/tokenize.js";
import { lexiconEntries } from "../../common/lexicons.js";
import { nameKey } from "../../common/normalize.js";

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

/** What the lexicons say about one token string, computed once per distinct token. */
interface TokenLookup {
  key: string;
  firstWord: string;
  /** The WHOLE bit of every lexicon that has the token as an entry. */
  wholeBits: number;
  /** Bit k: lexicon k has a multi-word entry starting with the token's first word. */
  multiWordStarts: number;
}

/** Caps the memory of the token → lookup cache on long runs. */
const LOOKUP_CACHE_LIMIT = 200_000;

/**
 * Looks tokens up in the lexicons. An entry is cut into tokens by the pipeline's tokenizer, as sentences
 * are (`M.` → `M` `.`, `L'Oréal` → `L'` `Oréal`), and each token is compared through `nameKey` (case,
 * accents, hyphens and apostrophes folded). Multi-token entries are matched greedily, longest first.
 */
export class LexiconMatcher {
  private readonly lookups = new Map<string, TokenLookup>();
  /** `entries[k]`: the keys of lexicon k, token keys joined by spaces. */
  private readonly entries: readonly Set<string>[];
  /** `firstWords[k]`: first word of each multi-word entry of lexicon k → the most words such an entry has. */
  private readonly firstWords: readonly Map<string, number>[];

  /** `names[k]`: the names of lexicon k (TAGGER_LEXICONS order), as written. */
  constructor(names: readonly (readonly string[])[]) {
    this.entries = names.map((list) => new Set(list.map(entryKey).filter((key) => key !== "")));
    this.firstWords = this.entries.map(multiWordFirstWords);
  }

  /** The current data/lexicons; a missing file counts as an empty lexicon. */
  static fromProjectLexicons(): LexiconMatcher {
    return new LexiconMatcher(TAGGER_LEXICONS.map(readLexiconOrEmpty));
  }

  /** sha256 over the sorted keys of every lexicon: a model records it to tell whether the lexicons changed since training. */
  digest(): string {
    const hash = createHash("sha256");
    this.entries.forEach((keys, k) => hash.update(`${TAGGER_LEXICONS[k]}\n${[...keys].sort().join("\n")}\n\n`));
    return hash.digest("hex");
  }

  /** One bit mask per token: bit `k * BITS_PER_LEXICON + WHOLE|FIRST|LATER` for lexicon k. */
  memberships(tokens: readonly string[]): Int32Array {
    const lookups = tokens.map((token) => this.lookup(token));
    const bits = new Int32Array(tokens.length);
    for (let i = 0; i < lookups.length; i++) {
      bits[i] |= lookups[i].wholeBits;
      for (let k = 0; lookups[i].multiWordStarts >> k; k++) {
        if (!((lookups[i].multiWordStarts >> k) & 1)) continue;
        const end = this.longestMultiTokenMatch(lookups, i, k);
        if (end <= i + 1) continue;
        bits[i] |= 1 << (k * BITS_PER_LEXICON + FIRST);
        for (let j = i + 1; j < end; j++) bits[j] |= 1 << (k * BITS_PER_LEXICON + LATER);
      }
    }
    return bits;
  }

  /** End (exclusive) of the longest entry of lexicon k spelled by tokens i, i+1, ...; i when none. */
  private longestMultiTokenMatch(keys: readonly TokenLookup[], i: number, k: number): number {
    const maxWords = this.firstWords[k].get(keys[i].firstWord) ?? 0;
    let joined = keys[i].key;
    let end = i;
    for (let j = i + 1; j < keys.length && j < i + maxWords; j++) {
      joined = `${joined} ${keys[j].key}`;
      if (this.entries[k].has(joined)) end = j + 1;
    }
    return end;
  }

  private lookup(token: string): TokenLookup {
    let lookup = this.lookups.get(token);
    if (lookup === undefined) {
      if (this.lookups.size >= LOOKUP_CACHE_LIMIT) this.lookups.clear();
      const key = nameKey(token);
      const firstWord = key.split(" ", 1)[0];
      let wholeBits = 0;
      let multiWordStarts = 0;
      this.entries.forEach((entries, k) => {
        if (entries.has(key)) wholeBits |= 1 << (k * BITS_PER_LEXICON + WHOLE);
        if (this.firstWords[k].has(firstWord)) multiWordStarts |= 1 << k;
      });
      lookup = { key, firstWord, wholeBits, multiWordStarts };
      this.lookups.set(token, lookup);
    }
    return lookup;
  }
}

/** The names on every line: some lexicons list aliases as `canonical | alias | ...`. */
function readLexiconOrEmpty(name: string): string[] {
  try {
    return lexiconEntries(name).flatMap((entry) => entry.split("|"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

function entryKey(name: string): string {
  return tokenize(name).map((token) => nameKey(token.text)).join(" ");
}

/** A token's key may hold spaces too (`Pays-Bas` → `pays bas`), so words, not tokens, are counted: an upper bound on tokens. */
function multiWordFirstWords(keys: Set<string>): Map<string, number> {
  const firstWords = new Map<string, number>();
  for (const key of keys) {
    const words = key.split(" ");
    if (words.length < 2) continue;
    firstWords.set(words[0], Math.max(words.length, firstWords.get(words[0]) ?? 0));
  }
  return firstWords;
}
