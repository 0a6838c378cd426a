import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../server/db/kysely/store.ts';
import {
  createScratchDatabase,
  postgresAvailable,
  postgresSuite,
  usePostgresServer,
  type ScratchDatabase,
} from '../../helpers/postgres.ts';

// Full-text search on PostgreSQL: the schema's own functions and side table (migrations/postgres/0002,
// 0008, 0009), as the search and import repositories will use them.
describe.skipIf(!postgresAvailable)(postgresSuite('feedback search'), () => {
  const serverUrl = usePostgresServer();
  let database: ScratchDatabase;
  let store: Store;
  let teamId: number;
  let importId: number;

  const matches = async (search: string) =>
    (
      await sql<{ id: number }>`SELECT s.feedback_id AS id FROM feedback_search s
        WHERE s.document @@ kadence_feedback_query(${search}) ORDER BY ts_rank(s.document, kadence_feedback_query(${search})) DESC, s.feedback_id`.execute(
        store.db,
      )
    ).rows.map((row) => row.id);

  const item = async (title: string | null, comment: string, language: 'da' | 'en' | null, dedupe: string) =>
    (
      await store.db
        .insertInto('feedback')
        .values({
          team_id: teamId,
          import_id: importId,
          source: 'csv',
          dedupe_key: dedupe,
          received_at: '2026-11-30T10:00:00.000Z',
          title,
          comment,
          language,
          original: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    database = await createScratchDatabase(serverUrl());
    store = await openStore({ databaseUrl: database.url, dataDir: 'unused' });
    teamId = (
      await store.db
        .insertInto('teams')
        .values({ name: 'Kundeservice', slug: 'ks' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    importId = (
      await store.db
        .insertInto('feedback_imports')
        .values({ team_id: teamId, channel: 'file', preset: 'generic', status: 'running' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it('indexes an import in one step before it is done, stems Danish and English, and follows edits and deletes', async () => {
    const danish = await item('Levering', 'Pakkerne kom alt for sent, og leveringen var dyr', 'da', 'a');
    const english = await item('Delivery', 'The parcels were delayed again', 'en', 'b');
    const unknown = await item(null, 'Fragtprisen er for høj', null, 'c');
    // Rows of a running file import are not indexed one by one (0009 dropped the insert trigger).
    expect(await matches('levering')).toEqual([]);

    // The import's index step, as imports/repo.ts runs it for FTS5.
    await sql`INSERT INTO feedback_search (feedback_id, document)
      SELECT id, kadence_feedback_document(language, title, comment) FROM feedback WHERE import_id = ${importId}`.execute(
      store.db,
    );
    expect(await matches('leveringer')).toEqual([danish]); // another inflection, the danish stemmer
    expect(await matches('pakke')).toEqual([danish]);
    expect(await matches('parcel delay')).toEqual([english]); // the english stemmer, both words
    expect(await matches('fragtpris')).toEqual([unknown]); // unknown language: both configurations

    // Editing the text re-indexes it (the update trigger); deleting the item removes its entry.
    await store.db
      .updateTable('feedback')
      .set({ comment: 'Ventetiden i telefonen var lang' })
      .where('id', '=', danish)
      .execute();
    expect(await matches('pakke')).toEqual([]);
    expect(await matches('ventetid')).toEqual([danish]);
    await store.db.deleteFrom('feedback').where('id', '=', english).execute();
    expect(await matches('parcel')).toEqual([]);
  });
});
