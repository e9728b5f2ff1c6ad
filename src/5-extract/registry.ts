import { exerciseExtractor } from "./exercise/index.js";
import type { Extractor } from "./extractor.js";
import { locationExtractor } from "./location/index.js";
import { organisationExtractor } from "./organisation/index.js";
import { personExtractor } from "./person/index.js";
import { unResolutionExtractor } from "./un-resolution/index.js";

/**
 * The entity types, in the order their rules run: each extractor sees what the earlier ones found
 * (people are looked for outside known places and organisations; exercises outside all of them).
 * A new entity type is a folder exporting an `Extractor` and one line here.
 */
export const EXTRACTORS: readonly Extractor[] = [
  unResolutionExtractor,
  locationExtractor,
  organisationExtractor,
  personExtractor,
  exerciseExtractor,
];
