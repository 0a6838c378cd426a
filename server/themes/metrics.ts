/**
 * Agreement between a clustering and gold labels, for the benchmark and its tests: the adjusted
 * Rand index (Hubert and Arabie) and purity. Labels are any strings; one label is one cluster.
 */

const pairs = (count: number) => (count * (count - 1)) / 2;

function contingency(predicted: readonly string[], gold: readonly string[]) {
  if (predicted.length !== gold.length) throw new Error('predicted and gold labels differ in length');
  // Per predicted cluster, the count of each gold label in it.
  const table = new Map<string, Map<string, number>>();
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  predicted.forEach((label, index) => {
    const truth = gold[index] ?? '';
    let row = table.get(label);
    if (!row) table.set(label, (row = new Map()));
    row.set(truth, (row.get(truth) ?? 0) + 1);
    rows.set(label, (rows.get(label) ?? 0) + 1);
    columns.set(truth, (columns.get(truth) ?? 0) + 1);
  });
  return { table, rows, columns };
}

/** 1 for identical partitions, about 0 for a chance agreement, negative below chance. */
export function adjustedRandIndex(predicted: readonly string[], gold: readonly string[]): number {
  const n = predicted.length;
  const { table, rows, columns } = contingency(predicted, gold);
  let index = 0;
  for (const row of table.values()) for (const count of row.values()) index += pairs(count);
  let rowPairs = 0;
  for (const count of rows.values()) rowPairs += pairs(count);
  let columnPairs = 0;
  for (const count of columns.values()) columnPairs += pairs(count);
  const expected = n < 2 ? 0 : (rowPairs * columnPairs) / pairs(n);
  const maximum = (rowPairs + columnPairs) / 2;
  // Both partitions trivial (all singletons or all one): they agree exactly.
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}

/** The share of items that belong to their cluster's most common gold label. */
export function purity(predicted: readonly string[], gold: readonly string[]): number {
  if (predicted.length === 0) return 1;
  const { table } = contingency(predicted, gold);
  let sum = 0;
  for (const row of table.values()) sum += Math.max(...row.values());
  return sum / predicted.length;
}
