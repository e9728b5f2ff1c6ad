import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tokenize } from "../../4-tokenize/tokenize.js";
import { PROJECT_ROOT } from "../../common/lexicons.js";
import { TAGGER_TYPES, type TaggerType, type TokenSpan } from "./labels.js";

/**
 * Reads the training corpora of ../shared/train (one JSON document per line: text, entities with
 * character offsets, tokens as [start, end] pairs, "\n" between sentences) into token sentences.
 */

export interface LabeledSentence {
  tokens: string[];
  spans: TokenSpan[];
}

export interface CorpusDocument {
  id: string;
  sentences: LabeledSentence[];
}

interface JsonlRecord {
  id: string;
  text: string;
  entities: { start: number; end: number; type: string }[];
  tokens: [number, number][];
}

/** The shared training corpora, beside the project: ../shared/train. */
export const DEFAULT_CORPORA = ["wikineural-fr.jsonl", "europeana-fr.jsonl"].map((file) => join(PROJECT_ROOT, "..", "shared", "train", file));

/** Every DEV_EVERY-th document (the 10th, 20th, ... line of each file) is held out for development, never trained on. */
export const DEV_EVERY = 10;

export function readCorpus(path: string): CorpusDocument[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => toDocument(JSON.parse(line) as JsonlRecord))
    .map((document) => ({ ...document, sentences: document.sentences.map(splitLikePipeline) }));
}

/**
 * Re-splits the corpus tokens the way the pipeline's tokenizer will split running text, so the tagger
 * learns from the tokens it will be given: the corpora keep a period on abbreviations and initials
 * (`M.`, `J.`, `etc.`), the pipeline makes it a token of its own (`M` `.`), and `M . Sales` must not
 * look like a sentence break. Elided words (`l'`) and clitics (`-ci`) are kept: in running text the
 * tokenizer attaches them to their neighbour, which a token on its own cannot show.
 * A token split inside an entity leaves all its parts inside it.
 */
export function splitLikePipeline(sentence: LabeledSentence): LabeledSentence {
  const tokens: string[] = [];
  const newIndex: number[] = [];
  for (const token of sentence.tokens) {
    newIndex.push(tokens.length);
    tokens.push(...pipelineParts(token));
  }
  newIndex.push(tokens.length);
  const spans = sentence.spans.map((span) => ({ ...span, start: newIndex[span.start], end: newIndex[span.end] }));
  return { tokens, spans };
}

function pipelineParts(token: string): string[] {
  if (/['\u2019]$|^-/.test(token)) return [token];
  const parts = tokenize(token).map((part) => part.text);
  return parts.join("") === token ? parts : [token];
}

export function splitForDevelopment<T>(documents: readonly T[]): { train: T[]; dev: T[] } {
  const isDev = (index: number): boolean => index % DEV_EVERY === DEV_EVERY - 1;
  return {
    train: documents.filter((_, index) => !isDev(index)),
    dev: documents.filter((_, index) => isDev(index)),
  };
}

export function sentencesOf(documents: readonly CorpusDocument[]): LabeledSentence[] {
  return documents.flatMap((document) => document.sentences);
}

function toDocument(record: JsonlRecord): CorpusDocument {
  const tokenAt = new Map<number, number>();
  record.tokens.forEach(([start], index) => tokenAt.set(start, index));
  const tokenEndingAt = new Map<number, number>();
  record.tokens.forEach(([, end], index) => tokenEndingAt.set(end, index));
  const sentenceOf = sentenceIndexOfEachToken(record);
  const sentences: LabeledSentence[] = [];
  const firstTokenOf: number[] = [];
  record.tokens.forEach(([start, end], index) => {
    const s = sentenceOf[index];
    if (!sentences[s]) {
      sentences[s] = { tokens: [], spans: [] };
      firstTokenOf[s] = index;
    }
    sentences[s].tokens.push(record.text.slice(start, end));
  });
  for (const entity of record.entities) {
    const first = tokenAt.get(entity.start);
    const last = tokenEndingAt.get(entity.end);
    if (first === undefined || last === undefined) throw new Error(`${record.id}: entity off token boundaries at ${entity.start}`);
    if (!TAGGER_TYPES.includes(entity.type as TaggerType)) throw new Error(`${record.id}: unknown type ${entity.type}`);
    const s = sentenceOf[first];
    sentences[s].spans.push({ start: first - firstTokenOf[s], end: last + 1 - firstTokenOf[s], type: entity.type as TaggerType });
  }
  return { id: record.id, sentences };
}

/** Sentences are separated by a "\n" in the text between two tokens. */
function sentenceIndexOfEachToken(record: JsonlRecord): number[] {
  let sentence = 0;
  return record.tokens.map(([start], index) => {
    if (index > 0 && record.text.slice(record.tokens[index - 1][1], start).includes("\n")) sentence++;
    return sentence;
  });
}
