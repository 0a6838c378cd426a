import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CliContext } from '../admin/context.ts';
import { invalid } from '../errors.ts';

/**
 * `kadence themes suggest --file items.jsonl [--team SLUG] [--json]`: the suggestion service on a
 * file. Without --team it opens no database; with it, the team's earlier theme names are matched.
 */
export function registerThemesCommands(program: Command, context: CliContext): void {
  const themes = program.command('themes').description('theme suggestions');
  themes
    .command('suggest')
    .description('group comments (JSON Lines of {"id","text","language"?}) into suggested themes')
    .requiredOption('--file <path>')
    .option('--team <slug>', "match the team's earlier themes first")
    .option('--json', 'machine-readable output', false)
    .action(async (options: { file: string; team?: string; json: boolean }) => {
      let content: string;
      try {
        content = await readFile(options.file, 'utf8');
      } catch {
        throw invalid(`cannot read ${options.file}`);
      }
      const [{ parseItemsJsonl }, { suggestThemesOffLoop }] = await Promise.all([
        import('./input.ts'),
        import('./worker-runner.ts'),
      ]);
      const items = parseItemsJsonl(content);
      let earlier: string[] = [];
      let language: 'da' | 'en' | undefined;
      if (options.team !== undefined) {
        const [{ createThemesRepo }, { store, services, close }] = await Promise.all([
          import('./repo.ts'),
          context.openImports(),
        ]);
        try {
          const team = await services.teams.bySlug(options.team);
          language = team.language;
          earlier = await createThemesRepo(store.db).earlierThemeNames(team.id);
        } finally {
          await close();
        }
      }
      const result = await suggestThemesOffLoop({ items, earlierThemes: earlier.map((name) => ({ name })), language });
      const json = {
        themes: result.themes.map((theme) => ({
          name: theme.name,
          ids: theme.ids,
          ...(theme.matched !== undefined ? { matched: theme.matched } : {}),
        })),
        unassigned: result.unassigned,
      };
      const text = [
        ...result.themes.map(
          (theme) =>
            `${theme.name}${theme.matched !== undefined ? ' (earlier theme)' : ''}: ${theme.ids.length} (${theme.ids.join(', ')})`,
        ),
        `unassigned: ${result.unassigned.length}`,
      ].join('\n');
      context.out(options.json, json, text);
    });
}
