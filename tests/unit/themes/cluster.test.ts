import { describe, expect, it } from 'vitest';
import { louvain, neighbourGraph, type Graph } from '../../../server/themes/cluster.ts';

/** Two triangles joined by one weak edge, and a point alone. */
function twoTriangles(): Graph {
  const graph: Graph = Array.from({ length: 7 }, () => new Map<number, number>());
  const link = (a: number, b: number, weight: number) => {
    graph[a]?.set(b, weight);
    graph[b]?.set(a, weight);
  };
  link(0, 1, 1);
  link(1, 2, 1);
  link(0, 2, 1);
  link(3, 4, 1);
  link(4, 5, 1);
  link(3, 5, 1);
  link(2, 3, 0.1);
  return graph;
}

describe('louvain', () => {
  it('finds the two triangles and leaves the lone point alone', () => {
    const labels = [...louvain(twoTriangles(), 1)];
    expect(labels[0]).toBe(labels[1]);
    expect(labels[1]).toBe(labels[2]);
    expect(labels[3]).toBe(labels[4]);
    expect(labels[4]).toBe(labels[5]);
    expect(labels[0]).not.toBe(labels[3]);
    expect(labels.filter((label) => label === labels[6])).toHaveLength(1);
  });

  it('gives the same communities every time', () => {
    expect([...louvain(twoTriangles(), 1)]).toEqual([...louvain(twoTriangles(), 1)]);
  });
});

describe('neighbourGraph', () => {
  it('links each point to its nearest above the floor, at both ends', () => {
    // Similarities of three points: 0 and 1 close, 2 far from both.
    const m = 3;
    const similarities = Float32Array.from([1, 0.9, 0.05, 0.9, 1, 0.2, 0.05, 0.2, 1]);
    const graph = neighbourGraph(similarities, m, 1, 0.1);
    expect(graph[0]?.get(1)).toBeCloseTo(0.9);
    expect(graph[1]?.get(0)).toBeCloseTo(0.9);
    // 2's nearest is 1 (0.2, above the floor); 0–2 is below it.
    expect(graph[2]?.get(1)).toBeCloseTo(0.2);
    expect(graph[0]?.has(2)).toBe(false);
  });
});
