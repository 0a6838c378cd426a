import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The built command line's `import` loads what a file import needs and nothing of mail, webhooks,
 * recurrence, workbooks or the HTTP server: their packages are loaded by the commands that use them.
 * Every package the process imports is recorded by a resolve hook.
 */
describe('the built command line imports a CSV without loading what an import does not need', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kadence-cli-lean-'));
  const dataDir = join(dir, 'data');
  const log = join(dir, 'packages.txt');

  beforeAll(() => {
    const build = spawnSync(
      'npm',
      ['run', '--silent', 'build:server', '--', `--outdir=${join(dir, 'dist', 'server')}`],
      { encoding: 'utf8' },
    );
    expect(build.status, build.stderr).toBe(0);
    // Laid out as a release: dist/server beside the migrations and the installed packages.
    symlinkSync(resolve('migrations'), join(dir, 'migrations'));
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
    writeFileSync(
      join(dir, 'register.mjs'),
      "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n",
    );
    writeFileSync(
      join(dir, 'hooks.mjs'),
      [
        "import { appendFileSync } from 'node:fs';",
        'export async function resolve(specifier, context, next) {',
        "  if (!/^(\\.|\\/|node:|file:)/.test(specifier)) appendFileSync(process.env.KADENCE_PACKAGE_LOG, specifier + '\\n');",
        '  return next(specifier, context);',
        '}',
        '',
      ].join('\n'),
    );
    mkdirSync(dataDir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (args: string[], hooked: boolean) =>
    spawnSync(
      process.execPath,
      [...(hooked ? ['--import', join(dir, 'register.mjs')] : []), join(dir, 'dist', 'server', 'cli.js'), ...args],
      {
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: dataDir, KADENCE_PACKAGE_LOG: log },
      },
    );

  it('loads papaparse and the database, not nodemailer, webhooks, rrule, the workbook reader, fastify or TypeBox', () => {
    const team = cli(['team', 'create', '--name', 'Lean', '--slug', 'lean'], false);
    expect(team.status, team.stderr).toBe(0);
    const csv = join(dir, 'feedback.csv');
    writeFileSync(csv, 'Date,Score,Comment\n2026-11-02,9,Hurtig levering\n2026-11-03,4,Pakken kom for sent\n');

    const run = cli(['import', '--team', 'lean', '--file', csv, '--json'], true);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ imported: 2, rejected: 0 });

    const loaded = new Set(
      readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((specifier) =>
          specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0],
        ),
    );
    expect(loaded).toContain('papaparse');
    expect(loaded).toContain('better-sqlite3');
    // The import runs on the Kysely store (over SQLite here); PostgreSQL's driver stays unloaded.
    expect(loaded).toContain('kysely');
    for (const unneeded of [
      'nodemailer',
      'standardwebhooks',
      'ipaddr.js',
      'rrule',
      'saxes',
      'yauzl',
      'fastify',
      'socket.io',
      'pg',
      // The configuration is a plain JSON Schema and a report's checker is loaded only for rejected
      // rows: TypeBox alone took ~20 MB of resident memory.
      'typebox',
    ]) {
      expect(loaded, unneeded).not.toContain(unneeded);
    }
  });
});
