import type { Field, ImportWarning, Mapping } from '../../shared/schemas/imports.ts';
import { recogniseColumns } from './columns.ts';

/** Four words of letters: prose, not a date, a number, a code or an address. */
const PROSE = /(?:\p{L}{2,}[^\p{L}]+){3,}\p{L}{2,}/u;

/** A column of free text: most filled values read as prose, and they are not short. */
export function looksLikeFreeText(values: string[]): boolean {
  const filled = values.map((value) => value.trim()).filter((value) => value !== '');
  if (filled.length === 0) return false;
  const prose = filled.filter((value) => PROSE.test(value)).length;
  const mean = filled.reduce((sum, value) => sum + value.length, 0) / filled.length;
  return prose * 2 >= filled.length && mean >= 25;
}

export interface PreviewFindings {
  unmapped: string[];
  warnings: ImportWarning[];
}

/**
 * What the mapping screen (and the command line) should point out before an import: columns no field
 * takes, the long free text among them, no score and no comment, fields two columns could fill, and a
 * header found below title rows.
 */
export function previewFindings(input: {
  headers: string[];
  mapping: Mapping;
  generic: boolean;
  headerLine: number | null;
  sample: Record<string, string>[];
}): PreviewFindings {
  const { headers, mapping } = input;
  const used = new Set(Object.values(mapping));
  const unmapped = headers.filter((header) => !used.has(header));
  const warnings: ImportWarning[] = [];
  if (!mapping.score && !mapping.comment) warnings.push({ code: 'NO_SCORE_OR_COMMENT', params: {} });
  if (input.generic) {
    for (const [field, columns] of Object.entries(recogniseColumns(headers).ambiguous) as [Field, string[]][]) {
      if (!mapping[field] && columns.every((column) => !used.has(column)))
        warnings.push({ code: 'AMBIGUOUS_COLUMN', params: { field, columns: columns.join(', ') } });
    }
  }
  for (const column of unmapped) {
    if (looksLikeFreeText(input.sample.map((values) => values[column] ?? '')))
      warnings.push({ code: 'UNMAPPED_TEXT', params: { column } });
  }
  if (input.headerLine !== null && input.headerLine > 1)
    warnings.push({ code: 'HEADER_BELOW_TITLE', params: { line: String(input.headerLine) } });
  return { unmapped, warnings };
}
