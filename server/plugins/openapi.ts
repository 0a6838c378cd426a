import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

/** The OpenAPI document is generated from the routes' TypeBox schemas; the UI lives at /api/docs. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: { title: 'Kadence API', version: '0.1.0', description: 'The monthly customer-feedback review, as an API.' },
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: 'kadence_session' },
            csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
            bearerAuth: { type: 'http', scheme: 'bearer', description: 'a team API token, for survey tools’ webhooks' },
          },
        },
      },
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
