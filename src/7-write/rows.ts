import type { EntityGroup } from "../6-resolve/across-articles.js";
import type { ArticleExtraction, ArticleRecord, ArticleRow, EntityRow, MentionRows } from "../types.js";
import { csvCells } from "./csv.js";

/** Column orders of ../shared/CONTRACT.md. */
export const ARTICLE_COLUMNS = ["article_id", "source_path", "sha256", "date", "language", "status", "reason", "word_count", "mention_count"] as const;
export const ENTITY_COLUMNS = ["entity_id", "type", "canonical_name", "acronym", "aliases", "mention_count", "article_count", "first_date", "last_date"] as const;
export const MENTION_COLUMNS = ["mention_id", "article_id", "entity_id", "type", "text", "start", "end", "sentence"] as const;

export function articleRow(record: ArticleRecord): ArticleRow {
  return {
    article_id: record.articleId,
    source_path: record.sourcePath,
    sha256: record.sha256,
    date: record.date,
    language: record.language,
    status: record.status,
    reason: record.reason,
    word_count: record.wordCount,
    mention_count: record.mentionEntities.length,
  };
}

/** An article's row of articles.csv as CSV, without its line end: 9 cells in one string weigh less than a row object, kept per article until the end of a run. */
export function articleLine(record: ArticleRecord): string {
  const row = articleRow(record);
  return csvCells(ARTICLE_COLUMNS.map((column) => row[column]));
}

/**
 * An extraction as the run state keeps it: its record (not yet placed in the rows file, no file
 * stamp) and its mention rows, rendered here, where the article was extracted, so that writing
 * mentions.csv is copying bytes and filling in entity ids.
 */
export function toArticleRecord(extraction: ArticleExtraction): { record: ArticleRecord; rows: MentionRows } {
  const { mentions, sentences, ...fields } = extraction;
  const rows = renderMentionRows(extraction);
  const record: ArticleRecord = {
    ...fields,
    stamp: "",
    mentionEntities: mentions.map((mention) => mention.localEntity),
    idOffsets: rows.idOffsets,
    rows: [0, 0, 0],
  };
  return { record, rows };
}

/** The mention rows of MENTION_COLUMNS, entity id cells empty. */
function renderMentionRows({ articleId, mentions, sentences }: ArticleExtraction): MentionRows {
  const idOffsets: number[] = [];
  let text = "";
  let bytes = 0;
  for (const mention of mentions) {
    const before = csvCells([`${articleId}:${mention.start}`, articleId]) + ",";
    const row = `${before},${csvCells([mention.type, mention.text, mention.start, mention.end, sentences[mention.sentence] ?? ""])}\r\n`;
    idOffsets.push(bytes + Buffer.byteLength(before));
    bytes += Buffer.byteLength(row);
    text += row;
  }
  return { bytes: Buffer.from(text), idOffsets };
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
