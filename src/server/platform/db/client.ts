/**
 * Opens the database: PGlite in a data folder by default, a PostgreSQL server when a URL is given.
 * Both are driven through the same Drizzle `PgDatabase` type, so no other code forks on the engine.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import * as schema from './schema.ts'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx

export type Database = {
  db: Db
  kind: 'pglite' | 'postgres'
  /** The PGlite instance (embedded mode only), for pg-boss and dumps. */
  pglite: PGlite | undefined
  /** The pool (server mode only). */
  pool: pg.Pool | undefined
  /** The connection string (server mode only). */
  url: string | undefined
  close(): Promise<void>
}

export const MIGRATIONS_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../drizzle',
)

// PostgreSQL returns int8 and numeric as strings through pg; we only store counts and ids that fit.
pg.types.setTypeParser(20, (v) => Number(v))

export const PGLITE_EXTENSIONS = { unaccent, pg_trgm }

export type OpenOptions =
  | { kind: 'postgres'; url: string; poolMax?: number }
  /** `dir` is a folder on disk, or undefined for memory; `loadDataDir` starts from a dump. */
  | { kind: 'pglite'; dir?: string; loadDataDir?: Blob | File }

/** Open a database without migrating it. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolMax ?? 10 })
    pool.on('error', (err) => console.error('PostgreSQL pool error:', err.message))
    const db = drizzlePg(pool, { schema }) as unknown as Db
    return { db, kind: 'postgres', pglite: undefined, pool, url: options.url, close: () => pool.end() }
  }
  if (options.dir) fs.mkdirSync(options.dir, { recursive: true })
  const pglite = await PGlite.create({
    ...(options.dir ? { dataDir: options.dir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: PGLITE_EXTENSIONS,
  })
  const db = drizzlePglite(pglite, { schema }) as unknown as Db
  return { db, kind: 'pglite', pglite, pool: undefined, url: undefined, close: () => pglite.close() }
}

/** Apply every pending migration from ./drizzle (the same folder on both engines). */
export async function migrateDatabase(database: Database): Promise<void> {
  const options = { migrationsFolder: MIGRATIONS_FOLDER }
  if (database.kind === 'postgres') {
    await migratePg(database.db as never, options)
  } else {
    await migratePglite(database.db as never, options)
  }
}

/** Rows of a raw SQL query, typed by the caller (both drivers return `{ rows }`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}
