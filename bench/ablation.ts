/**
 * The fusion ablation (`npm run build && node dist/bench/ablation.js`): mention F1 per type for the
 * rules alone, the tagger alone and the two fused, on the development split of each training corpus
 * (documents the tagger never trained on), the sample corpus, and the unseen and news probe paragraphs of the tests.
 * Scored by ../shared/eval/score.mjs on PERSON, ORG and LOCATION (the types the tagger knows).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/common/lexicons.js";
import { DEV_EVERY } from "../src/5-extract/tagger/corpus.js";
import { runPipeline } from "../pipeline/run.js";

const SHARED = join(PROJECT_ROOT, "..", "shared");
const SCORER = join(SHARED, "eval", "score.mjs");
const TYPES = ["PERSON", "ORG", "LOCATION"];
const MODES = { rules: { useModel: false }, tagger: { useModel: true, taggerAlone: true }, fused: { useModel: true } } as const;

/** The splits' articles and the runs' outputs, removed at the end. */
const scratch = mkdtempSync(join(tmpdir(), "ablation-"));

interface Corpus {
  name: string;
  input: string;
  gold: string;
}

/** The held-out documents of a training corpus, as article files and a gold file the scorer reads. */
function developmentSplit(file: string, limit: number): Corpus {
  const folder = mkdtempSync(join(scratch, "split-"));
  const input = join(folder, "articles");
  mkdirSync(input);
  const lines = readFileSync(join(SHARED, "train", file), "utf8").split("\n").filter(Boolean);
  const gold = lines
    .filter((_, index) => index % DEV_EVERY === DEV_EVERY - 1)
    .slice(0, limit)
    .map((line) => {
      const { id, text, entities } = JSON.parse(line) as { id: string; text: string; entities: { start: number; end: number; type: string }[] };
      writeFileSync(join(input, `${id}.txt`), text);
      return JSON.stringify({ id, mentions: entities.map((e) => ({ start: e.start, end: e.end, type: e.type })) });
    });
  writeFileSync(join(folder, "gold.jsonl"), gold.join("\n") + "\n");
  return { name: `${file} dev (${gold.length} docs)`, input, gold: join(folder, "gold.jsonl") };
}

async function measure(corpus: Corpus, mode: keyof typeof MODES): Promise<Record<string, number>> {
  const output = mkdtempSync(join(scratch, "out-"));
  await runPipeline({ inputDir: corpus.input, outputDir: output, formats: ["csv"], jobs: 2, ...MODES[mode] });
  const report = JSON.parse(execFileSync("node", [SCORER, "--gold", corpus.gold, "--out", output, "--types", TYPES.join(","), "--json"], { encoding: "utf8" }));
  return Object.fromEntries([...TYPES, "ALL"].map((type) => [type, report.mention_strict[type]?.f1 ?? 0]));
}

const corpora: Corpus[] = [
  developmentSplit("wikineural-fr.jsonl", Number(process.argv[2] ?? 1000)),
  developmentSplit("europeana-fr.jsonl", Number(process.argv[2] ?? 1000)),
  { name: "sample corpus (seeds)", input: join(PROJECT_ROOT, "data", "articles"), gold: join(SHARED, "gold", "seeds.jsonl") },
  { name: "unseen paragraphs (test/fixtures)", input: join(PROJECT_ROOT, "test", "fixtures", "unseen"), gold: join(PROJECT_ROOT, "test", "fixtures", "unseen-gold.jsonl") },
  { name: "news probe paragraphs (test/fixtures)", input: join(PROJECT_ROOT, "test", "fixtures", "probe"), gold: join(PROJECT_ROOT, "test", "fixtures", "probe-gold.jsonl") },
];

console.log(`| corpus | method | ${TYPES.join(" | ")} | all |`);
console.log(`|---|---|${TYPES.map(() => "---:").join("|")}|---:|`);
for (const corpus of corpora) {
  for (const mode of Object.keys(MODES) as (keyof typeof MODES)[]) {
    const f1 = await measure(corpus, mode);
    console.log(`| ${corpus.name} | ${mode} | ${[...TYPES, "ALL"].map((t) => (100 * f1[t]).toFixed(1)).join(" | ")} |`);
  }
}
rmSync(scratch, { recursive: true, force: true });
