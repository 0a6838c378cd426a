import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ArchiveSchema } from '../../shared/schemas/archive.ts';
import { ErrorSchema, OkSchema } from '../../shared/schemas/common.ts';
import { FeedbackItemSchema } from '../../shared/schemas/feedback.ts';
import { Slug, TeamParams } from '../../shared/schemas/teams.ts';
import { notFound } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import type { MeetingRow } from './repo.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const MeetingParams = Type.Object({ team: Slug, id: Type.Integer({ minimum: 1 }) });
const Step = Type.Object({
  key: Type.String({ maxLength: 30 }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  minutes: Type.Integer({ minimum: 1, maximum: 240 }),
});
const Cadence = Type.Object(
  {
    rrule: Type.String(),
    startTime: Type.String(),
    timezone: Type.String(),
    durationMinutes: Type.Integer(),
    validFrom: Type.String(),
  },
  {
    examples: [
      {
        rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
        startTime: '10:00',
        timezone: 'Europe/Copenhagen',
        durationMinutes: 60,
        validFrom: '2027-01-01',
      },
    ],
  },
);
const MeetingSchema = Type.Object({
  id: Type.Integer(),
  occurrence: Type.Union([Type.String(), Type.Null()]),
  startsAt: Type.String(),
  endsAt: Type.String(),
  status: Type.String(),
  skipReason: Type.Union([Type.String(), Type.Null()]),
  agenda: Type.Array(Step),
  windowStart: Type.Union([Type.String(), Type.Null()]),
  windowEnd: Type.String(),
  preparedAt: Type.Union([Type.String(), Type.Null()]),
});
const toMeeting = (row: MeetingRow) => ({
  id: row.id,
  occurrence: row.occurrence_local,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  status: row.status,
  skipReason: row.skip_reason,
  agenda: JSON.parse(row.agenda) as { key: string; name: string; minutes: number }[],
  windowStart: row.window_start,
  windowEnd: row.window_end,
  preparedAt: row.prepared_at,
});

/** The rhythm: cadence, calendar, meetings, board preparation and cadence health. */
export const meetingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { teams, meetings } = app.services;
  const access = async (
    request: Parameters<typeof requireUser>[0] & { params: { team: string } },
    role: 'member' | 'facilitator' | 'lead' = 'member',
  ) => (await teams.access(requireUser(request), request.params.team, role)).team;

  app.get(
    '/api/teams/:team/cadence',
    {
      schema: {
        tags: ['meetings'],
        params: TeamParams,
        response: {
          200: Type.Object({
            cadence: Type.Union([Cadence, Type.Null()]),
            template: Type.Array(Step),
            feed: Type.Boolean(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const team = await access(request);
      return {
        cadence: await meetings.cadence(team),
        template: await meetings.template(team),
        feed: await meetings.hasFeedToken(team),
      };
    },
  );

  app.put(
    '/api/teams/:team/cadence',
    {
      schema: {
        tags: ['meetings'],
        params: TeamParams,
        body: Type.Object(
          {
            rrule: Type.String({ maxLength: 200 }),
            time: Type.String({ maxLength: 5 }),
            durationMinutes: Type.Integer(),
            from: Type.Optional(Type.String({ maxLength: 10 })),
          },
          // The second Tuesday of every month at 10:00, from January.
          {
            examples: [
              { rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2', time: '10:00', durationMinutes: 60, from: '2027-01-01' },
            ],
          },
        ),
        response: { 200: Cadence, ...errors },
      },
    },
    async (request) => meetings.setCadence(await access(request, 'lead'), request.body, requireUser(request).id),
  );

  app.put(
    '/api/teams/:team/agenda-template',
    {
      schema: {
        tags: ['meetings'],
        params: TeamParams,
        body: Type.Object({ steps: Type.Array(Step, { minItems: 1, maxItems: 20 }) }),
        response: { 200: Type.Object({ steps: Type.Array(Step) }), ...errors },
      },
    },
    async (request) => ({
      steps: await meetings.saveTemplate(await access(request, 'lead'), request.body.steps),
    }),
  );

  app.post(
    '/api/teams/:team/cadence/exceptions',
    {
      schema: {
        tags: ['meetings'],
        params: TeamParams,
        body: Type.Object({
          occurrence: Type.String({ maxLength: 16 }),
          skip: Type.Optional(Type.Boolean()),
          moveTo: Type.Optional(Type.String({ maxLength: 16 })),
          reason: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: { 200: OkSchema, ...errors },
      },
    },
    async (request) => {
      await meetings.setException(await access(request, 'lead'), request.body, requireUser(request).id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/teams/:team/meetings',
    {
      schema: {
        tags: ['meetings'],
        params: TeamParams,
        response: { 200: Type.Object({ meetings: Type.Array(MeetingSchema) }), ...errors },
      },
    },
    async (request) => ({
      meetings: (await meetings.meetings(await access(request))).map(toMeeting),
    }),
  );

  app.get(
    '/api/teams/:team/meetings/:id/calendar.ics',
    { schema: { tags: ['meetings'], params: MeetingParams, response: { 200: Type.String(), ...errors } } },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="kadence-meeting-${request.params.id}.ics"`)
        .send(await meetings.meetingIcs(await access(request), request.params.id)),
  );

  app.post(
    '/api/teams/:team/calendar-token',
    {
      schema: {
        tags: ['meetings'],
        params: TeamParams,
        response: { 201: Type.Object({ url: Type.String() }), ...errors },
      },
    },
    async (request, reply) => {
      const team = await access(request, 'lead');
      const token = await meetings.createFeedToken(team);
      return reply.status(201).send({ url: `/api/teams/${team.slug}/calendar.ics?token=${token}` });
    },
  );

  app.delete(
    '/api/teams/:team/calendar-token',
    { schema: { tags: ['meetings'], params: TeamParams, response: { 200: OkSchema, ...errors } } },
    async (request) => {
      await meetings.revokeFeedTokens(await access(request, 'lead'));
      return { ok: true as const };
    },
  );

  // Calendar programs fetch the feed without a session: the secret token is the only key.
  app.get(
    '/api/teams/:team/calendar.ics',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['meetings'],
        params: TeamParams,
        querystring: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) }),
        response: { 200: Type.String(), ...errors },
      },
    },
    async (request, reply) => {
      const team = await teams.bySlugOrNull(request.params.team);
      if (!team || (await meetings.teamForFeedToken(request.query.token)) !== team.id) throw notFound('Calendar');
      return reply.type('text/calendar; charset=utf-8').send(await meetings.feed(team));
    },
  );

  app.get(
    '/api/teams/:team/meetings/next',
    {
      schema: {
        tags: ['meetings'],
        params: TeamParams,
        response: {
          200: Type.Object({
            meeting: Type.Union([MeetingSchema, Type.Null()]),
            arrived: Type.Integer(),
            previous: Type.Array(MeetingSchema),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const team = access(request);
      const next = await meetings.next(await team);
      const previous = (await meetings.meetings(await team))
        .filter((row) => row.starts_at < new Date().toISOString() && row.id !== next?.id)
        .slice(-6)
        .reverse()
        .map(toMeeting);
      return {
        meeting: next ? toMeeting(next) : null,
        arrived: next ? (await meetings.board(await team, next.id)).arrived : 0,
        previous,
      };
    },
  );

  app.get(
    '/api/teams/:team/meetings/:id/board',
    {
      schema: {
        tags: ['meetings'],
        params: MeetingParams,
        response: {
          200: Type.Object({
            meeting: MeetingSchema,
            arrived: Type.Integer(),
            flagged: Type.Integer(),
            bands: Type.Record(Type.String(), Type.Integer()),
            cards: Type.Array(FeedbackItemSchema),
            candidates: Type.Array(FeedbackItemSchema),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const team = await access(request, 'facilitator');
      const board = await meetings.board(team, request.params.id);
      const onBoard = board.cards.map((card) => card.feedbackId);
      const cardItems = new Map((await app.services.feedback.items(team, onBoard)).map((item) => [item.id, item]));
      const candidates = await app.services.feedback.items(
        team,
        (await meetings.windowIds(team, request.params.id)).filter((id) => !onBoard.includes(id)).slice(0, 100),
      );
      return {
        ...board,
        meeting: toMeeting(board.meeting),
        cards: onBoard.flatMap((id) => cardItems.get(id) ?? []),
        candidates,
      };
    },
  );

  app.get(
    '/api/teams/:team/meetings/:id/frame',
    {
      schema: {
        tags: ['meetings'],
        params: MeetingParams,
        response: {
          200: Type.Object({
            teamName: Type.String(),
            startsAt: Type.String(),
            windowStart: Type.Union([Type.String(), Type.Null()]),
            windowEnd: Type.String(),
            preparedAt: Type.Union([Type.String(), Type.Null()]),
            cards: Type.Integer(),
            nextStartsAt: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errors,
        },
      },
    },
    async (request) => meetings.frame(await access(request), request.params.id),
  );

  app.post(
    '/api/teams/:team/meetings/:id/propose',
    {
      schema: {
        tags: ['meetings'],
        params: MeetingParams,
        response: { 200: Type.Object({ cards: Type.Array(Type.Integer()) }), ...errors },
      },
    },
    async (request) => ({
      cards: await meetings.propose(await access(request, 'facilitator'), request.params.id),
    }),
  );

  app.put(
    '/api/teams/:team/meetings/:id/cards/:feedbackId',
    {
      schema: {
        tags: ['meetings'],
        params: Type.Object({ team: Slug, id: Type.Integer({ minimum: 1 }), feedbackId: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ picked: Type.Boolean() }),
        response: { 200: OkSchema, ...errors },
      },
    },
    async (request) => {
      await meetings.pick(
        await access(request, 'facilitator'),
        request.params.id,
        request.params.feedbackId,
        request.body.picked,
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/api/teams/:team/meetings/archive',
    { schema: { tags: ['meetings'], params: TeamParams, response: { 200: ArchiveSchema, ...errors } } },
    async (request) => {
      const team = await access(request);
      return {
        team: { name: team.name, slug: team.slug, timezone: team.timezone },
        meetings: await meetings.archive(team),
      };
    },
  );

  app.get(
    '/api/teams/:team/cadence/health',
    {
      schema: {
        tags: ['meetings'],
        params: TeamParams,
        response: {
          200: Type.Object({
            planned: Type.Integer(),
            held: Type.Integer(),
            streak: Type.Integer(),
            actionCompletionPct: Type.Union([Type.Integer(), Type.Null()]),
            templateMinutes: Type.Integer(),
            meetings: Type.Array(
              Type.Object({
                id: Type.Integer(),
                startsAt: Type.String(),
                status: Type.String(),
                attendance: Type.Union([Type.Integer(), Type.Null()]),
                actions: Type.Integer(),
                actionsDoneByNext: Type.Integer(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => meetings.health(await access(request)),
  );

  app.get(
    '/api/cadence/health',
    {
      schema: {
        tags: ['meetings'],
        response: {
          200: Type.Object({
            teams: Type.Array(
              Type.Object({
                slug: Type.String(),
                name: Type.String(),
                planned: Type.Integer(),
                held: Type.Integer(),
                streak: Type.Integer(),
                actionCompletionPct: Type.Union([Type.Integer(), Type.Null()]),
                next: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
          401: ErrorSchema,
        },
      },
    },
    async (request) => {
      // The teams this person leads (all teams for the workspace admin), side by side.
      const led = (await teams.listFor(requireUser(request))).filter(
        (entry) => entry.role === 'lead' || requireUser(request).isAdmin,
      );
      const rows = await Promise.all(led.map(({ team }) => teams.bySlug(team.slug)));
      return {
        teams: await Promise.all(
          led.map(async ({ team }, index) => {
            const row = rows[index] as (typeof rows)[number];
            const health = await meetings.health(row);
            return {
              slug: team.slug,
              name: team.name,
              planned: health.planned,
              held: health.held,
              streak: health.streak,
              actionCompletionPct: health.actionCompletionPct,
              next: (await meetings.next(row))?.starts_at ?? null,
            };
          }),
        ),
      };
    },
  );

  app.get(
    '/api/teams/:team/reminders',
    {
      schema: {
        tags: ['meetings'],
        params: TeamParams,
        response: {
          200: Type.Object({
            reminders: Type.Array(
              Type.Object({
                kind: Type.String(),
                meetingId: Type.Integer(),
                startsAt: Type.String(),
                reason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({
      reminders: await meetings.reminders(await access(request)),
    }),
  );
};
