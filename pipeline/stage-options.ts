import { loadTagger } from "../src/5-extract/tagger/index.js";
import type { StageOptions } from "./stages.js";

/** How PERSON, ORG and LOCATION are found: rules only, rules fused with the tagger, or the tagger alone (to measure it). */
export type NameFinding = "rules" | "fused" | "tagger";

/** What the caller decides about extraction (serialisable: it is sent to worker threads). */
export interface ExtractionSettings {
  names: NameFinding;
}

/** The stage options for these settings: loads the tagger when it is used. */
export function stageOptions(settings: ExtractionSettings): StageOptions {
  if (settings.names === "rules") return {};
  return { tagger: loadTagger(), taggerAlone: settings.names === "tagger" };
}
