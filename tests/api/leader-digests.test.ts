import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaderDigest } from '../../shared/schemas/leader-digests.ts';
import { makeTestApp } from '../helpers/session-client.ts';
import { type Org, type Person, buildOrg } from '../helpers/unit-org.ts';

const answer = (id: string, receivedAt: string, score: number) => ({
  id,
  source: 'app',
  receivedAt,
  metric: 'nps',
  score,
});

describe('GET /api/me/leader-digests: a unit lead’s own monthly digests', () => {
  let app: FastifyInstance;
  let org: Org;
  const digestsOf = async (person: Person) => {
    const response = await org.clients[person].request('GET', '/api/me/leader-digests');
    expect(response.statusCode).toBe(200);
    return (response.json() as { digests: LeaderDigest[] }).digests;
  };

  beforeAll(async () => {
    app = await makeTestApp();
    org = await buildOrg(app);
    const team = await app.services.teams.bySlug('kundeservice');
    if (!team) throw new Error('kundeservice is missing');
    // Five November answers in Department's kundeservice: 3 promoters, 1 passive, 1 detractor (NPS +40).
    await app.services.imports.ingestBatch(team, [
      answer('n1', '2026-11-03T10:00:00Z', 10),
      answer('n2', '2026-11-04T10:00:00Z', 9),
      answer('n3', '2026-11-05T10:00:00Z', 10),
      answer('n4', '2026-11-06T10:00:00Z', 7),
      answer('n5', '2026-11-07T10:00:00Z', 2),
    ]);
    const reports = await app.services.leaderDigests.runMonth('2026-11', new Date('2026-12-01T09:00:00Z'));
    expect(reports.map((report) => [report.email, report.outcome]).sort()).toEqual([
      ['departmentlead@example.dk', 'stored'],
      ['divisionlead@example.dk', 'stored'],
      ['siblinglead@example.dk', 'stored'],
      ['squadlead@example.dk', 'stored'],
      ['unrelatedlead@example.dk', 'stored'],
    ]);
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  it('gives a lead the digest of their unit, over every team in it and below it', async () => {
    const [digest, ...others] = await digestsOf('departmentLead');
    expect(others).toEqual([]);
    expect(digest).toMatchObject({ unitId: org.units.department, month: '2026-11', mailedAt: null });
    expect(digest?.content.unit).toEqual({ id: org.units.department, name: 'Department' });
    expect(digest?.content.teams.map((row) => row.team.slug).sort()).toEqual([
      'app',
      'kundeservice',
      'levering',
      'webshop',
    ]);
    expect(digest?.content.totals).toEqual({ teams: 4, planned: 0, held: 0, decided: 0, completed: 0, lost: 0 });
    expect(digest?.content.kpis).toEqual([
      {
        metric: 'nps',
        teams: 1,
        current: { month: '2026-11', n: 5, value: 40, ci95: expect.any(Array) as unknown },
        previous: { month: '2026-10', n: 0, value: null, ci95: null },
        change: null,
        changeCi95: null,
        clear: false,
      },
    ]);
    // The teams are Danish (the default), so is the digest.
    expect(digest?.content.language).toBe('da');
  });

  it('shows each person only their own: a lead above sees their own unit’s digest, not the one below', async () => {
    const division = await digestsOf('divisionLead');
    expect(division.map((digest) => digest.unitId)).toEqual([org.units.division]);
    expect(division[0]?.content.teams.map((row) => row.team.slug).sort()).toEqual([
      'app',
      'kundeservice',
      'levering',
      'salg',
      'webshop',
    ]);
    expect((await digestsOf('squadLead')).map((digest) => digest.unitId)).toEqual([org.units.squad]);
    expect((await digestsOf('siblingLead')).map((digest) => digest.unitId)).toEqual([org.units.sibling]);
    // No digest for those who lead nothing, the workspace admin included.
    for (const person of ['admin', 'teamLead', 'member', 'outsider'] as const)
      expect(await digestsOf(person)).toEqual([]);
  });

  it('refuses the signed-out', async () => {
    const response = await org.clients.signedOut.request('GET', '/api/me/leader-digests');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('makes a digest once per month and lists the newest month first', async () => {
    const again = await app.services.leaderDigests.runMonth('2026-11', new Date('2026-12-01T10:00:00Z'));
    expect(new Set(again.map((report) => report.outcome))).toEqual(new Set(['exists']));
    await app.services.leaderDigests.runMonth('2026-10', new Date('2026-12-01T10:00:00Z'));
    expect((await digestsOf('departmentLead')).map((digest) => digest.month)).toEqual(['2026-11', '2026-10']);
  });
});
