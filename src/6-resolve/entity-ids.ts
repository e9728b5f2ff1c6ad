import type { EntityGroup } from "./across-articles.js";

/**
 * What keeps entity ids stable across runs: every key (name, acronym, resolution number) ever seen,
 * with the id it was given, the ids retired by merges, and the next number to hand out.
 */
export interface IdRegistry {
  nextNumber: number;
  idOfKey: Record<string, string>;
  /** Retired id → the id that took its entity over. */
  redirects: Record<string, string>;
}

export const emptyRegistry = (): IdRegistry => ({ nextNumber: 1, idOfKey: {}, redirects: {} });

const formatId = (n: number) => `E${String(n).padStart(6, "0")}`;
const idNumber = (id: string) => Number(id.slice(1));

/**
 * Gives every entity group an id. A group keeps the id its keys had; when its keys carry several
 * ids (new evidence merged two entities), it keeps the oldest and the others are redirected to it;
 * when two groups claim one id (an entity split), the group that appears first keeps it. New
 * groups take new numbers, in order; a number is never handed out twice. Returns a new registry.
 */
export function assignEntityIds(groups: EntityGroup[], previous: IdRegistry): { ids: string[]; registry: IdRegistry } {
  const registry: IdRegistry = { nextNumber: previous.nextNumber, idOfKey: { ...previous.idOfKey }, redirects: { ...previous.redirects } };
  const current = (id: string) => {
    while (registry.redirects[id]) id = registry.redirects[id];
    return id;
  };
  const claimed = new Set<string>();
  const ids = groups.map((group) => {
    const known = [...new Set(group.keys.map((key) => registry.idOfKey[key]).filter(Boolean).map(current))]
      .filter((id) => !claimed.has(id))
      .sort((a, b) => idNumber(a) - idNumber(b));
    const id = known[0] ?? formatId(registry.nextNumber++);
    for (const retired of known.slice(1)) registry.redirects[retired] = id;
    claimed.add(id);
    return id;
  });
  groups.forEach((group, i) => {
    for (const key of group.keys) registry.idOfKey[key] = ids[i];
  });
  return { ids, registry };
}
