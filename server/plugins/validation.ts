import { Ajv, type AnySchemaObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// Fastify's own defaults, kept: extra properties are dropped, defaults filled in, first error only
// (allErrors invites a denial of service on large bodies).
const shared: Options = { removeAdditional: 'all', useDefaults: true, allErrors: false, addUsedSchema: false };

/** Query strings and path parameters arrive as text, so they are read as their declared types. */
const parsing = addFormats(new Ajv({ ...shared, coerceTypes: 'array' }));
/** A JSON body already carries its types: `{"name": 42}` is a wrong body, not the name "42". */
const strict = addFormats(new Ajv({ ...shared, coerceTypes: false }));

function isSchemaObject(schema: unknown): schema is AnySchemaObject {
  return typeof schema === 'object' && schema !== null;
}

/** Validates request bodies as sent and coerces only the parts of a request that are text. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  if (!isSchemaObject(schema)) throw new Error('route schemas must be objects');
  return (httpPart === 'body' ? strict : parsing).compile(schema);
};
