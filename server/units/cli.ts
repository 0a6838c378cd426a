import type { Command } from 'commander';
import type { User } from '../../shared/schemas/auth.ts';
import type { CliContext } from '../admin/context.ts';

/** The command line acts with the workspace's full rights, as the admin does in the app. */
const COMMAND_LINE: User = { id: 0, email: '', name: 'command line', isAdmin: true };

export function registerUnitCommands(program: Command, context: CliContext): void {
  const unit = program.command('unit').description('the organisation: units above the teams');
  const run = async <T>(work: (services: Awaited<ReturnType<CliContext['open']>>['services']) => Promise<T>) => {
    const { close, services } = await context.open();
    try {
      return await work(services);
    } finally {
      await close();
    }
  };

  unit
    .command('create')
    .description('create a unit, at the top or below a parent unit')
    .requiredOption('--name <name>')
    .option('--parent <id|name>', 'the unit above it')
    .option('--json', 'machine-readable output', false)
    .action(async (options: { name: string; parent?: string; json: boolean }) =>
      run(async (services) => {
        const parentId = options.parent === undefined ? null : (await services.units.resolve(options.parent)).id;
        const created = await services.units.create(COMMAND_LINE, { name: options.name, parentId });
        context.out(options.json, created, `created unit ${created.name} (id ${created.id})`);
      }),
    );

  unit
    .command('add-team')
    .description('place a team in a unit (a team in another unit moves)')
    .requiredOption('--unit <id|name>')
    .requiredOption('--team <slug>')
    .option('--json', 'machine-readable output', false)
    .action(async (options: { unit: string; team: string; json: boolean }) =>
      run(async (services) => {
        const placed = await services.units.addTeam(
          COMMAND_LINE,
          (await services.units.resolve(options.unit)).id,
          options.team,
        );
        context.out(options.json, placed, `${options.team} is in ${placed.name}`);
      }),
    );

  unit
    .command('add-lead')
    .description('make someone a lead of a unit: they read everything below it')
    .requiredOption('--unit <id|name>')
    .requiredOption('--email <email>')
    .option('--json', 'machine-readable output', false)
    .action(async (options: { unit: string; email: string; json: boolean }) =>
      run(async (services) => {
        const led = await services.units.addLead(
          COMMAND_LINE,
          (await services.units.resolve(options.unit)).id,
          options.email,
        );
        context.out(options.json, led, `${options.email} leads ${led.name}`);
      }),
    );

  unit
    .command('list')
    .description('the tree, with each unit’s teams and leads')
    .option('--json', 'machine-readable output', false)
    .action(async (options: { json: boolean }) =>
      run(async (services) => {
        const all = await services.units.list(COMMAND_LINE);
        const lines: string[] = [];
        const walk = (parentId: number | null, depth: number) => {
          for (const entry of all.filter((row) => row.parentId === parentId)) {
            const teams = entry.teams.map((team) => team.slug).join(', ') || '-';
            const leads = entry.leads.map((lead) => lead.email).join(', ') || '-';
            lines.push(`${'  '.repeat(depth)}${entry.name} (id ${entry.id}) teams: ${teams}; leads: ${leads}`);
            walk(entry.id, depth + 1);
          }
        };
        walk(null, 0);
        context.out(options.json, { units: all }, lines.length ? lines.join('\n') : 'no units yet');
      }),
    );
}
