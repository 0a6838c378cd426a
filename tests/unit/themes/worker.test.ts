import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { suggestThemes, type SuggestItem } from '../../../server/themes/suggest.ts';
import { INLINE_LIMIT, suggestThemesInWorker, suggestThemesOffLoop } from '../../../server/themes/worker-runner.ts';

const TEXTS = [
  'Pakken kom for sent',
  'Leveringen var forsinket',
  'Prisen er for høj',
  'Alt for dyrt',
  'Appen crasher',
  'Appen virker ikke',
  'Jeg kan ikke logge ind',
  'Login virker ikke',
];
/** More items than INLINE_LIMIT, so the off-loop runner takes the worker. */
const many = (): SuggestItem[] =>
  Array.from({ length: INLINE_LIMIT + 50 }, (_, index) => ({
    id: `m${index}`,
    text: `${TEXTS[index % TEXTS.length] ?? ''} ${index % 3 === 0 ? 'igen' : ''}`,
  }));

describe('theme suggestions off the event loop', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kadence-themes-worker-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives in a worker thread what it gives inline', async () => {
    const items = many();
    expect(await suggestThemesInWorker({ items })).toEqual(suggestThemes({ items }));
    expect(await suggestThemesOffLoop({ items })).toEqual(suggestThemes({ items }));
  }, 60_000);

  it('passes a refusal from the worker on as a validation error', async () => {
    await expect(
      suggestThemesInWorker({
        items: [
          { id: 'a', text: 'x' },
          { id: 'a', text: 'y' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  }, 60_000);

  it('runs its worker from the built command line (dist/server/themes/worker.js)', () => {
    const build = spawnSync(
      'npm',
      ['run', '--silent', 'build:server', '--', `--outdir=${join(dir, 'dist', 'server')}`],
      {
        encoding: 'utf8',
      },
    );
    expect(build.status, build.stderr).toBe(0);
    symlinkSync(resolve('migrations'), join(dir, 'migrations'));
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
    const items = many();
    const file = join(dir, 'items.jsonl');
    writeFileSync(file, items.map((item) => JSON.stringify(item)).join('\n'));
    const run = spawnSync(
      process.execPath,
      [join(dir, 'dist', 'server', 'cli.js'), 'themes', 'suggest', '--file', file, '--json'],
      { encoding: 'utf8', env: { ...process.env, DATA_DIR: join(dir, 'data') } },
    );
    expect(run.status, run.stderr).toBe(0);
    const expected = suggestThemes({ items });
    expect(JSON.parse(run.stdout)).toEqual({
      themes: expected.themes.map(({ name, ids }) => ({ name, ids })),
      unassigned: expected.unassigned,
    });
  }, 120_000);
});
