// The one test command: static checks, a client build, then every test suite with JSON reports.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { leftOutOfPostgresRun } from './store-exclusions.mjs';

// The second run on PostgreSQL: the API and realtime suites again, each app on a database of its own
// (tests/helpers/test-store.ts), without the files that say why they are left out (tests/store-exclusions.mjs).
const POSTGRES_DIRS = ['tests/api', 'tests/realtime'];
const leftOut = leftOutOfPostgresRun(POSTGRES_DIRS);

const steps = [
  ['Chromium', 'bash', ['tests/ensure-chromium.sh']],
  ['PostgreSQL', 'bash', ['tests/ensure-postgres.sh']],
  ['haproxy', 'bash', ['tests/ensure-haproxy.sh']],
  ['sqlite3 command line', 'bash', ['tests/ensure-sqlite3.sh']],
  ['type check (server, shared, tests)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['type check (client, .svelte)', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']],
  ['lint', 'npx', ['eslint', '.']],
  ['format (Prettier)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['client build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  // With a throwaway PostgreSQL (tests/with-postgres.ts) whose URL (KADENCE_TEST_POSTGRES_URL) the PostgreSQL tests use.
  [
    'unit, API and realtime tests',
    'npx',
    [
      'tsx',
      'tests/with-postgres.ts',
      'npx',
      'vitest',
      'run',
      'tests/unit',
      'tests/api',
      'tests/realtime',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=reports/vitest.json',
    ],
  ],
  [
    `API and realtime tests on PostgreSQL (${leftOut.length} files left out)`,
    'npx',
    [
      'tsx',
      'tests/with-postgres.ts',
      'npx',
      'vitest',
      'run',
      ...POSTGRES_DIRS,
      ...leftOut.flatMap(({ file }) => ['--exclude', file]),
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=reports/vitest-postgres.json',
    ],
    { KADENCE_TEST_STORE: 'postgres' },
  ],
  [
    'browser tests (Chromium)',
    'npx',
    [
      'vitest',
      'run',
      'tests/e2e',
      '--no-file-parallelism',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=reports/e2e.json',
    ],
  ],
];

mkdirSync('reports', { recursive: true });
let failed = [];
for (const { file, kind, reason } of leftOut) console.log(`Not in the PostgreSQL run: ${file} (${kind}: ${reason})`);
for (const [name, command, args, env = {}] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    failed.push(name);
    // Without Chromium the browser tests cannot run; stop rather than report a partial pass.
    if (name === 'Chromium') break;
  }
}
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nAll checks and tests passed.');
