import { nameKey } from "../common/normalize.js";
import type { EntityType, LocalEntity } from "../types.js";
import { resolutionNumber } from "./within-article.js";
import { ACRONYM } from "../5-extract/knowledge.js";

/** A real-world entity across articles, before it has an id. */
export interface EntityGroup {
  type: EntityType;
  canonicalName: string;
  acronym: string;
  aliases: string[];
  /** The names it is known by: what links it to other articles, and to its id on later runs. */
  keys: string[];
}

/**
 * The names an article's entity is known by: type + canonical name (folded), acronym, resolution
 * number. A name that is an acronym is one ("UEFA" alone joins "Union des associations européennes
 * de football (UEFA)" of another article).
 */
export function entityKeys(entity: LocalEntity): string[] {
  const { type } = entity;
  if (type === "UN_RESOLUTION") return [`${type}:${resolutionNumber(entity.canonicalName)}`];
  const keys = [`${type}:${nameKey(entity.canonicalName)}`];
  const acronym = entity.acronym || (type === "ORG" && ACRONYM.test(entity.canonicalName) ? entity.canonicalName : "");
  if (acronym) keys.push(`${type}:acronym:${nameKey(acronym)}`);
  return keys;
}

interface NameStats {
  type: EntityType;
  canonicalCounts: Map<string, number>;
  acronymCounts: Map<string, number>;
  surfaces: Set<string>;
}

/**
 * What a resolver has gathered before `finish`, as plain JSON: per node (in node order) its key,
 * its parent, and the names seen under it. A rerun that only adds articles after the earlier ones
 * restores it and adds the new articles, which gives the state that adding every article gives.
 */
export interface ResolverState {
  keys: string[];
  parents: number[];
  stats: ([type: EntityType, canonicalCounts: [string, number][], acronymCounts: [string, number][], surfaces: string[]] | null)[];
}

/**
 * Stage 6b: every article's entities → real-world entities, built up one article at a time so that
 * memory grows with the number of distinct entities, not of articles. Two article entities are one
 * when they share a key (same type and canonical name compared without case, accents or hyphens;
 * same acronym; same resolution number). A lone surname joins the only full name in the corpus
 * that ends with it. Feed articles in a fixed order: groups come out in order of first appearance.
 */
export class CrossArticleResolver {
  private readonly nodeOfKey = new Map<string, number>();
  private readonly keyOfNode: string[] = [];
  private readonly parent: number[] = [];
  private readonly stats: (NameStats | undefined)[] = [];
  private finished = false;

  /** Adds an article's entity; returns its node, which `groupOfNode` maps to its group once finished. */
  add(entity: LocalEntity): number {
    if (this.finished) throw new Error("CrossArticleResolver: add after finish");
    const nodes = this.keysOf(entity).map((key) => this.node(key));
    for (const node of nodes.slice(1)) this.union(nodes[0], node);
    const stats = (this.stats[nodes[0]] ??= { type: entity.type, canonicalCounts: new Map(), acronymCounts: new Map(), surfaces: new Set() });
    increment(stats.canonicalCounts, entity.canonicalName);
    if (entity.acronym) increment(stats.acronymCounts, entity.acronym);
    for (const surface of entity.surfaceForms) stats.surfaces.add(surface);
    return nodes[0];
  }

  /** The state to restore with `fromState`; before `finish`, which links lone surnames into the state. */
  state(): ResolverState {
    if (this.finished) throw new Error("CrossArticleResolver: state after finish");
    return {
      keys: [...this.keyOfNode],
      parents: [...this.parent],
      stats: this.stats.map((s) => (s ? [s.type, [...s.canonicalCounts], [...s.acronymCounts], [...s.surfaces]] : null)),
    };
  }

  static fromState({ keys, parents, stats }: ResolverState): CrossArticleResolver {
    const resolver = new CrossArticleResolver();
    keys.forEach((key, node) => {
      resolver.nodeOfKey.set(key, node);
      resolver.keyOfNode.push(key);
      resolver.parent.push(parents[node]);
      const s = stats[node];
      resolver.stats.push(s ? { type: s[0], canonicalCounts: new Map(s[1]), acronymCounts: new Map(s[2]), surfaces: new Set(s[3]) } : undefined);
    });
    return resolver;
  }

  /** Nodes made so far. */
  get nodeCount(): number {
    return this.parent.length;
  }

  /** The key a node was made for. */
  keyOfNodeAt(node: number): string {
    return this.keyOfNode[node];
  }

  /** Every entity, in order of first appearance; `groupOf` then maps an article's entity to its index here. */
  finish(): EntityGroup[] {
    this.finished = true;
    this.linkLoneSurnames();
    const groupOfRoot = new Map<number, number>();
    const members: number[][] = [];
    this.groupOfNodes = new Int32Array(this.parent.length);
    for (let node = 0; node < this.parent.length; node++) {
      const root = this.find(node);
      let group = groupOfRoot.get(root);
      if (group === undefined) {
        groupOfRoot.set(root, (group = members.length));
        members.push([]);
      }
      members[group].push(node);
      this.groupOfNodes[node] = group;
    }
    return members.map((nodes) => this.toGroup(nodes));
  }

  private groupOfNodes = new Int32Array(0);

  /** Keys by name: the same names come back in article after article, and folding them again was nearly a tenth of a rerun. */
  private readonly keysOfName = new Map<string, string[]>();

  private keysOf(entity: LocalEntity): string[] {
    const name = `${entity.type}\0${entity.canonicalName}\0${entity.acronym}`;
    let keys = this.keysOfName.get(name);
    if (!keys) this.keysOfName.set(name, (keys = entityKeys(entity)));
    return keys;
  }

  /** The index (in `finish()`'s result) of the group an article's entity belongs to. */
  groupOf(entity: LocalEntity): number {
    const node = this.nodeOfKey.get(this.keysOf(entity)[0]);
    if (node === undefined) throw new Error(`unknown entity ${entity.canonicalName}`);
    return this.groupOfNode(node);
  }

  /** The index (in `finish()`'s result) of the group of a node that `add` returned. */
  groupOfNode(node: number): number {
    return this.groupOfNodes[node];
  }

  private node(key: string): number {
    let node = this.nodeOfKey.get(key);
    if (node === undefined) {
      node = this.parent.length;
      this.nodeOfKey.set(key, node);
      this.keyOfNode.push(key);
      this.parent.push(node);
      this.stats.push(undefined);
    }
    return node;
  }

  private find(node: number): number {
    while (this.parent[node] !== node) {
      this.parent[node] = this.parent[this.parent[node]];
      node = this.parent[node];
    }
    return node;
  }

  /** The smaller node stays root, so the result does not depend on the order of unions. */
  private union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  private linkLoneSurnames(): void {
    const fullNamesBySurname = new Map<string, Set<number>>();
    for (const [key, node] of this.nodeOfKey) {
      const words = key.startsWith("PERSON:") ? key.slice(7).split(" ") : [];
      if (words.length < 2) continue;
      const surname = words[words.length - 1];
      fullNamesBySurname.set(surname, (fullNamesBySurname.get(surname) ?? new Set()).add(this.find(node)));
    }
    for (const [key, node] of this.nodeOfKey) {
      const roots = key.startsWith("PERSON:") ? fullNamesBySurname.get(key.slice(7)) : undefined;
      if (roots?.size === 1) this.union(node, [...roots][0]);
    }
  }

  private toGroup(nodes: number[]): EntityGroup {
    const all = nodes.map((n) => this.stats[n]).filter((s): s is NameStats => !!s);
    const type = all[0].type;
    const canonicalCounts = new Map<string, number>();
    const acronymCounts = new Map<string, number>();
    const surfaces = new Set<string>();
    for (const stats of all) {
      for (const [name, n] of stats.canonicalCounts) increment(canonicalCounts, name, n);
      for (const [name, n] of stats.acronymCounts) increment(acronymCounts, name, n);
      for (const surface of stats.surfaces) surfaces.add(surface);
    }
    const acronym = preferred(acronymCounts, () => 0) ?? "";
    const canonicalName = chooseCanonical(type, canonicalCounts);
    for (const name of canonicalCounts.keys()) surfaces.add(name);
    surfaces.delete(canonicalName);
    surfaces.delete(acronym);
    return {
      type,
      canonicalName,
      acronym,
      aliases: [...surfaces].sort((a, b) => a.localeCompare(b, "fr")),
      keys: nodes.map((n) => this.keyOfNode[n]),
    };
  }
}

function increment(counts: Map<string, number>, name: string, by = 1): void {
  counts.set(name, (counts.get(name) ?? 0) + by);
}

/** The fullest proper name: a resolution's with its year; a person's with most words; else the most used, then the longest. */
function chooseCanonical(type: EntityType, counts: Map<string, number>): string {
  if (type === "UN_RESOLUTION") {
    const withYear = [...counts.keys()].filter((n) => n.includes("(")).sort();
    if (withYear.length > 0) return withYear[0];
  }
  return preferred(counts, (name) => (type === "PERSON" ? name.split(" ").length : 0))!;
}

/** The name ranked first by `rank`, then by use, then by length, then alphabetically (so ties never depend on input order). */
function preferred(counts: Map<string, number>, rank: (name: string) => number): string | undefined {
  return [...counts].sort(([a, na], [b, nb]) => rank(b) - rank(a) || nb - na || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))[0]?.[0];
}
