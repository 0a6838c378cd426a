import type { Command } from 'commander';
import type { CliContext } from '../admin/context.ts';
import { invalid } from '../errors.ts';

export function registerMeetingCommands(program: Command, context: CliContext): void {
  const cadence = program.command('cadence').description('the team’s meeting rhythm');
  cadence
    .command('set')
    .description(
      'set the cadence from a date on, in the team’s time zone, e.g. --rrule FREQ=MONTHLY;BYDAY=2TU --time 10:00 --duration 60',
    )
    .requiredOption('--team <slug>')
    .requiredOption('--rrule <rule>')
    .requiredOption('--time <HH:MM>')
    .requiredOption('--duration <minutes>')
    .option('--from <YYYY-MM-DD>', 'first day the rule applies (default: today)')
    .option('--json', 'machine-readable output', false)
    .action(
      async (options: {
        team: string;
        rrule: string;
        time: string;
        duration: string;
        from?: string;
        json: boolean;
      }) => {
        if (!/^\d+$/.test(options.duration))
          throw invalid(`--duration must be whole minutes, got "${options.duration}"`);
        const { close, services } = await context.open();
        try {
          const team = await services.teams.bySlug(options.team);
          const rule = await services.meetings.setCadence(
            team,
            { rrule: options.rrule, time: options.time, durationMinutes: Number(options.duration), from: options.from },
            null,
          );
          const next = await services.meetings.next(team);
          context.out(
            options.json,
            { ...rule, next: next?.starts_at ?? null },
            `cadence of ${team.slug}: ${rule.rrule} at ${rule.startTime} ${rule.timezone}, ${rule.durationMinutes} min, from ${rule.validFrom}; next ${next?.starts_at ?? 'none'}`,
          );
        } finally {
          await close();
        }
      },
    );

  program
    .command('ics')
    .description('print the team’s calendar feed (iCalendar)')
    .requiredOption('--team <slug>')
    .action(async (options: { team: string }) => {
      const { close, services } = await context.open();
      try {
        process.stdout.write(await services.meetings.feed(await services.teams.bySlug(options.team)));
      } finally {
        await close();
      }
    });
}
