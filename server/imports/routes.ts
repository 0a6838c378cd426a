import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema, OkSchema } from '../../shared/schemas/common.ts';
import {
  ImportErrorSchema,
  ImportSkippedSchema,
  ImportSummarySchema,
  MappingSchema,
  PresetNameSchema,
  PreviewSchema,
  type Mapping,
} from '../../shared/schemas/imports.ts';
import { Slug, TeamParams } from '../../shared/schemas/teams.ts';
import { invalid, notFound } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { errorsCsv } from './errors-csv.ts';
import type { UploadStore } from './uploads.ts';

const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  413: ErrorSchema,
  507: ErrorSchema,
};
const ImportParams = Type.Object({ team: Slug, id: Type.Integer({ minimum: 1 }) });
const UploadId = Type.String({ pattern: '^[A-Za-z0-9_-]{32}$' });
const MappingChoice = { preset: Type.Optional(PresetNameSchema), mapping: Type.Optional(MappingSchema) };
const ResultSchema = Type.Object({
  importId: Type.Integer(),
  rows: Type.Integer(),
  imported: Type.Integer(),
  updated: Type.Integer({
    description:
      'answers already held (same source and id) that came back changed and were updated, keeping their history',
  }),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
  errors: Type.Array(ImportErrorSchema, {
    description: 'the first 100 rejected rows; the whole report is at errors.csv',
  }),
  skipped: Type.Array(ImportSkippedSchema, {
    description: 'totals and notes below the table, left out (not counted in rows)',
  }),
});

/** Uploading, previewing, importing and undoing feedback files, for leads and facilitators. */
export function importRoutes(uploads: UploadStore): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { teams, imports } = app.services;
    await app.register(multipart, { limits: { fileSize: uploads.limits.maxFileBytes, files: 1, fields: 5 } });

    app.post(
      '/api/teams/:team/imports/uploads',
      {
        schema: {
          tags: ['imports'],
          consumes: ['multipart/form-data'],
          params: TeamParams,
          response: { 201: Type.Object({ uploadId: Type.String(), preview: PreviewSchema }), ...errors },
        },
      },
      async (request, reply) => {
        const { team } = await teams.access(requireUser(request), request.params.team, 'facilitator');
        if (!request.isMultipart()) throw invalid('send the file as multipart/form-data in a field named file');
        const file = await request.file();
        if (!file) throw invalid('no file was sent');
        const uploadId = await uploads.save(file.file, team.id);
        try {
          const preview = await imports.preview(uploads.path(team.id, uploadId), file.filename);
          return reply.status(201).send({ uploadId, preview });
        } catch (error) {
          await uploads.remove(team.id, uploadId);
          throw error;
        }
      },
    );

    app.post(
      '/api/teams/:team/imports/uploads/:uploadId/preview',
      {
        schema: {
          tags: ['imports'],
          params: Type.Object({ team: Slug, uploadId: UploadId }),
          body: Type.Object(
            { fileName: Type.String({ maxLength: 300 }), ...MappingChoice },
            {
              examples: [
                {
                  fileName: 'trustpilot-november-2026.csv',
                  preset: 'trustpilot',
                  mapping: { receivedAt: 'Dato', score: 'Stjerner', comment: 'Anmeldelse' },
                },
              ],
            },
          ),
          response: { 200: PreviewSchema, ...errors },
        },
      },
      async (request) => {
        const { team } = await teams.access(requireUser(request), request.params.team, 'facilitator');
        return imports.preview(
          await uploads.existing(team.id, request.params.uploadId),
          request.body.fileName,
          request.body.preset,
          request.body.mapping as Mapping | undefined,
        );
      },
    );

    app.post(
      '/api/teams/:team/imports',
      {
        schema: {
          tags: ['imports'],
          params: TeamParams,
          body: Type.Object(
            { uploadId: UploadId, fileName: Type.String({ maxLength: 300 }), ...MappingChoice },
            {
              examples: [
                {
                  uploadId: 'Qm7fK2xW9pLr4TzVb8NcY3hJd6sGa1Ue',
                  fileName: 'trustpilot-november-2026.csv',
                  preset: 'trustpilot',
                  mapping: { receivedAt: 'Dato', score: 'Stjerner', comment: 'Anmeldelse' },
                },
              ],
            },
          ),
          response: { 201: ResultSchema, ...errors },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const { team } = await teams.access(user, request.params.team, 'facilitator');
        const path = await uploads.existing(team.id, request.body.uploadId);
        let result;
        try {
          result = await imports.importFile({
            team,
            path,
            fileName: request.body.fileName,
            channel: 'file',
            userId: user.id,
            preset: request.body.preset,
            mapping: request.body.mapping as Mapping | undefined,
            onProgress: (progress) =>
              app.io.to(`team:${team.id}`).emit('import:progress', { team: team.slug, ...progress }),
          });
        } finally {
          // Used once: removed before answering, so a repeated request finds nothing to import twice.
          await uploads.remove(team.id, request.body.uploadId);
        }
        return reply.status(201).send({ ...result, errors: result.errors.slice(0, 100) });
      },
    );

    const SavedMappingSchema = Type.Object({ name: Type.String(), mapping: MappingSchema });
    app.get(
      '/api/teams/:team/imports/mappings',
      {
        schema: {
          tags: ['imports'],
          params: TeamParams,
          response: { 200: Type.Object({ mappings: Type.Array(SavedMappingSchema) }), ...errors },
        },
      },
      async (request) => {
        const { team } = await teams.access(requireUser(request), request.params.team, 'facilitator');
        return { mappings: await app.services.mappings.list(team.id) };
      },
    );

    app.put(
      '/api/teams/:team/imports/mappings/:name',
      {
        schema: {
          tags: ['imports'],
          params: Type.Object({ team: Slug, name: Type.String({ minLength: 1, maxLength: 60 }) }),
          body: Type.Object({ mapping: MappingSchema }),
          response: { 200: SavedMappingSchema, ...errors },
        },
      },
      async (request) => {
        const { team } = await teams.access(requireUser(request), request.params.team, 'facilitator');
        return app.services.mappings.save(team.id, request.params.name, request.body.mapping as Mapping);
      },
    );

    app.get(
      '/api/teams/:team/imports',
      {
        schema: {
          tags: ['imports'],
          params: TeamParams,
          response: { 200: Type.Object({ imports: Type.Array(ImportSummarySchema) }), ...errors },
        },
      },
      async (request) => {
        const { team } = await teams.access(requireUser(request), request.params.team, 'facilitator');
        return { imports: await imports.list(team.id) };
      },
    );

    app.delete(
      '/api/teams/:team/imports/:id',
      { schema: { tags: ['imports'], params: ImportParams, response: { 200: OkSchema, ...errors, 409: ErrorSchema } } },
      async (request) => {
        const { team } = await teams.access(requireUser(request), request.params.team, 'lead');
        await imports.undo(team.id, request.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/teams/:team/imports/:id/errors.csv',
      {
        schema: {
          tags: ['imports'],
          params: ImportParams,
          response: { 200: Type.String({ description: 'text/csv' }), ...errors },
        },
      },
      async (request, reply) => {
        const { team } = await teams.access(requireUser(request), request.params.team, 'facilitator');
        if (!(await imports.get(team.id, request.params.id))) throw notFound('Import');
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="import-${request.params.id}-errors.csv"`)
          .send(errorsCsv(await imports.errors(request.params.id), team.language));
      },
    );
  };
}
