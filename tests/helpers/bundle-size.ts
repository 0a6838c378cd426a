import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { STEP_AREAS } from '../../client/components/live/steps/areas.ts';
import { PAGE_AREAS } from '../../client/routes/areas.ts';

/**
 * Builds the client into its own folder, so a test never measures a stale dist/ nor races the build
 * `npm test` makes. vitest sets NODE_ENV=test, which would make Svelte compile in dev mode: build what ships.
 */
export function buildClient(outDir: string): void {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error(`client build failed:\n${build.stderr}`);
}

/** One chunk as Vite's build manifest describes it (only the fields the budget needs). */
export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export function readManifest(outDir: string): Manifest {
  const parsed: Manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'));
  return parsed;
}

export function entryKey(manifest: Manifest): string {
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry chunk, found ${entries.length}`);
  return entries[0] ?? '';
}

/** The manifest keys a browser must fetch before the given chunks can run: themselves and their static imports, transitively. */
export function staticClosure(manifest: Manifest, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  roots.forEach(visit);
  return seen;
}

/** Gzip at level 9, as the build precompresses what the server sends. */
export function gzipBytes(outDir: string, manifest: Manifest, keys: Iterable<string>): number {
  let total = 0;
  for (const key of keys) {
    const chunk = manifest[key];
    if (chunk?.file.endsWith('.js')) total += gzipSync(readFileSync(join(outDir, chunk.file)), { level: 9 }).length;
  }
  return total;
}

export interface RouteCost {
  page: string;
  pageChunk: number;
  /**
   * All JS for a cold load in each language: the entry, the page, the core catalogue and the page's
   * catalogue areas (client/routes/areas.ts) with their static imports, plus the heaviest chunk the
   * page itself loads on demand (a board that loads each step's content lazily is counted at its
   * heaviest step, with that step's own areas).
   */
  cold: Record<Lang, number>;
}

type Lang = 'da' | 'en';

/** The chunk of one catalogue part (the core `app`, or an area) in one language, as the entry loads it on demand. */
function catalogueKey(manifest: Manifest, entry: string, part: string, lang: Lang): string {
  const key = `lib/i18n/areas/${part}.${lang}.ts`;
  if (!(manifest[entry]?.dynamicImports ?? []).includes(key))
    throw new Error(`the entry does not load the ${lang} catalogue part ${part} on demand`);
  return key;
}

const isStep = (name: string): name is keyof typeof STEP_AREAS => Object.hasOwn(STEP_AREAS, name);
const isPage = (name: string): name is keyof typeof PAGE_AREAS => Object.hasOwn(PAGE_AREAS, name);

/** The areas a lazily loaded step adds to the board's, found by the step's file name. */
function stepAreas(key: string): readonly string[] {
  const step = /^components\/live\/steps\/(\w+)\.svelte$/.exec(key)?.[1];
  if (step === undefined) return [];
  if (!isStep(step)) throw new Error(`no catalogue areas named for the step ${step}`);
  return STEP_AREAS[step];
}

function coldLoad(outDir: string, manifest: Manifest, entry: string, page: string, lang: Lang): number {
  const name = page.replace(/^pages\//, '').replace(/\.svelte$/, '');
  if (!isPage(name)) throw new Error(`no catalogue areas named for the page ${name}`);
  const areas: readonly string[] = ['app', ...PAGE_AREAS[name]];
  const loaded = staticClosure(manifest, [
    entry,
    page,
    ...areas.map((area) => catalogueKey(manifest, entry, area, lang)),
  ]);
  const routed = new Set(manifest[entry]?.dynamicImports ?? []);
  const onDemand = [...loaded].flatMap((key) => manifest[key]?.dynamicImports ?? []).filter((key) => !routed.has(key));
  const extra = onDemand.map((key) =>
    [
      ...staticClosure(manifest, [key, ...stepAreas(key).map((area) => catalogueKey(manifest, entry, area, lang))]),
    ].filter((chunk) => !loaded.has(chunk)),
  );
  const heaviest = extra.reduce<string[]>(
    (best, keys) => (gzipBytes(outDir, manifest, keys) > gzipBytes(outDir, manifest, best) ? keys : best),
    [],
  );
  return gzipBytes(outDir, manifest, [...loaded, ...heaviest]);
}

/** Cold-load JS for every page the router loads lazily. */
export function routeCosts(outDir: string): RouteCost[] {
  const manifest = readManifest(outDir);
  const entry = entryKey(manifest);
  const pages = Object.keys(manifest).filter((key) => key.startsWith('pages/') && manifest[key]?.isDynamicEntry);
  return pages.sort().map((page) => ({
    page: page.replace(/^pages\//, '').replace(/\.svelte$/, ''),
    pageChunk: gzipBytes(outDir, manifest, [page]),
    cold: { da: coldLoad(outDir, manifest, entry, page, 'da'), en: coldLoad(outDir, manifest, entry, page, 'en') },
  }));
}

export const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
