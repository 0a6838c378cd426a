import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ActionSchema } from '../../shared/schemas/actions.ts';
import { ArchiveSchema } from '../../shared/schemas/archive.ts';
import { ErrorSchema, OkSchema } from '../../shared/schemas/common.ts';
import { KpiSchema, LocalDate } from '../../shared/schemas/feedback.ts';
import { MetricSchema } from '../../shared/schemas/imports.ts';
import {
  AddUnitLeadBody,
  CreateUnitBody,
  CultureSchema,
  CustomersSchema,
  DashboardExportQuery,
  DashboardSchema,
  UnitLeadParams,
  UnitListSchema,
  UnitParams,
  UnitSchema,
  UnitTeamParams,
  UpdateUnitBody,
} from '../../shared/schemas/units.ts';
import { UnitThemesQuery, UnitThemesSchema } from '../../shared/schemas/unit-themes.ts';
import { requireUser } from '../plugins/auth.ts';
import { cultureCsv, customersCsv, dashboardCsv } from './export.ts';
import { themesCsv } from './export-themes.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const tags = ['units'];
const LeaderKpiQuery = Type.Object({
  metric: MetricSchema,
  from: Type.Optional(LocalDate),
  to: Type.Optional(LocalDate),
});

/**
 * The organisation: the admin builds the tree; unit leads read their unit's dashboard and, read-only,
 * the summaries, actions and KPIs of the teams below it. Writes are the admin's alone.
 */
export const unitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { units, meetings, actions, feedback, unitDashboard: dashboard } = app.services;

  app.get('/api/units', { schema: { tags, response: { 200: UnitListSchema, 401: ErrorSchema } } }, async (request) => ({
    units: await units.list(requireUser(request)),
  }));

  app.post(
    '/api/units',
    { schema: { tags, body: CreateUnitBody, response: { 201: UnitSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await units.create(requireUser(request), request.body)),
  );

  app.patch(
    '/api/units/:unit',
    { schema: { tags, params: UnitParams, body: UpdateUnitBody, response: { 200: UnitSchema, ...errors } } },
    async (request) => units.update(requireUser(request), request.params.unit, request.body),
  );

  app.delete(
    '/api/units/:unit',
    { schema: { tags, params: UnitParams, response: { 200: OkSchema, ...errors } } },
    async (request) => {
      await units.remove(requireUser(request), request.params.unit);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/units/:unit/teams/:team',
    { schema: { tags, params: UnitTeamParams, response: { 200: UnitSchema, ...errors } } },
    async (request) => units.addTeam(requireUser(request), request.params.unit, request.params.team),
  );

  app.delete(
    '/api/units/:unit/teams/:team',
    { schema: { tags, params: UnitTeamParams, response: { 200: UnitSchema, ...errors } } },
    async (request) => units.removeTeam(requireUser(request), request.params.unit, request.params.team),
  );

  app.post(
    '/api/units/:unit/leads',
    { schema: { tags, params: UnitParams, body: AddUnitLeadBody, response: { 200: UnitSchema, ...errors } } },
    async (request) => await units.addLead(requireUser(request), request.params.unit, request.body.email),
  );

  app.delete(
    '/api/units/:unit/leads/:userId',
    { schema: { tags, params: UnitLeadParams, response: { 200: UnitSchema, ...errors } } },
    async (request) => units.removeLead(requireUser(request), request.params.unit, request.params.userId),
  );

  app.get(
    '/api/units/:unit/dashboard',
    { schema: { tags, params: UnitParams, response: { 200: DashboardSchema, ...errors } } },
    async (request) => dashboard.forUnit(await units.view(requireUser(request), request.params.unit)),
  );

  // The customers and culture sections have routes of their own: the dashboard's rhythm and actions
  // stay one quick read, and the page loads the sections side by side (each shows its own failure).
  app.get(
    '/api/units/:unit/dashboard/customers',
    {
      schema: {
        tags,
        operationId: 'units.dashboard.customers',
        summary: 'Each team’s customer KPIs and the unit’s pooled figure, month by month, with completed actions',
        params: UnitParams,
        response: { 200: CustomersSchema, ...errors },
      },
    },
    async (request) => dashboard.customers(await units.view(requireUser(request), request.params.unit)),
  );

  app.get(
    '/api/units/:unit/dashboard/culture',
    {
      schema: {
        tags,
        operationId: 'units.dashboard.culture',
        summary: 'The pulse statements rolled up over the unit’s teams that met the anonymity thresholds',
        params: UnitParams,
        response: { 200: CultureSchema, ...errors },
      },
    },
    async (request) => dashboard.culture(await units.view(requireUser(request), request.params.unit)),
  );

  app.get(
    '/api/units/:unit/dashboard/themes',
    {
      schema: {
        tags,
        operationId: 'units.dashboard.themes',
        summary: 'The themes recurring across the unit’s teams in a quarter, with what the teams decided about them',
        params: UnitParams,
        querystring: UnitThemesQuery,
        response: { 200: UnitThemesSchema, ...errors },
      },
    },
    async (request) =>
      dashboard.themes(await units.view(requireUser(request), request.params.unit), request.query.quarter),
  );

  app.get(
    '/api/units/:unit/dashboard/export',
    {
      schema: {
        tags,
        params: UnitParams,
        querystring: DashboardExportQuery,
        response: { 200: Type.String(), ...errors },
      },
    },
    async (request, reply) => {
      const unit = await units.view(requireUser(request), request.params.unit);
      const { table, delimiter } = request.query;
      const separator = delimiter === 'semicolon' ? ';' : ',';
      const body =
        table === 'themes'
          ? themesCsv(await dashboard.themes(unit, request.query.quarter), separator)
          : table === 'customers'
            ? customersCsv(await dashboard.customers(unit), unit.name, separator)
            : table === 'culture'
              ? cultureCsv(await dashboard.culture(unit), separator)
              : dashboardCsv(await dashboard.forUnit(unit), table, separator);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="unit-${unit.id}-${table}.csv"`)
        .send(body);
    },
  );

  // Read-only views of one team below the unit, through the leader gate (units.teamAsLeader).
  app.get(
    '/api/units/:unit/teams/:team/summaries',
    { schema: { tags, params: UnitTeamParams, response: { 200: ArchiveSchema, ...errors } } },
    async (request) => {
      const team = await units.teamAsLeader(requireUser(request), request.params.unit, request.params.team);
      return {
        team: { name: team.name, slug: team.slug, timezone: team.timezone },
        meetings: await meetings.archive(team),
      };
    },
  );

  app.get(
    '/api/units/:unit/teams/:team/actions',
    {
      schema: {
        tags,
        params: UnitTeamParams,
        response: { 200: Type.Object({ actions: Type.Array(ActionSchema) }), ...errors },
      },
    },
    async (request) => {
      const team = await units.teamAsLeader(requireUser(request), request.params.unit, request.params.team);
      return { actions: await actions.ofTeams([team.id]) };
    },
  );

  app.get(
    '/api/units/:unit/teams/:team/kpis',
    {
      schema: { tags, params: UnitTeamParams, querystring: LeaderKpiQuery, response: { 200: KpiSchema, ...errors } },
    },
    async (request) => {
      const team = await units.teamAsLeader(requireUser(request), request.params.unit, request.params.team);
      const { metric, ...range } = request.query;
      return feedback.kpi(team, metric, range);
    },
  );
};
