import { stringify } from "csv-stringify/sync";
import { BOM, csvCells, spreadsheetSafe, toCsv } from "../../src/7-write/csv.js";

/**
 * The tables are csv-stringify's output with the options the pipeline uses, except that a cell with
 * a lone line break is quoted too (csv-stringify, given a CRLF record delimiter, leaves it bare and
 * so breaks the row in two for any CSV reader). Mention rows are put together from csvCells parts
 * (test/write/mention-rows.test.ts) and must be the same bytes.
 */
const COLUMNS = ["id", "text", "count", "flag", "missing"] as const;
type Row = { id: string; text: string; count: number; flag: boolean; missing?: string };

const AWKWARD = ["plain", "", "with, comma", 'with "quotes"', "crlf\r\nend", "=SUM(A1)", "+33 1 23", "-dash", "@handle", "\ttab", "accents éàü « guillemets »", "'already quoted", '"', ",", "trailing space "];
const rows: Row[] = AWKWARD.map((text, i) => ({ id: `a/${i}:${i * 7}`, text, count: i % 3 === 0 ? 0 : -i * 1.5, flag: i % 2 === 0 }));

const reference = (data: Row[]) =>
  BOM +
  "id,text,count,flag,missing\r\n" +
  stringify(data, { header: false, columns: [...COLUMNS], eof: true, record_delimiter: "\r\n", cast: { string: (value: string) => String(spreadsheetSafe(value)) } });

describe("CSV tables", () => {
  it("toCsv writes what csv-stringify wrote", () => {
    expect(toCsv([...COLUMNS], rows)).toBe(reference(rows));
    expect(toCsv([...COLUMNS], [])).toBe(BOM + "id,text,count,flag,missing\r\n");
  });

  it("quotes a cell with a lone line break", () => {
    const row: Row = { id: "x", text: "Titre\nLe ministre a dit", count: 1, flag: false };
    expect(toCsv([...COLUMNS], [row, { ...row, text: "\rstart" }])).toBe(BOM + 'id,text,count,flag,missing\r\nx,"Titre\nLe ministre a dit",1,,\r\nx,"\'\rstart",1,,\r\n');
  });

  it("csvCells writes what csv-stringify writes, on random cells", () => {
    const alphabet = ['"', ",", "\r", "\n", "=", "+", "-", "@", "\t", "'", " ", "a", "Z", "é", "«", "0", "9", ";"];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const cell = () => {
      const kind = next(5);
      if (kind === 0) return (next(2001) - 1000) / 8;
      if (kind === 1) return next(2) === 0;
      return Array.from({ length: next(6) }, () => alphabet[next(alphabet.length)]).join("");
    };
    for (let i = 0; i < 2000; i++) {
      const cells = Array.from({ length: 1 + next(4) }, cell);
      const columns = cells.map((_, c) => String(c));
      const row = Object.fromEntries(cells.map((value, c) => [String(c), value]));
      expect(`${BOM}${columns.join(",")}\r\n${csvCells(cells)}\r\n`).toBe(toCsv(columns, [row]));
    }
  });

  it("csvCells gives a row's cells as toCsv writes them", () => {
    for (const row of rows) {
      expect(toCsv([...COLUMNS], [row])).toBe(`${BOM}${COLUMNS.join(",")}\r\n${csvCells(COLUMNS.map((column) => row[column]))}\r\n`);
    }
  });
});
