import type { EntityGroup } from "../6-resolve/across-articles.js";
import type { ArticleExtraction, ArticleRow, EntityRow, MentionRow, ResolvedMention } from "../types.js";

/** Column orders of ../shared/CONTRACT.md. */
export const ARTICLE_COLUMNS = ["article_id", "source_path", "sha256", "date", "language", "status", "reason", "word_count", "mention_count"] as const;
export const ENTITY_COLUMNS = ["entity_id", "type", "canonical_name", "acronym", "aliases", "mention_count", "article_count", "first_date", "last_date"] as const;
export const MENTION_COLUMNS = ["mention_id", "article_id", "entity_id", "type", "text", "start", "end", "sentence"] as const;

export function articleRow(extraction: ArticleExtraction): ArticleRow {
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

export function mentionRow(extraction: ArticleExtraction, mention: ResolvedMention, entityId: string): MentionRow {
  const articleId = extraction.articleId;
  return {
    mention_id: `${articleId}:${mention.start}`,
    article_id: articleId,
    entity_id: entityId,
    type: mention.type,
    text: mention.text,
    start: mention.start,
    end: mention.end,
    sentence: extraction.sentences[mention.sentence] ?? "",
  };
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
