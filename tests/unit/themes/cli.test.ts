import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `themes suggest` as a user runs it: the command line in its own process, its stdout and exit code. */
const dir = mkdtempSync(join(tmpdir(), 'kadence-themes-cli-'));
const dataDir = join(dir, 'data');
const cli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir },
  });
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const COMMENTS = [
  'Pakken kom tre dage for sent',
  'Leveringen var forsinket igen',
  'Leveringen tog en uge, pakken var forsinket',
  'Levering forsinket, pakken kom ikke',
  'Prisen er alt for høj',
  'Alt for dyrt, prisen er steget',
  'Prisen steg igen, dyrt',
  'ok',
];
const lines = COMMENTS.map((text, index) => JSON.stringify({ id: `k${index}`, text, language: 'da' }));

describe('kadence themes suggest', () => {
  beforeAll(() => {
    expect(cli(['team', 'create', '--name', 'Support', '--slug', 'support']).status).toBe(0);
    const db = new Database(join(dataDir, 'kadence.db'));
    db.prepare("INSERT INTO themes (team_id, name) VALUES (1, 'Levering')").run();
    db.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints themes and unassigned as JSON, every id exactly once', () => {
    const run = cli(['themes', 'suggest', '--file', file('items.jsonl', `${lines.join('\n')}\n`), '--json']);
    expect(run.status, run.stderr).toBe(0);
    const out: { themes: { name: string; ids: string[] }[]; unassigned: string[] } = JSON.parse(run.stdout);
    const ids = [...out.themes.flatMap((theme) => theme.ids), ...out.unassigned];
    expect(ids.sort()).toEqual(COMMENTS.map((_, index) => `k${index}`).sort());
    expect(out.unassigned).toContain('k7');
    for (const theme of out.themes) expect(Object.keys(theme).sort()).toEqual(['ids', 'name']);
    const price = out.themes.find((theme) => theme.ids.includes('k4'));
    expect(price?.name).toMatch(/^Pris/);
  }, 30_000);

  it("matches the team's earlier themes with --team", () => {
    const run = cli([
      'themes',
      'suggest',
      '--file',
      file('team.jsonl', lines.join('\n')),
      '--team',
      'support',
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const out: { themes: { name: string; ids: string[]; matched?: string }[] } = JSON.parse(run.stdout);
    const delivery = out.themes.find((theme) => theme.ids.includes('k1'));
    expect(delivery).toMatchObject({ name: 'Levering', matched: 'Levering' });
  }, 30_000);

  it('refuses an unknown team', () => {
    const run = cli(['themes', 'suggest', '--file', file('t.jsonl', lines.join('\n')), '--team', 'nobody', '--json']);
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it.each([
    ['a line that is not JSON', `${lines[0]}\n{"id": "x", "text": `, /line 2: not valid JSON/],
    ['a missing id', `${lines[0]}\n${lines[1]}\n{"text": "Prisen"}`, /line 3: "id"/],
    ['a missing text', `{"id": "x"}`, /line 1: "text"/],
    ['a line that is no object', `${lines[0]}\n[1, 2]`, /line 2: expected an object/],
    ['a language other than da or en', `{"id": "x", "text": "Hej", "language": "sv"}`, /line 1: "language"/],
    ['an id given twice', `${lines[0]}\n${lines[1]}\n${lines[0]}`, /line 3: the id "k0" is also on line 1/],
    ['an empty file', '\n\n', /no items/],
  ])(
    'exits non-zero with one line naming the problem for %s',
    (_, content, message) => {
      const run = cli(['themes', 'suggest', '--file', file('bad.jsonl', content), '--json']);
      expect(run.status).not.toBe(0);
      expect(run.stdout).toBe('');
      const errorLines = run.stderr.trim().split('\n');
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toMatch(message);
    },
    30_000,
  );

  it('says so when the file cannot be read', () => {
    const run = cli(['themes', 'suggest', '--file', join(dir, 'missing.jsonl'), '--json']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/cannot read/);
  }, 30_000);
});
