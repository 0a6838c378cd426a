import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

describe('cli --version', () => {
  const packageVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kadence-cli-version-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the version of package.json alone, exits 0 and opens no database', () => {
    for (const flag of ['--version', '-V']) {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', flag], {
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: join(dataDir, 'data') },
      });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe(`${packageVersion}\n`);
      expect(result.stderr).toBe('');
    }
    expect(existsSync(join(dataDir, 'data'))).toBe(false);
  });
});
