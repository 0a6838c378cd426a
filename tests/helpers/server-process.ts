import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { assertTestStore, testStoreEnvFor } from './test-store.ts';
import { storeDialect } from '../../server/db/kysely/store.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The real server as its own process on 127.0.0.1, resolved once it answers /api/health: from the
 * sources by default, or the built bundle that `npm start` runs (`['dist/server/main.js']`), from `cwd`
 * (a release's own folder) when given.
 */
export async function spawnServer(
  dataDir: string,
  port: number,
  entry: string[] = ['--import', 'tsx', 'server/main.ts'],
  cwd?: string,
  /** A store of the caller's own (a benchmark's DATABASE_URL) instead of this test run's. */
  storeEnv?: Record<string, string>,
  /** The address people reach it by, when that is not its own port (a process behind a balancer). */
  publicUrl = `http://127.0.0.1:${port}`,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, entry, {
    ...(cwd === undefined ? {} : { cwd }),
    env: {
      ...process.env,
      ...(storeEnv ?? (await testStoreEnvFor(dataDir))),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: publicUrl,
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      async (r) => (r.ok ? ((await r.json()) as { store: string }) : null),
      () => null,
    );
    if (health) {
      if (storeEnv === undefined) assertTestStore(health.store);
      else if (health.store !== storeDialect(storeEnv.DATABASE_URL)) {
        child.kill('SIGKILL');
        throw new Error(`the server opened ${health.store}, not the store it was given`);
      }
      return child;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}
