import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { poolUnitKpis } from '../../../shared/kpi-pool.ts';
import type { Store } from '../../../server/db/kysely/store.ts';
import type { DigestTeamSource } from '../../../server/leader-digest/compose.ts';
import { createLeaderDigestService, type DigestTeam, type UnitFigures } from '../../../server/leader-digest/service.ts';
import { type SendMail, smtpMailer } from '../../../server/mail.ts';
import { onBothStores, onBothStoresTwice } from '../../helpers/both-stores.ts';
import { type SunkMail, startSmtpSink } from '../../helpers/smtp-sink.ts';

const PUBLIC_URL = 'https://kadence.example';
const COPENHAGEN: DigestTeam = {
  id: 1,
  slug: 'kundeservice',
  name: 'Kundeservice',
  timezone: 'Europe/Copenhagen',
  language: 'da',
};
const NEW_YORK: DigestTeam = {
  id: 2,
  slug: 'support-us',
  name: 'Support US',
  timezone: 'America/New_York',
  language: 'en',
};

/** Two units on the store: Kunderejsen (a Danish team, two leads) and US (a New York team, one lead). */
async function seed(store: Store): Promise<{ danish: number; us: number }> {
  const user = async (email: string, name: string) =>
    (
      await store.db
        .insertInto('users')
        .values({ email, name, password_hash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const unit = async (name: string) =>
    (await store.db.insertInto('units').values({ name, parent_id: null }).returning('id').executeTakeFirstOrThrow()).id;
  const danish = await unit('Kunderejsen');
  const us = await unit('US');
  const leads: [number, number][] = [
    [danish, await user('dorte@example.dk', 'Dorte')],
    [danish, await user('erik@example.dk', 'Erik')],
    [us, await user('pat@example.com', 'Pat')],
  ];
  for (const [unitId, userId] of leads)
    await store.db.insertInto('unit_leads').values({ unit_id: unitId, user_id: userId }).execute();
  return { danish, us };
}

/** Fixed figures: one review held in November with two actions decided, one action completed, NPS +40 on 5 answers. */
function fixedFigures(units: { danish: number; us: number }, beforeCompose: () => Promise<void> = async () => {}) {
  const calls = { teams: 0 };
  const figures: UnitFigures = {
    teamsBelow: async (unitId) => (unitId === units.danish ? [COPENHAGEN] : [NEW_YORK]),
    teams: async (_unitId, teams): Promise<DigestTeamSource[]> => {
      calls.teams += 1;
      await beforeCompose();
      return teams.map((team) => ({
        teamId: team.id,
        team: { slug: team.slug, name: team.name, timezone: team.timezone },
        meetings: [{ startsAt: '2026-11-10T09:00:00.000Z', held: true, actions: 2 }],
        actions: [{ status: 'done', doneAt: '2026-11-20T09:00:00.000Z' }],
        lost: null,
        lastHeldAt: '2026-11-10T09:00:00.000Z',
      }));
    },
    kpis: async (teamIds, from, to) =>
      poolUnitKpis(
        [
          {
            teamId: teamIds[0] ?? 0,
            metric: 'nps',
            month: to,
            counts: new Map([
              [10, 3],
              [7, 1],
              [2, 1],
            ]),
          },
        ],
        [from, to],
        teamIds,
      ),
  };
  return { figures, calls };
}

/** The text of a sunk mail: headers dropped, quoted-printable or base64 undone. */
function bodyOf(mail: SunkMail): string {
  const split = mail.data.indexOf('\n\n');
  const headers = mail.data.slice(0, split);
  const body = mail.data.slice(split + 2);
  if (/content-transfer-encoding: base64/i.test(headers)) return Buffer.from(body, 'base64').toString('utf8');
  if (/content-transfer-encoding: quoted-printable/i.test(headers))
    return Buffer.from(
      body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

const rowsOf = (store: Store) =>
  store.db.selectFrom('leader_digests').selectAll().orderBy('unit_id').orderBy('user_id').execute();

onBothStores('the leader digest’s daily run', (open) => {
  let store: Store;
  let done: () => Promise<void>;
  let units: { danish: number; us: number };
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.stop();
  });
  beforeEach(async () => {
    ({ store, done } = await open());
    units = await seed(store);
    sink.mails.length = 0;
  });
  afterEach(async () => {
    await done();
  });

  it('does nothing on a day that is not the month’s first working day', async () => {
    const { figures, calls } = fixedFigures(units);
    const service = createLeaderDigestService({ store, figures, publicUrl: PUBLIC_URL, sendMail: null });
    // Wednesday 2 December, and Sunday 1 November.
    expect(await service.runDue(new Date('2026-12-02T09:00:00Z'))).toEqual([]);
    expect(await service.runDue(new Date('2026-11-01T09:00:00Z'))).toEqual([]);
    expect(calls.teams).toBe(0);
    expect(await rowsOf(store)).toEqual([]);
  });

  it('on the first working day mails each lead last month’s digest once, in Danish, in the unit’s own day', async () => {
    const { figures, calls } = fixedFigures(units);
    const service = createLeaderDigestService({
      store,
      figures,
      publicUrl: PUBLIC_URL,
      sendMail: smtpMailer(sink.url, PUBLIC_URL),
    });
    // 03:00 on Tuesday 1 December in Copenhagen, still Monday 30 November in New York.
    const early = await service.runDue(new Date('2026-12-01T02:00:00Z'));
    expect(early).toEqual([
      { unitId: units.danish, unitName: 'Kunderejsen', email: 'dorte@example.dk', month: '2026-11', outcome: 'mailed' },
      { unitId: units.danish, unitName: 'Kunderejsen', email: 'erik@example.dk', month: '2026-11', outcome: 'mailed' },
    ]);
    expect(sink.mails.map((mail) => mail.to)).toEqual([['dorte@example.dk'], ['erik@example.dk']]);
    const text = bodyOf(sink.mails[0] as SunkMail);
    expect(text).toContain('Hej Dorte');
    expect(text).toContain('Sådan gik nov. 2026 i Kunderejsen.');
    expect(text).toContain('Gennemgange holdt: 1 af 1 planlagte');
    expect(text).toContain('Handlinger besluttet: 2; udført: 1');
    // 3 promoters and 1 detractor of 5: NPS +40, SE √((.6 + .2 − .16)/5) = .358, ± 70.1, the top held at 100.
    expect(text).toContain('- NPS: 40 (95 %-interval −30,1 til 100; n = 5)');
    expect(text).toContain('Alle teams holder rytmen.');
    expect(text).toContain(`Åbn overblikket: ${PUBLIC_URL}/#/units/${units.danish}`);
    expect(sink.mails[0]?.data).toMatch(/^Subject: /m);

    // Later the same day: the Danish digests exist (nothing composed again); New York's day has come.
    const composed = calls.teams;
    const later = await service.runDue(new Date('2026-12-01T15:00:00Z'));
    expect(later.map((report) => [report.email, report.outcome])).toEqual([
      ['dorte@example.dk', 'exists'],
      ['erik@example.dk', 'exists'],
      ['pat@example.com', 'mailed'],
    ]);
    expect(calls.teams).toBe(composed + 1);
    expect(bodyOf(sink.mails[2] as SunkMail)).toContain('How Nov 2026 went in US.');
    const rows = await rowsOf(store);
    expect(rows.map((row) => [row.month, row.mailed_at !== null])).toEqual([
      ['2026-11', true],
      ['2026-11', true],
      ['2026-11', true],
    ]);
    expect(JSON.parse(rows[0]?.content ?? '{}')).toMatchObject({
      month: '2026-11',
      totals: { held: 1, decided: 2, completed: 1 },
    });
    expect(sink.mails).toHaveLength(3);
  });

  it('digests October on Monday 2 November, the first working day after a weekend', async () => {
    const { figures } = fixedFigures(units);
    const service = createLeaderDigestService({ store, figures, publicUrl: PUBLIC_URL, sendMail: null });
    const reports = await service.runDue(new Date('2026-11-02T12:00:00Z'));
    expect(reports.map((report) => [report.month, report.outcome])).toEqual([
      ['2026-10', 'stored'],
      ['2026-10', 'stored'],
      ['2026-10', 'stored'],
    ]);
    // Without SMTP the digest is in the app only.
    expect((await rowsOf(store)).every((row) => row.mailed_at === null)).toBe(true);
  });

  it('keeps a digest whose mail failed, unmarked, and says so', async () => {
    const { figures } = fixedFigures(units);
    const failing: SendMail = async () => {
      throw new Error('connection refused');
    };
    const service = createLeaderDigestService({ store, figures, publicUrl: PUBLIC_URL, sendMail: failing });
    const reports = await service.runDue(new Date('2026-12-01T02:00:00Z'));
    expect(reports.map((report) => report.outcome)).toEqual(['mail_failed', 'mail_failed']);
    expect((await rowsOf(store)).map((row) => row.mailed_at)).toEqual([null, null]);
  });
});

/** Resolves every caller once `parties` callers are waiting: both runs are past their check before either claims. */
function barrier(parties: number): () => Promise<void> {
  let waiting: (() => void)[] = [];
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length >= parties) {
        for (const release of waiting) release();
        waiting = [];
      }
    });
}

onBothStoresTwice('the leader digest run by two processes at once', (open) => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.stop();
  });

  it('makes and mails each lead’s digest once', async () => {
    const { stores, done } = await open();
    try {
      const units = await seed(stores[0]);
      const meet = barrier(2);
      const services = stores.map((store) =>
        createLeaderDigestService({
          store,
          figures: fixedFigures(units, meet).figures,
          publicUrl: PUBLIC_URL,
          sendMail: smtpMailer(sink.url, PUBLIC_URL),
        }),
      );
      const at = new Date('2026-12-01T02:00:00Z');
      const [first, second] = await Promise.all(services.map((service) => service.runDue(at)));
      const outcomes = [...(first ?? []), ...(second ?? [])];
      for (const email of ['dorte@example.dk', 'erik@example.dk']) {
        const forLead = outcomes.filter((report) => report.email === email).map((report) => report.outcome);
        // Both composed it (the barrier saw to that); one insert landed, the other found it taken.
        expect(forLead.sort()).toEqual(['mailed', 'taken']);
      }
      expect(sink.mails.map((mail) => mail.to[0]).sort()).toEqual(['dorte@example.dk', 'erik@example.dk']);
      const rows = await rowsOf(stores[1]);
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.mailed_at !== null)).toBe(true);
    } finally {
      await done();
    }
  });
});
