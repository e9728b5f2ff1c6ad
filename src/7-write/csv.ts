import { BufferedFile } from "../common/buffered-file.js";

/** Excel shows accents right only when a UTF-8 CSV starts with a byte-order mark. */
export const BOM = "\ufeff";

/** Cells starting with these are formulas to a spreadsheet (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell that a spreadsheet would evaluate: a leading apostrophe makes Excel,
 * LibreOffice and Google Sheets show it as text ("'- Le ministre a dit…" stays readable).
 * Numbers are numbers and pass unchanged.
 */
export function spreadsheetSafe(value: unknown): unknown {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The header line is written by hand so that a table with no rows still has one. */
const headerLine = (columns: readonly string[]) => `${columns.join(",")}\r\n`;

/** RFC 4180: a cell holding a comma, a quote or a line break is quoted, its quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell as csv-stringify wrote it before (the tables must not change): missing values empty,
 * booleans 1 or empty, numbers as JavaScript prints them, text made spreadsheet-safe.
 */
function csvCell(value: unknown): string {
  if (value === undefined || value === null || value === "" || value === false) return "";
  if (value === true) return "1";
  const text = typeof value === "string" ? (spreadsheetSafe(value) as string) : typeof value === "object" ? JSON.stringify(value) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated. Written by hand: csv-stringify's stream cost a third of a rerun. */
function csvRecord<Row extends object>(columns: readonly (keyof Row & string)[], row: Row): string {
  let line = "";
  for (let i = 0; i < columns.length; i++) line += (i > 0 ? "," : "") + csvCell(row[columns[i]]);
  return line + "\r\n";
}

/** A whole table as CSV text (RFC 4180, CRLF, header row, BOM). */
export function toCsv<Row extends object>(columns: readonly (keyof Row & string)[], rows: Row[]): string {
  return BOM + headerLine(columns) + rows.map((row) => csvRecord(columns, row)).join("");
}

/** Writes a large table to a file record by record, then flushes it to disk. */
export class CsvFileWriter<Row extends object> {
  private readonly file: BufferedFile;

  constructor(
    path: string,
    private readonly columns: readonly (keyof Row & string)[],
  ) {
    this.file = new BufferedFile(path);
    this.file.write(BOM + headerLine(columns));
  }

  write(row: Row): void {
    this.file.write(csvRecord(this.columns, row));
  }

  close(): void {
    this.file.close();
  }
}

/**
 * Reads back a table this module wrote (RFC 4180, optional BOM): the rows as records keyed by the
 * header, cells as text with the spreadsheet-safety apostrophe removed. Used to recover state
 * from the published tables, where the CSV parser of the tests is not a dependency.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [[]];
  let cell = "";
  let quoted = false;
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') cell += body[i++];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") records[records.length - 1].push(unsafe(cell)), (cell = "");
    else if (c === "\n") records[records.length - 1].push(unsafe(cell)), (cell = ""), records.push([]);
    else if (c !== "\r") cell += c;
  }
  if (cell || records[records.length - 1].length > 0) records[records.length - 1].push(unsafe(cell));
  const [header, ...rows] = records.filter((record) => record.length > 0);
  return rows.map((row) => Object.fromEntries((header ?? []).map((column, i) => [column, row[i] ?? ""])));
}

/** Undoes `spreadsheetSafe`. */
const unsafe = (cell: string) => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);
