import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { PASSWORD, teamWithRoles } from '../helpers/team-clients.ts';

const errorOf = (response: LightMyRequestResponse) =>
  (response.json() as { error?: { code: string; message: string } }).error;

describe('accepting an invite with an e-mail that already has an account', () => {
  let app: FastifyInstance;
  let lead: SessionClient;

  beforeAll(async () => {
    app = await makeTestApp();
    ({ lead } = await teamWithRoles(app, ['lead']));
    await app.services.users.create({ email: 'anna@example.dk', name: 'Anna', password: PASSWORD });
  });
  afterAll(async () => app.close());

  const invite = async (email?: string) =>
    (
      (
        await lead.request('POST', '/api/teams/support/invites', { role: 'member', ...(email ? { email } : {}) })
      ).json() as { token: string }
    ).token;
  const acceptAnonymously = (token: string, email: string) =>
    new SessionClient(app).request('POST', `/api/invites/${token}/accept`, {
      name: 'Somebody',
      email,
      password: 'another-long-password',
    });

  it('asks the person to sign in, in words that do not say the account exists', async () => {
    const token = await invite();
    const response = await acceptAnonymously(token, 'Anna@Example.dk');
    expect(response.statusCode).toBe(409);
    const error = errorOf(response);
    expect(error?.code).toBe('INVITE_SIGN_IN');
    expect(error?.message).toMatch(/sign in/i);
    expect(error?.message).not.toMatch(/exists|already has|registered|taken/i);
    expect(response.cookies.find((cookie) => cookie.name === 'kadence_session')).toBeUndefined();
  });

  it('gives the same answer for an invite made for another address, so the answer tells nothing about accounts', async () => {
    const existing = await acceptAnonymously(await invite('bo@example.dk'), 'anna@example.dk');
    const unknown = await acceptAnonymously(await invite('bo@example.dk'), 'nobody-here@example.dk');
    expect(existing.statusCode).toBe(409);
    expect(unknown.statusCode).toBe(existing.statusCode);
    expect(unknown.body).toBe(existing.body);
    expect(unknown.body).not.toContain('bo@example.dk');
  });

  it('keeps the invite for the person to accept once signed in', async () => {
    const token = await invite();
    expect((await acceptAnonymously(token, 'anna@example.dk')).statusCode).toBe(409);
    const anna = new SessionClient(app);
    expect(
      (await anna.request('POST', '/api/auth/login', { email: 'anna@example.dk', password: PASSWORD })).statusCode,
    ).toBe(200);
    const accepted = await anna.request('POST', `/api/invites/${token}/accept`, {});
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ teamSlug: 'support' });
  });

  it('still creates an account for a new address', async () => {
    const response = await acceptAnonymously(await invite(), 'new-person@example.dk');
    expect(response.statusCode).toBe(200);
  });
});

describe('the sign-in limit counts per account, not only per address', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await makeTestApp({ loginRateLimit: 5 });
    await teamWithRoles(app, ['lead', 'member']);
  });
  afterAll(async () => app.close());

  /** One sign-in from its own address, as a botnet spreading guesses would send it. */
  async function attempt(email: string, password: string, address: string): Promise<number> {
    const csrf = await app.inject({ url: '/api/auth/csrf', remoteAddress: address });
    const cookie = `kadence_csrf=${csrf.cookies.find((entry) => entry.name === 'kadence_csrf')?.value ?? ''}`;
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: address,
      headers: { cookie, 'x-csrf-token': (csrf.json() as { token: string }).token },
      payload: { email, password },
    });
    return response.statusCode;
  }

  it('stops guesses at one account spread over many addresses, for known and unknown e-mails alike', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let index = 0; index < 8; index++) {
      known.push(await attempt('lead@example.dk', `wrong-guess-${index}`, `198.51.100.${index + 1}`));
      unknown.push(await attempt('ghost@example.dk', `wrong-guess-${index}`, `203.0.113.${index + 1}`));
    }
    expect(known).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect(unknown).toEqual(known);
    // While the account is limited, even the right password waits; other accounts are not affected.
    expect(await attempt('lead@example.dk', PASSWORD, '198.51.100.200')).toBe(429);
    expect(await attempt('member@example.dk', PASSWORD, '198.51.100.201')).toBe(200);
  });

  it('does not count successful sign-ins against the account', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 7; index++)
      statuses.push(await attempt('member@example.dk', PASSWORD, `192.0.2.${index + 1}`));
    expect(statuses.every((status) => status === 200)).toBe(true);
  });
});
