import type { FastifyInstance } from 'fastify';
import { SessionClient } from './session-client.ts';

export type ActionActor = 'admin' | 'outsider' | 'member' | 'other' | 'facilitator' | 'lead';
const PASSWORD = 'a-long-password';

/** A workspace with team "support" (lead, facilitator, two members) and an outsider leading "secret". */
export async function actionsTeam(
  app: FastifyInstance,
): Promise<{ clients: Record<ActionActor, SessionClient>; ids: Record<ActionActor, number> }> {
  const clients = {} as Record<ActionActor, SessionClient>;
  const ids = {} as Record<ActionActor, number>;
  clients.admin = new SessionClient(app);
  const setup = await clients.admin.request('POST', '/api/setup', {
    email: 'admin@example.dk',
    name: 'Admin',
    password: PASSWORD,
  });
  ids.admin = (setup.json() as { user: { id: number } }).user.id;
  await clients.admin.request('POST', '/api/teams', { name: 'Support', slug: 'support' });
  await clients.admin.request('POST', '/api/teams', { name: 'Secret', slug: 'secret' });
  for (const actor of ['outsider', 'member', 'other', 'facilitator', 'lead'] as const) {
    const user = await app.services.users.create({ email: `${actor}@example.dk`, name: actor, password: PASSWORD });
    ids[actor] = user.id;
    const role = actor === 'outsider' ? 'lead' : actor === 'other' ? 'member' : actor;
    await app.services.teams.addMember(actor === 'outsider' ? 'secret' : 'support', user.email, role);
    clients[actor] = new SessionClient(app);
    await clients[actor].request('POST', '/api/auth/login', { email: user.email, password: PASSWORD });
  }
  return { clients, ids };
}
