import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DATA_DIR } from "../src/common/lexicons.js";
import { mulberry32 } from "../src/common/random.js";

/**
 * A synthetic French news corpus of any size, made from the paragraphs of the sample corpus
 * (data/articles): each article is a dated header sentence and three to eight paragraphs drawn at
 * random, with their numbers changed. Article i is the same on every run (seeded by i), and the
 * header sentence carries i, so no two articles are identical and none is a cached copy of another.
 */

const DATE_LINE = /^\s*date\s+\S+\s+/i;
const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
/** Files per subfolder: 100,000 articles in one folder slows listing on some file systems. */
const PER_FOLDER = 1000;

/** The sample corpus' paragraphs, without their leading date line. */
export function sampleParagraphs(folder = join(DATA_DIR, "articles")): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .flatMap((name) => readFileSync(join(folder, name), "utf8").split(/\n\s*\n/))
    .map((paragraph) => paragraph.replace(DATE_LINE, "").trim())
    .filter(Boolean);
}


/** Article `index`: a date line, a header sentence naming its number and date, then its paragraphs. */
export function syntheticArticle(index: number, paragraphs: readonly string[]): string {
  const next = mulberry32(index * 2654435761 + 1);
  const pick = (n: number) => Math.floor(next() * n);
  const year = 2015 + pick(10);
  const month = 1 + pick(12);
  const day = 1 + pick(28);
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  // Digits change but keep their count, so that years stay years and resolution numbers stay numbers.
  const vary = (text: string) => text.replace(/\d+/g, (digits) => String(pick(9) + 1) + Array.from({ length: digits.length - 1 }, () => pick(10)).join(""));
  const body = Array.from({ length: 3 + pick(6) }, () => vary(paragraphs[pick(paragraphs.length)]));
  const header = `Dépêche n° ${index + 1}, mise à jour le ${day} ${MONTHS[month - 1]} ${year} à ${pick(24)}h${String(pick(60)).padStart(2, "0")}.`;
  return ` date ${iso} ${header}\n\n${body.join("\n\n")}\n`;
}

/** Where article `index` goes under the corpus folder. */
export function articlePath(folder: string, index: number): string {
  return join(folder, String(Math.floor(index / PER_FOLDER)).padStart(4, "0"), `${String(index).padStart(7, "0")}.txt`);
}

/** Writes articles [from, to) under `folder`; returns the bytes written. */
export function writeArticles(folder: string, from: number, to: number, paragraphs = sampleParagraphs()): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const path = articlePath(folder, i);
    if (i === from || i % PER_FOLDER === 0) mkdirSync(join(path, ".."), { recursive: true });
    const text = syntheticArticle(i, paragraphs);
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/** A fresh corpus of `count` articles in `folder` (whatever was there goes). */
export function writeCorpus(folder: string, count: number): number {
  rmSync(folder, { recursive: true, force: true });
  return writeArticles(folder, 0, count);
}
