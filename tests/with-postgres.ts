// Runs a command with KADENCE_TEST_POSTGRES_URL pointing at a throwaway PostgreSQL, then stops and
// removes it:
//   npx tsx tests/with-postgres.ts npx vitest run tests/unit/db
// Without a command it prints the URL and keeps the server until Ctrl-C.
// Without PostgreSQL binaries the command runs without it (the PostgreSQL tests then say
// "skipped: no PostgreSQL"), except in CI, where that is an error.
// The tests' own variable, not DATABASE_URL: a server a test starts as a child process would take
// DATABASE_URL from the environment and run on the shared test server's database.
import { spawn } from 'node:child_process';
import { findPostgresBinaries, startThrowawayPostgres } from './helpers/postgres-throwaway.ts';

const command = process.argv.slice(2);
const bindir = findPostgresBinaries();

function runCommand(env: NodeJS.ProcessEnv): Promise<number> {
  const [bin, ...args] = command;
  if (!bin) {
    // No command: keep the server (and this process) until a signal ends it.
    setInterval(() => {}, 1 << 30);
    return new Promise(() => {});
  }
  const child = spawn(bin, args, { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

if (!bindir) {
  if (process.env.CI === 'true') {
    console.error(
      'PostgreSQL binaries not found (PG_BINDIR, pg_config --bindir, /usr/lib/postgresql/15/bin); CI needs them.',
    );
    process.exit(1);
  }
  console.log('No PostgreSQL binaries found: the PostgreSQL tests will be skipped.');
  const rest: NodeJS.ProcessEnv = { ...process.env };
  delete rest.KADENCE_TEST_POSTGRES_URL;
  process.exit(await runCommand(rest));
}

const server = await startThrowawayPostgres(bindir).catch((error: unknown) => {
  // The other tests still run; each PostgreSQL test file then tries on its own and fails visibly.
  console.error(`Throwaway PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}`);
  return null;
});
if (!server) {
  if (command.length === 0) process.exit(1);
  const rest: NodeJS.ProcessEnv = { ...process.env };
  delete rest.KADENCE_TEST_POSTGRES_URL;
  process.exit(await runCommand(rest));
}
process.on('exit', () => server.stop());
if (command.length === 0) {
  console.log(`KADENCE_TEST_POSTGRES_URL=${server.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
}
console.log(`Throwaway PostgreSQL on ${new URL(server.url).host}`);
const env: NodeJS.ProcessEnv = { ...process.env, KADENCE_TEST_POSTGRES_URL: server.url };
delete env.DATABASE_URL;
process.exit(await runCommand(env));
