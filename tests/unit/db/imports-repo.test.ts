import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store, sharedSqliteStore } from '../../../server/db/kysely/store.ts';
import { databasePath, openDatabase } from '../../../server/db/open.ts';
import { createChangesRepo } from '../../../server/imports/changes-repo.ts';
import { createMappingPresets } from '../../../server/imports/mappings.ts';
import type { NewFeedback } from '../../../server/imports/normalise.ts';
import { type Counts, type ImportsRepoDeps, createImportsRepo } from '../../../server/imports/repo.ts';
import { createApiTokens } from '../../../server/imports/tokens.ts';
import { onBothStores } from '../../helpers/both-stores.ts';

const item = (id: string, overrides: Partial<NewFeedback> = {}): NewFeedback => ({
  source: 'trustpilot',
  externalId: id,
  dedupeKey: `id:${id}`,
  receivedAt: '2026-11-02T09:00:00.000Z',
  metric: 'rating',
  score: 4,
  title: null,
  comment: `Svar ${id}`,
  language: 'da',
  customerRef: null,
  segment: null,
  reply: null,
  repliedAt: null,
  original: JSON.stringify({ id }),
  ...overrides,
});

onBothStores('imports repository', (open) => {
  let store: Store;
  let done: () => Promise<void>;
  let team: number;
  let otherTeam: number;
  let user: number;
  let deps: ImportsRepoDeps;
  const repo = () => createImportsRepo(store.db, deps);
  /** One step of the repository on a transaction of the store, as the service runs it. */
  const step = <T>(work: (imports: ReturnType<typeof createImportsRepo>) => Promise<T>) =>
    store.transaction((trx) => work(createImportsRepo(trx, deps)));
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
    Number((await query.execute(store.db)).rows[0]?.n);
  const rolledUp = async (teamId: number) =>
    Number(
      (
        await store.db
          .selectFrom('feedback_rollups')
          .select((eb) => eb.fn.sum<number>('answers').as('n'))
          .where('team_id', '=', teamId)
          .executeTakeFirst()
      )?.n ?? 0,
    );
  const scoredVisible = async (teamId: number) =>
    (
      await store.db
        .selectFrom('visible_feedback')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('team_id', '=', teamId)
        .where('score', 'is not', null)
        .executeTakeFirstOrThrow()
    ).n;
  const visible = (teamId: number) =>
    count(sql<{ n: number }>`SELECT count(*) AS n FROM visible_feedback WHERE team_id = ${teamId}`);
  const searchable = (importId: number) =>
    store.dialect === 'sqlite'
      ? count(
          sql<{
            n: number;
          }>`SELECT count(*) AS n FROM feedback_fts WHERE rowid IN (SELECT id FROM feedback WHERE import_id = ${importId})`,
        )
      : count(
          sql<{
            n: number;
          }>`SELECT count(*) AS n FROM feedback_search WHERE feedback_id IN (SELECT id FROM feedback WHERE import_id = ${importId})`,
        );
  const indexAll = async (importId: number) => {
    for (let after: number | null = 0; after !== null;) {
      const from: number = after;
      after = await step((imports) => imports.indexSomeRows(importId, from));
    }
  };
  const counts = (rows: number, imported: number, updated = 0, rejected = 0): Counts => ({
    rows,
    imported,
    updated,
    duplicates: rows - imported - updated - rejected,
    rejected,
  });

  beforeAll(async () => {
    ({ store, done } = await open());
    deps = { dialect: store.dialect };
    const newTeam = async (slug: string) =>
      (await store.db.insertInto('teams').values({ name: slug, slug }).returning('id').executeTakeFirstOrThrow()).id;
    team = await newTeam('kundeservice');
    otherTeam = await newTeam('salg');
    user = (
      await store.db
        .insertInto('users')
        .values({ email: 'lead@example.dk', name: 'Lead', password_hash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => done?.());

  it('writes a whole import invisibly, indexes it, and shows it all at once when it is finished', async () => {
    const id = await repo().start(team, 'file', 'trustpilot.csv', 'trustpilot', user);
    expect(await repo().runningIds()).toContain(id);
    // 2,500 rows: more than one multi-row insert and one index step.
    const items = Array.from({ length: 2_500 }, (_, index) => item(`a${index}`));
    const batch = await step((imports) =>
      imports.writeBatch(
        team,
        id,
        [...items, item('a0')],
        [{ line: 9, code: 'DATE_UNREADABLE', params: { value: 'i går' } }],
      ),
    );
    expect(batch).toEqual({ imported: 2_500, updated: 0 });
    expect(await visible(team)).toBe(0);
    await indexAll(id);
    expect(await searchable(id)).toBe(2_500);
    expect(await visible(team)).toBe(0);

    await step((imports) => imports.finish(id, 'done', counts(2_502, 2_500, 0, 1)));
    // The monthly rollups follow in the same step: they count what became visible.
    expect(await rolledUp(team)).toBe(2_500);
    expect(await visible(team)).toBe(2_500);
    expect(await repo().runningIds()).not.toContain(id);
    const summary = await repo().get(team, id);
    expect(summary).toMatchObject({
      id,
      status: 'done',
      channel: 'file',
      fileName: 'trustpilot.csv',
      preset: 'trustpilot',
      rows: 2_502,
      imported: 2_500,
      updated: 0,
      duplicates: 1,
      rejected: 1,
      failure: null,
    });
    expect(summary?.finishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await repo().get(otherTeam, id)).toBeNull();
    expect((await repo().list(team)).map((entry) => entry.id)).toEqual([id]);
    expect(await repo().list(otherTeam)).toEqual([]);
  });

  it('is absent when the transaction of a batch fails', async () => {
    const id = await repo().start(team, 'cli', 'broken.csv', 'generic', null);
    await expect(
      step(async (imports) => {
        await imports.writeBatch(team, id, [item('b1'), item('b2')], []);
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(await count(sql<{ n: number }>`SELECT count(*) AS n FROM feedback WHERE import_id = ${id}`)).toBe(0);
    await repo().finish(id, 'failed', counts(2, 0), 'stopped');
    expect(await repo().get(team, id)).toMatchObject({ status: 'failed', failure: 'stopped' });
  });

  it('stages a changed answer, applies it with the done mark keeping the history, and puts it back on undo', async () => {
    const id = await repo().start(team, 'api', null, 'api', null);
    const batch = await step((imports) =>
      imports.writeBatch(
        team,
        id,
        [
          item('a1', { score: 1, comment: 'Ændret', receivedAt: '2026-11-05T09:00:00.000Z' }),
          // An older version of an answer held changes nothing.
          item('a2', { score: 1, receivedAt: '2026-10-01T09:00:00.000Z' }),
          item('a3'),
          item('c1'),
        ],
        [],
      ),
    );
    expect(batch).toEqual({ imported: 1, updated: 1 });
    const held = () =>
      store.db
        .selectFrom('feedback')
        .select(['score', 'comment', 'received_at'])
        .where('dedupe_key', '=', 'id:a1')
        .executeTakeFirstOrThrow();
    // Staged only: the item is as it was until the import is done.
    expect(await held()).toEqual({ score: 4, comment: 'Svar a1', received_at: '2026-11-02T09:00:00.000Z' });
    await indexAll(id);
    await step((imports) => imports.finish(id, 'done', counts(4, 1, 1)));
    expect(await held()).toEqual({ score: 1, comment: 'Ændret', received_at: '2026-11-05T09:00:00.000Z' });
    const history = await store.db
      .selectFrom('feedback_item_history')
      .select(['import_id', 'score', 'comment', 'received_at'])
      .execute();
    expect(history).toEqual([{ import_id: id, score: 4, comment: 'Svar a1', received_at: '2026-11-02T09:00:00.000Z' }]);
    expect(await visible(team)).toBe(2_501);

    const rolledBeforeUndo = await rolledUp(team);
    await step((imports) => imports.markUndone(id));
    expect(await rolledUp(team)).toBeLessThan(rolledBeforeUndo);
    expect(await rolledUp(team)).toBe(await scoredVisible(team));
    expect(await held()).toEqual({ score: 4, comment: 'Svar a1', received_at: '2026-11-02T09:00:00.000Z' });
    expect(await store.db.selectFrom('feedback_item_history').selectAll().execute()).toEqual([]);
    expect(await visible(team)).toBe(2_500);
    let deleted = 0;
    for (let some = -1; some !== 0;) deleted += some = await repo().deleteSomeRows(id);
    expect(deleted).toBe(1);
    expect(await repo().get(team, id)).toMatchObject({ status: 'undone' });
  });

  it('drops what a failed import staged, and marks an interrupted one failed keeping an earlier failure', async () => {
    const id = await repo().start(team, 'file', 'again.csv', 'generic', null);
    await step((imports) => imports.writeBatch(team, id, [item('a5', { score: 2 })], []));
    const staged = () =>
      store.db.selectFrom('feedback_staged_updates').select('feedback_id').where('import_id', '=', id).execute();
    expect(await staged()).toHaveLength(1);
    await repo().discardStaged(id);
    expect(await staged()).toEqual([]);
    await repo().setStatus(id, 'failed', 'interrupted');
    await repo().setStatus(id, 'failed');
    expect(await repo().get(team, id)).toMatchObject({ status: 'failed', failure: 'interrupted' });
  });

  it('lists the rejected rows by line and erases quotes in them by id, folding case as the replacement does', async () => {
    const id = await repo().start(team, 'file', 'errors.csv', 'generic', null);
    await step((imports) =>
      imports.writeBatch(
        team,
        id,
        [],
        [
          { line: 7, code: 'DATE_UNREADABLE', params: { value: 'ØRSTED ringede' } },
          { line: 3, code: 'OTHER', params: { text: 'Kunde ørsted klager' } },
          { line: 5, code: 'SCORE_NOT_WHOLE', params: { value: '7,5' } },
        ],
      ),
    );
    const errors = await repo().errors(id);
    expect(errors.map((error) => [error.line, error.code])).toEqual([
      [3, 'OTHER'],
      [5, 'SCORE_NOT_WHOLE'],
      [7, 'DATE_UNREADABLE'],
    ]);
    expect(errors[1]?.message).toBe('the score "7,5" is not a whole number');
    const ids = await store.db.selectFrom('feedback_import_errors').select('id').where('import_id', '=', id).execute();
    expect(new Set(ids.map((row) => row.id)).size).toBe(3);

    expect(await step((imports) => imports.eraseFromErrors(otherTeam, ['ørsted'], '[slettet]'))).toBe(0);
    expect(await step((imports) => imports.eraseFromErrors(team, ['ørsted'], '[slettet]'))).toBe(2);
    expect((await repo().errors(id)).map((error) => error.params)).toEqual([
      { text: 'Kunde [slettet] klager' },
      { value: '7,5' },
      { value: '[slettet] ringede' },
    ]);
    expect(await repo().eraseFromErrors(team, [], '[slettet]')).toBe(0);
  });

  it('keeps history rows only through the changes repository of an import', async () => {
    // A bare changes repository on the root: nothing staged means nothing applied or reverted.
    const changes = createChangesRepo(store.db);
    const id = await repo().start(team, 'api', null, 'api', null);
    expect(await changes.stageChanged(team, id, [item('nobody-has-this')])).toBe(0);
    await changes.applyStaged(id);
    await changes.revertApplied(id);
    expect(await store.db.selectFrom('feedback_item_history').selectAll().execute()).toEqual([]);
  });

  it('saves, replaces, lists and removes mapping presets per team', async () => {
    const presets = createMappingPresets(store.db);
    expect(await presets.save(team, '  Trustpilot  ', { receivedAt: 'Dato', score: 'Stjerner' })).toEqual({
      name: 'Trustpilot',
      mapping: { receivedAt: 'Dato', score: 'Stjerner' },
    });
    await presets.save(team, 'Trustpilot', { receivedAt: 'Date', comment: 'Review' });
    await presets.save(team, 'App', { score: 'Rating' });
    await presets.save(otherTeam, 'Trustpilot', { score: 'Score' });
    expect(await presets.list(team)).toEqual([
      { name: 'App', mapping: { score: 'Rating' } },
      { name: 'Trustpilot', mapping: { receivedAt: 'Date', comment: 'Review' } },
    ]);
    await expect(presets.save(team, ' ', { score: 'x' })).rejects.toThrow('a name of 1–60');
    await expect(presets.save(team, 'Tom', {})).rejects.toThrow('the mapping is empty');
    await presets.remove(team, 'App');
    expect((await presets.list(team)).map((entry) => entry.name)).toEqual(['Trustpilot']);
    expect(await presets.list(otherTeam)).toEqual([{ name: 'Trustpilot', mapping: { score: 'Score' } }]);
  });

  it('creates API tokens shown once, authenticates them for their own team only, and revokes them once', async () => {
    const tokens = createApiTokens(store.db);
    const { token, apiToken } = await tokens.create(team, ' SurveyMonkey ', user);
    expect(token).toMatch(/^kdn_/);
    expect(apiToken).toMatchObject({ name: 'SurveyMonkey', lastUsedAt: null, revokedAt: null });
    expect(apiToken.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const second = await tokens.create(team, 'Typeform', user);
    expect((await tokens.list(team)).map((row) => row.id)).toEqual([second.apiToken.id, apiToken.id]);
    expect(await tokens.list(otherTeam)).toEqual([]);
    await expect(tokens.create(team, '  ', user)).rejects.toThrow('give the token a name');

    await tokens.authenticate(`Bearer ${token}`, team);
    expect((await tokens.list(team)).find((row) => row.id === apiToken.id)?.lastUsedAt).toMatch(/Z$/);
    await expect(tokens.authenticate(`Bearer ${token}`, otherTeam)).rejects.toThrow('a valid team API token');
    await expect(tokens.authenticate('Bearer kdn_wrong', team)).rejects.toThrow('a valid team API token');
    await expect(tokens.authenticate(undefined, team)).rejects.toThrow('a valid team API token');

    await expect(tokens.revoke(otherTeam, apiToken.id)).rejects.toThrow('Active API token');
    await tokens.revoke(team, apiToken.id);
    await expect(tokens.revoke(team, apiToken.id)).rejects.toThrow('Active API token');
    await expect(tokens.authenticate(`Bearer ${token}`, team)).rejects.toThrow('a valid team API token');
    await tokens.authenticate(`Bearer ${second.token}`, team);
  });
});

describe('imports repository: the prepared-statement insert on the handle under a shared SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kadence-imports-repo-'));
  const db = openDatabase(databasePath(dir));
  const store = sharedSqliteStore(db);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts new rows and ignored ones as the multi-row path does, inside the store transaction', async () => {
    const deps: ImportsRepoDeps = {
      dialect: 'sqlite',
      sqlite: db,
    };
    const team = (
      await store.db.insertInto('teams').values({ name: 't', slug: 't' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    const imports = createImportsRepo(store.db, deps);
    const first = await imports.start(team, 'file', 'a.csv', 'generic', null);
    expect(
      await store.transaction((trx) =>
        createImportsRepo(trx, deps).writeBatch(team, first, [item('p1'), item('p2'), item('p1')], []),
      ),
    ).toEqual({ imported: 2, updated: 0 });
    // A rolled-back batch leaves nothing, though its rows went in through the handle.
    const second = await imports.start(team, 'file', 'b.csv', 'generic', null);
    await expect(
      store.transaction(async (trx) => {
        await createImportsRepo(trx, deps).writeBatch(team, second, [item('p3')], []);
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(db.prepare('SELECT count(*) FROM feedback WHERE import_id = ?').pluck().get(second)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM feedback').pluck().get()).toBe(2);
  });
});
