import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { AppError } from '../errors.ts';
import { registerActionsCommands } from '../actions/cli.ts';
import { registerFeedbackCommands } from '../feedback/cli.ts';
import { registerImportCommands } from '../imports/cli.ts';
import { registerLeaderDigestCommands } from '../leader-digest/cli.ts';
import { registerMeetingCommands } from '../meetings/cli.ts';
import { registerThemesCommands } from '../themes/cli.ts';
import { registerUnitCommands } from '../units/cli.ts';
import { KADENCE_VERSION } from '../version.ts';
import { migratedVersion } from '../db/kysely/store.ts';
import { createCliContext } from './context.ts';

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const context = createCliContext(env);
  const { open, out, readStdin } = context;
  let exitCode = 0;

  const program = new Command('kadence')
    .description('Kadence admin command line')
    .version(KADENCE_VERSION, '-V, --version', 'print the Kadence version')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text.split('\n')[0] + '\n') });

  const user = program.command('user').description('manage accounts');
  user
    .command('create')
    .description('create an account; the password is read from stdin')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .option('--admin', 'make the account a workspace admin', false)
    .option('--json', 'machine-readable output', false)
    .action(async (options: { email: string; name: string; admin: boolean; json: boolean }) => {
      const password = readStdin();
      const { close, services } = await open();
      try {
        const created = await services.users.create({
          email: options.email,
          name: options.name,
          password,
          isAdmin: options.admin,
        });
        out(options.json, created, `created user ${created.email} (id ${created.id})`);
      } finally {
        await close();
      }
    });

  const team = program.command('team').description('manage teams');
  team
    .command('create')
    .requiredOption('--name <name>')
    .requiredOption('--slug <slug>')
    .option('--timezone <tz>', 'IANA time zone', 'Europe/Copenhagen')
    .option('--language <lang>', "da or en: the language of the team's defaults (default: DEFAULT_LANGUAGE)")
    .option('--json', 'machine-readable output', false)
    .action(async (options: { name: string; slug: string; timezone: string; language?: string; json: boolean }) => {
      const { close, services } = await open();
      try {
        const created = await services.teams.create(options);
        out(options.json, created, `created team ${created.slug} (${created.timezone}, ${created.language})`);
      } finally {
        await close();
      }
    });
  team
    .command('add-member')
    .requiredOption('--team <slug>')
    .requiredOption('--email <email>')
    .requiredOption('--role <role>', 'lead, facilitator or member')
    .option('--json', 'machine-readable output', false)
    .action(async (options: { team: string; email: string; role: string; json: boolean }) => {
      const { close, services } = await open();
      try {
        const member = await services.teams.addMember(options.team, options.email, options.role);
        out(options.json, { team: options.team, ...member }, `${member.email} is ${member.role} in ${options.team}`);
      } finally {
        await close();
      }
    });

  program
    .command('backup')
    .description('write a consistent copy of the live database')
    .requiredOption('--to <file>')
    .option('--json', 'machine-readable output', false)
    .action(async (options: { to: string; json: boolean }) => {
      const { store, close } = await open();
      try {
        if (!store.sqlite) {
          throw new Error("backup copies the SQLite file; on PostgreSQL use pg_dump or the database's own backups");
        }
        const target = resolve(options.to);
        // better-sqlite3's online backup copies page by page while the server keeps writing.
        await store.sqlite.backup(target);
        out(options.json, { file: target }, `backup written to ${target}`);
      } finally {
        await close();
      }
    });

  program
    .command('migrate')
    .description('apply the migrations the database lacks (the server does this on start too)')
    .option('--json', 'machine-readable output', false)
    .action(async (options: { json: boolean }) => {
      // Opening the store migrates it to head, or refuses a database newer than this release.
      const { store, close } = await open();
      try {
        const version = await migratedVersion(store);
        out(
          options.json,
          { store: store.dialect, version },
          `${store.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} database at migration ${version}`,
        );
      } finally {
        await close();
      }
    });

  // Each area adds its own commands here, with the same context.
  registerImportCommands(program, context);
  registerFeedbackCommands(program, context);
  registerMeetingCommands(program, context);
  registerActionsCommands(program, context);
  registerThemesCommands(program, context);
  registerUnitCommands(program, context);
  registerLeaderDigestCommands(program, context);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      exitCode = error.exitCode === 0 ? 0 : 2;
    } else {
      const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
      process.stderr.write(`kadence: ${message.split('\n')[0]}\n`);
      exitCode = 1;
    }
  }
  return exitCode;
}
