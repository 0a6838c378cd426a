import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeServices } from '../../helpers/services.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/imports/${name}`, import.meta.url));
const FIRST_REVIEW = 'https://play.google.com/apps/publish?account=1&reviewid=gp:AOqpTOE1';

interface History {
  import_id: number;
  received_at: string;
  score: number;
  comment: string;
  reply: string | null;
}

/**
 * Google Play exports are scoped by last activity: a review comes back in next month's export with a
 * new star rating after a developer reply. It is the same answer, changed: updated, never skipped.
 */
describe('answers that come back changed', () => {
  let ctx: ReturnType<typeof makeServices>;
  const run = (file: string, onProgress?: () => void) =>
    ctx.services.imports.importFile({
      team: ctx.team,
      path: fixture(file),
      fileName: file,
      channel: 'file',
      userId: null,
      onProgress,
    });
  const item = () =>
    ctx.db
      .prepare('SELECT id, received_at, score, comment, reply, replied_at FROM visible_feedback WHERE external_id = ?')
      .get(FIRST_REVIEW) as {
      id: number;
      received_at: string;
      score: number;
      comment: string;
      reply: string | null;
      replied_at: string | null;
    };
  const history = () =>
    ctx.db
      .prepare('SELECT import_id, received_at, score, comment, reply FROM feedback_item_history ORDER BY id')
      .all() as History[];
  const rating = () => ctx.services.feedback.kpi(ctx.team, 'rating', {});
  beforeEach(() => {
    ctx = makeServices();
    // Three more rating answers from elsewhere, so the KPI has enough answers to show a value.
    ctx.services.imports.ingestBatch(
      ctx.team,
      [1, 2, 3].map((n) => ({
        id: `s${n}`,
        receivedAt: `2026-11-2${n}T10:00:00Z`,
        metric: 'rating',
        score: 5,
        source: 'survey',
      })),
    );
  });

  it('a re-exported review with a new star rating and a reply is 1 updated; the KPI uses the new rating; the history keeps the old', async () => {
    const first = await run('google-play.csv');
    expect(first).toMatchObject({ imported: 2, updated: 0 });
    // 2★, 5★ and three 5★: mean 4.4, 80 % giving 4–5.
    expect(rating()).toMatchObject({ n: 5, value: 4.4, topBoxPct: 80 });

    const later = await run('google-play-later.csv');
    expect(later).toMatchObject({ rows: 3, imported: 1, updated: 1, duplicates: 1, rejected: 0 });
    expect(item()).toMatchObject({
      score: 4,
      comment: 'Betalingen virker nu – tak for hjælpen',
      received_at: '2026-12-02T08:10:00.000Z',
      reply: 'Tak for beskeden! Version 4.1.5 retter fejlen ved betaling.',
      replied_at: '2026-11-06T09:30:00.000Z',
    });
    // 4★, 5★, 3★ (new) and three 5★: the old 2★ no longer counts.
    expect(rating()).toMatchObject({ n: 6, value: 4.5, topBoxPct: 83.3 });
    expect(history()).toEqual([
      {
        import_id: later.importId,
        received_at: '2026-11-04T07:15:31.000Z',
        score: 2,
        comment: 'Appen lukker når jeg betaler – øv',
        reply: null,
      },
    ]);
    expect(ctx.services.imports.get(ctx.team.id, later.importId)).toMatchObject({
      imported: 1,
      updated: 1,
      duplicates: 1,
    });

    // The inbox item says it was edited and what it was; the reply is on it.
    const [shown] = ctx.services.feedback.items(ctx.team, [item().id]);
    expect(shown).toMatchObject({
      score: 4,
      reply: 'Tak for beskeden! Version 4.1.5 retter fejlen ved betaling.',
      repliedAt: '2026-11-06T09:30:00.000Z',
      edited: { metric: 'rating', score: 2 },
    });
    // A rating given after the reply can be counted from the fields.
    const afterReply = ctx.db
      .prepare('SELECT count(*) FROM visible_feedback WHERE replied_at IS NOT NULL AND received_at > replied_at')
      .pluck()
      .get();
    expect(afterReply).toBe(1);
    // The search index follows the new text.
    expect((await ctx.services.feedback.list(ctx.team, { q: 'betalingen' })).items.map((found) => found.id)).toEqual([
      item().id,
    ]);
    expect((await ctx.services.feedback.list(ctx.team, { q: 'lukker' })).items).toEqual([]);
  });

  it('the same later export again changes nothing; an earlier export imported again does not turn the answer back', async () => {
    await run('google-play.csv');
    await run('google-play-later.csv');
    expect(await run('google-play-later.csv')).toMatchObject({ imported: 0, updated: 0, duplicates: 3 });
    expect(await run('google-play.csv')).toMatchObject({ imported: 0, updated: 0, duplicates: 2 });
    expect(item().score).toBe(4);
    expect(history()).toHaveLength(1);
  });

  it('an unchanged item is never marked edited', async () => {
    await run('google-play.csv');
    await run('google-play-later.csv');
    const untouched = (await ctx.services.feedback.list(ctx.team, { source: 'google-play' })).items.filter(
      (found) => found.id !== item().id,
    );
    expect(untouched.map((found) => found.edited)).toEqual([null, null]);
  });

  it('changes stay invisible while the import runs and are dropped when it fails', async () => {
    await run('google-play.csv');
    let seenWhileRunning: number | undefined;
    await expect(
      run('google-play-later.csv', () => {
        seenWhileRunning = item().score;
        throw new Error('the disk went away');
      }),
    ).rejects.toThrow('the disk went away');
    expect(seenWhileRunning).toBe(2);
    expect(item().score).toBe(2);
    expect(history()).toEqual([]);
    expect(ctx.db.prepare('SELECT count(*) FROM feedback_staged_updates').pluck().get()).toBe(0);
    // Tried again, the changes go in.
    expect(await run('google-play-later.csv')).toMatchObject({ imported: 1, updated: 1 });
  });

  it('undoing the import that changed an answer puts the old answer back', async () => {
    await run('google-play.csv');
    const later = await run('google-play-later.csv');
    await ctx.services.imports.undo(ctx.team.id, later.importId);
    expect(item()).toMatchObject({
      score: 2,
      comment: 'Appen lukker når jeg betaler – øv',
      received_at: '2026-11-04T07:15:31.000Z',
      reply: null,
      replied_at: null,
    });
    expect(history()).toEqual([]);
    expect(rating()).toMatchObject({ n: 5, value: 4.4 });
    expect((await ctx.services.feedback.list(ctx.team, { q: 'lukker' })).items.map((found) => found.id)).toEqual([
      item().id,
    ]);
    // …and the later export can come in again.
    expect(await run('google-play-later.csv')).toMatchObject({ imported: 1, updated: 1 });
  });

  it('undoing an earlier change keeps a later one, whose history then starts from the original', async () => {
    const base = { id: 'w1', metric: 'nps', source: 'web', comment: 'Langsom levering' };
    ctx.services.imports.ingestBatch(ctx.team, [{ ...base, receivedAt: '2026-11-02T10:00:00Z', score: 3 }]);
    const second = ctx.services.imports.ingestBatch(ctx.team, [
      { ...base, receivedAt: '2026-11-03T10:00:00Z', score: 6 },
    ]);
    const third = ctx.services.imports.ingestBatch(ctx.team, [
      { ...base, receivedAt: '2026-11-04T10:00:00Z', score: 9 },
    ]);
    expect([second.updated, third.updated]).toEqual([1, 1]);
    await ctx.services.imports.undo(ctx.team.id, second.importId);
    const score = ctx.db.prepare(`SELECT score FROM visible_feedback WHERE external_id = 'w1'`).pluck().get();
    expect(score).toBe(9);
    expect(history().map((entry) => [entry.import_id, entry.score])).toEqual([[third.importId, 3]]);
  });

  it('erasing a customer removes the earlier values of their changed answers too', async () => {
    const base = {
      id: 'w3',
      receivedAt: '2026-11-02T10:00:00Z',
      metric: 'nps',
      source: 'web',
      customer: 'kunde@example.dk',
    };
    ctx.services.imports.ingestBatch(ctx.team, [{ ...base, score: 2, comment: 'Ring til mig på 20 30 40 50' }]);
    expect(ctx.services.imports.ingestBatch(ctx.team, [{ ...base, score: 8, comment: 'Løst' }])).toMatchObject({
      updated: 1,
    });
    expect(history().map((entry) => entry.comment)).toEqual(['Ring til mig på 20 30 40 50']);
    expect(await ctx.services.feedback.eraseCustomer(ctx.team, 'kunde@example.dk')).toBe(1);
    expect(history()).toEqual([]);
  });

  it('a webhook batch that sends a changed answer updates it the same way', () => {
    const base = { id: 'w2', receivedAt: '2026-11-02T10:00:00Z', metric: 'csat', source: 'web' };
    ctx.services.imports.ingestBatch(ctx.team, [{ ...base, score: 2 }]);
    expect(
      ctx.services.imports.ingestBatch(ctx.team, [{ ...base, score: 4, comment: 'Løst efter opkald' }]),
    ).toMatchObject({ imported: 0, updated: 1, duplicates: 0 });
    expect(ctx.services.feedback.kpi(ctx.team, 'csat', {})).toMatchObject({ n: 1 });
    expect(ctx.db.prepare(`SELECT score FROM visible_feedback WHERE external_id = 'w2'`).pluck().get()).toBe(4);
  });
});
