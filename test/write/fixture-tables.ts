import type { ArticleRow, EntityRow, EntityType, MentionRow } from "../../src/types.js";
import type { Tables } from "../../src/7-write/tables.js";

/**
 * Small hand-made tables for the writers' tests: two French articles (one of them hostile,
 * carrying markup and starting like a spreadsheet formula) and a skipped English one. Mention offsets are
 * found in the texts, so that `text === original.slice(start, end)` holds by construction.
 */
export const FIXTURE_TEXTS: Record<string, string> = {
  "2018/maroc": "Nathan Sales a rencontré à Rabat le ministre. Le GCTF salue le Maroc, et Nathan Sales cite la Résolution 2396.",
  "2019/hostile": '=HYPERLINK("http://x") Au Maroc, <script>window.__pwned=1</script> puis <img src=x onerror="window.__pwned=1"> selon le GCTF & "African Lion" <b>2019</b>.',
  "2019/english": "This article is in English about Morocco.",
};

const ENTITIES: [string, EntityType, string, string, string][] = [
  ["e-person-sales", "PERSON", "Nathan Sales", "", "Sales"],
  ["e-org-gctf", "ORG", "Forum mondial de lutte contre le terrorisme", "GCTF", "GCTF"],
  ["e-loc-maroc", "LOCATION", "Maroc", "", ""],
  ["e-loc-rabat", "LOCATION", "Rabat", "", ""],
  ["e-res-2396", "UN_RESOLUTION", "Résolution 2396", "", ""],
  ["e-ex-lion", "EXERCISE", "African Lion <script>", "", ""],
];

/** In each article, the surface forms in reading order and the entity each stands for. */
const OCCURRENCES: Record<string, [string, string][]> = {
  "2018/maroc": [
    ["Nathan Sales", "e-person-sales"],
    ["Rabat", "e-loc-rabat"],
    ["GCTF", "e-org-gctf"],
    ["Maroc", "e-loc-maroc"],
    ["Nathan Sales", "e-person-sales"],
    ["Résolution 2396", "e-res-2396"],
  ],
  "2019/hostile": [
    ["Maroc", "e-loc-maroc"],
    ["GCTF", "e-org-gctf"],
    ["African Lion", "e-ex-lion"],
  ],
};

export function fixtureTables(): Tables {
  const mentions = Object.entries(OCCURRENCES).flatMap(([articleId, occurrences]) => findMentions(articleId, occurrences));
  return { articles: articleRows(mentions), entities: entityRows(mentions), mentions };
}

export function fixtureText(articleId: string): string | undefined {
  return FIXTURE_TEXTS[articleId];
}

function findMentions(articleId: string, occurrences: [string, string][]): MentionRow[] {
  const text = FIXTURE_TEXTS[articleId]!;
  let from = 0;
  return occurrences.map(([surface, entityId]) => {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`fixture: "${surface}" not found in ${articleId}`);
    from = start + surface.length;
    const type = ENTITIES.find(([id]) => id === entityId)![1];
    return { mention_id: `${articleId}:${start}`, article_id: articleId, entity_id: entityId, type, text: surface, start, end: from, sentence: text };
  });
}

function articleRows(mentions: MentionRow[]): ArticleRow[] {
  const row = (article_id: string, date: string, language: string, reason: string): ArticleRow => ({
    article_id,
    source_path: `${article_id}.txt`,
    sha256: "0".repeat(63) + article_id.length.toString(16).slice(-1),
    date,
    language,
    status: reason ? "skipped" : "extracted",
    reason,
    word_count: FIXTURE_TEXTS[article_id]!.split(/\s+/).length,
    mention_count: mentions.filter((mention) => mention.article_id === article_id).length,
  });
  return [row("2018/maroc", "2018-08", "fra", ""), row("2019/english", "", "eng", "not French: eng"), row("2019/hostile", "2019-03-05", "fra", "")];
}

function entityRows(mentions: MentionRow[]): EntityRow[] {
  const dates: Record<string, string> = { "2018/maroc": "2018-08", "2019/hostile": "2019-03-05" };
  return ENTITIES.map(([entity_id, type, canonical_name, acronym, aliases]) => {
    const own = mentions.filter((mention) => mention.entity_id === entity_id);
    const articleDates = [...new Set(own.map((mention) => dates[mention.article_id]!))].sort();
    return {
      entity_id,
      type,
      canonical_name,
      acronym,
      aliases,
      mention_count: own.length,
      article_count: new Set(own.map((mention) => mention.article_id)).size,
      first_date: articleDates[0] ?? "",
      last_date: articleDates.at(-1) ?? "",
    };
  });
}
