import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = (args: string[], env: Record<string, string>, input = '') => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    env: { ...process.env, ...env },
    input,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('unit commands', () => {
  let env: { DATA_DIR: string };
  beforeAll(() => {
    env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'kadence-units-cli-')) };
    cli(['user', 'create', '--email', 'direktor@example.dk', '--name', 'Direktør'], env, 'a-long-password\n');
    cli(['team', 'create', '--name', 'Kundeservice', '--slug', 'kundeservice'], env);
  }, 60_000);
  afterAll(() => rmSync(env.DATA_DIR, { recursive: true, force: true }));

  it('builds a tree by name or id, places a team and a lead, and lists it', () => {
    const company = cli(['unit', 'create', '--name', 'Koncern', '--json'], env);
    expect(company.status).toBe(0);
    const { id } = JSON.parse(company.stdout) as { id: number };
    expect(cli(['unit', 'create', '--name', 'Service', '--parent', String(id)], env).stdout).toMatch(
      /^created unit Service \(id \d+\)/,
    );
    expect(cli(['unit', 'create', '--name', 'Support', '--parent', 'Service'], env).status).toBe(0);
    expect(cli(['unit', 'add-team', '--unit', 'Support', '--team', 'kundeservice'], env).stdout).toBe(
      'kundeservice is in Support\n',
    );
    expect(cli(['unit', 'add-lead', '--unit', 'Service', '--email', 'direktor@example.dk'], env).status).toBe(0);
    expect(cli(['unit', 'list'], env).stdout.split('\n')).toEqual([
      expect.stringMatching(/^Koncern \(id \d+\) teams: -; leads: -$/),
      expect.stringMatching(/^ {2}Service \(id \d+\) teams: -; leads: direktor@example\.dk$/),
      expect.stringMatching(/^ {4}Support \(id \d+\) teams: kundeservice; leads: -$/),
      '',
    ]);
  }, 60_000);

  it('refuses an unknown parent, a taken name and an unknown team, with one line and exit 1', () => {
    for (const args of [
      ['unit', 'create', '--name', 'Løs', '--parent', 'Findes ikke'],
      ['unit', 'create', '--name', 'Koncern'],
      ['unit', 'add-team', '--unit', 'Koncern', '--team', 'no-such-team'],
    ]) {
      const result = cli(args, env);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 60_000);
});
