import fp from 'fastify-plugin';
import { createServices, type ServiceOptions, type Services } from '../services.ts';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export default fp<ServiceOptions>(
  async (app, options) => {
    app.decorate('services', createServices(app.store, options));
  },
  { name: 'services', dependencies: ['db'] },
);
