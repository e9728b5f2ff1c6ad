import type { EntityGroup } from "../6-resolve/across-articles.js";
import type { ArticleExtraction, ArticleRecord, ArticleRow, EntityRow, MentionRows } from "../types.js";
import { csvCells } from "./csv.js";

/** Column orders of ../shared/CONTRACT.md. */
export const ARTICLE_COLUMNS = ["article_id", "source_path", "sha256", "date", "language", "status", "reason", "word_count", "mention_count"] as const;
export const ENTITY_COLUMNS = ["entity_id", "type", "canonical_name", "acronym", "aliases", "mention_count", "article_count", "first_date", "last_date"] as const;
export const MENTION_COLUMNS = ["mention_id", "article_id", "entity_id", "type", "text", "start", "end", "sentence"] as const;

function articleRow(extraction: ArticleExtraction): ArticleRow {
  return {
    article_id: extraction.articleId,
    source_path: extraction.sourcePath,
    sha256: extraction.sha256,
    date: extraction.date,
    language: extraction.language,
    status: extraction.status,
    reason: extraction.reason,
    word_count: extraction.wordCount,
    mention_count: extraction.mentions.length,
  };
}


/**
 * An extraction as the run state keeps it: its record, with its articles.csv row, and its mention
 * rows, both rendered here, where the article was extracted, so that writing the tables is
 * copying text and filling in entity ids.
 */
export function toArticleRecord(extraction: ArticleExtraction): { record: ArticleRecord; rows: MentionRows } {
  const { mentions, sentences, ...fields } = extraction;
  const row = articleRow(extraction);
  const { bytes, idOffsets } = renderMentionRows(extraction);
  const record: ArticleRecord = {
    ...fields,
    row: csvCells(ARTICLE_COLUMNS.map((column) => row[column])),
    mentionEntities: mentions.map((mention) => mention.localEntity),
    idOffsets,
  };
  return { record, rows: bytes };
}

/** Encoding room for `renderMentionRows`, reused by every article. The rows of a typical article take 8 kB. */
const SCRATCH_BYTES = 1 << 16;
let scratch = Buffer.alloc(SCRATCH_BYTES);

/**
 * The mention rows of MENTION_COLUMNS, entity id cells empty. Each row is encoded once, into the
 * scratch buffer, and the article's rows copied out of it: measuring each row and then encoding their
 * concatenation encoded every sentence cell twice.
 */
function renderMentionRows({ articleId, mentions, sentences }: ArticleExtraction): { bytes: MentionRows; idOffsets: number[] } {
  const idOffsets: number[] = [];
  // The article id cell is the same in every row of the article.
  const articleCell = `,${csvCells([articleId])},`;
  let at = 0;
  for (const mention of mentions) {
    const before = csvCells([`${articleId}:${mention.start}`]) + articleCell;
    const after = `,${csvCells([mention.type, mention.text, mention.start, mention.end, sentences[mention.sentence] ?? ""])}\r\n`;
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    reserve(at + 3 * (before.length + after.length));
    at += scratch.write(before, at);
    idOffsets.push(at);
    at += scratch.write(after, at);
  }
  // A copy of its own: a view into the scratch buffer would carry all of it to the main thread.
  const bytes = new Uint8Array(scratch.subarray(0, at));
  // Room grown for a huge article is not kept for the rest of the run.
  if (scratch.length > SCRATCH_BYTES) scratch = Buffer.alloc(SCRATCH_BYTES);
  return { bytes, idOffsets };
}

function reserve(bytes: number): void {
  if (bytes <= scratch.length) return;
  const grown = Buffer.alloc(Math.max(bytes, scratch.length * 2));
  scratch.copy(grown);
  scratch = grown;
}

/** What the mentions say about an entity: counted while the mentions table is written. */
export interface EntityCounts {
  mentionCount: number;
  articleCount: number;
  firstDate: string;
  lastDate: string;
}

export function entityRow(group: EntityGroup, entityId: string, counts: EntityCounts): EntityRow {
  return {
    entity_id: entityId,
    type: group.type,
    canonical_name: group.canonicalName,
    acronym: group.acronym,
    aliases: group.aliases.join(" | "),
    mention_count: counts.mentionCount,
    article_count: counts.articleCount,
    first_date: counts.firstDate,
    last_date: counts.lastDate,
  };
}
