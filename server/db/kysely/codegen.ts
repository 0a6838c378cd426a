// Reads the schema the migrations leave, in either database, as one neutral shape, and writes the
// Kysely interface (schema.ts) from the SQLite one. Tests compare schema.ts with what this renders
// and the PostgreSQL shape with the SQLite one, so a migration without its twin or a stale
// interface fails.
import type { Database } from 'better-sqlite3';
import type { ClientBase } from 'pg';

export type ColumnKind = 'text' | 'integer' | 'real' | 'blob';

export interface ColumnShape {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  /** Has a default or is assigned by the database, so an insert may leave it out. */
  generated: boolean;
  /** The values a single-column CHECK (col IN (…)) allows, when there is one. */
  values?: (string | number)[];
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  /** For a view: the table whose row it returns (checked to have the same columns). */
  viewOf?: string;
}

/** Each store's own machinery, outside the shared interface: the runner's table and full-text search. */
export const SQLITE_ONLY = [/^sqlite_/, /^feedback_fts/, /^schema_migrations$/];
export const POSTGRES_ONLY = [/^feedback_search$/, /^schema_migrations$/];

/** Views and the table whose rows they return; a view's own column info says nothing about nullability. */
export const VIEWS: Record<string, string> = { visible_feedback: 'feedback' };

function parseValues(list: string): (string | number)[] {
  return list.split(',').map((part) => {
    const value = part.trim().replace(/::\w+$/, '');
    return value.startsWith("'") ? value.slice(1, -1).replace(/''/g, "'") : Number(value);
  });
}

function sqliteKind(declared: string): ColumnKind {
  const type = declared.toUpperCase();
  if (type.includes('INT')) return 'integer';
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return 'real';
  if (type.includes('BLOB')) return 'blob';
  return 'text';
}

interface SqliteColumn {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

export function describeSqlite(db: Database): TableShape[] {
  const objects = db
    .prepare<[], { name: string; type: string; sql: string }>(
      "SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name",
    )
    .all()
    .filter((object) => !SQLITE_ONLY.some((pattern) => pattern.test(object.name)));
  return objects.map((object) => {
    const info = db
      .prepare<[string], SqliteColumn>('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)')
      .all(object.name);
    const viewOf = object.type === 'view' ? VIEWS[object.name] : undefined;
    if (object.type === 'view' && !viewOf) throw new Error(`view ${object.name} needs an entry in VIEWS (codegen.ts)`);
    const referencing = new Set(
      db
        .prepare<[string], { from: string }>('SELECT "from" FROM pragma_foreign_key_list(?)')
        .all(object.name)
        .map((row) => row.from),
    );
    const keyColumns = info.filter((column) => column.pk > 0).length;
    const columns = info.map((column): ColumnShape => {
      // INTEGER PRIMARY KEY is the rowid, assigned when left out, unless it names another table's row.
      const rowid =
        keyColumns === 1 && column.pk === 1 && column.type.toUpperCase() === 'INTEGER' && !referencing.has(column.name);
      const check = new RegExp(`CHECK\\s*\\(\\s*${column.name}\\s+IN\\s*\\(([^)]*)\\)\\s*\\)`, 'i').exec(object.sql);
      return {
        name: column.name,
        kind: sqliteKind(column.type),
        nullable: column.notnull === 0 && column.pk === 0,
        generated: rowid || column.dflt_value !== null,
        ...(check?.[1] ? { values: parseValues(check[1]) } : {}),
      };
    });
    return viewOf ? { name: object.name, columns, viewOf } : { name: object.name, columns };
  });
}

const POSTGRES_KINDS: Record<string, ColumnKind> = {
  text: 'text',
  'character varying': 'text',
  date: 'text',
  'timestamp with time zone': 'text',
  smallint: 'integer',
  integer: 'integer',
  bigint: 'integer',
  'double precision': 'real',
  real: 'real',
  bytea: 'blob',
};

export async function describePostgres(client: ClientBase): Promise<TableShape[]> {
  const { rows } = await client.query<{
    table_name: string;
    table_type: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    is_identity: string;
  }>(`SELECT c.table_name, t.table_type, c.column_name, c.data_type, c.is_nullable, c.column_default, c.is_identity
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = current_schema()
       ORDER BY c.table_name, c.ordinal_position`);
  const checks = await client.query<{ table_name: string; column_name: string; definition: string }>(
    `SELECT cl.relname AS table_name, a.attname AS column_name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
       JOIN pg_class cl ON cl.oid = c.conrelid
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'c' AND array_length(c.conkey, 1) = 1 AND cl.relnamespace = current_schema()::regnamespace`,
  );
  const values = new Map<string, (string | number)[]>();
  for (const check of checks.rows) {
    const list = /= ANY \(\(?ARRAY\[(.*)\]\)?(::\w+\[\])?\)/.exec(check.definition)?.[1];
    if (list) values.set(`${check.table_name}.${check.column_name}`, parseValues(list));
  }
  const tables = new Map<string, TableShape>();
  for (const row of rows) {
    if (POSTGRES_ONLY.some((pattern) => pattern.test(row.table_name))) continue;
    let table = tables.get(row.table_name);
    if (!table) {
      const viewOf = row.table_type === 'VIEW' ? VIEWS[row.table_name] : undefined;
      if (row.table_type === 'VIEW' && !viewOf)
        throw new Error(`view ${row.table_name} needs an entry in VIEWS (codegen.ts)`);
      table = viewOf ? { name: row.table_name, columns: [], viewOf } : { name: row.table_name, columns: [] };
      tables.set(row.table_name, table);
    }
    const kind = POSTGRES_KINDS[row.data_type];
    if (!kind)
      throw new Error(`${row.table_name}.${row.column_name}: type ${row.data_type} has no counterpart in SQLite`);
    const allowed = values.get(`${row.table_name}.${row.column_name}`);
    table.columns.push({
      name: row.column_name,
      kind,
      nullable: row.is_nullable === 'YES',
      generated: row.column_default !== null || row.is_identity === 'YES',
      ...(allowed ? { values: allowed } : {}),
    });
  }
  return [...tables.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

function typeName(table: string): string {
  return `${table.replace(/(^|_)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase())}Table`;
}

function columnType(column: ColumnShape): string {
  const base = column.values
    ? column.values.map((value) => (typeof value === 'string' ? `'${value}'` : String(value))).join(' | ')
    : { text: 'string', integer: 'number', real: 'number', blob: 'Buffer' }[column.kind];
  const type = column.nullable ? `${base} | null` : base;
  return column.generated ? `Generated<${type}>` : type;
}

/** The TypeScript source of schema.ts. */
export function renderSchema(tables: TableShape[]): string {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const out = [
    '// Generated by `npx tsx server/db/kysely/write-schema.ts` from the SQLite schema the migrations leave.',
    '// Do not edit: add a migration (and its twin in migrations/postgres/), then run that command.',
    "import type { Generated } from 'kysely';",
    '',
  ];
  for (const table of tables) {
    if (table.viewOf) {
      const base = byName.get(table.viewOf);
      const same =
        base && base.columns.map((column) => column.name).join() === table.columns.map((column) => column.name).join();
      if (!same) throw new Error(`view ${table.name} no longer returns the columns of ${table.viewOf}`);
      continue;
    }
    out.push(`export interface ${typeName(table.name)} {`);
    for (const column of table.columns) out.push(`  ${column.name}: ${columnType(column)};`);
    out.push('}', '');
  }
  out.push('export interface KadenceDatabase {');
  for (const table of tables) out.push(`  ${table.name}: ${typeName(table.viewOf ?? table.name)};`);
  out.push('}', '');
  return out.join('\n');
}
