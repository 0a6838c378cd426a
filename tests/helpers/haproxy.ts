import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HAPROXY_BINARY = ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy'].find((path) => existsSync(path));

const SERVER_LINE = /^\s*server kadence\d+ 127\.0\.0\.1:\d+ check.*$/gm;

/**
 * deploy/haproxy.cfg with its loopback addresses replaced: the balancer on `port`, one server line per
 * backend port. `maxconn` raises the shipped connection ceiling (a load test with more sockets).
 */
export function balancerConfig(port: number, backends: number[], maxconn?: number): string {
  const shipped = readFileSync('deploy/haproxy.cfg', 'utf8');
  if ((shipped.match(SERVER_LINE) ?? []).length < 1) throw new Error('deploy/haproxy.cfg has no server lines');
  let first = true;
  let config = shipped.replace('bind 127.0.0.1:8080', `bind 127.0.0.1:${port}`).replace(SERVER_LINE, () => {
    if (!first) return '';
    first = false;
    return backends.map((backend, i) => `    server kadence${i + 1} 127.0.0.1:${backend} check`).join('\n');
  });
  if (maxconn !== undefined) config = config.replace(/maxconn \d+/, `maxconn ${maxconn}`);
  return config;
}

/** haproxy in the foreground (`-db`), so the caller owns the process and stops it by its pid. */
export async function startBalancer(
  port: number,
  backends: number[],
  maxconn?: number,
): Promise<{ url: string; child: ChildProcess; stop: () => void }> {
  if (!HAPROXY_BINARY) throw new Error('no haproxy (tests/ensure-haproxy.sh installs it)');
  const dir = mkdtempSync(join(tmpdir(), 'kadence-haproxy-'));
  writeFileSync(join(dir, 'haproxy.cfg'), balancerConfig(port, backends, maxconn));
  const child = spawn(HAPROXY_BINARY, ['-db', '-f', join(dir, 'haproxy.cfg')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100 && child.exitCode === null; i++) {
    const up = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    // Every backend marked up by the health checks (rise 2, inter 1s) before any socket is balanced.
    if (up) {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      return { url, child, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(`haproxy did not start (exit ${child.exitCode})`);
}
