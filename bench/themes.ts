/**
 * Theme suggestions against the labelled evaluation set (bench/themes/eval-set.jsonl): adjusted
 * Rand index and purity of the suggestions, beside the engine before the concept lexicon and two
 * trivial baselines measured in the same run, per language and overall; then timings for a board (240 items) and a month (5,000 items).
 *
 *   npm run bench:themes
 *
 * Unassigned comments count as one cluster of their own; the gold "noise" comments are one class,
 * so leaving noise unassigned scores and leaving a real comment unassigned costs.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isLanguage, type Language } from '../shared/language.ts';
import { adjustedRandIndex, purity } from '../server/themes/metrics.ts';
import { DEFAULT_TUNING, suggestThemes, type SuggestItem, type SuggestTuning } from '../server/themes/suggest.ts';
import { analyse, languageOf } from '../server/themes/text.ts';
import { suggestThemesInWorker } from '../server/themes/worker-runner.ts';

interface Row {
  id: string;
  text: string;
  language: Language;
  gold: string;
  mixed: boolean;
}

function readSet(): Row[] {
  const file = new URL('./themes/eval-set.jsonl', import.meta.url);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const value: unknown = JSON.parse(line);
      const field = (key: string): unknown =>
        typeof value === 'object' && value ? Reflect.get(value, key) : undefined;
      const id = field('id');
      const text = field('text');
      const gold = field('gold');
      const language = field('language');
      if (typeof id !== 'string' || typeof text !== 'string' || typeof gold !== 'string' || !isLanguage(language))
        throw new Error(`bad evaluation row: ${line}`);
      return { id, text, gold, language, mixed: field('mixed') === true };
    });
}

type Labelling = Map<string, string>;

/**
 * The engine as it was before the concept lexicon (kept for comparison): text alone (stems, bigrams
 * and character n-grams), Louvain at resolution 1, no merging of close communities.
 */
const PREVIOUS: SuggestTuning = { ...DEFAULT_TUNING, conceptShare: 0, resolution: 1, mergeSimilarity: 2 };

/**
 * The set in two halves, stratified by gold theme and language (every other comment of each): the
 * engine's settings were chosen on the tuning half, the held-out half shows how far that carries.
 * Each half is suggested on its own, about the size of a board.
 */
function halves(rows: readonly Row[]): { tuning: Row[]; heldOut: Row[] } {
  const seen = new Map<string, number>();
  const tuning: Row[] = [];
  const heldOut: Row[] = [];
  for (const row of rows) {
    const key = `${row.gold}|${row.language}|${row.mixed ? 1 : 0}`;
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    (count % 2 === 0 ? tuning : heldOut).push(row);
  }
  return { tuning, heldOut };
}

function suggestionLabels(items: readonly SuggestItem[], tuning: SuggestTuning = DEFAULT_TUNING): Labelling {
  const result = suggestThemes({ items }, tuning);
  const labels: Labelling = new Map();
  result.themes.forEach((theme, index) => theme.ids.forEach((id) => labels.set(id, `${index}:${theme.name}`)));
  for (const id of result.unassigned) labels.set(id, 'unassigned');
  return labels;
}

/** Baseline: every comment in one theme. */
const oneCluster = (rows: readonly Row[]): Labelling => new Map(rows.map((row) => [row.id, 'all']));

/** Baseline: a comment's theme is its first content word's stem (none: unassigned). */
function firstKeyword(rows: readonly Row[]): Labelling {
  return new Map(
    rows.map((row) => {
      const language = languageOf(row.text, undefined, 'da');
      return [row.id, analyse(row.text, language)[0]?.stem ?? 'unassigned'];
    }),
  );
}

function score(rows: readonly Row[], labels: Labelling) {
  const predicted = rows.map((row) => labels.get(row.id) ?? 'missing');
  const gold = rows.map((row) => row.gold);
  return { ari: adjustedRandIndex(predicted, gold), purity: purity(predicted, gold) };
}

const fixed = (value: number) => value.toFixed(3);

const itemsOf = (rows: readonly Row[], languageGiven: boolean): SuggestItem[] =>
  rows.map(({ id, text, language }) => (languageGiven ? { id, text, language } : { id, text }));

function table(rows: Row[], methods: [string, Labelling][]): void {
  const groups: [string, Row[]][] = [
    ['Danish', rows.filter((row) => row.language === 'da' && !row.mixed)],
    ['English', rows.filter((row) => row.language === 'en')],
    ['mixed', rows.filter((row) => row.mixed)],
    ['overall', rows],
  ];
  console.log(`| set | n | ${methods.map(([name]) => `${name} ARI | ${name} purity`).join(' | ')} |`);
  console.log(`|---|---:|${methods.map(() => '---:|---:').join('|')}|`);
  for (const [name, subset] of groups) {
    const cells = methods.map(([, labels]) => {
      const { ari, purity: share } = score(subset, labels);
      return `${fixed(ari)} | ${fixed(share)}`;
    });
    console.log(`| ${name} | ${subset.length} | ${cells.join(' | ')} |`);
  }
}

/** A month's worth: the set over and over, each copy varied (words dropped, swapped, a typo). */
function replicate(rows: readonly Row[], count: number): (SuggestItem & { gold: string })[] {
  let seed = 17;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const items: (SuggestItem & { gold: string })[] = [];
  for (let index = 0; items.length < count; index++) {
    const row = rows[index % rows.length];
    if (!row) break;
    const words = row.text.split(' ');
    if (words.length > 3 && random() < 0.4) words.splice(Math.floor(random() * words.length), 1);
    if (words.length > 2 && random() < 0.3) {
      const at = Math.floor(random() * (words.length - 1));
      [words[at], words[at + 1]] = [words[at + 1] ?? '', words[at] ?? ''];
    }
    const at = Math.floor(random() * words.length);
    const word = words[at] ?? '';
    if (word.length > 4 && random() < 0.3) words[at] = word.slice(0, 2) + word.slice(3);
    items.push({ id: `r${items.length}`, text: words.join(' '), gold: row.gold });
  }
  return items;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function main(): Promise<void> {
  const rows = readSet();
  const given = suggestionLabels(itemsOf(rows, true));
  const detected = suggestionLabels(itemsOf(rows, false));
  console.log(`Evaluation set: ${rows.length} comments, ${new Set(rows.map((row) => row.gold)).size} gold themes\n`);
  table(rows, [
    ['suggestions (language given)', given],
    ['suggestions (language detected)', detected],
    ['previous engine (language given)', suggestionLabels(itemsOf(rows, true), PREVIOUS)],
    ['one theme', oneCluster(rows)],
    ['first keyword', firstKeyword(rows)],
  ]);
  const { tuning, heldOut } = halves(rows);
  for (const [name, half] of [
    ['Tuning half', tuning],
    ['Held-out half', heldOut],
  ] as const) {
    console.log(`\n${name} (${half.length} comments, suggested on its own):\n`);
    table(half, [
      ['suggestions (language given)', suggestionLabels(itemsOf(half, true))],
      ['suggestions (language detected)', suggestionLabels(itemsOf(half, false))],
      ['previous engine (language given)', suggestionLabels(itemsOf(half, true), PREVIOUS)],
      ['first keyword', firstKeyword(half)],
    ]);
  }
  const themes = new Set(given.values());
  const unassigned = [...given.values()].filter((label) => label === 'unassigned').length;
  console.log(`\nSuggested: ${themes.size - (unassigned ? 1 : 0)} themes, ${unassigned} unassigned`);
  const result = suggestThemes({ items: rows.map(({ id, text, language }) => ({ id, text, language })) });
  const goldOf = new Map(rows.map((row) => [row.id, row.gold]));
  for (const theme of result.themes) {
    const counts = new Map<string, number>();
    for (const id of theme.ids) counts.set(goldOf.get(id) ?? '', (counts.get(goldOf.get(id) ?? '') ?? 0) + 1);
    const mix = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([gold, count]) => `${gold} ${count}`);
    console.log(`  ${theme.name} (${theme.ids.length}): ${mix.join(', ')}`);
  }

  const board = replicate(rows, 240);
  const month = replicate(rows, 5000);
  suggestThemes({ items: board });
  const boardMs = time(7, () => suggestThemes({ items: board }));
  const monthMs = time(3, () => suggestThemes({ items: month }));
  const monthGold = month.map((item) => item.gold);
  for (const [name, engine] of [
    ['suggestions', DEFAULT_TUNING],
    ['previous engine', PREVIOUS],
  ] as const) {
    const monthLabels = suggestionLabels(
      month.map(({ id, text }) => ({ id, text })),
      engine,
    );
    const monthPredicted = month.map((item) => monthLabels.get(item.id) ?? 'missing');
    const monthThemes = new Set(monthPredicted).size - (monthPredicted.includes('unassigned') ? 1 : 0);
    console.log(
      `${name === 'suggestions' ? '\n' : ''}5,000 varied copies, ${name}: ARI ${fixed(adjustedRandIndex(monthPredicted, monthGold))}, ` +
        `purity ${fixed(purity(monthPredicted, monthGold))}, ${monthThemes} themes, ` +
        `${monthPredicted.filter((label) => label === 'unassigned').length} unassigned`,
    );
  }
  const workerStart = performance.now();
  await suggestThemesInWorker({ items: month });
  const workerMs = performance.now() - workerStart;
  console.log(`\nTimings (median), beside the issue's ceilings:`);
  console.log(`  a board, 240 items (40 cards + 200 comments), inline: ${boardMs.toFixed(0)} ms (ceiling 200 ms)`);
  console.log(`  a month, 5,000 items, inline: ${monthMs.toFixed(0)} ms (ceiling 5 s)`);
  console.log(
    `  a month, 5,000 items, in a worker thread (start-up included, one run): ${workerMs.toFixed(0)} ms (ceiling 5 s, off the event loop)`,
  );
}

await main();
