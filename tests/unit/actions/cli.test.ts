import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../../helpers/smtp-sink.ts';

// Asynchronous so the SMTP sink in this process can answer while the CLI runs.
const cli = (args: string[], env: Record<string, string>, input = '') =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });

describe('actions digest CLI', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kadence-actions-cli-'));
    const env = { DATA_DIR: dataDir };
    await cli(['user', 'create', '--email', 'anna@example.dk', '--name', 'Anna'], env, 'a-long-password\n');
    await cli(['team', 'create', '--name', 'Support', '--slug', 'support'], env);
    await cli(['team', 'add-member', '--team', 'support', '--email', 'anna@example.dk', '--role', 'member'], env);
    const db = new Database(join(dataDir, 'kadence.db'));
    db.prepare("INSERT INTO actions (team_id, title, owner_id, due_date) VALUES (1, 'Overdue', 1, '2020-01-01')").run();
    db.close();
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lists without SMTP, sends with it, as JSON', async () => {
    const dry = await cli(['actions', 'digest', '--json'], { DATA_DIR: dataDir });
    expect(dry.status).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      configured: false,
      sent: 0,
      recipients: [{ email: 'anna@example.dk' }],
    });
    const sink = await startSmtpSink();
    try {
      const sent = await cli(['actions', 'digest', '--json'], { DATA_DIR: dataDir, SMTP_URL: sink.url });
      expect(JSON.parse(sent.stdout)).toMatchObject({ configured: true, sent: 1 });
      expect(sink.mails[0]?.to).toEqual(['anna@example.dk']);
    } finally {
      await sink.stop();
    }
  }, 60_000);
});
