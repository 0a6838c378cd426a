import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  type User,
  ChangePasswordBody,
  CsrfSchema,
  LoginBody,
  MeSchema,
  SetupBody,
  SetupStatusSchema,
} from '../../shared/schemas/auth.ts';
import { ErrorSchema, OkSchema } from '../../shared/schemas/common.ts';
import { requireUser } from '../plugins/auth.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 409: ErrorSchema, 429: ErrorSchema };

export const authRoutes =
  (loginRateLimit: number): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { auth, teams } = app.services;

    const me = async (user: User) => ({
      user,
      teams: (await teams.listFor(user)).map(({ team, role }) => ({
        id: team.id,
        name: team.name,
        slug: team.slug,
        timezone: team.timezone,
        role,
      })),
    });

    app.get(
      '/api/auth/csrf',
      { schema: { tags: ['auth'], response: { 200: CsrfSchema } } },
      async (_request, reply) => ({
        token: reply.csrfToken(),
      }),
    );

    app.get('/api/setup', { schema: { tags: ['auth'], response: { 200: SetupStatusSchema } } }, async () => ({
      needsSetup: await auth.needsSetup(),
    }));

    app.post(
      '/api/setup',
      { schema: { tags: ['auth'], body: SetupBody, response: { 201: MeSchema, ...errors } } },
      async (request, reply) => {
        const { user, session } = await auth.setup(request.body);
        app.setSessionCookie(reply, session);
        return reply.status(201).send(await me(user));
      },
    );

    app.post(
      '/api/auth/login',
      {
        config: { rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], body: LoginBody, response: { 200: MeSchema, ...errors } },
      },
      async (request, reply) => {
        const { user, session } = await auth.login(request.body.email, request.body.password);
        app.setSessionCookie(reply, session);
        return me(user);
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['auth'], response: { 200: OkSchema, 403: ErrorSchema } } },
      async (request, reply) => {
        await auth.logout(request.sessionToken);
        app.clearSessionCookie(reply);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      { schema: { tags: ['auth'], response: { 200: MeSchema, 401: ErrorSchema } } },
      async (request) => me(requireUser(request)),
    );

    app.post(
      '/api/auth/password',
      {
        config: { rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], body: ChangePasswordBody, response: { 200: OkSchema, ...errors } },
      },
      async (request) => {
        const user = requireUser(request);
        await auth.changePassword(
          user.id,
          request.sessionToken as string,
          request.body.currentPassword,
          request.body.newPassword,
        );
        return { ok: true as const };
      },
    );
  };
