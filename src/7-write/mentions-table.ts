import { BufferedFile } from "../common/buffered-file.js";
import { Int32List } from "../common/int32-list.js";
import type { ArticleRecord } from "../types.js";

/** Where an article's rendered rows are in the store the caller keeps them in: offset, byte length, CRC-32 (all 0 without mentions). */
export type RowsPlace = [offset: number, byteLength: number, crc: number];
import { BOM, headerLine } from "./csv.js";
import { MENTION_COLUMNS, type EntityCounts } from "./rows.js";

/**
 * What writing mentions.csv needs of every article, gathered while the articles stream past: where
 * its rendered rows are, its date, and per mention the node that cross-article resolution gave
 * its entity and where its entity id goes. Compact, so that it grows slowly with the corpus.
 */
export class MentionPlan {
  readonly rows: RowsPlace[] = [];
  readonly dates: string[] = [];
  /** Per article, the index of its first mention; one more entry at the end. */
  private readonly firstMention: number[] = [0];
  private readonly nodes = new Int32List();
  private readonly idOffsets = new Int32List();

  /** `entityNodes[i]`: the node of the record's entity i; `rows`: where its rows are, for `readRows`. */
  add(record: ArticleRecord, entityNodes: readonly number[], rows: RowsPlace): void {
    this.rows.push(rows);
    this.dates.push(record.date);
    record.mentionEntities.forEach((entity, i) => {
      this.nodes.push(entityNodes[entity]);
      this.idOffsets.push(record.idOffsets[i]);
    });
    this.firstMention.push(this.nodes.length);
  }

  get mentionCount(): number {
    return this.nodes.length;
  }

  /** The mentions of article `a`: their nodes and id offsets. */
  mentionsOf(a: number): { from: number; to: number; node: (m: number) => number; idOffset: (m: number) => number } {
    return { from: this.firstMention[a], to: this.firstMention[a + 1], node: (m) => this.nodes.at(m), idOffset: (m) => this.idOffsets.at(m) };
  }
}

/** Where the writer finds things: an article's rendered rows, and the group and id of a node. */
export interface MentionSources {
  readRows(rows: RowsPlace): Uint8Array;
  groupOfNode(node: number): number;
  ids: readonly string[];
}

/**
 * Writes mentions.csv: each article's rendered rows with the entity ids filled in, in article
 * order. Counts on the way what entities.csv says of each entity (indexed by group).
 */
export function writeMentionsTable(path: string, plan: MentionPlan, sources: MentionSources): EntityCounts[] {
  const file = new BufferedFile(path);
  file.write(BOM + headerLine(MENTION_COLUMNS));
  const counts: EntityCounts[] = sources.ids.map(() => ({ mentionCount: 0, articleCount: 0, firstDate: "", lastDate: "" }));
  const lastArticle = new Int32Array(sources.ids.length).fill(-1);
  try {
    plan.rows.forEach((rows, a) => {
      const { from, to, node, idOffset } = plan.mentionsOf(a);
      if (from === to) return;
      const bytes = sources.readRows(rows);
      let written = 0;
      for (let m = from; m < to; m++) {
        const group = sources.groupOfNode(node(m));
        file.writeBytes(bytes, written, idOffset(m));
        file.write(sources.ids[group]);
        written = idOffset(m);
        count(counts[group], plan.dates[a], lastArticle[group] !== a);
        lastArticle[group] = a;
      }
      file.writeBytes(bytes, written);
    });
  } finally {
    file.close();
  }
  return counts;
}

function count(entity: EntityCounts, date: string, newArticle: boolean): void {
  entity.mentionCount++;
  if (!newArticle) return;
  entity.articleCount++;
  if (date && (!entity.firstDate || date < entity.firstDate)) entity.firstDate = date;
  if (date > entity.lastDate) entity.lastDate = date;
}
