/**
 * The records that flow through the pipeline, in stage order.
 *
 * One `Article` travels through the per-article stages (read → decode → clean → language →
 * tokenize → extract → resolve within the article); each stage fills in its own fields, or
 * sets `skipReason` and the remaining stages pass the article through untouched.
 * Cross-article resolution then reduces every article's `ArticleExtraction` into `Entity`
 * records, and the writer turns everything into the rows of ../shared/CONTRACT.md.
 */

export const ENTITY_TYPES = ["PERSON", "ORG", "LOCATION", "UN_RESOLUTION", "EXERCISE"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A file found under the input folder. */
export interface SourceFile {
  /** Path relative to the input folder, with forward slashes. */
  sourcePath: string;
  /** `sourcePath` without its extension: the article's stable id. */
  articleId: string;
  absolutePath: string;
}

/** Cleaned text plus the map back to the decoded original. */
export interface CleanedText {
  text: string;
  /** Cleaned character i stands for the original characters [originalStarts[i], originalEnds[i]). */
  originalStarts: Int32Array;
  originalEnds: Int32Array;
}

export interface Token {
  text: string;
  /** Offsets into the cleaned text, end exclusive. */
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

/** A span found by an extractor, in cleaned-text offsets. */
export interface CandidateMention {
  type: EntityType;
  start: number;
  end: number;
  /** The name this span stands for when it is known on the spot (an acronym's expansion, a resolution's canonical form). */
  canonical?: string;
  /** Set on acronyms: the long form it abbreviates, when the text defines it. */
  acronym?: string;
  /** Which rule produced it, for debugging and for conflict resolution. */
  source: string;
  /** Higher wins when two candidates overlap with equal length. */
  priority: number;
}

/** An entity as known inside one article. */
export interface LocalEntity {
  type: EntityType;
  canonicalName: string;
  acronym: string;
  /** Every surface form seen in the article, canonical name included. */
  surfaceForms: string[];
}

/** A mention after within-article resolution, in original-text offsets. */
export interface ResolvedMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Index into the article's `entities`. */
  localEntity: number;
  /** Index into the article's `sentences`. */
  sentence: number;
}

export type ArticleStatus = "extracted" | "skipped";

/** What one article contributes to the tables: a pure function of its bytes and path. */
export interface ArticleExtraction {
  articleId: string;
  sourcePath: string;
  sha256: string;
  date: string;
  language: string;
  status: ArticleStatus;
  reason: string;
  wordCount: number;
  entities: LocalEntity[];
  mentions: ResolvedMention[];
  /** The sentences that hold mentions, whitespace collapsed (each stored once, however many mentions it holds). */
  sentences: string[];
}

/**
 * What the tables need of one article, as the run state keeps it between runs: its articles.csv
 * row, its entities for cross-article resolution, and what writing its mention rows needs. The
 * rows themselves are rendered once, where the article is extracted (`MentionRows`), with an empty
 * entity id cell that the writer fills in; the state keeps them apart (pipeline/state/).
 */
export interface ArticleRecord extends Omit<ArticleExtraction, "mentions" | "sentences"> {
  /** Its row of articles.csv as CSV, without the line end. */
  row: string;
  /** Per mention, in row order: the index of its entity in `entities`. */
  mentionEntities: number[];
  /** Per mention: the byte offset, in the article's rows, where its entity id goes. */
  idOffsets: number[];
}

/** An article's mention rows as CSV bytes (UTF-8, CRLF), each with its entity id cell left empty. */
export type MentionRows = Uint8Array;

/** The record that the per-article stages pass along. */
export interface Article {
  source: SourceFile;
  bytes?: Buffer;
  sha256: string;
  /** Decoded text, byte-order mark removed: the text that mention offsets point into. */
  original?: string;
  encoding?: string;
  isHtml?: boolean;
  cleaned?: CleanedText;
  date?: string;
  language?: string;
  sentences?: Sentence[];
  candidates?: CandidateMention[];
  entities?: LocalEntity[];
  mentions?: ResolvedMention[];
  /** Texts of the sentences that `mentions` point into. */
  mentionSentences?: string[];
  /** Set by the first stage that cannot go on; later stages leave the article alone. */
  skipReason?: string;
}

/** A real-world entity across all articles. */
export interface Entity {
  entityId: string;
  type: EntityType;
  canonicalName: string;
  acronym: string;
  aliases: string[];
  mentionCount: number;
  articleCount: number;
  firstDate: string;
  lastDate: string;
}

/** Rows exactly as ../shared/CONTRACT.md names their columns. */
export interface ArticleRow {
  article_id: string;
  source_path: string;
  sha256: string;
  date: string;
  language: string;
  status: ArticleStatus;
  reason: string;
  word_count: number;
  mention_count: number;
}

export interface EntityRow {
  entity_id: string;
  type: EntityType;
  canonical_name: string;
  acronym: string;
  aliases: string;
  mention_count: number;
  article_count: number;
  first_date: string;
  last_date: string;
}

export interface MentionRow {
  mention_id: string;
  article_id: string;
  entity_id: string;
  type: EntityType;
  text: string;
  start: number;
  end: number;
  sentence: string;
}
