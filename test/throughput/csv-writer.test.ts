import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { BOM, CsvFileWriter, spreadsheetSafe, toCsv } from "../../src/7-write/csv.js";
import { temporaryFolder } from "../helpers.js";

/**
 * The tables are written by hand now (csv-stringify's stream was too slow for mentions.csv): they
 * must stay byte for byte what csv-stringify wrote with the options the pipeline used, except that
 * a cell with a lone line break is now quoted (csv-stringify, given a CRLF record delimiter, left
 * it bare and so broke the row in two for any CSV reader).
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

  it("CsvFileWriter writes the same file, past its buffer size", () => {
    const folder = temporaryFolder();
    try {
      const path = join(folder, "t.csv");
      const many = Array.from({ length: 20_000 }, (_, i) => rows[i % rows.length]);
      const writer = new CsvFileWriter<Row>(path, [...COLUMNS]);
      for (const row of many) writer.write(row);
      writer.close();
      expect(readFileSync(path, "utf8")).toBe(reference(many));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
