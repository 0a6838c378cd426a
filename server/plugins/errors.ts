import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { ErrorCode } from '../../shared/errors.ts';
import { AppError } from '../errors.ts';

interface Shaped {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

function shape(error: FastifyError | AppError): Shaped {
  if (error instanceof AppError) {
    return { status: error.statusCode, code: error.code, message: error.message, details: error.details };
  }
  if (error.validation) {
    return {
      status: 400,
      code: ErrorCode.VALIDATION,
      message: error.message,
      details: error.validation.map((issue) => ({ path: issue.instancePath, message: issue.message })),
    };
  }
  if (error.code?.startsWith('FST_CSRF')) {
    return {
      status: 403,
      code: ErrorCode.CSRF,
      message: 'Missing or invalid CSRF token; reload the page and try again',
    };
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return { status, code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'The request body is too large' };
  if (status === 429) return { status, code: ErrorCode.RATE_LIMITED, message: error.message };
  if (status >= 400 && status < 500) return { status, code: ErrorCode.VALIDATION, message: error.message };
  return { status: 500, code: ErrorCode.INTERNAL, message: 'Something went wrong on the server; it has been logged' };
}

/** One error shape for the whole API: { error: { code, message, details? } }; 5xx never leaks internals. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
      const shaped = shape(error);
      if (shaped.status >= 500) request.log.error({ err: error }, 'request failed');
      const body: { code: string; message: string; details?: unknown } = { code: shaped.code, message: shaped.message };
      if (shaped.details !== undefined) body.details = shaped.details;
      return reply.status(shaped.status).send({ error: body });
    });
  },
  { name: 'errors' },
);
