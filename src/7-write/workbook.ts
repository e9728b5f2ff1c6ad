import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { ENTITY_TYPES, type EntityType, type MentionRow } from "../types.js";
import { writeFileAtomic } from "../common/atomic-write.js";
import { ARTICLE_COLUMNS, ENTITY_COLUMNS, MENTION_COLUMNS } from "./rows.js";
import type { Tables } from "./tables.js";
import { TYPE_COLOURS } from "./type-colours.js";

/** How a column's values are stored: Excel sorts and filters numbers and dates only when they are typed. */
export type CellKind = "text" | "number" | "date" | "type";

const COLUMN_KINDS: Readonly<Record<string, CellKind>> = {
  date: "date",
  first_date: "date",
  last_date: "date",
  word_count: "number",
  mention_count: "number",
  article_count: "number",
  start: "number",
  end: "number",
  type: "type",
  type_a: "type",
  type_b: "type",
};

export function columnKind(column: string): CellKind {
  return COLUMN_KINDS[column] ?? "text";
}

export const CO_OCCURRENCE_COLUMNS = ["entity_id_a", "canonical_name_a", "type_a", "entity_id_b", "canonical_name_b", "type_b", "article_count", "article_ids"] as const;

export type CoOccurrenceRow = Record<(typeof CO_OCCURRENCE_COLUMNS)[number], string | number>;

/** Excel refuses longer cell texts (it "repairs" the file and cuts them). */
export const EXCEL_MAX_TEXT = 32_767;
/**
 * Pairs kept in the co-occurrence sheet. An article with n entities makes n(n-1)/2 pairs, so 5,000
 * articles make about a million, nearly all seen once: far more than anyone reads, and enough to
 * make the workbook take minutes and gigabytes. The pairs sharing the most articles are kept.
 */
export const MAX_CO_OCCURRENCE_ROWS = 50_000;
/** A sheet holds at most 1,048,576 rows, the header included. */
export const EXCEL_MAX_DATA_ROWS = 1_048_575;
const ARTICLE_ID_SEPARATOR = " | ";

/**
 * Writes `entities.xlsx`: one sheet per CSV table, with the CSV files' columns in their order, plus
 * the co-occurrence sheet. Rows are streamed and committed one by one, so that memory holds the
 * compressed file rather than a model of every cell; the file is then written atomically.
 */
export async function writeWorkbook(path: string, tables: Tables): Promise<void> {
  const chunks: Buffer[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done()) });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  addSheet(workbook, "articles", ARTICLE_COLUMNS, ...withinSheetLimit(tables.articles, "articles.csv"));
  addSheet(workbook, "entities", ENTITY_COLUMNS, ...withinSheetLimit(tables.entities, "entities.csv"));
  addSheet(workbook, "mentions", MENTION_COLUMNS, ...withinSheetLimit(tables.mentions, "mentions.csv"));
  const coOccurrence = coOccurrenceRows(tables);
  const note = coOccurrence.omitted > 0 ? `Only the ${coOccurrence.rows.length} pairs sharing the most articles are listed; ${coOccurrence.omitted} pairs sharing fewer are left out.` : undefined;
  addSheet(workbook, "co-occurrence", CO_OCCURRENCE_COLUMNS, coOccurrence.rows, note);
  await workbook.commit();
  writeFileAtomic(path, Buffer.concat(chunks));
}

/** The rows a sheet can hold, and a note on its header when the table is longer (the CSV file has them all). */
function withinSheetLimit<Row>(rows: Row[], csvFile: string): [Row[], string | undefined] {
  if (rows.length <= EXCEL_MAX_DATA_ROWS) return [rows, undefined];
  return [rows.slice(0, EXCEL_MAX_DATA_ROWS), `Excel holds ${EXCEL_MAX_DATA_ROWS} rows: the ${rows.length - EXCEL_MAX_DATA_ROWS} rows after them are in ${csvFile} only.`];
}

function addSheet<Row>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly (keyof Row & string)[], rows: Row[], headerNote?: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column, key: column, width: columnWidth(column, rows) }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  if (headerNote) header.getCell(1).note = headerNote;
  header.commit();
  for (const row of rows) {
    const sheetRow = sheet.addRow(columns.map((column) => cellValue(columnKind(column), row[column])));
    columns.forEach((column, index) => styleCell(sheetRow.getCell(index + 1), columnKind(column), row[column]));
    sheetRow.commit();
  }
  sheet.commit();
}

/** The value Excel stores: numbers and dates typed, text made safe for XML and Excel's length limit. */
export function cellValue(kind: CellKind, value: unknown): ExcelJS.CellValue {
  if (kind === "number") return Number(value);
  if (kind === "date") return parseContractDate(String(value)) ?? excelText(String(value));
  return excelText(String(value));
}

function styleCell(cell: ExcelJS.Cell, kind: CellKind, value: unknown): void {
  if (kind === "date" && cell.value instanceof Date) cell.numFmt = dateFormat(String(value));
  if (kind === "type" && isEntityType(value)) cell.fill = TYPE_FILLS[value];
}

/** `YYYY-MM` or `YYYY-MM-DD` as a UTC date (Excel dates have no zone), `undefined` when empty or malformed. */
export function parseContractDate(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!match) return undefined;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, match[3] ? Number(match[3]) : 1));
}

/** A month-only date is shown as a month, so that Excel does not invent the 1st. */
export function dateFormat(text: string): string {
  return text.length === "YYYY-MM".length ? "yyyy-mm" : "yyyy-mm-dd";
}

/**
 * Control characters (other than tab and line breaks) and lone surrogates cannot be written in
 * XML, and a text over 32,767 characters makes Excel reject the cell: replace the former, cut the latter.
 */
export function excelText(text: string): string | null {
  if (text === "") return null;
  const safe = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu, "\uFFFD");
  return safe.length <= EXCEL_MAX_TEXT ? safe : `${safe.slice(0, EXCEL_MAX_TEXT - 1)}…`;
}

const TYPE_FILLS = Object.fromEntries(
  ENTITY_TYPES.map((type) => [type, { type: "pattern", pattern: "solid", fgColor: { argb: `FF${TYPE_COLOURS[type].slice(1).toUpperCase()}` } }]),
) as Record<EntityType, ExcelJS.Fill>;

function isEntityType(value: unknown): value is EntityType {
  return (ENTITY_TYPES as readonly unknown[]).includes(value);
}

/** Wide enough for the longest value, within bounds that keep every sheet readable on one screen. */
function columnWidth<Row>(column: keyof Row & string, rows: Row[]): number {
  if (columnKind(column) === "date") return 12;
  let longest = column.length;
  for (const row of rows) longest = Math.max(longest, String(row[column]).length);
  return Math.min(Math.max(longest + 2, 10), 60);
}

/**
 * Pairs of entities that appear in the same articles, most shared articles first, at most `maxRows`
 * of them: the others are counted in `omitted`.
 */
export function coOccurrenceRows(tables: Tables, maxRows = MAX_CO_OCCURRENCE_ROWS): { rows: CoOccurrenceRow[]; omitted: number } {
  const articles = entitiesByArticle(tables.mentions);
  const ids = [...new Set(articles.flatMap(([, entityIds]) => entityIds))].sort(compareText);
  const idNumbers = new Map(ids.map((id, index) => [id, index]));
  // A pair as one number (smaller id first), so that a million pairs cost no strings: counted first,
  // then only the kept pairs collect their article ids.
  const pairsOf = (entityIds: string[]) => {
    const numbers = entityIds.map((id) => idNumbers.get(id)!);
    const pairs: number[] = [];
    for (let a = 0; a < numbers.length; a++) for (let b = a + 1; b < numbers.length; b++) pairs.push(numbers[a]! * ids.length + numbers[b]!);
    return pairs;
  };
  const counts = new Map<number, number>();
  for (const [, entityIds] of articles) for (const pair of pairsOf(entityIds)) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  const kept = [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, maxRows);
  const articleIds = new Map<number, string[]>(kept.map(([pair]) => [pair, []]));
  for (const [articleId, entityIds] of articles) for (const pair of pairsOf(entityIds)) articleIds.get(pair)?.push(articleId);
  const entities = new Map(tables.entities.map((entity) => [entity.entity_id, entity]));
  const rows = kept.map(([pair]): CoOccurrenceRow => {
    const [a, b] = [ids[Math.floor(pair / ids.length)]!, ids[pair % ids.length]!];
    return {
      entity_id_a: a,
      canonical_name_a: entities.get(a)?.canonical_name ?? "",
      type_a: entities.get(a)?.type ?? "",
      entity_id_b: b,
      canonical_name_b: entities.get(b)?.canonical_name ?? "",
      type_b: entities.get(b)?.type ?? "",
      article_count: articleIds.get(pair)!.length,
      article_ids: joinWithinLimit(articleIds.get(pair)!),
    };
  });
  return { rows, omitted: counts.size - rows.length };
}

/** Each article's distinct entity ids, both sorted, so that pairs and their article lists come out in a stable order. */
function entitiesByArticle(mentions: MentionRow[]): [string, string[]][] {
  const byArticle = new Map<string, Set<string>>();
  for (const mention of mentions) {
    const ids = byArticle.get(mention.article_id) ?? new Set<string>();
    ids.add(mention.entity_id);
    byArticle.set(mention.article_id, ids);
  }
  return [...byArticle]
    .map(([articleId, ids]): [string, string[]] => [articleId, [...ids].sort(compareText)])
    .sort((x, y) => compareText(x[0], y[0]));
}

/** Joins article ids, ending with "… (+N more)" rather than letting Excel cut an id in half. */
function joinWithinLimit(articleIds: string[]): string {
  const joined = articleIds.join(ARTICLE_ID_SEPARATOR);
  if (joined.length <= EXCEL_MAX_TEXT) return joined;
  const room = EXCEL_MAX_TEXT - " … (+9999999 more)".length;
  let kept = 0;
  let length = 0;
  while (kept < articleIds.length && length + articleIds[kept]!.length + ARTICLE_ID_SEPARATOR.length <= room) {
    length += articleIds[kept]!.length + ARTICLE_ID_SEPARATOR.length;
    kept++;
  }
  return `${articleIds.slice(0, kept).join(ARTICLE_ID_SEPARATOR)} … (+${articleIds.length - kept} more)`;
}

/** Code-unit order, as the CSV tables are sorted: the same in every locale. */
function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
