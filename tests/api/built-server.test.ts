import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KADENCE_VERSION } from '../../server/version.ts';
import { freePort, spawnServer } from '../helpers/server-process.ts';
import { testStore } from '../helpers/test-store.ts';

/** `npm start` runs the esbuild bundle, not the sources: it must find its migrations and answer as they do. */
describe('the built server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kadence-built-'));
  let server: ChildProcess;
  let base: string;

  beforeAll(async () => {
    const build = spawnSync('npm', ['run', '--silent', 'build:server'], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = await spawnServer(dataDir, port, ['dist/server/main.js']);
  });

  afterAll(() => {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates a new database and serves the API with its schemas', async () => {
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({
      status: 'ok',
      version: KADENCE_VERSION,
      store: testStore,
    });
    expect(await (await fetch(`${base}/api/setup`)).json()).toMatchObject({ needsSetup: true });
    const openapi = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toContain('/api/teams/{team}/feedback');
    const missing = await fetch(`${base}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
