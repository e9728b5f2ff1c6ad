import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { entityKeys } from "../../src/6-resolve/across-articles.js";
import { emptyRegistry, type IdRegistry } from "../../src/6-resolve/entity-ids.js";
import { parseCsv } from "../../src/7-write/csv.js";
import type { EntityType } from "../../src/types.js";

/**
 * The id registry of earlier runs. None on a first run: ids start afresh. A missing or damaged one
 * after earlier runs is rebuilt, with a warning, from the published entities.csv and
 * entity_redirects.csv, so that published ids keep naming their entities and are not handed out again.
 */
export function loadRegistry(path: string, outputDir: string, warn: (message: string) => void): IdRegistry {
  const published = existsSync(join(outputDir, "entities.csv"));
  if (!existsSync(path) && !published) return emptyRegistry();
  try {
    const registry = JSON.parse(readFileSync(path, "utf8")) as IdRegistry;
    if (!Number.isInteger(registry?.nextNumber) || typeof registry.idOfKey !== "object" || typeof registry.redirects !== "object") {
      throw new Error("unexpected shape");
    }
    return registry;
  } catch (error) {
    const problem = (error as NodeJS.ErrnoException).code === "ENOENT" ? "is missing" : `is damaged (${(error as Error).message})`;
    if (!published) {
      warn(`the entity id registry ${path} ${problem}; entity ids restart from E000001`);
      return emptyRegistry();
    }
    warn(`the entity id registry ${path} ${problem}; it is rebuilt from the published entities.csv and entity_redirects.csv`);
    return registryFromTables(outputDir);
  }
}

/** The ids the published tables give each entity's names, the published redirects, numbering after the highest id seen. */
function registryFromTables(outputDir: string): IdRegistry {
  const registry = emptyRegistry();
  const read = (name: string) => (existsSync(join(outputDir, name)) ? parseCsv(readFileSync(join(outputDir, name), "utf8")) : []);
  const seen: string[] = [];
  for (const row of read("entities.csv")) {
    const entity = { type: row.type as EntityType, canonicalName: row.canonical_name, acronym: row.acronym, surfaceForms: [] };
    for (const key of entityKeys(entity)) registry.idOfKey[key] = row.entity_id;
    seen.push(row.entity_id);
  }
  for (const row of read("entity_redirects.csv")) {
    registry.redirects[row.old_id] = row.new_id;
    seen.push(row.old_id, row.new_id);
  }
  // A loop, not Math.max(...ids): a spread of 100,000+ arguments overflows the stack.
  registry.nextNumber = seen.map((id) => Number(id.slice(1))).filter(Number.isInteger).reduce((max, n) => Math.max(max, n), 0) + 1;
  return registry;
}
