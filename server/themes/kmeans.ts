import { dotDense, type SparseVector } from './vectors.ts';

/** A small seeded generator (mulberry32), so that the same input always gives the same clusters. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addInto(target: Float64Array, vector: SparseVector, scale = 1): void {
  for (let index = 0; index < vector.terms.length; index++) {
    const term = vector.terms[index] ?? 0;
    target[term] = (target[term] ?? 0) + scale * (vector.weights[index] ?? 0);
  }
}

function unit(vector: Float64Array): void {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let index = 0; index < vector.length; index++) vector[index] = (vector[index] ?? 0) / norm;
}

/**
 * Spherical k-means (cosine) with k-means++ seeding from a fixed seed: `restarts` seedings, the one
 * with the highest total similarity kept. Returns labels and unit centroids.
 */
export function sphericalKMeans(
  vectors: readonly SparseVector[],
  dimensions: number,
  k: number,
  options: { seed: number; restarts: number; iterations: number },
): { labels: Int32Array; centroids: Float64Array[]; objective: number } {
  const m = vectors.length;
  let best = { labels: new Int32Array(m), centroids: [] as Float64Array[], objective: -Infinity };
  if (m === 0 || k < 1) return best;
  const random = seeded(options.seed);
  for (let restart = 0; restart < options.restarts; restart++) {
    // k-means++: each next seed drawn with probability ∝ its distance (1 − best similarity) to the seeds so far.
    const centroids: Float64Array[] = [];
    const closest = new Float64Array(m).fill(Infinity);
    let pick = Math.floor(random() * m);
    for (let c = 0; c < Math.min(k, m); c++) {
      const centroid = new Float64Array(dimensions);
      const chosen = vectors[pick];
      if (chosen) addInto(centroid, chosen);
      centroids.push(centroid);
      let total = 0;
      for (let i = 0; i < m; i++) {
        const vector = vectors[i];
        const distance = vector ? Math.max(0, 1 - dotDense(vector, centroid)) : 0;
        const value = Math.min(closest[i] ?? Infinity, distance);
        closest[i] = value;
        total += value * value;
      }
      let target = random() * total;
      pick = m - 1;
      for (let i = 0; i < m; i++) {
        target -= (closest[i] ?? 0) ** 2;
        if (target <= 0) {
          pick = i;
          break;
        }
      }
    }
    const labels = new Int32Array(m);
    let objective = 0;
    for (let iteration = 0; iteration < options.iterations; iteration++) {
      let changed = false;
      objective = 0;
      for (let i = 0; i < m; i++) {
        const vector = vectors[i];
        if (!vector) continue;
        let own = 0;
        let ownSimilarity = -Infinity;
        centroids.forEach((centroid, c) => {
          const similarity = dotDense(vector, centroid);
          if (similarity > ownSimilarity) {
            ownSimilarity = similarity;
            own = c;
          }
        });
        objective += ownSimilarity;
        if (labels[i] !== own || iteration === 0) changed = changed || labels[i] !== own;
        labels[i] = own;
      }
      for (const centroid of centroids) centroid.fill(0);
      vectors.forEach((vector, i) => {
        const centroid = centroids[labels[i] ?? 0];
        if (centroid) addInto(centroid, vector);
      });
      centroids.forEach(unit);
      if (!changed && iteration > 0) break;
    }
    if (objective > best.objective) best = { labels, centroids, objective };
  }
  return best;
}
