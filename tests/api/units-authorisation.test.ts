import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/session-client.ts';
import { PEOPLE, type Org, type Person, buildOrg } from '../helpers/unit-org.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may read the Department unit and the teams in it and below it: the admin and the leads at or above it. */
const READS: Record<Person, number> = {
  admin: 200,
  divisionLead: 200,
  departmentLead: 200,
  squadLead: 404,
  siblingLead: 404,
  unrelatedLead: 404,
  teamLead: 404,
  member: 404,
  outsider: 404,
  signedOut: 401,
};

/** Changing the organisation is the admin's alone; a unit lead is refused too. */
const WRITES: Record<Person, number> = {
  admin: 200,
  divisionLead: 403,
  departmentLead: 403,
  squadLead: 403,
  siblingLead: 403,
  unrelatedLead: 403,
  teamLead: 403,
  member: 403,
  outsider: 403,
  signedOut: 401,
};

describe('units: every route × role × position in the tree', () => {
  let app: FastifyInstance;
  let org: Org;

  beforeAll(async () => {
    app = await makeTestApp();
    org = await buildOrg(app);
  });
  afterAll(async () => app.close());

  const ask = (person: Person, method: Method, url: string, body?: object) =>
    org.clients[person].request(method, url, body);

  const dept = () => org.units.department;
  const reads = (): [string, string][] => [
    ['dashboard', `/api/units/${dept()}/dashboard`],
    ['dashboard export', `/api/units/${dept()}/dashboard/export?table=rhythm`],
    ['dashboard customers', `/api/units/${dept()}/dashboard/customers`],
    ['dashboard culture', `/api/units/${dept()}/dashboard/culture`],
    ['WOW wall', `/api/units/${dept()}/dashboard/wow`],
    ['customers export', `/api/units/${dept()}/dashboard/export?table=customers`],
    ['culture export', `/api/units/${dept()}/dashboard/export?table=culture`],
    ['dashboard themes', `/api/units/${dept()}/dashboard/themes?quarter=2026Q4`],
    ['themes export', `/api/units/${dept()}/dashboard/export?table=themes`],
    ['team summaries', `/api/units/${dept()}/teams/kundeservice/summaries`],
    ['team actions', `/api/units/${dept()}/teams/kundeservice/actions`],
    ['team KPIs', `/api/units/${dept()}/teams/kundeservice/kpis?metric=nps`],
    // A team in a unit below the Department is read through the Department too.
    ['child unit team summaries', `/api/units/${dept()}/teams/app/summaries`],
    ['child unit team actions', `/api/units/${dept()}/teams/app/actions`],
    ['child unit team KPIs', `/api/units/${dept()}/teams/app/kpis?metric=nps`],
  ];

  it.each(PEOPLE)('reads of the Department: %s', async (person) => {
    for (const [what, url] of reads()) {
      const response = await ask(person, 'GET', url);
      expect(response.statusCode, `${person} ${what}`).toBe(READS[person]);
    }
  });

  it.each(PEOPLE)('writes to the Department: %s', async (person) => {
    const writes: [string, Method, string, object | undefined][] = [
      ['create', 'POST', '/api/units', { name: `Ny ${person}`, parentId: dept() }],
      ['rename', 'PATCH', `/api/units/${dept()}`, { name: 'Department' }],
      ['place team', 'PUT', `/api/units/${dept()}/teams/kundeservice`, undefined],
      ['add lead', 'POST', `/api/units/${dept()}/leads`, { email: 'departmentlead@example.dk' }],
    ];
    for (const [what, method, url, body] of writes) {
      const response = await ask(person, method, url, body);
      expect(response.statusCode, `${person} ${what}`).toBe(
        what === 'create' && person === 'admin' ? 201 : WRITES[person],
      );
    }
    // Removing is tried on throwaway parts, so every person meets the same state.
    const scratch = (await ask('admin', 'POST', '/api/units', { name: `Scratch ${person}` })).json() as { id: number };
    await ask('admin', 'PUT', `/api/units/${scratch.id}/teams/andet`);
    await ask('admin', 'POST', `/api/units/${scratch.id}/leads`, { email: 'outsider@example.dk' });
    const removals: [string, string][] = [
      ['release team', `/api/units/${scratch.id}/teams/andet`],
      ['remove lead', `/api/units/${scratch.id}/leads/${org.userIds.outsider}`],
      ['delete', `/api/units/${scratch.id}`],
    ];
    for (const [what, url] of removals)
      expect((await ask(person, 'DELETE', url)).statusCode, `${person} ${what}`).toBe(WRITES[person]);
    await ask('admin', 'DELETE', `/api/units/${scratch.id}`);
    await ask('admin', 'PUT', `/api/units/${org.units.unrelated}/teams/andet`);
  });

  it('lists for each person exactly the units they may see', async () => {
    const names = async (person: Person) =>
      ((await ask(person, 'GET', '/api/units')).json() as { units: { name: string }[] }).units
        .map((unit) => unit.name)
        .filter((name) => !name.startsWith('Ny ') && !name.startsWith('Scratch'))
        .sort();
    expect(await names('admin')).toEqual(['Company', 'Department', 'Division', 'Sibling', 'Squad', 'Unrelated']);
    expect(await names('divisionLead')).toEqual(['Department', 'Division', 'Sibling', 'Squad']);
    expect(await names('departmentLead')).toEqual(['Department', 'Squad']);
    expect(await names('squadLead')).toEqual(['Squad']);
    expect(await names('siblingLead')).toEqual(['Sibling']);
    expect(await names('unrelatedLead')).toEqual(['Unrelated']);
    for (const person of ['teamLead', 'member', 'outsider'] as const) expect(await names(person)).toEqual([]);
    expect((await ask('signedOut', 'GET', '/api/units')).statusCode).toBe(401);
  });

  it('reads a team only through a unit that holds it: not through a sibling or a child unit', async () => {
    const { department, squad, sibling } = org.units;
    for (const person of ['admin', 'divisionLead', 'departmentLead'] as const) {
      expect((await ask(person, 'GET', `/api/units/${department}/teams/salg/actions`)).statusCode).toBe(404);
      expect((await ask(person, 'GET', `/api/units/${department}/teams/andet/actions`)).statusCode).toBe(404);
    }
    // The squad lead reads the squad's team, never the department's teams through the squad.
    expect((await ask('squadLead', 'GET', `/api/units/${squad}/teams/app/actions`)).statusCode).toBe(200);
    expect((await ask('squadLead', 'GET', `/api/units/${squad}/teams/kundeservice/actions`)).statusCode).toBe(404);
    expect((await ask('siblingLead', 'GET', `/api/units/${sibling}/teams/salg/summaries`)).statusCode).toBe(200);
    expect((await ask('squadLead', 'GET', `/api/units/${squad}/dashboard`)).statusCode).toBe(200);
    // The squad lead reads the squad's sections, and never the department's above it.
    for (const section of ['customers', 'culture', 'themes', 'wow']) {
      expect((await ask('squadLead', 'GET', `/api/units/${squad}/dashboard/${section}`)).statusCode).toBe(200);
      expect((await ask('squadLead', 'GET', `/api/units/${department}/dashboard/${section}`)).statusCode).toBe(404);
    }
  });

  it('gives a unit lead no team role: 403 on the team’s own routes, reads and writes alike', async () => {
    const attempts: [Method, string, object | undefined][] = [
      ['GET', '/api/teams/kundeservice', undefined],
      ['PATCH', '/api/teams/kundeservice', { name: 'Overtaget' }],
      ['POST', '/api/teams/kundeservice/actions', { title: 'Ring kunderne op' }],
      ['POST', '/api/teams/kundeservice/members', { email: 'outsider@example.dk', role: 'member' }],
      [
        'PUT',
        '/api/teams/kundeservice/cadence',
        { rrule: 'FREQ=MONTHLY;BYDAY=2TU', time: '10:00', durationMinutes: 60 },
      ],
      ['POST', '/api/teams/kundeservice/invites', { role: 'member' }],
      ['GET', '/api/teams/kundeservice/wow', undefined],
      ['PUT', '/api/teams/kundeservice/wow/1', { keptOff: true }],
    ];
    for (const person of ['divisionLead', 'departmentLead'] as const)
      for (const [method, url, body] of attempts)
        expect((await ask(person, method, url, body)).statusCode, `${person} ${method} ${url}`).toBe(403);
    // Leads elsewhere in the tree still learn nothing about the team.
    for (const person of ['squadLead', 'siblingLead', 'unrelatedLead'] as const)
      expect((await ask(person, 'GET', '/api/teams/kundeservice')).statusCode).toBe(404);
    // And the team's own people keep their rights.
    expect((await ask('member', 'GET', '/api/teams/kundeservice')).statusCode).toBe(200);
    expect((await ask('teamLead', 'PATCH', '/api/teams/kundeservice', { name: 'Kundeservice' })).statusCode).toBe(200);
  });
});
