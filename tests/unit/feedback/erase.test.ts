import { describe, expect, it } from 'vitest';
import { makeServices } from '../../helpers/services.ts';

/** Erasure on request scans rows in steps of 50,000 ids (there is no customer index); these span several steps. */
describe('erasing a customer', () => {
  const item = (id: string, customer: string, comment: string) => ({ id, receivedAt: '2026-11-02T09:00:00Z', metric: 'nps', score: 3, comment, customer });
  const search = (ctx: ReturnType<typeof makeServices>, word: string) =>
    (ctx.db.prepare('SELECT count(*) AS n FROM feedback_fts WHERE feedback_fts MATCH ?').get(word) as { n: number }).n;

  it('removes every row of that customer in the team, across steps, and nothing else', async () => {
    const ctx = makeServices();
    const other = ctx.services.teams.create({ name: 'Butik', slug: 'butik', timezone: 'Europe/Copenhagen' });
    ctx.services.imports.ingestBatch(ctx.team, [item('a1', 'Anna@Example.dk', 'Første klage'), item('b1', 'bo@example.dk', 'Bos ros')]);
    // Push the row ids past two step boundaries, so the customer's rows fall in different steps.
    ctx.db.prepare(`INSERT INTO feedback (id, team_id, source, dedupe_key, received_at, original) VALUES (60000, ?, 'filler', 'f1', '2026-01-01T00:00:00.000Z', '{}')`).run(ctx.team.id);
    ctx.services.imports.ingestBatch(ctx.team, [item('a2', 'anna@example.dk ', 'Anden klage')]);
    ctx.services.imports.ingestBatch(other, [item('a3', 'anna@example.dk', 'Klage i butikken')]);
    ctx.db.prepare(`INSERT INTO feedback (id, team_id, source, dedupe_key, received_at, original) VALUES (120000, ?, 'filler', 'f2', '2026-01-01T00:00:00.000Z', '{}')`).run(ctx.team.id);
    ctx.services.imports.ingestBatch(ctx.team, [item('a4', 'ANNA@example.dk', 'Tredje klage')]);
    const ids = ctx.db.prepare(`SELECT id FROM feedback WHERE external_id IN ('a1', 'a2', 'a4') ORDER BY id`).pluck().all() as number[];
    expect(ids[0]).toBeLessThan(50_000);
    expect(ids[1]).toBeGreaterThan(50_000);
    expect(ids[2]).toBeGreaterThan(100_000);

    expect(await ctx.services.feedback.eraseCustomer({ id: ctx.team.id, timezone: ctx.team.timezone }, 'anna@example.dk')).toBe(3);
    const left = ctx.db.prepare('SELECT external_id FROM feedback WHERE external_id IS NOT NULL ORDER BY external_id').pluck().all();
    expect(left).toEqual(['a3', 'b1']);
    expect(search(ctx, 'klage')).toBe(1);
    ctx.db.prepare(`INSERT INTO feedback_fts (feedback_fts) VALUES ('integrity-check')`).run();
  });

  it('refuses an empty reference and erases nothing for an unknown one', async () => {
    const ctx = makeServices();
    ctx.services.imports.ingestBatch(ctx.team, [item('a1', 'anna@example.dk', 'Klage')]);
    await expect(ctx.services.feedback.eraseCustomer(ctx.team, '  ')).rejects.toThrow(/customer reference/);
    expect(await ctx.services.feedback.eraseCustomer(ctx.team, 'nobody@example.dk')).toBe(0);
    expect(ctx.db.prepare('SELECT count(*) FROM feedback').pluck().get()).toBe(1);
  });
});
