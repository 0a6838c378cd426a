import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Store } from '../db/kysely/store.ts';
import { FIELDS, type Mapping, type Metric, type PresetName } from '../../shared/fields.ts';
import type { ImportError, ImportProgress, ImportSkipped, Preview } from '../../shared/schemas/imports.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { loadPseudonymiser } from '../feedback/pseudonym.ts';
import { metricFromHeader, metricFromValues } from './columns.ts';
import { type DateOrder, ZonedClock, needsOrder, orderEvidence } from './dates.ts';
import { columnList, isStorageFull, notFeedbackFile, quoted, storageFull } from './errors.ts';
import { type NewFeedback, type RowContext, normaliseRow } from './normalise.ts';
import { OccurrenceCounter } from './occurrences.ts';
import { BatchPacer } from './pacer.ts';
import { type RejectedRow, withMessage } from './rejections.ts';
import { GENERIC } from './presets.ts';
import { type FeedbackFile, openFeedbackFile } from './reader.ts';
import { type Counts, type ImportsRepoDeps, createImportsRepo } from './repo.ts';
import { previewFindings } from './warnings.ts';

// Batches are sized to hold the event loop ~15 ms each (bench:import prints how long it was held).
const PACE = { targetMs: 15, initial: 500, min: 50, max: 2000 };

export interface ImportRequest {
  team: { id: number; timezone: string };
  path: string;
  fileName: string;
  channel: 'file' | 'cli';
  userId: number | null;
  preset?: PresetName | undefined;
  mapping?: Mapping | undefined;
  onProgress?: ((progress: Omit<ImportProgress, 'importId'> & { importId: number }) => void) | undefined;
}

export interface ImportResult extends Counts {
  importId: number;
  errors: ImportError[];
  /** Totals and notes below the table: left out, not counted as rows. */
  skipped: ImportSkipped[];
}

/** The mapping that applies: the tool's own, then whatever the person chose on top. */
function resolveMapping(file: FeedbackFile, chosen: Mapping | undefined): Mapping {
  const mapping: Mapping = { ...file.preset.mapping(file.headers), ...chosen };
  for (const [field, header] of Object.entries(mapping)) {
    if (!(FIELDS as readonly string[]).includes(field))
      throw invalid(`"${field}" is not a field; fields are ${FIELDS.join(', ')}`);
    if (!file.headers.includes(header))
      throw invalid(
        `the column "${header}" is not in the file; its columns are ${file.headers.map(quoted).join(', ')}`,
      );
  }
  return mapping;
}

function missingFields(mapping: Mapping): string[] {
  const missing: string[] = [];
  if (!mapping.receivedAt) missing.push('receivedAt');
  if (!mapping.score && !mapping.comment && !mapping.title) missing.push('score or comment');
  return missing;
}

/**
 * Before importing, one pass over what cannot be decided row by row: the date order of a
 * day/month column (from the whole column, never per row) and the metric of a plain score column.
 */
async function scanColumns(
  file: FeedbackFile,
  mapping: Mapping,
  preset: FeedbackFile['preset'],
): Promise<{ dateOrder: DateOrder; metric: Metric | null }> {
  let metric: Metric | null = preset.metric ?? (mapping.score ? metricFromHeader(mapping.score) : null);
  const needMetric = metric === null && mapping.score !== undefined && mapping.metric === undefined;
  let dateOrder: DateOrder | null = null;
  let checkOrder = false;
  const scores: number[] = [];
  const proof: Partial<Record<DateOrder, number>> = {};
  for await (const record of file.records()) {
    if (record.skipped) continue;
    const date = mapping.receivedAt ? (record.values[mapping.receivedAt] ?? '') : '';
    if (!checkOrder && date && needsOrder(date)) checkOrder = true;
    if (checkOrder) {
      const evidence = orderEvidence(date);
      if (evidence && proof[evidence] === undefined) proof[evidence] = record.line;
    }
    if (needMetric && scores.length < 5000) {
      const score = Number((record.values[mapping.score ?? ''] ?? '').replace(',', '.'));
      if ((record.values[mapping.score ?? ''] ?? '').trim() !== '' && Number.isFinite(score)) scores.push(score);
    }
    // Without day/month dates and with the metric known, there is nothing more to learn.
    if (!checkOrder && !needMetric && record.line > 50) break;
    if (!checkOrder && needMetric && scores.length >= 5000) break;
  }
  if (proof.dmy !== undefined && proof.mdy !== undefined) {
    throw invalid(
      `the dates in "${mapping.receivedAt}" mix day/month (line ${proof.dmy}) and month/day (line ${proof.mdy}); fix the column or export it again`,
    );
  }
  dateOrder = proof.dmy !== undefined ? 'dmy' : proof.mdy !== undefined ? 'mdy' : (preset.dateOrder ?? 'dmy');
  if (needMetric) metric = metricFromValues(scores);
  return { dateOrder, metric };
}

export function createImportsService(deps: { store: Store; repo: ImportsRepoDeps }) {
  const { store } = deps;
  const imports = createImportsRepo(store.db, deps.repo);
  /** The repository over one transaction of the store, for the steps that write. */
  async function within<T>(work: (repo: ReturnType<typeof createImportsRepo>) => Promise<T>): Promise<T> {
    let cause: unknown;
    try {
      return await store.transaction(async (trx) => {
        try {
          return await work(createImportsRepo(trx, deps.repo));
        } catch (error) {
          cause = error;
          throw error;
        }
      });
    } catch (error) {
      // SQLite rolls a transaction back by itself on some errors (a full disk); the ROLLBACK after
      // it then finds no transaction, and that error would hide the cause the caller must see.
      throw cause ?? error;
    }
  }
  // The key is read once, when the first import needs it (a failed read is tried again next time).
  let pseudonymiser: Promise<(reference: string) => string> | undefined;
  const loadKey = () =>
    (pseudonymiser ??= loadPseudonymiser(store.db).catch((error: unknown) => {
      pseudonymiser = undefined;
      throw error;
    }));
  const utcClock = new ZonedClock('UTC');

  /** Reasons are masked when written; reports kept from before that are masked on the way out (repo). */
  const maskedErrors = (importId: number): Promise<ImportError[]> => imports.errors(importId);

  async function removeRows(importId: number): Promise<void> {
    await imports.discardStaged(importId);
    while ((await imports.deleteSomeRows(importId)) > 0) await yieldToLoop();
  }

  return {
    /** The header, the recognised tool and mapping, and the first rows: what the mapping screen shows. */
    async preview(path: string, fileName: string, preset?: PresetName, mapping?: Mapping): Promise<Preview> {
      const file = await openFeedbackFile(path, fileName, preset);
      const resolved = resolveMapping(file, mapping);
      // Fifty rows show which unmapped columns hold free text; five are shown.
      const sample: Record<string, string>[] = [];
      for await (const record of file.records()) {
        if (!record.skipped) sample.push(record.values);
        if (sample.length >= 50) break;
      }
      const rows = sample.slice(0, 5).map((values) => file.headers.map((header) => values[header] ?? ''));
      const { unmapped, warnings } = previewFindings({
        headers: file.headers,
        mapping: resolved,
        generic: file.preset.name === 'generic',
        headerLine: file.headerLine,
        sample,
      });
      return {
        format: file.format,
        encoding: file.encoding,
        preset: file.preset.name,
        headers: file.headers,
        headerLine: file.headerLine,
        rows,
        mapping: resolved as Record<string, string>,
        unmapped,
        missing: missingFields(resolved),
        warnings,
      };
    },

    /**
     * Streams a file into the team's feedback in batches sized to ~15 ms of work, yielding to the
     * event loop between batches so live meetings keep running. The import stays invisible until it is done;
     * if anything fails, its rows are removed again: whole or absent.
     */
    async importFile(request: ImportRequest): Promise<ImportResult> {
      const file = await openFeedbackFile(request.path, request.fileName, request.preset);
      const mapping = resolveMapping(file, request.mapping);
      const missing = missingFields(mapping);
      if (missing.length > 0) {
        const columns = columnList(file.headers);
        throw notFeedbackFile(
          missing.length === 2
            ? { reason: 'NO_DATE_OR_SCORE_COLUMN', columns }
            : missing[0] === 'receivedAt'
              ? { reason: 'NO_DATE_COLUMN', columns }
              : { reason: 'NO_SCORE_COLUMN', columns },
        );
      }
      const { dateOrder, metric } = await scanColumns(file, mapping, file.preset);
      const context: RowContext = {
        preset: file.preset,
        mapping,
        metric,
        dateOrder,
        clock: new ZonedClock(request.team.timezone),
        utcClock,
        pseudonymise: await loadKey(),
        occurrences: new OccurrenceCounter(),
      };
      const importId = await imports.start(
        request.team.id,
        request.channel,
        request.fileName,
        file.preset.name,
        request.userId,
      );
      const counts: Counts = { rows: 0, imported: 0, updated: 0, duplicates: 0, rejected: 0 };
      let items: NewFeedback[] = [];
      let errors: RejectedRow[] = [];
      const skipped: ImportSkipped[] = [];
      const pacer = new BatchPacer(PACE);
      const flush = async () => {
        // SQLite writes on this thread, so a batch's write holds the event loop and counts toward
        // the pace; PostgreSQL's runs elsewhere while the loop is free, and counting its round
        // trips would only shrink batches into more, slower transactions.
        if (store.dialect === 'postgres') pacer.pause();
        const { imported, updated } = await within((repo) => repo.writeBatch(request.team.id, importId, items, errors));
        counts.imported += imported;
        counts.updated += updated;
        counts.duplicates += items.length - imported - updated;
        pacer.written(items.length + errors.length);
        items = [];
        errors = [];
        const bytes = Math.min(file.bytesRead(), file.totalBytes);
        request.onProgress?.({
          importId,
          rows: counts.rows,
          bytes,
          totalBytes: file.totalBytes,
          percent: file.totalBytes ? Math.round((bytes / file.totalBytes) * 1000) / 10 : 100,
        });
        await yieldToLoop();
        pacer.resume();
      };
      try {
        for await (const group of file.batches()) {
          pacer.resume();
          for (const record of group) {
            if (record.skipped) {
              skipped.push({ line: record.line, ...record.skipped });
              continue;
            }
            counts.rows++;
            const item = record.problem ?? normaliseRow(record.values, context);
            if ('code' in item) {
              counts.rejected++;
              errors.push({ line: record.line, ...item });
            } else {
              items.push(item);
            }
            if (items.length + errors.length >= pacer.size) await flush();
          }
          pacer.pause();
        }
        await flush();
        if (counts.rows === 0) throw notFeedbackFile({ reason: 'NO_ROWS' });
        // The rows are searchable before the import becomes visible (migrations 0008 and 0009).
        for (let after: number | null = 0; after !== null;) {
          const from: number = after;
          after = await within((repo) => repo.indexSomeRows(importId, from));
          await yieldToLoop();
        }
        // Made visible with its changes applied in one transaction: seen whole or not at all.
        await within((repo) => repo.finish(importId, 'done', counts));
      } catch (error) {
        await imports.finish(importId, 'failed', counts, error instanceof Error ? error.message : String(error));
        await removeRows(importId);
        throw isStorageFull(error) ? storageFull(counts.rows) : error;
      }
      return { importId, ...counts, errors: await maskedErrors(importId), skipped };
    },

    /**
     * A webhook batch from a survey tool: the same validation, pseudonymisation and dedupe as a
     * file, recorded as one import so it can be undone like any other. A batch is small (the body
     * limit bounds it): written, indexed and made visible in one transaction, whole or absent.
     */
    async ingestBatch(
      team: { id: number; timezone: string },
      items: Record<string, string | number | null | undefined>[],
    ): Promise<ImportResult> {
      const mapping: Mapping = {
        receivedAt: 'receivedAt',
        score: 'score',
        comment: 'comment',
        title: 'title',
        externalId: 'id',
        customer: 'customer',
        segment: 'segment',
        source: 'source',
        language: 'language',
        metric: 'metric',
        reply: 'reply',
        repliedAt: 'repliedAt',
      };
      const context: RowContext = {
        preset: { ...GENERIC, source: 'api' },
        mapping,
        metric: null,
        dateOrder: 'dmy',
        clock: new ZonedClock(team.timezone),
        utcClock,
        pseudonymise: await loadKey(),
        occurrences: new OccurrenceCounter(),
      };
      const normalised: NewFeedback[] = [];
      const errors: RejectedRow[] = [];
      items.forEach((item, index) => {
        const values = Object.fromEntries(
          Object.entries(item)
            .filter(([, value]) => value !== null && value !== undefined)
            .map(([key, value]) => [key, String(value)]),
        );
        const result = normaliseRow(values, context);
        if ('code' in result) errors.push({ line: index + 1, ...result });
        else normalised.push(result);
      });
      return within(async (repo) => {
        const importId = await repo.start(team.id, 'api', null, 'api', null);
        const { imported, updated } = await repo.writeBatch(team.id, importId, normalised, errors);
        const counts: Counts = {
          rows: items.length,
          imported,
          updated,
          duplicates: normalised.length - imported - updated,
          rejected: errors.length,
        };
        for (let after: number | null = 0; after !== null;) after = await repo.indexSomeRows(importId, after);
        await repo.finish(importId, 'done', counts);
        return { importId, ...counts, errors: errors.map(withMessage), skipped: [] };
      });
    },

    /**
     * Removes every row an import brought and puts back what its updates changed; the history keeps
     * the import, marked undone.
     */
    async undo(teamId: number, importId: number): Promise<void> {
      const found = await imports.get(teamId, importId);
      if (!found) throw notFound('Import');
      if (found.status === 'undone')
        throw new AppError(
          ErrorCode.IMPORT_ALREADY_UNDONE,
          'the import is undone already; undoing it again changes nothing',
        );
      if (found.status !== 'done') throw invalid(`the import is ${found.status}; only a finished import can be undone`);
      await within((repo) => repo.markUndone(importId));
      await removeRows(importId);
    },

    /** At start-up: imports cut short by a crash are removed, so none is ever half there. */
    async recoverInterrupted(): Promise<number> {
      const ids = await imports.runningIds();
      for (const id of ids) {
        await imports.setStatus(id, 'failed', 'interrupted (the server stopped during the import)');
        await removeRows(id);
      }
      return ids.length;
    },

    list: imports.list,
    get: imports.get,
    errors: maskedErrors,
  };
}
export type ImportsService = ReturnType<typeof createImportsService>;
