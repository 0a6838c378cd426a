import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dataDir: string;
const cli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir },
  });
const file = (name: string, content: string) => {
  const path = join(dataDir, name);
  writeFileSync(path, content);
  return path;
};

describe('import warnings on the command line', () => {
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kadence-cli-warn-'));
    expect(cli(['team', 'create', '--name', 'Support', '--slug', 'support']).status).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the preview warnings on stderr and keeps stdout for the result', () => {
    const path = file(
      'nps.csv',
      'Dato;NPS;Din oplevelse med os\n01-11-2026;9;Jeg ventede tre uger på pakken og ingen svarede\n02-11-2026;3;Hurtig levering og en meget venlig chauffør ved døren\nI alt;12;\n',
    );
    const result = cli(['import', '--team', 'support', '--file', path, '--json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      'kadence: warning: the column "Din oplevelse med os" holds long free text and is not imported; map it with --map comment="Din oplevelse med os" if it is the comment\n',
    );
    expect(JSON.parse(result.stdout)).toEqual({
      imported: 2,
      updated: 0,
      duplicates: 0,
      rejected: 0,
      errors: [],
      skipped: [{ line: 4, code: 'SUMMARY_ROW', label: 'I alt' }],
    });
  }, 60_000);

  it('refuses a file with no score and no comment column in one line until --map is given', () => {
    const path = file('plain.csv', 'date,temperature,place\n2011-01-01,1,Galway\n2011-01-02,-1,Berkeley\n');
    const refused = cli(['import', '--team', 'support', '--file', path]);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'kadence: no column was recognised as a score or a comment; map them with --map score=…,comment=… (columns: "date", "temperature", "place")\n',
    );
    const mapped = cli(['import', '--team', 'support', '--file', path, '--map', 'comment=place']);
    expect(mapped.status).toBe(0);
    expect(mapped.stdout).toBe('imported 2, updated 0, duplicates 0, rejected 0\n');
  }, 60_000);
});
