import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ListedFile } from "../src/1-read/list-files.js";
import { decodeBytes } from "../src/1-read/decode.js";
import { parseCsv } from "../src/7-write/csv.js";
import type { Tables } from "../src/7-write/tables.js";
import type { ArticleRow, EntityRow, MentionRow } from "../src/types.js";

/** The outputs a run can write; the CSV tables are the reference and always written. */
export const OUTPUT_FORMATS = ["csv", "xlsx", "html"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface TableSource {
  /**
   * The articles and mentions tables just written, read back only when these formats need them in
   * memory: each is the files given, one after the other (a table and the rows to append to it).
   */
  articlesPaths: string[];
  mentionsPaths: string[];
  entities: EntityRow[];
}

/** Writes entities.xlsx and report.html when asked for, each to the temporary path `stage` gives for it. */
export async function writeExtraFormats(formats: readonly OutputFormat[], outputDir: string, stage: (target: string) => string, source: TableSource, files: ListedFile[]): Promise<void> {
  if (!formats.includes("xlsx") && !formats.includes("html")) return;
  const tables: Tables = { articles: readArticleRows(source.articlesPaths), entities: source.entities, mentions: readMentionRows(source.mentionsPaths) };
  // Loaded only when asked for: importing exceljs alone took 0.6 s of every run, CSV-only runs and reruns included.
  if (formats.includes("xlsx")) {
    const { writeWorkbook } = await import("../src/7-write/workbook.js");
    await writeWorkbook(stage(join(outputDir, "entities.xlsx")), tables);
  }
  if (formats.includes("html")) {
    const { writeReport } = await import("../src/7-write/report-html.js");
    writeReport(stage(join(outputDir, "report.html")), tables, originalTexts(files));
  }
}

const readJoined = (paths: string[]) => Buffer.concat(paths.map((path) => readFileSync(path))).toString("utf8");

function readArticleRows(paths: string[]): ArticleRow[] {
  return parseCsv(readJoined(paths)).map((row) => ({ ...row, word_count: Number(row.word_count), mention_count: Number(row.mention_count) }) as unknown as ArticleRow);
}

function readMentionRows(paths: string[]): MentionRow[] {
  return parseCsv(readJoined(paths)).map((row) => ({ ...row, start: Number(row.start), end: Number(row.end) }) as unknown as MentionRow);
}

/** The decoded original of an article, read again from its file for display. */
function originalTexts(files: ListedFile[]): (articleId: string) => string | undefined {
  const pathOf = new Map(files.filter((f) => !f.skipReason).map((f) => [f.articleId, f.absolutePath]));
  return (articleId) => {
    const path = pathOf.get(articleId);
    if (!path) return undefined;
    try {
      const decoded = decodeBytes(readFileSync(path));
      return "text" in decoded ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  };
}
