import { readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { ImportServices } from '../imports/wire.ts';
import { loadConfig, type AppConfig } from '../plugins/config.ts';
import type { Services } from '../services.ts';

/** What every area's commands get: the same config, database and services as the server. */
export interface CliContext {
  /** Opens the database of DATA_DIR with every service; the caller closes `db` when done. */
  open(): Promise<{ db: Database; services: Services; config: AppConfig }>;
  /**
   * Opens it with the import services only (teams, saved mappings, imports), wired as the server
   * wires them: the services are loaded when first asked for, so an import does not load mail,
   * webhooks or the live engine and keeps the memory of the server's import.
   */
  openImports(): Promise<{ db: Database; services: ImportServices; config: AppConfig }>;
  /** Prints JSON on stdout with --json, otherwise the human line. */
  out(json: boolean, value: unknown, text: string): void;
  /** The whole of stdin without its trailing newline (passwords, piped files). */
  readStdin(): string;
}

export function createCliContext(env: NodeJS.ProcessEnv): CliContext {
  const database = async () => {
    const config = loadConfig(env);
    const { openDatabase } = await import('../db/open.ts');
    return { config, db: openDatabase(config.databaseFile) };
  };
  return {
    async open() {
      const [{ createServices }, { config, db }] = await Promise.all([import('../services.ts'), database()]);
      return {
        db,
        config,
        services: createServices(db, {
          sessionDays: config.sessionDays,
          publicUrl: config.publicUrl,
          defaultLanguage: config.defaultLanguage,
        }),
      };
    },
    async openImports() {
      const [{ createImportServices }, { sharedSqliteStore }, { config, db }] = await Promise.all([
        import('../imports/wire.ts'),
        import('../db/kysely/store.ts'),
        database(),
      ]);
      const store = sharedSqliteStore(db);
      return { db, config, services: createImportServices(db, store, { defaultLanguage: config.defaultLanguage }) };
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
