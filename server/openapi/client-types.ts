import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../app.ts';
import { loadConfig } from '../plugins/config.ts';

/** Where the client's generated API types live (committed, so the client builds without a server). */
export const CLIENT_TYPES_FILE = 'client/lib/api-schema.ts';

const HEADER = `/**
 * The Kadence API's types, generated from the OpenAPI document the server produces
 * (\`npm run gen:api\`). Do not edit: change the route schemas and regenerate.
 */

`;

export interface OpenApiDocument {
  paths: Record<string, unknown>;
  [field: string]: unknown;
}

/** The OpenAPI document exactly as /api/openapi.json serves it, from an app on an empty database. */
export async function liveDocument(): Promise<OpenApiDocument> {
  const uploadDir = mkdtempSync(join(tmpdir(), 'kadence-openapi-'));
  const app = await buildApp(
    { ...loadConfig({}), databaseFile: ':memory:', uploadDir },
    { logger: false, clientDir: '/nonexistent' },
  );
  try {
    await app.ready();
    return (await app.inject('/api/openapi.json')).json<OpenApiDocument>();
  } finally {
    await app.close();
    rmSync(uploadDir, { recursive: true, force: true });
  }
}

/** The TypeScript the client imports (`paths`, `components`, `operations`) for a document. */
export async function clientTypes(document: OpenApiDocument): Promise<string> {
  // openapi-typescript takes a parsed document; the server's JSON is one.
  const ast = await openapiTS(JSON.stringify(document));
  return HEADER + astToString(ast);
}
