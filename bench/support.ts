/**
 * What the benchmarks share: a database to measure on (PGlite in a temporary folder, or a fresh
 * database on the PostgreSQL server of BENCH_DATABASE_URL / DATABASE_URL / the local one), the
 * app's dependencies wired as in production, and percentiles.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { createDeps } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { migrateDatabase, openDatabase, type Database } from '../src/server/platform/db/client.ts'

export const BENCH_SERVER =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export type BenchEngine = 'postgres' | 'pglite'

export type BenchDatabase = {
  engine: BenchEngine
  database: Database
  dataDir: string
  /** True when a kept database was found already loaded (`keep` given and `isLoaded` said so). */
  reused: boolean
  close(): Promise<void>
}

async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: BENCH_SERVER })
  await c.connect()
  try {
    return await run(c)
  } finally {
    await c.end()
  }
}

/**
 * A migrated database. With `keep` (PostgreSQL only), the database of that name is kept after the
 * run and reused by the next one when `isLoaded` says its data is complete: a million rows load once.
 */
export async function openBenchDatabase(
  engine: BenchEngine,
  options: { keep?: string; isLoaded?: (db: Database) => Promise<boolean>; poolMax?: number } = {},
): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-bench-'))
  if (engine === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dir: path.join(dataDir, 'pg') })
    await migrateDatabase(database)
    return {
      engine,
      database,
      dataDir,
      reused: false,
      close: async () => {
        await database.close()
        fs.rmSync(dataDir, { recursive: true, force: true })
      },
    }
  }
  const name = options.keep ?? `eoffice_bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
  const exists = await admin(
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount,
  )
  if (!exists) await admin((c) => c.query(`CREATE DATABASE ${name}`))
  const url = new URL(BENCH_SERVER)
  url.pathname = `/${name}`
  const database = await openDatabase({
    kind: 'postgres',
    url: url.toString(),
    poolMax: options.poolMax ?? 8,
  })
  let reused = false
  if (exists && options.isLoaded) reused = await options.isLoaded(database).catch(() => false)
  if (exists && !reused) {
    await database.close()
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    await admin((c) => c.query(`CREATE DATABASE ${name}`))
    return openBenchDatabase(engine, { ...options, isLoaded: undefined })
  }
  if (!reused) await migrateDatabase(database)
  return {
    engine,
    database,
    dataDir,
    reused,
    close: async () => {
      await database.close()
      if (!options.keep) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The app's dependencies on a bench database (modules registered: search sources, handlers). */
export function benchDeps(bench: BenchDatabase) {
  const config = loadConfig({
    NODE_ENV: 'production',
    APP_SECRET: 'b'.repeat(40),
    PUBLIC_URL: 'http://localhost',
    DATA_DIR: bench.dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    REQUIRE_ADMIN_MFA: 'false',
  })
  return createDeps(config, bench.database)
}

/** The p-th percentile of ascending values, one decimal. */
export function pct(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10
}

/** Which engines to run: BENCH_ENGINES=postgres,pglite (default both, PostgreSQL first). */
export function benchEngines(defaults: BenchEngine[] = ['postgres', 'pglite']): BenchEngine[] {
  const raw = process.env.BENCH_ENGINES
  return raw ? (raw.split(',').map((s) => s.trim()) as BenchEngine[]) : defaults
}
