import { envSchema } from 'env-schema';
import { Type, type Static } from 'typebox';
import type { Language } from '../../shared/language.ts';

const EnvSchema = Type.Object({
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  DATA_DIR: Type.String({ default: './data', minLength: 1 }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  ALLOWED_ORIGINS: Type.String({ default: '' }),
  SESSION_DAYS: Type.Integer({ default: 14, minimum: 1, maximum: 365 }),
  COOKIE_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  LOGIN_RATE_LIMIT: Type.Integer({ default: 10, minimum: 1 }),
  SMTP_URL: Type.Optional(Type.String()),
  DEFAULT_LANGUAGE: Type.Union([Type.Literal('da'), Type.Literal('en')], { default: 'da' }),
});

type Env = Static<typeof EnvSchema>;

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Path of the SQLite file, or ':memory:' in tests. */
  databaseFile: string;
  /** Uploaded files wait here between preview and import. */
  uploadDir: string;
  publicUrl: string;
  /** Origins allowed to open a socket or send cookie-authenticated writes. */
  allowedOrigins: string[];
  sessionDays: number;
  /** Signs the CSRF cookie; when absent a random secret is made per process. */
  cookieSecret: string | undefined;
  logLevel: string;
  loginRateLimit: number;
  smtpUrl: string | undefined;
  /** A new team's language when its creator names none. */
  defaultLanguage: Language;
}

/** Reads and validates the environment; a bad value stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema<Env>({ schema: EnvSchema, data: env, dotenv: false });
  const publicUrl = (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, '');
  const extra = parsed.ALLOWED_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean);
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir: parsed.DATA_DIR,
    databaseFile: `${parsed.DATA_DIR.replace(/\/$/, '')}/kadence.db`,
    uploadDir: `${parsed.DATA_DIR.replace(/\/$/, '')}/uploads`,
    publicUrl,
    allowedOrigins: [...new Set([publicUrl, `http://127.0.0.1:${parsed.PORT}`, `http://localhost:${parsed.PORT}`, ...extra])],
    sessionDays: parsed.SESSION_DAYS,
    cookieSecret: parsed.COOKIE_SECRET,
    logLevel: parsed.LOG_LEVEL,
    loginRateLimit: parsed.LOGIN_RATE_LIMIT,
    smtpUrl: parsed.SMTP_URL,
    defaultLanguage: parsed.DEFAULT_LANGUAGE,
  };
}
