import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../../server/db/migrate.ts';
import { MASK } from '../../../shared/redact.ts';
import { makeServices } from '../../helpers/services.ts';

const MIGRATIONS = readMigrations(new URL('../../../migrations', import.meta.url).pathname);
const CODES_FROM = MIGRATIONS.findIndex((file) => file.name.includes('_rejection_codes'));

describe('reasons kept as English sentences before they had codes (migration)', () => {
  // Every sentence the import wrote before, with the code and params it must become.
  const cases: [string, string, Record<string, unknown>][] = [
    ['the row has neither a score nor a comment', 'NO_SCORE_OR_COMMENT', {}],
    ['a quoted field is never closed (missing ")', 'QUOTE_NOT_CLOSED', {}],
    ['a quoted field has a stray " inside it', 'STRAY_QUOTE', {}],
    ['the entry is not an object', 'ENTRY_NOT_OBJECT', {}],
    ['the line is not a JSON object', 'LINE_NOT_OBJECT', {}],
    ['the line is not valid JSON', 'LINE_NOT_JSON', {}],
    ['no rating was given (offered)', 'RATING_NOT_GIVEN', { value: 'offered' }],
    ['no rating was given (empty)', 'RATING_NOT_GIVEN', { value: '' }],
    ['"31/02/2026" is not a date Kadence can read', 'DATE_UNREADABLE', { value: '31/02/2026' }],
    ['"say "hi"" is not a date Kadence can read', 'DATE_UNREADABLE', { value: 'say "hi"' }],
    ['"igår" is not a reply date Kadence can read', 'REPLY_DATE_UNREADABLE', { value: 'igår' }],
    ['"kpi" is not a known metric (nps, csat, ces or rating)', 'METRIC_UNKNOWN', { value: 'kpi' }],
    ['the score "7,5" is not a whole number', 'SCORE_NOT_WHOLE', { value: '7,5' }],
    ['the score "8" has no metric; map a metric column or choose the metric', 'SCORE_NO_METRIC', { value: '8' }],
    ['the score 11 is outside 0–10 for NPS', 'SCORE_OUT_OF_RANGE', { value: '11', metric: 'nps', low: 0, high: 10 }],
    ['the score 6 is outside 1–5 stars', 'SCORE_OUT_OF_RANGE', { value: '6', metric: 'rating', low: 1, high: 5 }],
    ['the score 9 is outside 1–7 for CES', 'SCORE_OUT_OF_RANGE', { value: '9', metric: 'ces', low: 1, high: 7 }],
    ['"meh" is not a Zendesk rating (good or bad)', 'RATING_NOT_GOOD_OR_BAD', { value: 'meh' }],
    ['the date is missing (column "Dato")', 'DATE_MISSING', { column: 'Dato' }],
    ['the row has 2 fields; the header has 3', 'FIELD_COUNT', { fields: 2, expected: 3 }],
    [
      'the field "comment" is 3,000,000 characters long; the limit is 20,000',
      'FIELD_TOO_LONG',
      { column: 'comment', length: 3_000_000, limit: 20_000 },
    ],
    ['something a later version wrote', 'OTHER', { text: 'something a later version wrote' }],
    ['the score is odd', 'OTHER', { text: 'the score is odd' }],
  ];

  it('recognises each known wording as its code and params, keeps any other whole, and words them the same again', () => {
    expect(CODES_FROM).toBeGreaterThan(0);
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF');
    migrate(db, MIGRATIONS.slice(0, CODES_FROM));
    const insert = db.prepare('INSERT INTO feedback_import_errors (import_id, line, reason) VALUES (1, ?, ?)');
    cases.forEach(([reason], index) => insert.run(index + 2, reason));
    migrate(db, MIGRATIONS);
    const rows = db
      .prepare<[], { line: number; code: string; params: string }>(
        'SELECT line, code, params FROM feedback_import_errors ORDER BY line',
      )
      .all();
    expect(rows.map((row) => [row.code, JSON.parse(row.params)])).toEqual(
      cases.map(([, code, params]) => [code, params]),
    );
    expect(db.prepare(`SELECT name FROM pragma_table_info('feedback_import_errors')`).pluck().all()).toEqual([
      'id',
      'import_id',
      'line',
      'code',
      'params',
    ]);
  });

  it('the English message of a migrated reason is the sentence it was', async () => {
    const { db, services, team } = await makeServices();
    const importId = (
      await services.imports.ingestBatch(team, [
        { id: 'a', receivedAt: '2026-11-02T09:00:00Z', metric: 'nps', score: 9 },
      ])
    ).importId;
    const insert = db.prepare('INSERT INTO feedback_import_errors (import_id, line, code, params) VALUES (?, ?, ?, ?)');
    cases.forEach(([, code, params], index) => insert.run(importId, index + 2, code, JSON.stringify(params)));
    expect((await services.imports.errors(importId)).map((error) => error.message)).toEqual(
      cases.map(([reason]) => reason),
    );
  });
});

describe('rejections as codes', () => {
  it('a webhook batch answers each rejected row with its code, typed params and English message', async () => {
    const { services, team } = await makeServices();
    const result = await services.imports.ingestBatch(team, [
      { id: 'a', receivedAt: 'i går', metric: 'nps', score: 9 },
      { id: 'b', receivedAt: '2026-11-02T09:00:00Z', metric: 'nps', score: 12 },
      { id: 'c', receivedAt: '2026-11-02T09:00:00Z', metric: 'kpi', score: 3 },
      { id: 'd', receivedAt: '2026-11-02T09:00:00Z' },
    ]);
    expect(result.errors).toEqual([
      {
        line: 1,
        code: 'DATE_UNREADABLE',
        params: { value: 'i går' },
        message: '"i går" is not a date Kadence can read',
      },
      {
        line: 2,
        code: 'SCORE_OUT_OF_RANGE',
        params: { value: '12', metric: 'nps', low: 0, high: 10 },
        message: 'the score 12 is outside 0–10 for NPS',
      },
      {
        line: 3,
        code: 'METRIC_UNKNOWN',
        params: { value: 'kpi' },
        message: '"kpi" is not a known metric (nps, csat, ces or rating)',
      },
      { line: 4, code: 'NO_SCORE_OR_COMMENT', params: {}, message: 'the row has neither a score nor a comment' },
    ]);
  });

  it('a reply date that cannot be read is masked like every other value', async () => {
    const { services, team } = await makeServices();
    const dir = mkdtempSync(join(tmpdir(), 'kadence-reply-'));
    const path = join(dir, 'replies.csv');
    writeFileSync(path, 'date,score,svar\n2026-11-02,9,svar sendt til anna@example.dk\n');
    try {
      const result = await services.imports.importFile({
        team,
        path,
        fileName: 'replies.csv',
        channel: 'cli',
        userId: null,
        mapping: { receivedAt: 'date', score: 'score', repliedAt: 'svar' },
      });
      expect(result.errors).toEqual([
        {
          line: 2,
          code: 'REPLY_DATE_UNREADABLE',
          params: { value: 'svar sendt til [e-mail]' },
          message: '"svar sendt til [e-mail]" is not a reply date Kadence can read',
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a stored row of a code this version does not know is shown by its code, not lost', async () => {
    const { db, services, team } = await makeServices();
    const importId = (
      await services.imports.ingestBatch(team, [
        { id: 'a', receivedAt: '2026-11-02T09:00:00Z', metric: 'nps', score: 9 },
      ])
    ).importId;
    db.prepare(
      `INSERT INTO feedback_import_errors (import_id, line, code, params) VALUES (?, 5, 'FROM_THE_FUTURE', '{"x":1}')`,
    ).run(importId);
    db.prepare(
      `INSERT INTO feedback_import_errors (import_id, line, code, params) VALUES (?, 6, 'DATE_UNREADABLE', '{"value":3}')`,
    ).run(importId);
    expect(await services.imports.errors(importId)).toEqual([
      { line: 5, code: 'OTHER', params: { text: 'FROM_THE_FUTURE' }, message: 'FROM_THE_FUTURE' },
      { line: 6, code: 'OTHER', params: { text: 'DATE_UNREADABLE' }, message: 'DATE_UNREADABLE' },
    ]);
  });
});

describe('erasing a customer reaches the params of rejected rows', () => {
  it('replaces their reference in every rejection that quotes it, including reasons kept whole, and leaves other rows', async () => {
    const { db, services, team } = await makeServices();
    const reference = 'Kunde "Ørsted-77"';
    const result = await services.imports.ingestBatch(team, [
      {
        id: 'a',
        receivedAt: '2026-11-02T09:00:00Z',
        metric: 'nps',
        score: 3,
        comment: 'Pakken kom for sent',
        customer: reference,
      },
      // Their reference ended up in the date and the metric columns of rejected rows.
      { id: 'b', receivedAt: reference, metric: 'nps', score: 2, customer: reference },
      { id: 'c', receivedAt: '2026-11-02T09:00:00Z', metric: `kunde "ørsted-77"`, score: 2 },
      { id: 'd', receivedAt: 'Bo Berg', metric: 'nps', score: 2, customer: 'Bo Berg' },
    ]);
    db.prepare(`INSERT INTO feedback_import_errors (import_id, line, code, params) VALUES (?, 9, 'OTHER', ?)`).run(
      result.importId,
      JSON.stringify({ text: `the customer ${reference} wrote nothing` }),
    );
    expect(result.errors.map((error) => error.params)).toEqual([
      { value: reference },
      { value: 'kunde "ørsted-77"' },
      { value: 'Bo Berg' },
    ]);

    expect(await services.feedback.eraseCustomer(team, reference)).toBe(1);
    expect(await services.imports.errors(result.importId)).toEqual([
      {
        line: 2,
        code: 'DATE_UNREADABLE',
        params: { value: MASK.erased },
        message: `"${MASK.erased}" is not a date Kadence can read`,
      },
      {
        line: 3,
        code: 'METRIC_UNKNOWN',
        params: { value: MASK.erased },
        message: `"${MASK.erased}" is not a known metric (nps, csat, ces or rating)`,
      },
      {
        line: 4,
        code: 'DATE_UNREADABLE',
        params: { value: 'Bo Berg' },
        message: '"Bo Berg" is not a date Kadence can read',
      },
      {
        line: 9,
        code: 'OTHER',
        params: { text: `the customer ${MASK.erased} wrote nothing` },
        message: `the customer ${MASK.erased} wrote nothing`,
      },
    ]);
    expect(JSON.stringify(db.prepare('SELECT * FROM feedback_import_errors').all()).toLowerCase()).not.toContain(
      'ørsted',
    );
  });
});
