import { envSchema } from 'env-schema';
import { Type, type Static } from 'typebox';
import type { Language } from '../../shared/language.ts';

const EnvSchema = Type.Object({
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  DATA_DIR: Type.String({ default: './data', minLength: 1 }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
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
  WEBHOOK_ALLOWED_HOSTS: Type.String({ default: '' }),
  HEADERS_TIMEOUT_S: Type.Integer({ default: 10, minimum: 1 }),
  REQUEST_TIMEOUT_S: Type.Integer({ default: 300, minimum: 1 }),
  IDLE_TIMEOUT_S: Type.Integer({ default: 30, minimum: 1 }),
  UPLOAD_MAX_MB: Type.Integer({ default: 100, minimum: 1 }),
  UPLOAD_TEAM_QUOTA_MB: Type.Integer({ default: 500, minimum: 1 }),
  DEFAULT_LANGUAGE: Type.Union([Type.Literal('da'), Type.Literal('en')], { default: 'da' }),
});

type Env = Static<typeof EnvSchema>;

/** The name of every environment variable Kadence reads (.env.example and the README list them all). */
export const ENV_SETTINGS: readonly string[] = Object.keys(EnvSchema.properties);

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Path of the SQLite file, or ':memory:' in tests; not used when databaseUrl is set. */
  databaseFile: string;
  /** postgres://…: PostgreSQL is the store instead of the SQLite file (uploads still wait in DATA_DIR). */
  databaseUrl: string | undefined;
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
  /** Host names, addresses or CIDR ranges of internal webhook receivers; everything else must be public. */
  webhookAllowedHosts: string[];
  /** Slow clients are cut off: all headers within headersMs, the whole request within requestMs, and no connection silent for idleMs. */
  timeouts: { headersMs: number; requestMs: number; idleMs: number };
  /** The largest uploaded file, and the most a team's uploads waiting for import may take on disk. */
  uploadMaxBytes: number;
  uploadTeamQuotaBytes: number;
  /** A new team's language when its creator names none. */
  defaultLanguage: Language;
}

/** Reads and validates the environment; a bad value stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema<Env>({ schema: EnvSchema, data: env, dotenv: false });
  const publicUrl = (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, '');
  const extra = parsed.ALLOWED_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir: parsed.DATA_DIR,
    databaseFile: `${parsed.DATA_DIR.replace(/\/$/, '')}/kadence.db`,
    databaseUrl: parsed.DATABASE_URL,
    uploadDir: `${parsed.DATA_DIR.replace(/\/$/, '')}/uploads`,
    publicUrl,
    allowedOrigins: [
      ...new Set([publicUrl, `http://127.0.0.1:${parsed.PORT}`, `http://localhost:${parsed.PORT}`, ...extra]),
    ],
    sessionDays: parsed.SESSION_DAYS,
    cookieSecret: parsed.COOKIE_SECRET,
    logLevel: parsed.LOG_LEVEL,
    loginRateLimit: parsed.LOGIN_RATE_LIMIT,
    smtpUrl: parsed.SMTP_URL,
    // A request cannot take less time than its headers, so the header timeout is capped by it.
    timeouts: {
      headersMs: Math.min(parsed.HEADERS_TIMEOUT_S, parsed.REQUEST_TIMEOUT_S) * 1000,
      requestMs: parsed.REQUEST_TIMEOUT_S * 1000,
      idleMs: parsed.IDLE_TIMEOUT_S * 1000,
    },
    uploadMaxBytes: parsed.UPLOAD_MAX_MB * 1024 * 1024,
    uploadTeamQuotaBytes: parsed.UPLOAD_TEAM_QUOTA_MB * 1024 * 1024,
    webhookAllowedHosts: parsed.WEBHOOK_ALLOWED_HOSTS.split(',')
      .map((host) => host.trim())
      .filter(Boolean),
    defaultLanguage: parsed.DEFAULT_LANGUAGE,
  };
}
