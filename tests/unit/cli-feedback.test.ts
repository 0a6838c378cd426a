import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dataDir: string;
const cli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir },
  });
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/imports/${name}`, import.meta.url));

describe('import and kpi on the command line', () => {
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kadence-cli-'));
    expect(cli(['team', 'create', '--name', 'Support', '--slug', 'support']).status).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports with --json in the documented shape, line numbers as a spreadsheet shows them', () => {
    const result = cli(['import', '--team', 'support', '--file', fixture('ragged.csv'), '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      imported: 2,
      updated: 0,
      duplicates: 0,
      rejected: 2,
      errors: [
        {
          line: 3,
          code: 'FIELD_COUNT',
          params: { fields: 2, expected: 3 },
          message: 'the row has 2 fields; the header has 3',
        },
        {
          line: 4,
          code: 'FIELD_COUNT',
          params: { fields: 4, expected: 3 },
          message: 'the row has 4 fields; the header has 3',
        },
      ],
    });
    const again = JSON.parse(
      cli(['import', '--team', 'support', '--file', fixture('ragged.csv'), '--json']).stdout,
    ) as { imported: number; duplicates: number };
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
  }, 60_000);

  it('maps columns with --map and computes the KPI with an inclusive --to', () => {
    const file = fixture('generic-excel-da.csv');
    expect(
      JSON.parse(
        cli([
          'import',
          '--team',
          'support',
          '--file',
          file,
          '--map',
          'segment=Kunde',
          '--save-mapping',
          'excel',
          '--json',
        ]).stdout,
      ),
    ).toMatchObject({ imported: 3 });
    expect(
      JSON.parse(cli(['import', '--team', 'support', '--file', file, '--mapping', 'excel', '--json']).stdout),
    ).toMatchObject({ imported: 0, duplicates: 3 });
    expect(cli(['import', '--team', 'support', '--file', file, '--mapping', 'nope']).stderr).toBe(
      'kadence: the team has no saved mapping called "nope"\n',
    );
    const kpi = cli([
      'kpi',
      '--team',
      'support',
      '--metric',
      'nps',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '--json',
    ]);
    // ragged.csv: 9, 10 (promoters); the Excel file: 8, 10, 4 → 5 answers, 3 promoters, 1 detractor → NPS 40.
    expect(JSON.parse(kpi.stdout)).toMatchObject({ metric: 'nps', n: 5, value: 40 });
    const few = cli([
      'kpi',
      '--team',
      'support',
      '--metric',
      'nps',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-01',
      '--json',
    ]);
    expect(JSON.parse(few.stdout)).toEqual({
      metric: 'nps',
      n: 2,
      precision: 2,
      value: null,
      ci95: null,
      note: 'not enough data: 2 answers, at least 5 are needed',
    });
    const rating = JSON.parse(cli(['kpi', '--team', 'support', '--metric', 'rating', '--json']).stdout) as Record<
      string,
      unknown
    >;
    expect(rating).toHaveProperty('topBoxPct');
  }, 60_000);

  it('counts a review that came back changed as updated in --json and in the text line', () => {
    const first = cli(['import', '--team', 'support', '--file', fixture('google-play.csv'), '--json']);
    expect(JSON.parse(first.stdout)).toEqual({ imported: 2, updated: 0, duplicates: 0, rejected: 0, errors: [] });
    const later = cli(['import', '--team', 'support', '--file', fixture('google-play-later.csv'), '--json']);
    expect(later.status).toBe(0);
    expect(JSON.parse(later.stdout)).toEqual({ imported: 1, updated: 1, duplicates: 1, rejected: 0, errors: [] });
    expect(cli(['import', '--team', 'support', '--file', fixture('google-play-later.csv')]).stdout).toBe(
      'imported 0, updated 0, duplicates 3, rejected 0\n',
    );
  }, 60_000);

  it('gives kpi --json to two decimals and says so: a rating mean of 30/7 stars is 4.29, not 4.3', () => {
    expect(cli(['team', 'create', '--name', 'Stars', '--slug', 'stars']).status).toBe(0);
    const file = join(dataDir, 'stars.csv');
    const scores = [5, 5, 5, 4, 4, 4, 3];
    writeFileSync(
      file,
      ['id,date,stars,review', ...scores.map((score, index) => `s${index},2026-10-0${index + 1},${score},fint`)].join(
        '\n',
      ),
    );
    expect(JSON.parse(cli(['import', '--team', 'stars', '--file', file, '--json']).stdout)).toMatchObject({
      imported: 7,
    });
    const rating = JSON.parse(cli(['kpi', '--team', 'stars', '--metric', 'rating', '--json']).stdout) as {
      precision: number;
      value: number;
      ci95: [number, number];
      topBoxPct: number;
    };
    expect(rating).toMatchObject({ precision: 2, value: 4.29, topBoxPct: 85.71 });
    for (const bound of rating.ci95) expect(Math.round(bound * 100) / 100).toBe(bound);
  }, 60_000);

  it('refuses unreadable and non-feedback files, unknown presets and bad dates with one line and a non-zero exit', () => {
    for (const args of [
      ['import', '--team', 'support', '--file', join(dataDir, 'missing.csv')],
      ['import', '--team', 'support', '--file', fixture('binary.bin')],
      ['import', '--team', 'support', '--file', fixture('no-columns.csv')],
      ['import', '--team', 'support', '--file', fixture('trustpilot.csv'), '--preset', 'excel'],
      ['import', '--team', 'support', '--file', fixture('trustpilot.csv'), '--map', 'colour=Review ID'],
      ['kpi', '--team', 'support', '--metric', 'nps', '--from', '1/11/2026'],
      ['kpi', '--team', 'nope', '--metric', 'nps'],
    ]) {
      const result = cli(args);
      expect(result.status, args.join(' ')).not.toBe(0);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
  }, 90_000);
});
