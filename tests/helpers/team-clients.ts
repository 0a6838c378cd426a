import type { FastifyInstance } from 'fastify';
import { SessionClient } from './session-client.ts';

export const PASSWORD = 'a-long-password';
export type Role = 'lead' | 'facilitator' | 'member' | 'outsider';

/**
 * A workspace with an admin, a team "Support" (slug support) and a team "Other", and one signed-in
 * client per role in Support; the outsider leads Other. `roles` picks which people to make.
 */
export async function teamWithRoles<R extends Role>(
  app: FastifyInstance,
  roles: readonly R[],
): Promise<Record<R, SessionClient>> {
  const admin = new SessionClient(app);
  await admin.request('POST', '/api/setup', { email: 'admin@example.dk', name: 'Admin', password: PASSWORD });
  await admin.request('POST', '/api/teams', { name: 'Support', slug: 'support' });
  await admin.request('POST', '/api/teams', { name: 'Other', slug: 'other' });
  const clients = {} as Record<R, SessionClient>;
  for (const role of roles) {
    const user = await app.services.users.create({ email: `${role}@example.dk`, name: role, password: PASSWORD });
    await app.services.teams.addMember(
      role === 'outsider' ? 'other' : 'support',
      user.email,
      role === 'outsider' ? 'lead' : role,
    );
    clients[role] = new SessionClient(app);
    await clients[role].request('POST', '/api/auth/login', { email: user.email, password: PASSWORD });
  }
  return clients;
}
