import { access } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { FIELDS, type Field, type Mapping, PRESETS, type PresetName } from '../../shared/fields.ts';
import type { ImportSkipped, ImportWarning } from '../../shared/schemas/imports.ts';
import type { CliContext } from '../admin/context.ts';
import { invalid } from '../errors.ts';
import { quoted } from './errors.ts';

/** `--map score=Karakter,comment=Begrundelse` → { score: 'Karakter', comment: 'Begrundelse' }. */
export function parseMapOption(text: string): Mapping {
  const mapping: Mapping = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    const field = pair.slice(0, at).trim();
    const header = pair.slice(at + 1).trim();
    if (at < 1 || !header) throw invalid(`--map expects field=Header pairs separated by commas, got "${pair}"`);
    if (!(FIELDS as readonly string[]).includes(field))
      throw invalid(`--map: "${field}" is not a field; fields are ${FIELDS.join(', ')}`);
    mapping[field as Field] = header;
  }
  return mapping;
}

/** A preview warning as the command line says it (the web client words the same codes itself). */
export function warningText(warning: ImportWarning): string {
  const { params } = warning;
  switch (warning.code) {
    case 'UNMAPPED_TEXT':
      return `the column ${quoted(params.column ?? '')} holds long free text and is not imported; map it with --map comment=${quoted(params.column ?? '')} if it is the comment`;
    case 'NO_SCORE_OR_COMMENT':
      return 'no column was recognised as a score or a comment';
    case 'AMBIGUOUS_COLUMN':
      return `${params.columns ?? ''} could each be the ${params.field ?? ''}; choose one with --map ${params.field ?? ''}=…`;
    case 'HEADER_BELOW_TITLE':
      return `the header is on line ${params.line ?? ''}; the title and note rows above it were passed over`;
  }
}

const skippedText = (row: ImportSkipped): string =>
  `  line ${row.line}: skipped, ${row.code === 'SUMMARY_ROW' ? 'a total or summary row' : 'a note below the table'} ("${row.label}")`;

export function registerImportCommands(program: Command, context: CliContext): void {
  program
    .command('import')
    .description('import a feedback export (CSV, TSV, XLSX, JSON, NDJSON) into a team')
    .requiredOption('--team <slug>')
    .requiredOption('--file <path>')
    .option('--preset <name>', `one of ${PRESETS.join(', ')} (recognised from the header when left out)`)
    .option('--map <pairs>', 'column mapping, e.g. score=Karakter,comment=Begrundelse')
    .option('--mapping <name>', 'a mapping the team saved under this name')
    .option('--save-mapping <name>', 'save the mapping used under this name for the next file')
    .option('--json', 'machine-readable output', false)
    .action(
      async (options: {
        team: string;
        file: string;
        preset?: string;
        map?: string;
        mapping?: string;
        saveMapping?: string;
        json: boolean;
      }) => {
        if (options.preset !== undefined && !(PRESETS as readonly string[]).includes(options.preset)) {
          throw invalid(`--preset "${options.preset}" is unknown; use one of ${PRESETS.join(', ')}`);
        }
        const given = options.map === undefined ? undefined : parseMapOption(options.map);
        const path = resolve(options.file);
        try {
          await access(path);
        } catch {
          throw invalid(`cannot read ${options.file}`);
        }
        const { close, services } = await context.openImports();
        try {
          const team = await services.teams.bySlug(options.team);
          let mapping = given;
          if (options.mapping !== undefined) {
            const saved = (await services.mappings.list(team.id)).find((entry) => entry.name === options.mapping);
            if (!saved) throw invalid(`the team has no saved mapping called "${options.mapping}"`);
            mapping = { ...saved.mapping, ...given };
          }
          const preview = await services.imports.preview(
            path,
            basename(path),
            options.preset as PresetName | undefined,
            mapping,
          );
          // Without a score and a comment nothing useful would arrive: refused (in one line) until mapped.
          if (!mapping && preview.warnings.some((warning) => warning.code === 'NO_SCORE_OR_COMMENT')) {
            throw invalid(
              `no column was recognised as a score or a comment; map them with --map score=…,comment=… (columns: ${preview.headers.slice(0, 12).map(quoted).join(', ')})`,
            );
          }
          for (const warning of preview.warnings) process.stderr.write(`kadence: warning: ${warningText(warning)}\n`);
          const result = await services.imports.importFile({
            team,
            path,
            fileName: basename(path),
            channel: 'cli',
            userId: null,
            preset: options.preset as PresetName | undefined,
            mapping,
          });
          if (options.saveMapping !== undefined && mapping)
            await services.mappings.save(team.id, options.saveMapping, mapping);
          // Skipped totals and notes appear only when there are some, so the usual answer keeps its shape.
          const summary = {
            imported: result.imported,
            updated: result.updated,
            duplicates: result.duplicates,
            rejected: result.rejected,
            errors: result.errors,
            ...(result.skipped.length > 0 ? { skipped: result.skipped } : {}),
          };
          const lines = [
            ...result.errors.slice(0, 20).map((error) => `  line ${error.line}: ${error.message}`),
            ...result.skipped.map(skippedText),
          ];
          const skipped = result.skipped.length > 0 ? `, skipped ${result.skipped.length}` : '';
          context.out(
            options.json,
            summary,
            [
              `imported ${result.imported}, updated ${result.updated}, duplicates ${result.duplicates}, rejected ${result.rejected}${skipped}`,
              ...lines,
            ].join('\n'),
          );
        } finally {
          await close();
        }
      },
    );
}
