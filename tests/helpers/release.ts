import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClient } from './bundle-size.ts';

/** What a release holds, as docs/deploy.md lists it: the build, the migrations and the locked dependencies. */
export const RELEASE_FILES = ['package.json', 'package-lock.json', 'migrations'] as const;

interface LockEntry {
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  hasInstallScript?: boolean;
}

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Runtime packages (not dev) that run a script when installed, by the lockfile. */
export function runtimeInstallScripts(lockFile = 'package-lock.json'): string[] {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages: Record<string, LockEntry> };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.hasInstallScript && !entry.dev && !entry.devOptional)
    .map(([path]) => path.replace(/^.*node_modules\//, ''));
}

/**
 * Lays out a release in `dir` the way a deployment gets it: `npm run build:server` and a production
 * client build into `dir/dist`, the release files beside it, then `npm ci --omit=dev` there.
 *
 * The install runs with `--ignore-scripts` and takes better-sqlite3's compiled addon from this
 * checkout instead of compiling it again (about two and a half minutes on this machine's two
 * cores, too long for every test run). That is only sound because better-sqlite3 is the one runtime
 * package with an install script and both trees hold the same version; both are checked here, so
 * a new native dependency or a version drift stops the test instead of being papered over.
 */
export function packRelease(dir: string): void {
  const scripts = runtimeInstallScripts();
  if (scripts.join() !== 'better-sqlite3')
    throw new Error(
      `runtime packages with install scripts changed: ${scripts.join(', ')}; packRelease must build them`,
    );
  run('npm', ['run', '--silent', 'build:server', '--', `--outdir=${join(dir, 'dist', 'server')}`], process.cwd());
  buildClient(join(dir, 'dist', 'client'));
  for (const file of RELEASE_FILES) cpSync(file, join(dir, file), { recursive: true });
  run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], dir);

  const versionOf = (root: string) =>
    (
      JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  if (versionOf(dir) !== versionOf('.'))
    throw new Error(`better-sqlite3 ${versionOf(dir)} in the release, ${versionOf('.')} built here`);
  const addon = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  mkdirSync(join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release'), { recursive: true });
  copyFileSync(addon, join(dir, addon));
}

/** `npm ls --omit=dev` in the release: exits 0 only when no runtime dependency is missing or invalid. */
export function listRuntimeDependencies(dir: string): { status: number | null; output: string } {
  const result = spawnSync('npm', ['ls', '--omit=dev', '--all'], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
