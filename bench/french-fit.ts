/**
 * Measures how the design card's general NLP packages fit French news, on the sample corpus and
 * its gold annotations (`npm run build && node dist/bench/french-fit.js`). The README quotes it.
 *
 * - wink-nlp (English light model): how often its tokens start and end where gold mentions do,
 *   elisions left glued (l'Etat), hyphenated names cut (Al - Qaida), and the entities it finds.
 * - compromise and fr-compromise: the people, places and organisations their taggers mark,
 *   scored against the gold mentions (overlapping spans, any type), and their speed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import nlpEn from "compromise";
import nlpFr from "fr-compromise";
import { DATA_DIR, PROJECT_ROOT } from "../src/common/lexicons.js";
import { tokenize } from "../src/4-tokenize/tokenize.js";

interface GoldDoc {
  id: string;
  mentions: { start: number; end: number; type: string; text: string }[];
}

const gold = readFileSync(join(PROJECT_ROOT, "../shared/gold/seeds.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as GoldDoc);
const textOf = (doc: GoldDoc) => readFileSync(join(DATA_DIR, "articles", `${doc.id}.txt`), "utf8");
const ELIDED = /^(?:l|d|qu|n|s|c|j|m|t)['\u2019]\p{L}/iu;

function boundaryAgreement(spans: (text: string) => { start: number; end: number }[]): number {
  let aligned = 0;
  let total = 0;
  for (const doc of gold) {
    const tokens = spans(textOf(doc));
    const starts = new Set(tokens.map((t) => t.start));
    const ends = new Set(tokens.map((t) => t.end));
    for (const m of doc.mentions) {
      total++;
      if (starts.has(m.start) && ends.has(m.end)) aligned++;
    }
  }
  return aligned / total;
}

function winkFigures() {
  const nlp = winkNLP(model);
  const its = nlp.its;
  const winkSpans = (text: string) => {
    const spans: { start: number; end: number }[] = [];
    let offset = 0;
    for (const token of nlp.readDoc(text).tokens().out() as string[]) {
      const start = text.indexOf(token, offset);
      if (start < 0) continue;
      spans.push({ start, end: start + token.length });
      offset = start + token.length;
    }
    return spans;
  };
  let glued = 0;
  let cut = 0;
  const entities = new Set<string>();
  for (const doc of gold) {
    const winkDoc = nlp.readDoc(textOf(doc));
    const tokens = winkDoc.tokens().out() as string[];
    glued += tokens.filter((t) => ELIDED.test(t)).length;
    cut += tokens.filter((t, i) => t === "-" && /^\p{Lu}/u.test(tokens[i + 1] ?? "")).length;
    for (const e of winkDoc.entities().out(its.detail) as { value: string; type: string }[]) entities.add(`${e.type}:${e.value}`);
  }
  return {
    mentionBoundariesOnTokenBoundaries: { winkNlp: round(boundaryAgreement(winkSpans)), ours: round(boundaryAgreement(tokenize)) },
    elisionsLeftGlued: glued,
    hyphenatedNamesCut: cut,
    entityTypesFound: [...new Set([...entities].map((e) => e.split(":")[0]))].sort(),
    personOrPlaceOrOrgEntities: [...entities].filter((e) => /^(PERSON|ORG|GPE|LOC)/.test(e)).length,
  };
}

function compromiseFigures(name: string, nlp: (text: string) => { match(pattern: string): { json(options: { offset: boolean }): { offset: { start: number; length: number } }[] } }) {
  let tp = 0;
  let fp = 0;
  let goldTotal = 0;
  let words = 0;
  const started = performance.now();
  for (const doc of gold) {
    const text = textOf(doc);
    words += text.split(/\s+/).length;
    const found = nlp(text).match("(#Person|#Place|#Organization)+").json({ offset: true }).map((m) => ({ start: m.offset.start, end: m.offset.start + m.offset.length }));
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    tp += doc.mentions.filter((m) => found.some((f) => overlaps(f, m))).length;
    fp += found.filter((f) => !doc.mentions.some((m) => overlaps(f, m))).length;
    goldTotal += doc.mentions.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { name, recall: round(tp / goldTotal), precision: round(tp / Math.max(1, tp + fp)), wordsPerSecond: Math.round(words / seconds) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

console.log(JSON.stringify({
  winkNlp: winkFigures(),
  compromise: compromiseFigures("compromise (English)", nlpEn as never),
  frCompromise: compromiseFigures("fr-compromise", nlpFr as never),
}, null, 2));
