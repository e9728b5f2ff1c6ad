import type { ArticleRow, EntityRow, MentionRow } from "../types.js";

/** The three tables of ../shared/CONTRACT.md, as the writers receive them (rows in file order). */
export interface Tables {
  articles: ArticleRow[];
  entities: EntityRow[];
  mentions: MentionRow[];
}
