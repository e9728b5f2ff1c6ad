import type { EntityType } from "../types.js";

/**
 * One colour per entity type, shared by the workbook's `type` cells and the HTML report's
 * highlights, so that an analyst reads the same colour as the same type in both.
 * Light tints after displaCy's palette: black text stays readable on every one of them.
 */
export const TYPE_COLOURS: Readonly<Record<EntityType, string>> = {
  PERSON: "#aa9cfc",
  ORG: "#7aecec",
  LOCATION: "#feca74",
  UN_RESOLUTION: "#ff8197",
  EXERCISE: "#bfeeb7",
};
