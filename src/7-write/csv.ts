import { createWriteStream, fsyncSync, openSync, closeSync } from "node:fs";
import { once } from "node:events";
import { stringify, type Stringifier } from "csv-stringify";
import { stringify as stringifySync } from "csv-stringify/sync";

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

const options = (columns: readonly string[]) => ({
  header: false,
  columns: [...columns],
  eof: true,
  record_delimiter: "\r\n" as const,
  cast: { string: (value: string) => String(spreadsheetSafe(value)) },
});

/** A whole table as CSV text (RFC 4180, CRLF, header row, BOM). */
export function toCsv<Row extends object>(columns: readonly (keyof Row & string)[], rows: Row[]): string {
  return BOM + headerLine(columns) + stringifySync(rows, options(columns));
}

/** Streams a large table to a file row by row, then flushes it to disk. */
export class CsvFileWriter<Row extends object> {
  private readonly stringifier: Stringifier;
  private readonly done: Promise<unknown>;

  constructor(
    private readonly path: string,
    columns: readonly (keyof Row & string)[],
  ) {
    const file = createWriteStream(path);
    file.write(BOM + headerLine(columns));
    this.stringifier = stringify(options(columns));
    this.stringifier.pipe(file);
    this.done = once(file, "finish");
  }

  async write(row: Row): Promise<void> {
    if (!this.stringifier.write(row)) await once(this.stringifier, "drain");
  }

  async close(): Promise<void> {
    this.stringifier.end();
    await this.done;
    const fd = openSync(this.path, "r+");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
