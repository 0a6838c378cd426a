import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let dataDir: string;
const cli = (args: string[], input = '') =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir },
  });
const count = (table: string) => {
  const db = new Database(join(dataDir, 'kadence.db'), { readonly: true });
  const n = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  db.close();
  return n;
};

describe('admin CLI', () => {
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kadence-cli-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a user, a team, a membership and a backup, with --json output', () => {
    const user = cli(['user', 'create', '--email', 'anna@example.dk', '--name', 'Anna', '--json'], 'a-long-password\n');
    expect(user.status).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({ email: 'anna@example.dk', name: 'Anna', isAdmin: false });
    const team = cli(['team', 'create', '--name', 'Support', '--slug', 'support', '--json']);
    expect(JSON.parse(team.stdout)).toMatchObject({ slug: 'support', timezone: 'Europe/Copenhagen' });
    const member = cli([
      'team',
      'add-member',
      '--team',
      'support',
      '--email',
      'anna@example.dk',
      '--role',
      'facilitator',
      '--json',
    ]);
    expect(JSON.parse(member.stdout)).toMatchObject({ team: 'support', role: 'facilitator' });
    const target = join(dataDir, 'copy.db');
    const backup = cli(['backup', '--to', target, '--json']);
    expect(backup.status).toBe(0);
    expect(existsSync(target)).toBe(true);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('SELECT role FROM memberships').get()).toEqual({ role: 'facilitator' });
    copy.close();
  }, 60_000);

  it('refuses bad input with one line on stderr, a non-zero exit and no change', () => {
    cli(['team', 'create', '--name', 'Support', '--slug', 'support']);
    const cases: [string[], string, RegExp][] = [
      [['user', 'create', '--email', 'not-an-email', '--name', 'X'], 'a-long-password', /not an e-mail address/],
      [['user', 'create', '--email', 'x@example.dk', '--name', 'X'], 'short', /at least 10 characters/],
      [['team', 'create', '--name', 'Bad', '--slug', 'Bad Slug'], '', /not a valid slug/],
      [['team', 'create', '--name', 'Tz', '--slug', 'tz', '--timezone', 'Mars/Olympus'], '', /time zone/],
      [
        ['team', 'add-member', '--team', 'support', '--email', 'nobody@example.dk', '--role', 'member'],
        '',
        /not found/,
      ],
      [['team', 'add-member', '--team', 'support', '--email', 'x@example.dk', '--role', 'boss'], '', /not a role/],
      [['team', 'create', '--name', 'Missing slug'], '', /required option/],
    ];
    for (const [args, input, message] of cases) {
      const result = cli(args, input);
      expect(result.status, args.join(' ')).not.toBe(0);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
    expect(count('users')).toBe(0);
    expect(count('teams')).toBe(1);
    expect(count('memberships')).toBe(0);
  }, 120_000);
});
