import { readFileSync } from 'node:fs';
import type { Store } from '../db/kysely/store.ts';
import type { ImportServices } from '../imports/wire.ts';
import { loadConfig, type AppConfig } from '../plugins/config.ts';
import type { Services } from '../services.ts';

/** An opened store with its services; `close` ends both (the caller closes when done). */
export interface Opened<S> {
  store: Store;
  services: S;
  config: AppConfig;
  close: () => Promise<void>;
}

/** What every area's commands get: the same config, store and services as the server. */
export interface CliContext {
  /** Opens the store of DATABASE_URL (PostgreSQL) or DATA_DIR (SQLite), migrated, with every service. */
  open(): Promise<Opened<Services>>;
  /**
   * Opens it with the import services only (teams, saved mappings, imports), wired as the server
   * wires them: the services are loaded when first asked for, so an import does not load mail,
   * webhooks or the live engine and keeps the memory of the server's import.
   */
  openImports(): Promise<Opened<ImportServices>>;
  /** Prints JSON on stdout with --json, otherwise the human line. */
  out(json: boolean, value: unknown, text: string): void;
  /** The whole of stdin without its trailing newline (passwords, piped files). */
  readStdin(): string;
}

export function createCliContext(env: NodeJS.ProcessEnv): CliContext {
  const opening = async () => {
    const config = loadConfig(env);
    const { openStore } = await import('../db/kysely/store.ts');
    const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    return { config, store, close: () => store.close() };
  };
  return {
    async open() {
      const [{ createServices }, opened] = await Promise.all([import('../services.ts'), opening()]);
      return {
        ...opened,
        services: createServices(opened.store, {
          sessionDays: opened.config.sessionDays,
          publicUrl: opened.config.publicUrl,
          defaultLanguage: opened.config.defaultLanguage,
        }),
      };
    },
    async openImports() {
      const [{ createImportServices }, opened] = await Promise.all([import('../imports/wire.ts'), opening()]);
      return {
        ...opened,
        services: createImportServices(opened.store, { defaultLanguage: opened.config.defaultLanguage }),
      };
    },
    out(json, value, text) {
      process.stdout.write(`${json ? JSON.stringify(value) : text}\n`);
    },
    readStdin() {
      try {
        return readFileSync(0, 'utf8').replace(/\r?\n$/, '');
      } catch {
        return '';
      }
    },
  };
}
