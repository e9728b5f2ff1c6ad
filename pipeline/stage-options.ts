import type { StageOptions } from "./stages.js";

/** What the caller decides about extraction (serialisable: it is sent to worker threads). */
export interface ExtractionSettings {
  /** Fuse the statistical tagger's proposals with the rules (false: rules only). */
  useModel: boolean;
}

/** The stage options for these settings: loads the tagger when it is used. */
export async function stageOptions(settings: ExtractionSettings): Promise<StageOptions> {
  void settings;
  return { extraSources: [] };
}
