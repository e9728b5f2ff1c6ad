import type { ArticleStatus, EntityType, MentionRow } from "../../types.js";
import type { Tables } from "../tables.js";
import { TYPE_COLOURS } from "../type-colours.js";

/**
 * What the page embeds, once, as JSON. Each article's text appears a single time and its mentions
 * are bare offsets into it, so that the page grows with the corpus, not with mentions × text.
 */
export interface ReportData {
  colours: Readonly<Record<EntityType, string>>;
  articles: ReportArticle[];
  entities: ReportEntity[];
  /** Mentions left unhighlighted because their offsets do not fit their article's text. */
  unplacedMentions: number;
}

export interface ReportArticle {
  id: string;
  path: string;
  date: string;
  language: string;
  status: ArticleStatus;
  reason: string;
  words: number;
  /** Mentions in articles.csv, placed or not. */
  mentionCount: number;
  /** The original decoded text, `null` when it could not be read back. */
  text: string | null;
  /** Flat triples `start, end, entity index`, in text order, never overlapping. */
  mentions: number[];
}

export interface ReportEntity {
  id: string;
  type: EntityType;
  name: string;
  acronym: string;
  aliases: string;
  mentions: number;
  articles: number;
  firstDate: string;
  lastDate: string;
}

export function buildReportData(tables: Tables, originalText: (articleId: string) => string | undefined): ReportData {
  const entityIndex = new Map(tables.entities.map((entity, index) => [entity.entity_id, index]));
  const mentionsByArticle = groupByArticle(tables.mentions);
  let unplacedMentions = 0;
  const articles = tables.articles.map((row): ReportArticle => {
    const text = row.status === "extracted" ? (originalText(row.article_id) ?? null) : null;
    const rows = mentionsByArticle.get(row.article_id) ?? [];
    const mentions = placeMentions(rows, text, entityIndex);
    unplacedMentions += rows.length - mentions.length / 3;
    return {
      id: row.article_id,
      path: row.source_path,
      date: row.date,
      language: row.language,
      status: row.status,
      reason: row.reason,
      words: row.word_count,
      mentionCount: row.mention_count,
      text,
      mentions,
    };
  });
  const entities = tables.entities.map((row): ReportEntity => ({
    id: row.entity_id,
    type: row.type,
    name: row.canonical_name,
    acronym: row.acronym,
    aliases: row.aliases,
    mentions: row.mention_count,
    articles: row.article_count,
    firstDate: row.first_date,
    lastDate: row.last_date,
  }));
  return { colours: TYPE_COLOURS, articles, entities, unplacedMentions };
}

function groupByArticle(mentions: MentionRow[]): Map<string, MentionRow[]> {
  const byArticle = new Map<string, MentionRow[]>();
  for (const mention of mentions) {
    const list = byArticle.get(mention.article_id);
    if (list) list.push(mention);
    else byArticle.set(mention.article_id, [mention]);
  }
  return byArticle;
}

/**
 * The mentions the page can highlight: sorted, inside the text, spelling what mentions.csv says,
 * of a known entity and not overlapping the previous one. The others are only counted, so that a
 * table/text disagreement shows on the page instead of a garbled article.
 */
function placeMentions(rows: MentionRow[], text: string | null, entityIndex: Map<string, number>): number[] {
  if (text === null) return [];
  const placed: number[] = [];
  let previousEnd = 0;
  for (const mention of [...rows].sort((a, b) => a.start - b.start)) {
    const entity = entityIndex.get(mention.entity_id);
    const fits = mention.start >= previousEnd && text.slice(mention.start, mention.end) === mention.text && mention.end > mention.start;
    if (entity === undefined || !fits) continue;
    placed.push(mention.start, mention.end, entity);
    previousEnd = mention.end;
  }
  return placed;
}
