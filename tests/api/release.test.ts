// Store: SQLite only (the release's backup command copies the SQLite file)
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRuntimeDependencies, packRelease } from '../helpers/release.ts';
import { freePort, spawnServer } from '../helpers/server-process.ts';
import { testStore } from '../helpers/test-store.ts';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The package a bare import names: `@fastify/static` or `typebox` from `typebox/compile`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function bareImports(dir: string): Set<string> {
  const found = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(join(dir, file), 'utf8');
    // esbuild writes static imports at the start of a line (`import x from "p";`, `} from "p";`, `import "p";`).
    const statements = /^(?:import\s[^\n]*?from|\}\s*from|import)\s*"([^"]+)";$/gm;
    const dynamic = /\bimport\(\s*"([^"]+)"\s*\)/g;
    for (const match of [...code.matchAll(statements), ...code.matchAll(dynamic)]) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      found.add(packageOf(specifier));
    }
  }
  return found;
}

/**
 * A release is the build, the migrations and the lockfile, installed with `npm ci --omit=dev`:
 * no sources, no tsx, no build tools. The server and the admin command line must run from it.
 */
describe('a release installed with runtime dependencies only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kadence-release-'));
  const dataDir = join(dir, 'data');
  let server: ChildProcess | undefined;
  let base = '';
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['dist/server/cli.js', ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir },
    });

  beforeAll(async () => {
    packRelease(dir);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = await spawnServer(dataDir, port, ['dist/server/main.js'], dir);
  }, 300_000);

  afterAll(() => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('bundles only imports of runtime dependencies', () => {
    const imports = bareImports(join(dir, 'dist', 'server'));
    expect(imports.size).toBeGreaterThan(10);
    const notRuntime = [...imports].filter((name) => !(name in manifest.dependencies));
    expect(notRuntime).toEqual([]);
    for (const tool of ['tsx', 'esbuild', 'vite', 'svelte', 'typescript', 'vitest']) {
      expect(tool in manifest.devDependencies, tool).toBe(true);
      expect(existsSync(join(dir, 'node_modules', tool)), tool).toBe(false);
    }
    const listed = listRuntimeDependencies(dir);
    expect(listed.status, listed.output).toBe(0);
  });

  it('serves the API with its version and the web app from dist/', async () => {
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({
      status: 'ok',
      version: manifest.version,
      store: testStore,
    });
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/<script type="module"[^>]* src="\/assets\//);
  });

  it('runs the admin command line: its version, and a backup of the database the server migrated', () => {
    const version = cli(['--version']);
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout).toBe(`${manifest.version}\n`);

    const target = join(dir, 'backup.db');
    const backup = cli(['backup', '--to', target, '--json']);
    expect(backup.status, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout)).toEqual({ file: target });
    const copy = new Database(target, { readonly: true });
    const migrations = readdirSync('migrations').filter((name) => name.endsWith('.sql')).length;
    expect(copy.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: migrations });
    copy.close();
  });

  it('stops cleanly on SIGTERM', async () => {
    const running = server;
    if (!running) throw new Error('the release server did not start');
    const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
    running.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
