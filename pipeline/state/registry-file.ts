import { existsSync, readFileSync } from "node:fs";
import { emptyRegistry, type IdRegistry } from "../../src/6-resolve/entity-ids.js";

/** The id registry of earlier runs; a missing one starts afresh, a damaged one too, with a warning. */
export function loadRegistry(path: string, warn: (message: string) => void): IdRegistry {
  if (!existsSync(path)) return emptyRegistry();
  try {
    const registry = JSON.parse(readFileSync(path, "utf8")) as IdRegistry;
    if (!Number.isInteger(registry.nextNumber) || typeof registry.idOfKey !== "object" || typeof registry.redirects !== "object") {
      throw new Error("unexpected shape");
    }
    return registry;
  } catch (error) {
    warn(`the entity id registry ${path} is damaged (${(error as Error).message}); entity ids restart from E000001`);
    return emptyRegistry();
  }
}
