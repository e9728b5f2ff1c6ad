import { BufferedFile } from "../common/buffered-file.js";
import { Float64List, Int32List } from "../common/typed-list.js";
import type { ArticleRecord } from "../types.js";

/** Where an article's rendered rows are in the store the caller keeps them in: offset, byte length, CRC-32 (all 0 without mentions). */
export type RowsPlace = [offset: number, byteLength: number, crc: number];
import { BOM, headerLine } from "./csv.js";
import { MENTION_COLUMNS, type EntityCounts } from "./rows.js";

/**
 * What writing mentions.csv needs of every article, gathered while the articles stream past: where
 * its rendered rows are, its date, and per mention the node that cross-article resolution gave
 * its entity and where its entity id goes. In typed arrays, about 24 bytes per article and 8 per
 * mention, so that it grows slowly with the corpus (as arrays and strings: about 120 per article).
 */
export class MentionPlan {
  private readonly rowOffsets = new Float64List();
  private readonly rowLengths = new Int32List();
  private readonly rowCrcs = new Int32List();
  /** Per article, its date's index in `dates`: articles share a few thousand dates. */
  private readonly dateIds = new Int32List();
  private readonly dates: string[] = [];
  private readonly idOfDate = new Map<string, number>();
  /** Per article, the index of its first mention; one more entry at the end. */
  private readonly firstMention = new Int32List();
  private readonly nodes = new Int32List();
  private readonly idOffsets = new Int32List();

  constructor() {
    this.firstMention.push(0);
  }

  /** The plan's numbers and dates, to restore with `fromState` (run-snapshot.ts keeps them between runs). */
  state(): MentionPlanState {
    const { rowOffsets, rowLengths, rowCrcs, dateIds, firstMention, nodes, idOffsets } = this;
    return {
      dates: [...this.dates],
      rowOffsets: rowOffsets.view(),
      ints: { rowLengths: rowLengths.view(), rowCrcs: rowCrcs.view(), dateIds: dateIds.view(), firstMention: firstMention.view(), nodes: nodes.view(), idOffsets: idOffsets.view() },
    };
  }

  static fromState({ dates, rowOffsets, ints }: MentionPlanState): MentionPlan {
    const plan = new MentionPlan();
    dates.forEach((date) => plan.dateId(date));
    plan.rowOffsets.pushAll(rowOffsets);
    plan.firstMention.length = 0;
    for (const name of PLAN_INT_LISTS) plan[name].pushAll(ints[name]);
    return plan;
  }

  /** `entityNodes[i]`: the node of the record's entity i; `rows`: where its rows are, for `readRows`. */
  add(record: ArticleRecord, entityNodes: readonly number[], [offset, byteLength, crc]: RowsPlace): void {
    this.rowOffsets.push(offset);
    this.rowLengths.push(byteLength);
    this.rowCrcs.push(crc);
    this.dateIds.push(this.dateId(record.date));
    record.mentionEntities.forEach((entity, i) => {
      this.nodes.push(entityNodes[entity]);
      this.idOffsets.push(record.idOffsets[i]);
    });
    this.firstMention.push(this.nodes.length);
  }

  get articleCount(): number {
    return this.rowOffsets.length;
  }

  get mentionCount(): number {
    return this.nodes.length;
  }

  /** Where article `a`'s rows are. */
  rowsOf(a: number): RowsPlace {
    // CRCs are unsigned; the int32 list gives them back signed.
    return [this.rowOffsets.at(a), this.rowLengths.at(a), this.rowCrcs.at(a) >>> 0];
  }

  dateOf(a: number): string {
    return this.dates[this.dateIds.at(a)];
  }

  /** The mentions of article `a`: their nodes and id offsets. */
  mentionsOf(a: number): { from: number; to: number; node: (m: number) => number; idOffset: (m: number) => number } {
    return { from: this.firstMention.at(a), to: this.firstMention.at(a + 1), node: (m) => this.nodes.at(m), idOffset: (m) => this.idOffsets.at(m) };
  }

  private dateId(date: string): number {
    let id = this.idOfDate.get(date);
    if (id === undefined) {
      this.idOfDate.set(date, (id = this.dates.length));
      this.dates.push(date);
    }
    return id;
  }
}

/** The plan's int32 lists, in the order its state lists them. */
export const PLAN_INT_LISTS = ["rowLengths", "rowCrcs", "dateIds", "firstMention", "nodes", "idOffsets"] as const;

export interface MentionPlanState {
  dates: string[];
  rowOffsets: Float64Array;
  ints: Record<(typeof PLAN_INT_LISTS)[number], Int32Array>;
}

/** Where the writer finds things: an article's rendered rows, and the group and id of a node. */
export interface MentionSources {
  readRows(rows: RowsPlace): Uint8Array;
  groupOfNode(node: number): number;
  ids: readonly string[];
}

/**
 * Writes mentions.csv, or with `from` > 0 the rows to append to it: the rendered rows of each
 * article from `from` on, entity ids filled in, in article order.
 */
export function writeMentionsTable(path: string, plan: MentionPlan, sources: MentionSources, from = 0): void {
  const file = new BufferedFile(path);
  if (from === 0) file.write(BOM + headerLine(MENTION_COLUMNS));
  try {
    for (let a = from; a < plan.articleCount; a++) {
      const { from: first, to, node, idOffset } = plan.mentionsOf(a);
      if (first === to) continue;
      const bytes = sources.readRows(plan.rowsOf(a));
      let written = 0;
      for (let m = first; m < to; m++) {
        file.writeBytes(bytes, written, idOffset(m));
        file.write(sources.ids[sources.groupOfNode(node(m))]);
        written = idOffset(m);
      }
      file.writeBytes(bytes, written);
    }
  } finally {
    file.close();
  }
}

/** What entities.csv says of each of `groupCount` entities (indexed by group), from the plan alone. */
export function countMentions(plan: MentionPlan, groupOfNode: (node: number) => number, groupCount: number): EntityCounts[] {
  const counts: EntityCounts[] = Array.from({ length: groupCount }, () => ({ mentionCount: 0, articleCount: 0, firstDate: "", lastDate: "" }));
  const lastArticle = new Int32Array(groupCount).fill(-1);
  for (let a = 0; a < plan.articleCount; a++) {
    const { from, to, node } = plan.mentionsOf(a);
    for (let m = from; m < to; m++) {
      const group = groupOfNode(node(m));
      count(counts[group], plan.dateOf(a), lastArticle[group] !== a);
      lastArticle[group] = a;
    }
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
