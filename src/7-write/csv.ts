import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/** Excel shows accents right only when a UTF-8 CSV starts with a byte-order mark. */
export const BOM = "\ufeff";

/** Cells starting with these are formulas to a spreadsheet (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Cells that csvCells quotes: with the delimiter, the quote, or any line break (quoted_match). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Neutralises a text cell that a spreadsheet would evaluate: a leading apostrophe makes Excel,
 * LibreOffice and Google Sheets show it as text ("'- Le ministre a dit…" stays readable).
 * Numbers are numbers and pass unchanged.
 */
export function spreadsheetSafe(value: unknown): unknown {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The header line is written by hand so that a table with no rows still has one. */
export const headerLine = (columns: readonly string[]) => `${columns.join(",")}\r\n`;

/**
 * csv-stringify's settings for the tables: CRLF records (RFC 4180), text made spreadsheet-safe, and
 * a cell holding a lone line break quoted too (with a CRLF delimiter csv-stringify would leave
 * "\n" bare, which breaks the row for CSV readers).
 */
const STRINGIFY_OPTIONS = {
  record_delimiter: "\r\n",
  quoted_match: /[\r\n]/,
  cast: { string: (value: string) => String(spreadsheetSafe(value)) },
} as const;

function csvRecords<Row extends object>(columns: readonly (keyof Row & string)[], rows: Row[]): string {
  return rows.length === 0 ? "" : stringify(rows, { ...STRINGIFY_OPTIONS, columns: [...columns] });
}

/** A whole table as CSV text (RFC 4180, CRLF, header row, BOM). */
export function toCsv<Row extends object>(columns: readonly (keyof Row & string)[], rows: Row[]): string {
  return BOM + headerLine(columns) + csvRecords(columns, rows);
}

/** What a cell of the tables holds. */
type Cell = string | number | boolean | undefined;

/**
 * One record's cells as CSV, without a line end: for rows put together from parts (each mention
 * row around its entity id cell, each articles.csv row). The same bytes as csv-stringify with
 * STRINGIFY_OPTIONS (test/throughput/csv-writer.test.ts compares them on awkward cells), without
 * its cost per call: with one `stringify` call per mention row part, rendering the rows was 45%
 * of what a worker allocated and 13% of its time (2,000 articles, with the tagger).
 */
export function csvCells(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(",");
}

/** csv-stringify's default casts (a boolean is "1" or empty), then quoting as STRINGIFY_OPTIONS asks. */
function csvCell(value: Cell): string {
  const text = typeof value === "string" ? String(spreadsheetSafe(value)) : typeof value === "number" ? String(value) : value ? "1" : "";
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Reads back a table this module wrote (csv-parse): the rows as records keyed by the header, cells
 * as text with the spreadsheet-safety apostrophe removed. Used to recover state from the published tables.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, cell]) => [column, unsafe(cell)])));
}

/** Undoes `spreadsheetSafe`. */
const unsafe = (cell: string) => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);
