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
    sink.refuse(0);
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
      {
        unitId: units.danish,
        unitName: 'Kunderejsen',
        email: 'dorte@example.dk',
        month: '2026-11',
        outcome: 'mailed',
        attempts: 1,
        nextAttemptAt: null,
      },
      {
        unitId: units.danish,
        unitName: 'Kunderejsen',
        email: 'erik@example.dk',
        month: '2026-11',
        outcome: 'mailed',
        attempts: 1,
        nextAttemptAt: null,
      },
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

  it('keeps a digest whose mail was refused pending, with its next try five minutes on, and says so', async () => {
    const { figures } = fixedFigures(units);
    const failing: SendMail = async () => {
      throw new Error('connection refused');
    };
    const at = new Date('2026-12-01T02:00:00Z');
    const service = createLeaderDigestService({
      store,
      figures,
      publicUrl: PUBLIC_URL,
      sendMail: failing,
      clock: () => at,
    });
    const reports = await service.runDue(at);
    expect(reports.map((report) => [report.outcome, report.attempts, report.nextAttemptAt, report.error])).toEqual([
      ['mail_retry', 1, '2026-12-01T02:05:00.000Z', 'connection refused'],
      ['mail_retry', 1, '2026-12-01T02:05:00.000Z', 'connection refused'],
    ]);
    expect((await rowsOf(store)).map((row) => [row.mailed_at, row.mail_state, row.mail_attempts])).toEqual([
      [null, 'pending', 1],
      [null, 'pending', 1],
    ]);
  });

  it('sends a mail the SMTP server refused once again after five minutes, and once only', async () => {
    const { figures } = fixedFigures(units);
    let now = new Date('2026-12-01T02:00:00Z');
    const service = createLeaderDigestService({
      store,
      figures,
      publicUrl: PUBLIC_URL,
      sendMail: smtpMailer(sink.url, PUBLIC_URL),
      clock: () => now,
    });
    sink.refuse(1);
    const refusedBefore = sink.refused();
    const first = await service.runDue(now);
    expect(first.map((report) => [report.email, report.outcome, report.attempts])).toEqual([
      ['dorte@example.dk', 'mail_retry', 1],
      ['erik@example.dk', 'mailed', 1],
    ]);
    expect(sink.refused() - refusedBefore).toBe(1);
    expect(sink.mails.map((mail) => mail.to)).toEqual([['erik@example.dk']]);

    // Four minutes on, the wait is not over: nothing is tried.
    now = new Date('2026-12-01T02:04:00Z');
    expect(await service.retryMail()).toEqual([]);
    // Five minutes on: the second attempt delivers it.
    now = new Date('2026-12-01T02:05:00Z');
    const retried = await service.retryMail();
    expect(retried.map((report) => [report.email, report.month, report.outcome, report.attempts])).toEqual([
      ['dorte@example.dk', '2026-11', 'mailed', 2],
    ]);
    expect(sink.mails.map((mail) => mail.to)).toEqual([['erik@example.dk'], ['dorte@example.dk']]);
    expect(bodyOf(sink.mails[1] as SunkMail)).toContain('Hej Dorte');
    // Sent is sent: later passes and the day's run send nothing more.
    // (still Monday 30 November in New York, so US's digest is not due yet)
    now = new Date('2026-12-01T03:00:00Z');
    expect(await service.retryMail()).toEqual([]);
    expect((await service.runDue(now)).map((report) => report.outcome)).toEqual(['exists', 'exists']);
    expect(sink.mails).toHaveLength(2);
    const rows = await rowsOf(store);
    expect(rows.map((row) => [row.mail_state, row.mail_attempts, row.mail_next_at, row.mail_error])).toEqual([
      ['sent', 2, null, null],
      ['sent', 1, null, null],
    ]);
    expect(rows.every((row) => row.mailed_at !== null)).toBe(true);
  });

  it('waits 5 minutes, 30 minutes and 2 hours between attempts and gives up after the fourth', async () => {
    const { figures } = fixedFigures(units);
    let now = new Date('2026-12-01T02:00:00Z');
    const service = createLeaderDigestService({
      store,
      figures,
      publicUrl: PUBLIC_URL,
      sendMail: smtpMailer(sink.url, PUBLIC_URL),
      clock: () => now,
    });
    sink.refuse(100);
    const refusedBefore = sink.refused();
    expect((await service.runDue(now)).map((report) => report.nextAttemptAt)).toEqual([
      '2026-12-01T02:05:00.000Z',
      '2026-12-01T02:05:00.000Z',
    ]);
    const pass = async (at: string) => {
      now = new Date(at);
      return (await service.retryMail()).map((report) => [report.outcome, report.attempts, report.nextAttemptAt]);
    };
    expect(await pass('2026-12-01T02:05:00Z')).toEqual([
      ['mail_retry', 2, '2026-12-01T02:35:00.000Z'],
      ['mail_retry', 2, '2026-12-01T02:35:00.000Z'],
    ]);
    expect(await pass('2026-12-01T02:34:59Z')).toEqual([]);
    expect(await pass('2026-12-01T02:35:00Z')).toEqual([
      ['mail_retry', 3, '2026-12-01T04:35:00.000Z'],
      ['mail_retry', 3, '2026-12-01T04:35:00.000Z'],
    ]);
    expect(await pass('2026-12-01T04:35:00Z')).toEqual([
      ['mail_failed', 4, null],
      ['mail_failed', 4, null],
    ]);
    expect(await pass('2026-12-02T04:35:00Z')).toEqual([]);
    expect(sink.refused() - refusedBefore).toBe(8);
    sink.refuse(0);
    expect(sink.mails).toEqual([]);
    const rows = await rowsOf(store);
    expect(rows.map((row) => [row.mail_state, row.mail_attempts, row.mail_next_at, row.mailed_at])).toEqual([
      ['failed', 4, null, null],
      ['failed', 4, null, null],
    ]);
    expect(rows[0]?.mail_error).toMatch(/451/);
    // The lead's digest page says so.
    const mine = await service.mine({ id: rows[0]?.user_id ?? 0 } as Parameters<typeof service.mine>[0]);
    expect(mine.map((digest) => digest.mail)).toEqual([{ state: 'failed', attempts: 4, nextAttemptAt: null }]);
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
  it('tries a refused mail again from one process only when both look at once', async () => {
    const { stores, done } = await open();
    try {
      const units = await seed(stores[0]);
      let now = new Date('2026-12-01T02:00:00Z');
      const services = stores.map((store) =>
        createLeaderDigestService({
          store,
          figures: fixedFigures(units).figures,
          publicUrl: PUBLIC_URL,
          sendMail: smtpMailer(sink.url, PUBLIC_URL),
          clock: () => now,
        }),
      );
      sink.mails.length = 0;
      sink.refuse(2);
      const first = await services[0]?.runDue(now);
      expect(first?.map((report) => report.outcome)).toEqual(['mail_retry', 'mail_retry']);
      now = new Date('2026-12-01T02:05:00Z');
      const [a, b] = await Promise.all(services.map((service) => service.retryMail()));
      const retried = [...(a ?? []), ...(b ?? [])];
      expect(retried.map((report) => [report.email, report.outcome, report.attempts]).sort()).toEqual([
        ['dorte@example.dk', 'mailed', 2],
        ['erik@example.dk', 'mailed', 2],
      ]);
      expect(sink.mails.map((mail) => mail.to[0]).sort()).toEqual(['dorte@example.dk', 'erik@example.dk']);
      const rows = await rowsOf(stores[1]);
      expect(rows.map((row) => [row.mail_state, row.mail_attempts])).toEqual([
        ['sent', 2],
        ['sent', 2],
      ]);
    } finally {
      await done();
    }
  });
});
