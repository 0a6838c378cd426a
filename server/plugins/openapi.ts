import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { documentRoute, finishDocument } from './openapi-docs.ts';

const TAGS: [string, string][] = [
  ['health', 'Whether the server is up'],
  ['auth', 'Accounts, sessions and CSRF tokens'],
  ['teams', 'Teams and their members'],
  ['invites', 'Invitations to teams'],
  ['actions', 'Improvement actions and outgoing webhooks'],
  ['imports', 'Feedback files: upload, preview, import, undo'],
  ['feedback', 'The feedback store, survey-tool ingestion and team API tokens'],
  ['kpis', 'Customer KPIs'],
  ['pulse', 'The quarterly anonymous culture pulse'],
  ['meetings', 'The monthly rhythm, meetings and calendar feeds'],
  ['live', 'Live boards, guest links and meeting summaries'],
  ['overview', 'What the signed-in person needs now, across their teams'],
  ['units', 'The organisation above the teams and its leaders’ dashboards'],
];

/** The OpenAPI 3.1 document is generated from the routes' TypeBox schemas; the UI lives at /api/docs. */
export default fp(
  async (app) => {
    // Before swagger's own hook, so the document sees each route's name, security and error statuses.
    app.addHook('onRoute', documentRoute);
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Kadence API',
          version: '0.1.0',
          description:
            'The monthly customer-feedback review, as an API. Errors always have the shape `{ "error": { "code", "message", "details"? } }`.',
          license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
        },
        servers: [{ url: '/', description: 'the Kadence server this document was read from' }],
        tags: TAGS.map(([name, description]) => ({ name, description })),
        components: {
          securitySchemes: {
            session: {
              type: 'apiKey',
              in: 'cookie',
              name: 'kadence_session',
              description: 'the session cookie set by POST /api/auth/login',
            },
            csrf: {
              type: 'apiKey',
              in: 'header',
              name: 'x-csrf-token',
              description: 'the token from GET /api/auth/csrf, required on cookie-authenticated writes',
            },
            bearerAuth: { type: 'http', scheme: 'bearer', description: 'a team API token, for survey tools’ webhooks' },
            calendarToken: {
              type: 'apiKey',
              in: 'query',
              name: 'token',
              description: 'the secret of a team’s calendar feed address',
            },
          },
        },
      },
      transformObject: (documentObject) =>
        'openapiObject' in documentObject ? finishDocument(documentObject.openapiObject) : documentObject.swaggerObject,
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
