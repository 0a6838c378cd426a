import type { Command } from 'commander';
import type { CliContext } from '../admin/context.ts';

export function registerActionsCommands(program: Command, context: CliContext): void {
  const actions = program.command('actions').description('improvement actions');
  actions
    .command('digest')
    .description(
      'e-mail each owner their overdue and due-soon actions (needs SMTP_URL; without it, lists what would be sent)',
    )
    .option('--json', 'machine-readable output', false)
    .action(async (options: { json: boolean }) => {
      // Mail is loaded only for the digest, not by every command of the command line.
      const { sendDigest } = await import('./digest.ts');
      const { close, config, services } = await context.open();
      try {
        const result = await sendDigest(services.store, config.smtpUrl, config.publicUrl);
        const text = result.configured
          ? `sent ${result.sent} digest(s)`
          : `SMTP_URL is not set: nothing sent; ${result.recipients.length} owner(s) have actions overdue or due soon`;
        context.out(options.json, result, text);
      } finally {
        await close();
      }
    });
}
