import { createTagger, loadTagger } from "../src/5-extract/tagger/index.js";
import { LexiconMatcher } from "../src/5-extract/tagger/lexicon-features.js";
import type { LinearModel } from "../src/5-extract/tagger/perceptron.js";
import type { StageOptions } from "./stages.js";

/** How PERSON, ORG and LOCATION are found: rules only, rules fused with the tagger, or the tagger alone (to measure it). */
export type NameFinding = "rules" | "fused" | "tagger";

/** What the caller decides about extraction. */
export interface ExtractionSettings {
  names: NameFinding;
  /** The tagger's model, its weights in shared memory (read by the pool for all its workers: pipeline/pool.ts); else this thread loads the default model. */
  model?: LinearModel;
}

/** The stage options for these settings: builds the tagger when it is used. */
export function stageOptions(settings: ExtractionSettings): StageOptions {
  if (settings.names === "rules") return {};
  const tagger = settings.model ? createTagger(settings.model, LexiconMatcher.fromProjectLexicons()) : loadTagger();
  return { tagger, taggerAlone: settings.names === "tagger" };
}
