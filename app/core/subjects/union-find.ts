/**
 * Union-find over dense integer ids with a guard: two groups that each hold a primary
 * identifier of the same kind with different values are never merged (two persons never share
 * one national id or account); the refused merge is returned as a conflict.
 */
export interface RefusedMerge {
  /** The two primary identifiers (ids) of the same kind that would have been merged. */
  primaryA: number;
  primaryB: number;
  /** The edge that tried to merge them. */
  edgeFrom: number;
  edgeTo: number;
  edgeIndex: number;
}

export class GuardedUnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  /** Primary ids held by each root (only roots holding one appear). */
  private readonly primaries = new Map<number, number[]>();

  /** `primaryKind[i]` is the kind code of node i when it is a primary identifier, else -1. */
  constructor(
    nodeCount: number,
    private readonly primaryKind: Int16Array,
  ) {
    this.parent = new Int32Array(nodeCount);
    this.size = new Int32Array(nodeCount).fill(1);
    for (let i = 0; i < nodeCount; i++) {
      this.parent[i] = i;
      if ((primaryKind[i] ?? -1) >= 0) this.primaries.set(i, [i]);
    }
  }

  find(x: number): number {
    const parent = this.parent;
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    // Path compression keeps later finds O(α(n)).
    let node = x;
    while (parent[node] !== root) {
      const next = parent[node]!;
      parent[node] = root;
      node = next;
    }
    return root;
  }

  /** Merges the groups of a and b; returns the refused merge when the guard stops it. */
  union(a: number, b: number, edgeIndex = -1): RefusedMerge | null {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return null;
    const pa = this.primaries.get(ra);
    const pb = this.primaries.get(rb);
    if (pa && pb) {
      for (const x of pa) {
        for (const y of pb) {
          if (this.primaryKind[x] === this.primaryKind[y]) return { primaryA: x, primaryB: y, edgeFrom: a, edgeTo: b, edgeIndex };
        }
      }
    }
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] = this.size[ra]! + this.size[rb]!;
    const merged = this.primaries.get(ra);
    const moving = this.primaries.get(rb);
    if (moving) {
      if (merged) merged.push(...moving);
      else this.primaries.set(ra, moving);
      this.primaries.delete(rb);
    }
    return null;
  }
}
