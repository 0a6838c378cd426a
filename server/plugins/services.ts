import fp from 'fastify-plugin';
import { type ServiceOptions, createServices, type Services } from '../services.ts';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export default fp<ServiceOptions>(
  async (app, options) => {
    app.decorate('services', createServices(app.db, options));
  },
  { name: 'services', dependencies: ['db'] },
);
