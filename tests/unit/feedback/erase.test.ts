import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor, MeetingCommand } from '../../../shared/meeting/index.ts';
import { MASK } from '../../../shared/redact.ts';
import { openDatabase } from '../../../server/db/open.ts';
import { liveActions } from '../../../server/live/actions.ts';
import { createLiveEngine } from '../../../server/live/engine.ts';
import { createServices } from '../../../server/services.ts';
import { sharedSqliteStore } from '../../../server/db/kysely/store.ts';
import { makeMeeting } from '../../helpers/meeting.ts';
import { makeServices } from '../../helpers/services.ts';

/** Erasure on request scans rows in steps of 50,000 ids (there is no customer index); these span several steps. */
describe('erasing a customer', () => {
  const item = (id: string, customer: string, comment: string) => ({
    id,
    receivedAt: '2026-11-02T09:00:00Z',
    metric: 'nps',
    score: 3,
    comment,
    customer,
  });
  const search = (ctx: Awaited<ReturnType<typeof makeServices>>, word: string) =>
    (ctx.db.prepare('SELECT count(*) AS n FROM feedback_fts WHERE feedback_fts MATCH ?').get(word) as { n: number }).n;

  it('removes every row of that customer in the team, across steps, and nothing else', async () => {
    const ctx = await makeServices();
    const other = await ctx.services.teams.create({ name: 'Butik', slug: 'butik', timezone: 'Europe/Copenhagen' });
    await ctx.services.imports.ingestBatch(ctx.team, [
      item('a1', 'Anna@Example.dk', 'Første klage'),
      item('b1', 'bo@example.dk', 'Bos ros'),
    ]);
    // Push the row ids past two step boundaries, so the customer's rows fall in different steps.
    ctx.db
      .prepare(
        `INSERT INTO feedback (id, team_id, source, dedupe_key, received_at, original) VALUES (60000, ?, 'filler', 'f1', '2026-01-01T00:00:00.000Z', '{}')`,
      )
      .run(ctx.team.id);
    await ctx.services.imports.ingestBatch(ctx.team, [item('a2', 'anna@example.dk ', 'Anden klage')]);
    await ctx.services.imports.ingestBatch(other, [item('a3', 'anna@example.dk', 'Klage i butikken')]);
    ctx.db
      .prepare(
        `INSERT INTO feedback (id, team_id, source, dedupe_key, received_at, original) VALUES (120000, ?, 'filler', 'f2', '2026-01-01T00:00:00.000Z', '{}')`,
      )
      .run(ctx.team.id);
    await ctx.services.imports.ingestBatch(ctx.team, [item('a4', 'ANNA@example.dk', 'Tredje klage')]);
    const ids = ctx.db
      .prepare(`SELECT id FROM feedback WHERE external_id IN ('a1', 'a2', 'a4') ORDER BY id`)
      .pluck()
      .all() as number[];
    expect(ids[0]).toBeLessThan(50_000);
    expect(ids[1]).toBeGreaterThan(50_000);
    expect(ids[2]).toBeGreaterThan(100_000);

    expect(
      await ctx.services.feedback.eraseCustomer({ id: ctx.team.id, timezone: ctx.team.timezone }, 'anna@example.dk'),
    ).toBe(3);
    const left = ctx.db
      .prepare('SELECT external_id FROM feedback WHERE external_id IS NOT NULL ORDER BY external_id')
      .pluck()
      .all();
    expect(left).toEqual(['a3', 'b1']);
    expect(search(ctx, 'klage')).toBe(1);
    ctx.db.prepare(`INSERT INTO feedback_fts (feedback_fts) VALUES ('integrity-check')`).run();
  });

  it('refuses an empty reference and erases nothing for an unknown one', async () => {
    const ctx = await makeServices();
    await ctx.services.imports.ingestBatch(ctx.team, [item('a1', 'anna@example.dk', 'Klage')]);
    await expect(ctx.services.feedback.eraseCustomer(ctx.team, '  ')).rejects.toThrow(/customer reference/);
    expect(await ctx.services.feedback.eraseCustomer(ctx.team, 'nobody@example.dk')).toBe(0);
    expect(ctx.db.prepare('SELECT count(*) FROM feedback').pluck().get()).toBe(1);
  });
});

/**
 * Erasure reaches every copy Kadence keeps. The customer's words are recognisable strings, looked for
 * in the bytes of the database file itself after the WAL is checkpointed: in rows, the search index,
 * error reports, the meeting's event log, snapshot and summary, and in pages SQLite has freed.
 */
describe('erasing a customer from the whole database file', () => {
  const REFERENCE = 'KUNDE-ZEBRA-7781';
  const COMMENT = 'Zebrafinken pakken kom aldrig frem til Quokkavej, og ingen svarede mig';
  const TITLE = 'Tapirtrist oplevelse';
  // Lower case: the search index stores its tokens folded, the rows keep the text as written.
  const NEEDLES = ['zebrafinken', 'quokkavej', 'tapirtrist', REFERENCE.toLowerCase()];
  const lead: Actor = { key: 'u:1', name: 'Lene Leder', role: 'lead' };
  const member: Actor = { key: 'u:2', name: 'Mads Medlem', role: 'member' };
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Which needles occur anywhere in the database file and its WAL, read as raw bytes. */
  function needlesOnDisk(path: string): string[] {
    const bytes = [path, `${path}-wal`]
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file).toString('latin1').toLowerCase())
      .join('\n');
    return NEEDLES.filter((needle) => bytes.includes(needle));
  }

  it('leaves none of their words in the file, and the held meeting keeps its board and counts', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kadence-erase-'));
    const path = join(dir, 'kadence.db');
    const db = openDatabase(path);
    const services = createServices(sharedSqliteStore(db), { sessionDays: 30, publicUrl: 'http://localhost:3000' });
    const team = await services.teams.create({
      name: 'Kundeservice',
      slug: 'kundeservice',
      timezone: 'Europe/Copenhagen',
    });
    const engine = createLiveEngine({ store: services.store, ...liveActions(services) });
    services.feedback.onErased((ids) => engine.forget(ids));

    // Enough other customers around theirs that the rows and the index span many pages.
    const others = Array.from({ length: 3000 }, (_, index) => ({
      id: `o${index}`,
      receivedAt: '2026-11-02T09:00:00Z',
      metric: 'nps',
      score: index % 11,
      comment: `Kunde ${index} synes at leveringen var ${index % 2 ? 'fin' : 'langsom'} i uge ${index % 52}`,
      customer: `kunde-${index}@example.dk`,
    }));
    await services.imports.ingestBatch(team, others.slice(0, 1500));
    await services.imports.ingestBatch(team, [
      {
        id: 'z1',
        receivedAt: '2026-11-03T09:00:00Z',
        metric: 'nps',
        score: 2,
        title: TITLE,
        comment: COMMENT,
        customer: REFERENCE,
      },
      {
        id: 'z2',
        receivedAt: '2026-11-04T09:00:00Z',
        metric: 'nps',
        score: 4,
        comment: `Igen: ${COMMENT}`,
        customer: REFERENCE.toLowerCase(),
      },
      // A rejected row of theirs: the error report quotes what was in the date column.
      { id: 'z3', receivedAt: REFERENCE, metric: 'nps', score: 1, comment: 'Ring til mig', customer: REFERENCE },
    ]);
    await services.imports.ingestBatch(team, others.slice(1500));

    // A meeting held through the live engine with their item on the board, grouped and commented.
    const meetingId = await makeMeeting({ services }, team.slug, [
      { comment: 'Hurtig levering, tak', score: 9 },
      { comment: 'Appen driller', score: 5 },
    ]);
    const cardId = db.prepare<[], { id: number }>(`SELECT id FROM feedback WHERE external_id = 'z1'`).get()?.id ?? 0;
    db.prepare(`INSERT INTO meeting_cards (meeting_id, feedback_id, position, picked_by) VALUES (?, ?, 2, 'lead')`).run(
      meetingId,
      cardId,
    );
    let op = 0;
    const run = (actor: Actor, command: MeetingCommand) => engine.command(meetingId, actor, `t-${(op += 1)}`, command);
    await run(lead, { type: 'meeting.start' });
    await run(lead, { type: 'step.go', index: 1 });
    await run(member, { type: 'comment.add', cardId: String(cardId), text: 'Vi skal svare inden for et døgn' });
    await run(member, { type: 'card.react', cardId: String(cardId), reaction: 'heart', on: true });
    // Past 200 events the engine keeps a snapshot of the board, which quotes the card as well.
    for (let index = 0; index < 200; index++) await run(member, { type: 'ready.set', ready: index % 2 === 0 });
    await run(lead, { type: 'step.go', index: 2 });
    const created = await run(lead, { type: 'theme.create', name: 'Levering' });
    const themeId = created.event.type === 'theme.create' ? created.event.payload.themeId : 0;
    await run(lead, { type: 'item.move', item: { kind: 'card', id: String(cardId) }, themeId });
    await run(lead, { type: 'meeting.end' });
    expect(db.prepare('SELECT count(*) FROM meeting_snapshots WHERE meeting_id = ?').pluck().get(meetingId)).toBe(1);
    const before = await engine.state(meetingId);

    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(needlesOnDisk(path)).toEqual(NEEDLES);

    expect(await services.feedback.eraseCustomer(team, REFERENCE)).toBe(2);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(needlesOnDisk(path)).toEqual([]);

    // The board keeps the card, its place, score, theme, reaction and the team's comment; only the words go.
    for (const state of [
      await engine.state(meetingId),
      await createLiveEngine({ store: services.store, ...liveActions(services) }).state(meetingId),
    ]) {
      const card = state.cards[String(cardId)];
      expect(card).toMatchObject({
        quote: MASK.erased,
        title: MASK.erased,
        score: 2,
        position: 2,
        themeId,
        reactions: { heart: [member.key] },
      });
      expect(Object.keys(state.cards)).toEqual(Object.keys(before.cards));
      expect(Object.values(state.comments).map((comment) => comment.text)).toEqual(['Vi skal svare inden for et døgn']);
      expect(state.summary).toEqual(before.summary);
    }
    const summary = JSON.parse(
      db.prepare<[number], { summary: string }>('SELECT summary FROM meetings WHERE id = ?').get(meetingId)?.summary ??
        '{}',
    ) as { cards: number; themes: { cards: number; comments: number }[] };
    expect(summary.cards).toBe(3);
    expect(summary.themes[0]).toMatchObject({ cards: 1, comments: 0 });
    expect(
      await services.imports.errors(db.prepare('SELECT import_id FROM feedback_import_errors').pluck().get() as number),
    ).toEqual([
      {
        line: 3,
        code: 'DATE_UNREADABLE',
        params: { value: MASK.erased },
        message: `"${MASK.erased}" is not a date Kadence can read`,
      },
    ]);
    expect(
      db
        .prepare(`SELECT count(*) FROM feedback_fts WHERE feedback_fts MATCH 'zebrafinken OR tapirtrist'`)
        .pluck()
        .get(),
    ).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM feedback_fts WHERE feedback_fts MATCH 'leveringen'`).pluck().get()).toBe(
      3000,
    );
    db.prepare(`INSERT INTO feedback_fts (feedback_fts) VALUES ('integrity-check')`).run();
    db.close();
  });
});
