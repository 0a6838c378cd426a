import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../../helpers/smtp-sink.ts';

const cli = (args: string[], env: Record<string, string>, input = '') => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    env: { ...process.env, SMTP_URL: '', ...env },
    input,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

/** As cli, without blocking this process: for a run that talks to the SMTP sink served from here. */
const cliAsync = (args: string[], env: Record<string, string>) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

describe('digest leaders', () => {
  let env: { DATA_DIR: string };
  beforeAll(() => {
    env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'kadence-digest-cli-')) };
    cli(['user', 'create', '--email', 'direktor@example.dk', '--name', 'Direktør'], env, 'a-long-password\n');
    cli(['team', 'create', '--name', 'Kundeservice', '--slug', 'kundeservice'], env);
    cli(['unit', 'create', '--name', 'Service'], env);
    cli(['unit', 'add-team', '--unit', 'Service', '--team', 'kundeservice'], env);
    cli(['unit', 'add-lead', '--unit', 'Service', '--email', 'direktor@example.dk'], env);
  }, 60_000);
  afterAll(() => rmSync(env.DATA_DIR, { recursive: true, force: true }));

  it('makes each lead’s digest of a month once, in the app only without SMTP_URL', () => {
    const first = cli(['digest', 'leaders', '--month', '2026-10', '--json'], env);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      configured: false,
      digests: [{ unitId: 1, unitName: 'Service', email: 'direktor@example.dk', month: '2026-10', outcome: 'stored' }],
      retries: [],
    });
    const again = cli(['digest', 'leaders', '--month', '2026-10'], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(
      [
        '0 new digest(s), 0 mailed, 1 already there',
        'SMTP_URL is not set: the digests are in the app only',
        '2026-10 Service → direktor@example.dk: exists',
        '',
      ].join('\n'),
    );
  }, 60_000);

  it('says in --json that a refused mail is tried again, with its attempts and its next try', async () => {
    const sink = await startSmtpSink();
    try {
      sink.refuse(1);
      const started = Date.now();
      const first = await cliAsync(['digest', 'leaders', '--month', '2026-09', '--json'], {
        ...env,
        SMTP_URL: sink.url,
      });
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      const output = JSON.parse(first.stdout) as {
        configured: boolean;
        digests: { outcome: string; attempts: number; nextAttemptAt: string; error: string }[];
        retries: unknown[];
      };
      expect(output.configured).toBe(true);
      expect(output.retries).toEqual([]);
      expect(output.digests).toHaveLength(1);
      const [digest] = output.digests;
      expect(digest).toMatchObject({
        email: 'direktor@example.dk',
        month: '2026-09',
        outcome: 'mail_retry',
        attempts: 1,
      });
      const wait = Date.parse(digest?.nextAttemptAt ?? '') - started;
      expect(wait).toBeGreaterThanOrEqual(5 * 60_000);
      expect(wait).toBeLessThan(6 * 60_000);
      expect(digest?.error).toMatch(/451/);
      expect(sink.mails).toEqual([]);
      // At once again: the wait is not over, so nothing is sent and the digest is not made twice.
      const again = await cliAsync(['digest', 'leaders', '--month', '2026-09', '--json'], {
        ...env,
        SMTP_URL: sink.url,
      });
      expect(JSON.parse(again.stdout)).toMatchObject({ retries: [], digests: [{ outcome: 'exists' }] });
      expect(sink.mails).toEqual([]);
    } finally {
      await sink.stop();
    }
  }, 60_000);

  it('refuses a month that is not YYYY-MM with one line and exit 1', () => {
    const wrong = cli(['digest', 'leaders', '--month', '2026-13'], env);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toBe('kadence: the month is written YYYY-MM\n');
  }, 60_000);
});
