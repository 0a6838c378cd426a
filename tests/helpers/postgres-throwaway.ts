// A throwaway PostgreSQL server for tests and CI: the machine's own binaries, a temporary data
// directory, a loopback port and a random password; stopped and removed again by `stop()`.
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './server-process.ts';

export interface ThrowawayPostgres {
  /** postgres://kadence:…@127.0.0.1:port/kadence; the user is the cluster's superuser. */
  url: string;
  stop: () => void;
}

/** initdb refuses to run as root, so as root the cluster belongs to this system account. */
export const THROWAWAY_OS_USER = 'kadence-pg';

function bindirFromPgConfig(): string | undefined {
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The folder holding initdb and pg_ctl: PG_BINDIR, then `pg_config --bindir`, then Debian's PostgreSQL 15. */
export function findPostgresBinaries(): string | null {
  const candidates = [process.env.PG_BINDIR, bindirFromPgConfig(), '/usr/lib/postgresql/15/bin'];
  for (const dir of candidates) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

function idOf(flag: '-u' | '-g', user: string): number | null {
  const result = spawnSync('id', [flag, user], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : null;
}

/** As root: the uid and gid of THROWAWAY_OS_USER, creating the account (no home, no login) when missing. */
function serverAccount(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  if (idOf('-u', THROWAWAY_OS_USER) === null) {
    const made = spawnSync(
      'useradd',
      ['--system', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', THROWAWAY_OS_USER],
      {
        encoding: 'utf8',
      },
    );
    // Another process may have created it at the same moment; only a still-missing account is an error.
    if (made.status !== 0 && idOf('-u', THROWAWAY_OS_USER) === null) {
      throw new Error(`could not create the system user ${THROWAWAY_OS_USER} for PostgreSQL: ${made.stderr.trim()}`);
    }
  }
  const uid = idOf('-u', THROWAWAY_OS_USER);
  const gid = idOf('-g', THROWAWAY_OS_USER);
  if (uid === null || gid === null) throw new Error(`system user ${THROWAWAY_OS_USER} has no uid/gid`);
  return { uid, gid };
}

function run(bin: string, args: string[], options: SpawnSyncOptions): void {
  const result = spawnSync(bin, args, { ...options, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${bin} ${args.join(' ')} failed (${result.status}): ${String(result.stderr).trim() || String(result.stdout).trim()}`,
    );
  }
}

export async function startThrowawayPostgres(bindir: string): Promise<ThrowawayPostgres> {
  const account = serverAccount();
  const root = mkdtempSync(join(tmpdir(), 'kadence-pg-'));
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  const password = randomBytes(18).toString('base64url');
  const pwFile = join(root, 'password');
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (account) {
    chownSync(root, account.uid, account.gid);
    chownSync(pwFile, account.uid, account.gid);
  }
  const asServer: SpawnSyncOptions = { cwd: root, ...(account ?? {}), env: { ...process.env, LC_ALL: 'C.UTF-8' } };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(join(dataDir, 'postmaster.pid'))) {
      spawnSync(join(bindir, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop'], { ...asServer, stdio: 'ignore' });
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    // --no-sync only skips flushing initdb's own files (the cluster is thrown away); the server runs with fsync on.
    run(
      join(bindir, 'initdb'),
      [
        '-D',
        dataDir,
        '-U',
        'kadence',
        `--pwfile=${pwFile}`,
        '-A',
        'scram-sha-256',
        '-E',
        'UTF8',
        '--no-locale',
        '--no-sync',
      ],
      asServer,
    );
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      appendFileSync(
        join(dataDir, 'postgresql.conf'),
        `\n# kadence throwaway\nlisten_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${root}'\nfsync = on\n`,
      );
      const started = spawnSync(join(bindir, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-w', '-t', '60', 'start'], {
        ...asServer,
        encoding: 'utf8',
      });
      if (started.status === 0) break;
      // Another process may have taken the free port between the check and the start: try another one.
      if (attempt === 3)
        throw new Error(
          `PostgreSQL did not start: ${existsSync(logFile) ? readFileSync(logFile, 'utf8') : started.stderr}`,
        );
    }
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'kadence', password, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE kadence');
    } finally {
      await admin.end();
    }
    return { url: `postgres://kadence:${password}@127.0.0.1:${port}/kadence`, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
