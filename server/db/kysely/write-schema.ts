// Rewrites schema.ts from a fresh in-memory database migrated to head: npx tsx server/db/kysely/write-schema.ts
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../open.ts';
import { describeSqlite, renderSchema } from './codegen.ts';

const db = openDatabase(':memory:');
writeFileSync(new URL('./schema.ts', import.meta.url), renderSchema(describeSqlite(db)));
db.close();
console.log('server/db/kysely/schema.ts written');
