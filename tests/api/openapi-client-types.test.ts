import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_TYPES_FILE, clientTypes, liveDocument } from '../../server/openapi/client-types.ts';

describe('the client’s generated API types', () => {
  it('are what the live document generates today (run `npm run gen:api` when this fails)', async () => {
    const committed = readFileSync(CLIENT_TYPES_FILE, 'utf8');
    expect(committed).toBe(await clientTypes(await liveDocument()));
  }, 60_000);

  it('would notice a document that changed', async () => {
    const document = await liveDocument();
    const changed = {
      ...document,
      paths: {
        ...document.paths,
        '/api/a-new-route': { get: { operationId: 'new.route', responses: { 200: { description: 'ok' } } } },
      },
    };
    expect(await clientTypes(changed)).not.toBe(readFileSync(CLIENT_TYPES_FILE, 'utf8'));
  }, 60_000);
});
