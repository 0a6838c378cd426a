import type { FastifyInstance } from 'fastify';
import { SessionClient } from './session-client.ts';

export const PASSWORD = 'a-long-password';

/** Who is asked, relative to the Department unit the matrix targets. */
export const PEOPLE = [
  'admin',
  'divisionLead',
  'departmentLead',
  'squadLead',
  'siblingLead',
  'unrelatedLead',
  'teamLead',
  'member',
  'outsider',
  'signedOut',
] as const;
export type Person = (typeof PEOPLE)[number];

export interface Org {
  clients: Record<Person, SessionClient>;
  units: { company: number; division: number; department: number; squad: number; sibling: number; unrelated: number };
  userIds: Record<Person, number>;
}

/**
 * A workspace with this tree, built through the admin's API:
 *   Company → Division → Department (teams kundeservice, webshop, levering) → Squad (team app)
 *                      → Sibling (team salg)
 *   Unrelated (team andet)
 * One lead per unit below Company; a team lead and a member of kundeservice; an outsider in no team.
 */
export async function buildOrg(app: FastifyInstance): Promise<Org> {
  const admin = new SessionClient(app);
  await admin.request('POST', '/api/setup', { email: 'admin@example.dk', name: 'Admin', password: PASSWORD });
  for (const [name, slug] of [
    ['Kundeservice', 'kundeservice'],
    ['Webshop', 'webshop'],
    ['Levering', 'levering'],
    ['App', 'app'],
    ['Salg', 'salg'],
    ['Andet', 'andet'],
  ])
    await admin.request('POST', '/api/teams', { name, slug });
  const unit = async (name: string, parentId: number | null) =>
    ((await admin.request('POST', '/api/units', { name, parentId })).json() as { id: number }).id;
  const company = await unit('Company', null);
  const division = await unit('Division', company);
  const department = await unit('Department', division);
  const squad = await unit('Squad', department);
  const sibling = await unit('Sibling', division);
  const unrelated = await unit('Unrelated', null);
  const place: [number, string][] = [
    [department, 'kundeservice'],
    [department, 'webshop'],
    [department, 'levering'],
    [squad, 'app'],
    [sibling, 'salg'],
    [unrelated, 'andet'],
  ];
  for (const [unitId, slug] of place) await admin.request('PUT', `/api/units/${unitId}/teams/${slug}`);

  const clients = { admin, signedOut: new SessionClient(app) } as Record<Person, SessionClient>;
  const userIds = { admin: 1, signedOut: 0 } as Record<Person, number>;
  const leads: [Person, number][] = [
    ['divisionLead', division],
    ['departmentLead', department],
    ['squadLead', squad],
    ['siblingLead', sibling],
    ['unrelatedLead', unrelated],
  ];
  for (const person of PEOPLE) {
    if (person === 'admin' || person === 'signedOut') continue;
    const email = `${person.toLowerCase()}@example.dk`;
    const user = await app.services.users.create({ email, name: person, password: PASSWORD });
    userIds[person] = user.id;
    const led = leads.find(([who]) => who === person);
    if (led) await admin.request('POST', `/api/units/${led[1]}/leads`, { email });
    if (person === 'teamLead') await app.services.teams.addMember('kundeservice', email, 'lead');
    if (person === 'member') await app.services.teams.addMember('kundeservice', email, 'member');
    clients[person] = new SessionClient(app);
    await clients[person].request('POST', '/api/auth/login', { email, password: PASSWORD });
  }
  return { clients, units: { company, division, department, squad, sibling, unrelated }, userIds };
}
