import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamWowPage, WowPage } from '../../shared/schemas/unit-wow.ts';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { PASSWORD, PEOPLE, type Org, type Person, buildOrg } from '../helpers/unit-org.ts';

type Row = { id: string; receivedAt: string; metric?: string; score?: number; comment?: string; source?: string };

describe('the WOW wall: praise across a unit’s teams, masked, newest first, paged, and what a team keeps off', () => {
  let app: FastifyInstance;
  let org: Org;
  let facilitator: SessionClient;
  const ids = new Map<string, number>();

  const ingest = async (slug: string, rows: Row[]) =>
    app.services.imports.ingestBatch(
      await app.services.teams.bySlug(slug),
      rows.map((row) => ({ source: 'app', ...row })),
    );

  /** A meeting of the team whose log holds these ⭐ (and other) toggles, in order. */
  async function reactions(slug: string, toggles: [actor: string, ref: string, reaction: string, on: boolean][]) {
    const db = app.services.store.db;
    const team = await app.services.teams.bySlug(slug);
    const meeting = await db
      .insertInto('meetings')
      .values({
        team_id: team.id,
        starts_at: '2026-11-25T09:00:00.000Z',
        ends_at: '2026-11-25T10:00:00.000Z',
        window_end: '2026-11-25T09:00:00.000Z',
        agenda: '[]',
        status: 'ended',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [index, [actor, ref, reaction, on]] of toggles.entries())
      await db
        .insertInto('meeting_events')
        .values({
          meeting_id: meeting.id,
          seq: index + 1,
          op_scope: actor,
          op_id: `op-${index}`,
          actor: JSON.stringify({ key: actor, name: actor, role: 'member' }),
          type: 'card.react',
          payload: JSON.stringify({ cardId: String(ids.get(ref)), reaction, on }),
          at: Date.parse('2026-11-25T09:10:00Z') + index,
        })
        .execute();
  }

  const wall = async (before?: string, person: Person = 'departmentLead') => {
    const query = before ? `?before=${encodeURIComponent(before)}` : '';
    const response = await org.clients[person].request(
      'GET',
      `/api/units/${org.units.department}/dashboard/wow${query}`,
    );
    expect(response.statusCode).toBe(200);
    return response.json() as WowPage;
  };
  const allOf = async (): Promise<WowPage['items']> => {
    const items: WowPage['items'] = [];
    let cursor: string | undefined;
    do {
      const page = await wall(cursor);
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  };
  const externalOf = (id: number) => [...ids].find(([, value]) => value === id)?.[0];

  beforeAll(async () => {
    app = await makeTestApp();
    org = await buildOrg(app);
    await app.services.users.create({ email: 'facilitator@example.dk', name: 'Facilitator', password: PASSWORD });
    await app.services.teams.addMember('kundeservice', 'facilitator@example.dk', 'facilitator');
    facilitator = new SessionClient(app);
    await facilitator.request('POST', '/api/auth/login', { email: 'facilitator@example.dk', password: PASSWORD });

    await ingest('kundeservice', [
      // Praise: a promoter with personal data to mask.
      {
        id: 'ks-promoter',
        receivedAt: '2026-11-20T10:00:00Z',
        metric: 'nps',
        score: 10,
        comment: 'Fantastisk! Ring til mig på 12 34 56 78 eller skriv til anna@example.dk',
      },
      // Not praise: a detractor nobody starred, and a passive starred then unstarred.
      { id: 'ks-detractor', receivedAt: '2026-11-21T10:00:00Z', metric: 'nps', score: 3, comment: 'Lang ventetid' },
      { id: 'ks-unstarred', receivedAt: '2026-11-22T10:00:00Z', metric: 'nps', score: 7, comment: 'Helt fint' },
      // Praise: a detractor's card two people starred (the words were worth celebrating anyway).
      {
        id: 'ks-starred',
        receivedAt: '2026-11-10T10:00:00Z',
        metric: 'nps',
        score: 6,
        comment: 'Medarbejderen var sød, men varen kom for sent',
      },
      // Praise without a score, starred once; a promoter without words stays off the wall (nothing to quote).
      { id: 'ks-words', receivedAt: '2026-11-12T10:00:00Z', comment: 'Tak for hjælpen i går' },
      { id: 'ks-silent', receivedAt: '2026-11-23T10:00:00Z', metric: 'nps', score: 10 },
      // A heart is not a star.
      { id: 'ks-heart', receivedAt: '2026-11-24T10:00:00Z', metric: 'csat', score: 2, comment: 'Ødelagt' },
      // CSAT 4 is a promoter, as on the board.
      { id: 'ks-csat', receivedAt: '2026-11-05T10:00:00Z', metric: 'csat', score: 4, comment: 'God service' },
    ]);
    // Webshop: 22 promoters, one a day, to page through.
    await ingest(
      'webshop',
      Array.from({ length: 22 }, (_, index) => ({
        id: `ws-${index}`,
        receivedAt: `2026-10-${String(index + 1).padStart(2, '0')}T08:00:00Z`,
        metric: 'rating',
        score: 5,
        comment: `Rigtig god oplevelse nummer ${index}`,
      })),
    );
    // Two items at the same moment: the id breaks the tie.
    await ingest('levering', [
      { id: 'lv-a', receivedAt: '2026-11-15T12:00:00Z', metric: 'ces', score: 7, comment: 'Nemt' },
      { id: 'lv-b', receivedAt: '2026-11-15T12:00:00Z', metric: 'ces', score: 6, comment: 'Meget nemt' },
    ]);
    // The squad's team is below the Department; the sibling's and the unrelated unit's are not.
    await ingest('app', [
      { id: 'app-1', receivedAt: '2026-11-18T10:00:00Z', metric: 'nps', score: 9, comment: 'Appen er super' },
    ]);
    await ingest('salg', [
      { id: 'salg-1', receivedAt: '2026-11-19T10:00:00Z', metric: 'nps', score: 10, comment: 'Sælgeren var god' },
    ]);
    await ingest('andet', [
      { id: 'andet-1', receivedAt: '2026-11-19T11:00:00Z', metric: 'nps', score: 10, comment: 'Andet godt' },
    ]);

    const rows = await app.services.store.db.selectFrom('feedback').select(['id', 'external_id']).execute();
    for (const row of rows) if (row.external_id) ids.set(row.external_id, row.id);
    await reactions('kundeservice', [
      ['p1', 'ks-starred', 'wow', true],
      ['p2', 'ks-starred', 'wow', true],
      ['p1', 'ks-unstarred', 'wow', true],
      ['p1', 'ks-unstarred', 'wow', false],
      ['p3', 'ks-words', 'wow', true],
      ['p1', 'ks-heart', 'heart', true],
    ]);
    // The sibling's team starred its own card: still never on the Department's wall.
    await reactions('salg', [['p1', 'salg-1', 'wow', true]]);
  });
  afterAll(async () => app.close());

  it('shows promoters and starred cards with words, and nothing else', async () => {
    const items = await allOf();
    const shown = items.map((item) => externalOf(item.id)).sort();
    expect(shown).toEqual(
      [
        'app-1',
        'ks-csat',
        'ks-promoter',
        'ks-starred',
        'ks-words',
        'lv-a',
        'lv-b',
        ...Array.from({ length: 22 }, (_, index) => `ws-${index}`),
      ].sort(),
    );
    const byRef = (ref: string) => items.find((item) => item.id === ids.get(ref));
    expect(byRef('ks-starred')).toMatchObject({ promoter: false, stars: 2, score: 6, metric: 'nps' });
    expect(byRef('ks-words')).toMatchObject({ promoter: false, stars: 1, score: null, metric: null });
    expect(byRef('ks-promoter')).toMatchObject({
      promoter: true,
      stars: 0,
      team: { slug: 'kundeservice', name: 'Kundeservice' },
      source: 'app',
      receivedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(byRef('lv-b')).toMatchObject({ promoter: true, team: { slug: 'levering', name: 'Levering' } });
  });

  it('masks personal data in the quotes', async () => {
    const promoter = (await allOf()).find((item) => item.id === ids.get('ks-promoter'));
    expect(promoter?.quote).toBe('Fantastisk! Ring til mig på [phone] eller skriv til [e-mail]');
    const body = JSON.stringify(await allOf());
    expect(body).not.toContain('anna@example.dk');
    expect(body).not.toContain('12 34 56 78');
  });

  it('orders newest first, ties by id, and pages by 20 without skipping or repeating', async () => {
    const first = await wall();
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const second = await wall(first.nextCursor ?? undefined);
    expect(second.items).toHaveLength(9);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((item) => item.id)).size).toBe(29);
    const keys = all.map((item) => [item.receivedAt, item.id] as const);
    const sorted = [...keys].sort((a, b) => b[0].localeCompare(a[0]) || b[1] - a[1]);
    expect(keys).toEqual(sorted);
    expect(all.slice(0, 4).map((item) => externalOf(item.id))).toEqual(['ks-promoter', 'app-1', 'lv-b', 'lv-a']);
    expect(all.at(-1)?.id).toBe(ids.get('ws-0'));
  });

  it('never shows a sibling unit’s or an unrelated unit’s praise, and each unit sees its own', async () => {
    const refs = (await allOf()).map((item) => externalOf(item.id));
    expect(refs).not.toContain('salg-1');
    expect(refs).not.toContain('andet-1');
    const sibling = (
      await org.clients.siblingLead.request('GET', `/api/units/${org.units.sibling}/dashboard/wow`)
    ).json() as WowPage;
    expect(sibling.items.map((item) => [externalOf(item.id), item.stars])).toEqual([['salg-1', 1]]);
    const squad = (
      await org.clients.squadLead.request('GET', `/api/units/${org.units.squad}/dashboard/wow`)
    ).json() as WowPage;
    expect(squad.items.map((item) => externalOf(item.id))).toEqual(['app-1']);
  });

  it('lets the team’s lead or facilitator keep an item off the wall and put it back', async () => {
    const item = ids.get('ks-promoter');
    const onWall = async () => (await allOf()).some((entry) => entry.id === item);
    const teamView = async () =>
      ((await org.clients.member.request('GET', '/api/teams/kundeservice/wow')).json() as TeamWowPage).items;

    expect(await onWall()).toBe(true);
    const off = await facilitator.request('PUT', `/api/teams/kundeservice/wow/${item}`, { keptOff: true });
    expect(off.statusCode).toBe(200);
    expect(await onWall()).toBe(false);
    // Twice is the same as once.
    expect(
      (await facilitator.request('PUT', `/api/teams/kundeservice/wow/${item}`, { keptOff: true })).statusCode,
    ).toBe(200);
    expect(await onWall()).toBe(false);
    // The team still sees it, marked, with everything else of its own and nobody else's.
    const mine = await teamView();
    expect(mine.map((entry) => [externalOf(entry.id), entry.keptOff])).toEqual([
      ['ks-promoter', true],
      ['ks-words', false],
      ['ks-starred', false],
      ['ks-csat', false],
    ]);
    const back = await org.clients.teamLead.request('PUT', `/api/teams/kundeservice/wow/${item}`, { keptOff: false });
    expect(back.statusCode).toBe(200);
    expect(await onWall()).toBe(true);
    expect((await teamView()).every((entry) => !entry.keptOff)).toBe(true);
  });

  it('refuses to keep off another team’s item or one that does not exist', async () => {
    const other = ids.get('ws-3');
    expect(
      (await org.clients.teamLead.request('PUT', `/api/teams/kundeservice/wow/${other}`, { keptOff: true })).statusCode,
    ).toBe(404);
    expect(
      (await org.clients.teamLead.request('PUT', '/api/teams/kundeservice/wow/999999', { keptOff: true })).statusCode,
    ).toBe(404);
    expect((await allOf()).some((entry) => entry.id === other)).toBe(true);
  });

  it('answers every role and position in the tree as the authorisation rules say', async () => {
    const item = ids.get('ks-csat');
    const expected: Record<Person | 'facilitator', { wall: number; team: number; keepOff: number }> = {
      admin: { wall: 200, team: 200, keepOff: 200 },
      divisionLead: { wall: 200, team: 403, keepOff: 403 },
      departmentLead: { wall: 200, team: 403, keepOff: 403 },
      squadLead: { wall: 404, team: 404, keepOff: 404 },
      siblingLead: { wall: 404, team: 404, keepOff: 404 },
      unrelatedLead: { wall: 404, team: 404, keepOff: 404 },
      teamLead: { wall: 404, team: 200, keepOff: 200 },
      facilitator: { wall: 404, team: 200, keepOff: 200 },
      member: { wall: 404, team: 200, keepOff: 403 },
      outsider: { wall: 404, team: 404, keepOff: 404 },
      signedOut: { wall: 401, team: 401, keepOff: 401 },
    };
    const actual = {} as typeof expected;
    for (const person of [...PEOPLE, 'facilitator'] as const) {
      const client = person === 'facilitator' ? facilitator : org.clients[person];
      actual[person] = {
        wall: (await client.request('GET', `/api/units/${org.units.department}/dashboard/wow`)).statusCode,
        team: (await client.request('GET', '/api/teams/kundeservice/wow')).statusCode,
        keepOff: (await client.request('PUT', `/api/teams/kundeservice/wow/${item}`, { keptOff: false })).statusCode,
      };
    }
    expect(actual).toEqual(expected);
  });

  it('refuses a malformed cursor with 400', async () => {
    const response = await org.clients.departmentLead.request(
      'GET',
      `/api/units/${org.units.department}/dashboard/wow?before=yesterday`,
    );
    expect(response.statusCode).toBe(400);
  });
});
