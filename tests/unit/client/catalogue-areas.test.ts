import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STEP_AREAS } from '../../../client/components/live/steps/areas.ts';
import { areaCatalogues, coreCatalogues } from '../../../client/lib/i18n/areas.ts';
import { BOARD_AREAS, PAGE_AREAS } from '../../../client/routes/areas.ts';

/**
 * Each page loads the core catalogue and the areas its route names; a string from any other area
 * would show as its key. This reads the source a page renders (its components, static and lazy) and
 * the keys it names (`'live.start'`, `` `feedback.metrics.${m}` ``), and checks each one's area is loaded.
 */
const client = resolve(import.meta.dirname, '..', '..', '..', 'client');
const stepsDir = join(client, 'components', 'live', 'steps');
const isStep = (name: string): name is keyof typeof STEP_AREAS => Object.hasOwn(STEP_AREAS, name);
const isPage = (name: string): name is keyof typeof PAGE_AREAS => Object.hasOwn(PAGE_AREAS, name);

/** Top-level catalogue group (`live`, `errors` …) → the part that holds it (`live`, `app` …). */
const partOf = new Map<string, string>();
/** Top-level keys that are a text themselves (`passwordRule`), named whole rather than as `group.key`. */
const leaves = new Set<string>();

beforeAll(async () => {
  const note = (group: string, value: unknown, part: string): void => {
    partOf.set(group, part);
    if (typeof value === 'string') leaves.add(group);
  };
  for (const [group, value] of Object.entries(await coreCatalogues.en())) note(group, value, 'app');
  for (const [area, load] of Object.entries(areaCatalogues.en))
    for (const [group, value] of Object.entries(await load())) note(group, value, area);
});

function imports(file: string, withLazy: boolean): string[] {
  const source = readFileSync(file, 'utf8');
  const pattern = withLazy ? /(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']+)'/g : /(?:from\s+|import\s+)'(\.[^']+)'/g;
  return [...source.matchAll(pattern)]
    .map((match) => resolve(dirname(file), match[1] ?? ''))
    .filter((path) => path.startsWith(client) && existsSync(path) && /\.(svelte|ts)$/.test(path));
}

/** The files a root renders, stopping at the board's steps (they load their own areas) unless a step is the root. */
function closure(root: string, withLazy = true): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    // The generated API types only describe replies; their descriptions are not shown to anyone.
    if (seen.has(file) || file.includes('/lib/i18n/') || file.endsWith('/lib/api-schema.ts')) return;
    if (file !== root && dirname(file) === stepsDir && file.endsWith('.svelte')) return;
    seen.add(file);
    imports(file, withLazy).forEach(visit);
  };
  visit(root);
  return [...seen];
}

/** Every catalogue part a set of files takes strings from, with one file that does, for the failure message. */
function partsUsed(files: string[]): Map<string, string> {
  const groups = [...partOf.keys()].join('|');
  const key = new RegExp(`['"\`](${groups})\\.[A-Za-z$]|['"](${[...leaves].join('|') || '$^'})['"]`, 'g');
  const used = new Map<string, string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(key)) {
      const group = match[1] ?? match[2] ?? '';
      const part = partOf.get(group);
      if (part && !used.has(part)) used.set(part, `${relative(client, file)} (${group}${match[1] ? '.…' : ''})`);
    }
  }
  return used;
}

const missing = (used: Map<string, string>, loaded: readonly string[]): string[] =>
  [...used].filter(([part]) => !loaded.includes(part)).map(([part, where]) => `${part}: ${where}`);

describe('catalogue areas', () => {
  it('name every page, and every page loads the areas of the strings it shows', () => {
    const pages = readdirSync(join(client, 'pages'))
      .filter((name) => name.endsWith('.svelte'))
      .map((name) => name.replace(/\.svelte$/, ''));
    expect(Object.keys(PAGE_AREAS).sort()).toEqual(pages.sort());
    const gaps = pages.flatMap((page) =>
      isPage(page)
        ? missing(partsUsed(closure(join(client, 'pages', `${page}.svelte`))), ['app', ...PAGE_AREAS[page]]).map(
            (gap) => `${page} needs ${gap}`,
          )
        : [`${page} has no areas`],
    );
    expect(gaps).toEqual([]);
  });

  it('name every step of the board, and each step loads the areas its strings need beyond the board’s', () => {
    const steps = readdirSync(stepsDir)
      .filter((name) => name.endsWith('.svelte'))
      .map((name) => name.replace(/\.svelte$/, ''));
    expect(Object.keys(STEP_AREAS).sort()).toEqual(steps.sort());
    const gaps = steps.flatMap((step) =>
      isStep(step)
        ? missing(partsUsed(closure(join(stepsDir, `${step}.svelte`))), [
            'app',
            ...BOARD_AREAS,
            ...STEP_AREAS[step],
          ]).map((gap) => `${step} needs ${gap}`)
        : [],
    );
    expect(gaps).toEqual([]);
    // The pages that show the board load the board's areas, which the steps count on.
    const boardPages = Object.entries(PAGE_AREAS).filter(([page]) =>
      closure(join(client, 'pages', `${page}.svelte`)).some((file) => file.endsWith('/live/Board.svelte')),
    );
    expect(boardPages.map(([page]) => page).sort()).toEqual(['GuestJoin', 'LiveMeeting']);
    for (const [, areas] of boardPages) expect(areas).toEqual(expect.arrayContaining([...BOARD_AREAS]));
  });

  it('keep the shell around every page to the core catalogue it loads before mounting', () => {
    const shell = closure(join(client, 'App.svelte'), false).filter((file) => !file.includes('/pages/'));
    expect(missing(partsUsed(shell), ['app'])).toEqual([]);
  });
});
