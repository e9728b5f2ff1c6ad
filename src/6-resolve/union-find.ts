/** Disjoint sets over 0..n-1; the representative of a set is its smallest member, so results do not depend on merge order. */
export class UnionFind {
  private readonly parent: number[];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }

  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

/** Unions every pair of items that share a key; returns each item's set representative. */
export function groupByKeys(keysOfItems: string[][]): number[] {
  const sets = new UnionFind(keysOfItems.length);
  const firstWithKey = new Map<string, number>();
  keysOfItems.forEach((keys, i) => {
    for (const key of keys) {
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, i);
      else sets.union(first, i);
    }
  });
  return keysOfItems.map((_, i) => sets.find(i));
}
