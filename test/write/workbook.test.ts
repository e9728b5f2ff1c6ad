import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { spreadsheetSafe, toCsv } from "../../src/7-write/csv.js";
import { ARTICLE_COLUMNS, ENTITY_COLUMNS, MENTION_COLUMNS } from "../../src/7-write/rows.js";
import { coOccurrenceRows, columnKind, excelText, writeWorkbook, type CellKind } from "../../src/7-write/workbook.js";
import { TYPE_COLOURS } from "../../src/7-write/type-colours.js";
import type { Tables } from "../../src/7-write/tables.js";
import { runPipeline } from "../../pipeline/run.js";
import { fixtureTables } from "./fixture-tables.js";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "workbook-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SHEETS: [keyof Tables, readonly string[]][] = [
  ["articles", ARTICLE_COLUMNS],
  ["entities", ENTITY_COLUMNS],
  ["mentions", MENTION_COLUMNS],
];

async function writeAndRead(tables: Tables): Promise<ExcelJS.Workbook> {
  const path = join(mkdtempSync(join(scratch, "fixture-")), "entities.xlsx");
  await writeWorkbook(path, tables);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The CSV file the pipeline's own writer makes of a table, parsed back to strings. */
function csvCells(tables: Tables, name: keyof Tables, columns: readonly string[]): string[][] {
  return parse(toCsv<Record<string, unknown>>(columns, tables[name] as unknown as Record<string, unknown>[]), { bom: true }) as string[][];
}

/** A read-back cell as the CSV spells it: numbers in decimal, dates in the contract's YYYY-MM[-DD]. */
function cellAsCsvText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, cell.numFmt === "yyyy-mm" ? 7 : 10);
  return String(value);
}

/**
 * Compares every cell of a sheet with the CSV's. The CSV writer puts an apostrophe before a text
 * that a spreadsheet would take for a formula; a workbook's text cell is never evaluated, so it
 * holds the text itself, and the comparison adds the apostrophe back. Characters XML cannot carry
 * are cleaned the same way on both sides.
 */
function expectSheetMatchesCsv(sheet: ExcelJS.Worksheet, csv: string[][], columns: readonly string[]): void {
  expect(sheet.rowCount).toBe(csv.length);
  csv.forEach((csvRow, rowIndex) => {
    const sheetRow = sheet.getRow(rowIndex + 1);
    const actual = columns.map((column, index) => {
      const text = cellAsCsvText(sheetRow.getCell(index + 1));
      return rowIndex > 0 && columnKind(column) === "text" ? String(spreadsheetSafe(text)) : text;
    });
    const expected = rowIndex === 0 ? csvRow : csvRow.map((value) => excelText(value) ?? "");
    expect(actual).toEqual(expected);
    if (rowIndex > 0) columns.forEach((column, index) => expectTyped(sheetRow.getCell(index + 1), columnKind(column)));
  });
}

function expectTyped(cell: ExcelJS.Cell, kind: CellKind): void {
  if (cell.value === null) return;
  const expected = { number: ExcelJS.ValueType.Number, date: ExcelJS.ValueType.Date, text: ExcelJS.ValueType.String, type: ExcelJS.ValueType.String }[kind];
  expect(cell.type).toBe(expected);
}

describe("writeWorkbook", () => {
  const tables = fixtureTables();
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => (workbook = await writeAndRead(tables)));

  it("writes the three CSV tables and the co-occurrence sheet", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["articles", "entities", "mentions", "co-occurrence"]);
  });

  it.each(SHEETS)("matches the CSV table %s cell by cell, with typed numbers and dates", (name, columns) => {
    expectSheetMatchesCsv(workbook.getWorksheet(name)!, csvCells(tables, name, columns), columns);
  });

  it("stores a month-only date as a month and a full date as a day", () => {
    const articles = workbook.getWorksheet("articles")!;
    expect(articles.getCell("D2").value).toEqual(new Date(Date.UTC(2018, 7, 1)));
    expect(articles.getCell("D2").numFmt).toBe("yyyy-mm");
    expect(articles.getCell("D4").numFmt).toBe("yyyy-mm-dd");
  });

  it("stores a formula-looking text as a plain text cell, without the CSV's apostrophe", () => {
    const sentences: ExcelJS.Cell[] = [];
    workbook.getWorksheet("mentions")!.getColumn(8).eachCell((cell, row) => row > 1 && sentences.push(cell));
    expect(sentences.every((cell) => cell.type === ExcelJS.ValueType.String)).toBe(true);
    expect(sentences.filter((cell) => String(cell.value).startsWith("=HYPERLINK"))).toHaveLength(3);
  });

  it.each(["articles", "entities", "mentions", "co-occurrence"])("gives %s a frozen bold header, an autofilter and bounded widths", (name) => {
    const sheet = workbook.getWorksheet(name)!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    sheet.getRow(1).eachCell((cell) => expect(cell.font?.bold).toBe(true));
    expect(sheet.autoFilter).toBe(`A1:${String.fromCharCode(64 + sheet.columnCount)}1`);
    sheet.columns.forEach((column) => expect(column.width).toBeGreaterThanOrEqual(10));
    sheet.columns.forEach((column) => expect(column.width).toBeLessThanOrEqual(60));
  });

  it("colours each type cell with the type's colour from the shared map", () => {
    for (const [name, column] of [["entities", 2], ["mentions", 4], ["co-occurrence", 3], ["co-occurrence", 6]] as const) {
      workbook.getWorksheet(name)!.getColumn(column).eachCell((cell, row) => {
        if (row === 1) return;
        const colour = TYPE_COLOURS[cell.value as keyof typeof TYPE_COLOURS];
        expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${colour.slice(1).toUpperCase()}` } });
      });
    }
  });

  it("lists each pair of entities sharing articles, with the count and the article ids", () => {
    const sheet = workbook.getWorksheet("co-occurrence")!;
    const rows = sheet.getSheetValues().slice(2).map((row) => (row as ExcelJS.CellValue[]).slice(1));
    expect(rows[0]).toEqual(["e-loc-maroc", "Maroc", "LOCATION", "e-org-gctf", "Forum mondial de lutte contre le terrorisme", "ORG", 2, "2018/maroc | 2019/hostile"]);
    // 2018/maroc has 5 entities (10 pairs), 2019/hostile 3 (3 pairs), sharing one pair.
    expect(rows).toHaveLength(10 + 3 - 1);
    expect(rows.every((row) => (row[0] as string) < (row[3] as string))).toBe(true);
  });
});

describe("entities.xlsx of a pipeline run over the sample articles", () => {
  let outputDir: string;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    outputDir = mkdtempSync(join(scratch, "run-"));
    await runPipeline({ inputDir: join(REPO, "data", "articles"), outputDir });
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(outputDir, "entities.xlsx"));
  });

  it.each(SHEETS)("matches %s.csv cell by cell", (name, columns) => {
    const csv = parse(readFileSync(join(outputDir, `${name}.csv`)), { bom: true }) as string[][];
    expect(csv[0]).toEqual(columns);
    expect(csv.length).toBeGreaterThan(1);
    expectSheetMatchesCsv(workbook.getWorksheet(name)!, csv, columns);
  });
});

describe("coOccurrenceRows", () => {
  it("keeps the pairs with the most shared articles when over the row limit, and counts the rest", () => {
    const { rows, omitted } = coOccurrenceRows(fixtureTables(), 2);
    expect(rows.map((row) => row.article_count)).toEqual([2, 1]);
    expect(omitted).toBe(10);
  });
});

describe("excelText", () => {
  it("replaces characters XML cannot carry and cuts texts Excel would refuse", () => {
    expect(excelText("a\u0001b\u000Bc\td\ne")).toBe("a\uFFFDb\uFFFDc\td\ne");
    expect(excelText("x".repeat(40_000))).toHaveLength(32_767);
    expect(excelText("")).toBeNull();
  });
});
