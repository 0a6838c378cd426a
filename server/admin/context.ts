import { readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../db/open.ts';
import { loadConfig, type AppConfig } from '../plugins/config.ts';
import { createServices, type Services } from '../services.ts';

/** What every area's commands get: the same config, database and services as the server. */
export interface CliContext {
  /** Opens the database of DATA_DIR; the caller closes `db` when done. */
  open(): { db: Database; services: Services; config: AppConfig };
  /** Prints JSON on stdout with --json, otherwise the human line. */
  out(json: boolean, value: unknown, text: string): void;
  /** The whole of stdin without its trailing newline (passwords, piped files). */
  readStdin(): string;
}

export function createCliContext(env: NodeJS.ProcessEnv): CliContext {
  return {
    open() {
      const config = loadConfig(env);
      const db = openDatabase(config.databaseFile);
      return { db, config, services: createServices(db, { sessionDays: config.sessionDays, publicUrl: config.publicUrl, defaultLanguage: config.defaultLanguage }) };
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
