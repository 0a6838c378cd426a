import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/plugins/config.ts';
import { freePort } from './server-process.ts';
import { assertTestStore, testStoreEnvFor } from './test-store.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface RunningKadence {
  app: FastifyInstance;
  url: string;
  stop: () => Promise<void>;
}

/**
 * A real Kadence on 127.0.0.1 with the built client and its own store (a SQLite file, or a database
 * of its own on this run's PostgreSQL); `env` adds settings (e.g. SMTP_URL).
 */
export async function startKadence(env: Record<string, string> = {}): Promise<RunningKadence> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kadence-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  // A browser suite signs many people in from one address within a minute; the limit itself is tested in tests/api.
  const config = loadConfig({
    PORT: String(port),
    DATA_DIR: dataDir,
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '1000',
    ...(await testStoreEnvFor(dataDir)),
    ...env,
  });
  const app = await buildApp(config, { logger: false });
  assertTestStore(app.services.store.dialect);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    url,
    stop: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: unknown[];
}

/** Runs axe-core in the page and returns only serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.slice(0, 2) }));
}

/**
 * Kadence and Chromium for one describe block: started before its tests, stopped after them. The
 * fields are read inside tests, once beforeAll has run.
 */
export interface KadenceInChromium {
  readonly browser: Browser;
  readonly kadence: RunningKadence;
  /**
   * A page in a new context (English unless `locale` says otherwise), signed in with a session cookie ("name=value"), at `path` below
   * the app's address. `prepare` runs on the context before the page opens (e.g. to set its clock).
   */
  open(
    cookie: string,
    path: string,
    options?: {
      timeoutMs?: number;
      prepare?: (context: BrowserContext) => Promise<void>;
      locale?: string;
      viewport?: { width: number; height: number };
    },
  ): Promise<{ context: BrowserContext; page: Page }>;
}

/** `env` is read when Kadence starts (after earlier beforeAll hooks, e.g. one that starts an SMTP sink). */
export function useKadenceInChromium(options: { env?: () => Record<string, string> } = {}): KadenceInChromium {
  let browser: Browser | null = null;
  let kadence: RunningKadence | null = null;
  beforeAll(async () => {
    kadence = await startKadence(options.env?.());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await kadence?.stop();
  });
  const started = <T>(value: T | null): T => {
    if (value === null) throw new Error('Kadence and Chromium start in beforeAll; use them inside a test');
    return value;
  };
  return {
    get browser() {
      return started(browser);
    },
    get kadence() {
      return started(kadence);
    },
    async open(cookie, path, options = {}) {
      const { url } = started(kadence);
      const context = await started(browser).newContext({
        locale: options.locale ?? 'en-GB',
        ...(options.viewport ? { viewport: options.viewport } : {}),
      });
      await options.prepare?.(context);
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url }]);
      const page = await context.newPage();
      page.setDefaultTimeout(options.timeoutMs ?? 15_000);
      await page.goto(`${url}/${path}`);
      return { context, page };
    },
  };
}
