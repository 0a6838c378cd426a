import type { SparseVector } from './vectors.ts';

/**
 * Clustering over cosine similarity: communities of the nearest-neighbour graph (Louvain), which the
 * suggestions use, and agglomerative clustering with average linkage cut where the silhouette is
 * highest (the earlier engine, kept for comparison in the benchmark). Deterministic: ties go to the
 * lower index, and no randomness is used.
 */

/** The cosine similarities of every pair (vectors are unit length), as a dense m × m matrix. */
export function similarityMatrix(vectors: readonly SparseVector[]): Float32Array {
  const m = vectors.length;
  const matrix = new Float32Array(m * m);
  // Inverted index: for each term, the documents holding it and their weights.
  const postings = new Map<number, { doc: number; weight: number }[]>();
  vectors.forEach((vector, doc) => {
    for (let index = 0; index < vector.terms.length; index++) {
      const term = vector.terms[index] ?? 0;
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ doc, weight: vector.weights[index] ?? 0 });
    }
  });
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++) {
      const a = list[x];
      if (!a) continue;
      for (let y = x + 1; y < list.length; y++) {
        const b = list[y];
        if (!b) continue;
        const product = a.weight * b.weight;
        matrix[a.doc * m + b.doc] = (matrix[a.doc * m + b.doc] ?? 0) + product;
        matrix[b.doc * m + a.doc] = (matrix[b.doc * m + a.doc] ?? 0) + product;
      }
    }
  }
  for (let doc = 0; doc < m; doc++) matrix[doc * m + doc] = 1;
  return matrix;
}

export interface Merge {
  a: number;
  b: number;
  similarity: number;
}

/**
 * Average-linkage merges by the nearest-neighbour chain (O(m²) time); returned from the most
 * similar merge to the least. `similarities` is left as it was.
 */
export function averageLinkage(similarities: Float32Array, m: number): Merge[] {
  const sim = new Float64Array(similarities);
  const size = new Int32Array(m).fill(1);
  const active = new Uint8Array(m).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = m;
  let firstActive = 0;
  while (remaining > 1) {
    if (chain.length === 0) {
      while (!active[firstActive]) firstActive++;
      chain.push(firstActive);
    }
    const a = chain[chain.length - 1] ?? 0;
    const previous = chain.length >= 2 ? (chain[chain.length - 2] ?? -1) : -1;
    let best = -1;
    let bestSim = -Infinity;
    const row = a * m;
    for (let j = 0; j < m; j++) {
      if (j === a || !active[j]) continue;
      const value = sim[row + j] ?? 0;
      if (value > bestSim) {
        bestSim = value;
        best = j;
      }
    }
    if (previous >= 0 && (sim[row + previous] ?? 0) >= bestSim) {
      chain.pop();
      chain.pop();
      const keep = Math.min(a, previous);
      const drop = Math.max(a, previous);
      merges.push({ a: keep, b: drop, similarity: sim[row + previous] ?? 0 });
      const sizeKeep = size[keep] ?? 1;
      const sizeDrop = size[drop] ?? 1;
      for (let k = 0; k < m; k++) {
        if (!active[k] || k === keep || k === drop) continue;
        const value =
          (sizeKeep * (sim[keep * m + k] ?? 0) + sizeDrop * (sim[drop * m + k] ?? 0)) / (sizeKeep + sizeDrop);
        sim[keep * m + k] = value;
        sim[k * m + keep] = value;
      }
      size[keep] = sizeKeep + sizeDrop;
      active[drop] = 0;
      remaining--;
    } else {
      chain.push(best);
    }
  }
  // Stable: equal similarities keep the order they were found in.
  return merges
    .map((merge, order) => ({ merge, order }))
    .sort((x, y) => y.merge.similarity - x.merge.similarity || x.order - y.order)
    .map(({ merge }) => merge);
}

/** Labels 0…k-1 (numbered by each cluster's lowest member) after applying the first `count` merges. */
export function cut(merges: readonly Merge[], m: number, count: number): Int32Array {
  const parent = new Int32Array(m);
  for (let index = 0; index < m; index++) parent[index] = index;
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[x] !== root) {
      const next = parent[x] ?? root;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  for (let index = 0; index < count && index < merges.length; index++) {
    const merge = merges[index];
    if (!merge) continue;
    const ra = find(merge.a);
    const rb = find(merge.b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const labels = new Int32Array(m);
  const numbers = new Map<number, number>();
  for (let index = 0; index < m; index++) {
    const root = find(index);
    let label = numbers.get(root);
    if (label === undefined) numbers.set(root, (label = numbers.size));
    labels[index] = label;
  }
  return labels;
}

/** Mean silhouette of a labelling with distance 1 − similarity; a point alone in its cluster scores 0. */
export function silhouette(similarities: Float32Array, m: number, labels: Int32Array): number {
  let k = 0;
  for (const label of labels) k = Math.max(k, label + 1);
  if (k < 2) return 0;
  const sizes = new Int32Array(k);
  for (const label of labels) sizes[label] = (sizes[label] ?? 0) + 1;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < m; i++) {
    const own = labels[i] ?? 0;
    if ((sizes[own] ?? 0) < 2) continue;
    sums.fill(0);
    const row = i * m;
    for (let j = 0; j < m; j++) {
      const other = labels[j] ?? 0;
      sums[other] = (sums[other] ?? 0) + 1 - (similarities[row + j] ?? 0);
    }
    const a = (sums[own] ?? 0) / ((sizes[own] ?? 1) - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own) b = Math.min(b, (sums[c] ?? 0) / (sizes[c] ?? 1));
    const larger = Math.max(a, b);
    total += larger > 0 ? (b - a) / larger : 0;
  }
  return total / m;
}

export interface ClusterOptions {
  /** The fewest and most clusters tried. */
  minClusters: number;
  maxClusters: number;
}

/** The labelling with the best silhouette among the cuts of `minClusters`…`maxClusters` clusters. */
export function clusterBySilhouette(
  vectors: readonly SparseVector[],
  options: ClusterOptions,
): { labels: Int32Array; clusters: number; score: number } {
  const m = vectors.length;
  if (m === 0) return { labels: new Int32Array(0), clusters: 0, score: 0 };
  if (m < 3) return { labels: new Int32Array(m), clusters: 1, score: 0 };
  const similarities = similarityMatrix(vectors);
  const merges = averageLinkage(similarities, m);
  const lowest = Math.max(2, options.minClusters);
  const highest = Math.min(options.maxClusters, m - 1);
  let best = { labels: cut(merges, m, m - 1), clusters: 1, score: -Infinity };
  for (let clusters = lowest; clusters <= highest; clusters++) {
    const labels = cut(merges, m, m - clusters);
    const score = silhouette(similarities, m, labels);
    if (score > best.score) best = { labels, clusters, score };
  }
  return best;
}

/** A weighted undirected graph as adjacency lists (each edge listed at both ends). */
export type Graph = Map<number, number>[];

/**
 * The k-nearest-neighbour graph of a similarity matrix: each point linked to its `neighbours` most
 * similar points above `floor`, an edge kept when either end chose it, weighted by the similarity.
 */
export function neighbourGraph(similarities: Float32Array, m: number, neighbours: number, floor: number): Graph {
  const graph: Graph = Array.from({ length: m }, () => new Map<number, number>());
  for (let i = 0; i < m; i++) {
    const row = i * m;
    const candidates: number[] = [];
    for (let j = 0; j < m; j++) if (j !== i && (similarities[row + j] ?? 0) > floor) candidates.push(j);
    candidates.sort((a, b) => (similarities[row + b] ?? 0) - (similarities[row + a] ?? 0) || a - b);
    for (const j of candidates.slice(0, neighbours)) {
      const weight = similarities[row + j] ?? 0;
      graph[i]?.set(j, weight);
      graph[j]?.set(i, weight);
    }
  }
  return graph;
}

/**
 * Louvain community detection (modularity with a resolution): points move to the neighbouring
 * community that gains most, in index order, until none moves; communities then become points and
 * it starts over. Deterministic: fixed order, ties to the lower community. The number of communities
 * comes from the data; a point without edges stays alone.
 */
export function louvain(graph: Graph, resolution: number): Int32Array {
  const m = graph.length;
  let membership = new Int32Array(m);
  for (let i = 0; i < m; i++) membership[i] = i;
  let current = graph;
  for (let level = 0; level < 20; level++) {
    const { labels, moved } = oneLevel(current, resolution);
    if (!moved) break;
    // Renumber communities 0…c-1 by first appearance, and fold the graph.
    const numbers = new Map<number, number>();
    for (const label of labels) if (!numbers.has(label)) numbers.set(label, numbers.size);
    const folded: Graph = Array.from({ length: numbers.size }, () => new Map<number, number>());
    current.forEach((edges, i) => {
      const a = numbers.get(labels[i] ?? 0) ?? 0;
      for (const [j, weight] of edges) {
        const b = numbers.get(labels[j] ?? 0) ?? 0;
        folded[a]?.set(b, (folded[a]?.get(b) ?? 0) + weight);
      }
    });
    membership = membership.map((node) => numbers.get(labels[node] ?? 0) ?? 0);
    current = folded;
  }
  return membership;
}

function oneLevel(graph: Graph, resolution: number): { labels: Int32Array; moved: boolean } {
  const n = graph.length;
  const labels = new Int32Array(n);
  const degree = new Float64Array(n);
  const self = new Float64Array(n);
  let total = 0;
  graph.forEach((edges, i) => {
    labels[i] = i;
    for (const [j, weight] of edges) {
      degree[i] = (degree[i] ?? 0) + weight;
      if (j === i) self[i] = weight;
    }
    total += degree[i] ?? 0;
  });
  if (total <= 0) return { labels, moved: false };
  const communityDegree = Float64Array.from(degree);
  let moved = false;
  for (let pass = 0; pass < 50; pass++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      const own = labels[i] ?? i;
      const links = new Map<number, number>();
      for (const [j, weight] of graph[i] ?? []) {
        if (j === i) continue;
        const community = labels[j] ?? j;
        links.set(community, (links.get(community) ?? 0) + weight);
      }
      const ki = degree[i] ?? 0;
      communityDegree[own] = (communityDegree[own] ?? 0) - ki;
      const gain = (community: number) =>
        (links.get(community) ?? 0) - (resolution * ki * (communityDegree[community] ?? 0)) / total;
      let best = own;
      let bestGain = gain(own);
      for (const community of [...links.keys()].sort((a, b) => a - b)) {
        const value = gain(community);
        if (value > bestGain + 1e-12) {
          best = community;
          bestGain = value;
        }
      }
      communityDegree[best] = (communityDegree[best] ?? 0) + ki;
      if (best !== own) {
        labels[i] = best;
        changed = true;
        moved = true;
      }
    }
    if (!changed) break;
  }
  return { labels, moved };
}
