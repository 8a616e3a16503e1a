/**
 * Authenticated JSON read under concurrent load, against the real server, on PostgreSQL and on
 * PGlite: GET /api/organizations (a directory page of 20 out of 5,000 organizations) as a signed-in
 * clerk, compared in the same run with a bare Fastify route that runs the same query and returns
 * the same rows with no session, guard, validation, serialization schema or security headers.
 * The ratio is the share of the bare route's throughput the full stack keeps (target ≥ 50 %).
 *
 *   npx tsx bench/http-read.ts [--seconds 10] [--connections 10] [--engines postgres,pglite]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import pg from 'pg'
import { buildApp, createDeps } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { migrateDatabase, openDatabase, type Database } from '../src/server/platform/db/client.ts'
import { organizations } from '../src/server/platform/db/schema.ts'
import { listOrganizations } from '../src/server/modules/organizations/queries.ts'
import { seedDemo } from '../src/server/seed/seed.ts'

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    engines: { type: 'string', default: 'postgres,pglite' },
    organizations: { type: 'string', default: '5000' },
  },
})
const SECONDS = Number(args.seconds)
const CONNECTIONS = Number(args.connections)
const PASSWORD = 'Bench-password-2026'
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

type Result = { rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number }

async function load(url: string, headers: Record<string, string> = {}): Promise<Result> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }) // warm-up
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers })
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p95: r.latency.p97_5 !== undefined ? percentile(r, 95) : r.latency.p90,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  }
}

/** autocannon reports p90, p97.5 and p99; interpolate p95 between p90 and p97.5. */
function percentile(r: autocannon.Result, p: 95): number {
  const { p90, p97_5 } = r.latency
  return Math.round((p90 + ((p - 90) / 7.5) * (p97_5 - p90)) * 10) / 10
}

async function prepare(
  engine: 'postgres' | 'pglite',
): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-'))
    const database = await openDatabase({ kind: 'pglite', dir })
    return { database, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) }
  }
  const name = `eoffice_bench_${Date.now()}`
  const admin = new pg.Client({ connectionString: SERVER })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(SERVER)
  url.pathname = `/${name}`
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 10 })
  return {
    database,
    cleanup: async () => {
      const c = new pg.Client({ connectionString: SERVER })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

async function run(engine: 'postgres' | 'pglite') {
  const { database, cleanup } = await prepare(engine)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-data-'))
  const config = loadConfig({
    NODE_ENV: 'production',
    APP_SECRET: 'b'.repeat(40),
    PUBLIC_URL: 'http://localhost',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    REQUIRE_ADMIN_MFA: 'false',
  })
  await migrateDatabase(database)
  await seedDemo(database.db, { ...config, demoPassword: PASSWORD })
  const n = Number(args.organizations)
  for (let i = 0; i < n; i += 1000) {
    await database.db.insert(organizations).values(
      Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({
        name: `Ủy ban nhân dân xã ${i + j} tỉnh Đồng Tháp`,
        shortName: `UBND xã ${i + j}`,
        kind: 'province',
        code: `${String((i + j) % 1000).padStart(3, '0')}.${String(Math.floor((i + j) / 1000) % 100).padStart(2, '0')}.99.H20`,
      })),
    )
  }

  const deps = createDeps(config, database)
  deps.kickDispatch = () => undefined
  const app = await buildApp(deps, { logger: false })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  const signIn = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'vanthu', password: PASSWORD }),
  })
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`)
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!

  const bare = Fastify({ logger: false })
  bare.get('/bare', async () => {
    const { items, total } = await listOrganizations(database.db, { page: 1, pageSize: 20 })
    return { items, total, page: 1, pageSize: 20 }
  })
  await bare.listen({ port: 0, host: '127.0.0.1' })
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`

  const check = await fetch(`${base}/api/organizations?page=1&pageSize=20`, { headers: { cookie } })
  const body = (await check.json()) as { items: unknown[]; total: number }
  if (check.status !== 200 || body.items.length !== 20) throw new Error(`unexpected answer ${check.status}`)

  const bareResult = await load(bareUrl)
  const fullResult = await load(`${base}/api/organizations?page=1&pageSize=20`, { cookie })
  await app.close()
  await bare.close()
  await database.close()
  await cleanup()
  fs.rmSync(dataDir, { recursive: true, force: true })
  return { engine, total: body.total, bare: bareResult, full: fullResult }
}

const rows = []
for (const engine of args.engines.split(',') as ('postgres' | 'pglite')[]) {
  console.log(
    `\n${engine}: preparing (demo organisation + ${args.organizations} organizations), then ${SECONDS} s per route at ${CONNECTIONS} connections`,
  )
  const r = await run(engine)
  rows.push(r)
  for (const [label, x] of [
    ['bare Fastify route', r.bare],
    ['GET /api/organizations (signed in)', r.full],
  ] as const) {
    console.log(
      `  ${label.padEnd(36)} ${String(x.rps).padStart(6)} req/s   p50 ${x.p50} ms   p95 ${x.p95} ms   p99 ${x.p99} ms   errors ${x.errors} non-2xx ${x.non2xx}`,
    )
  }
  console.log(
    `  ratio authenticated / bare: ${((r.full.rps / r.bare.rps) * 100).toFixed(0)} % (target ≥ 50 %)`,
  )
}
console.log('\nSummary')
for (const r of rows)
  console.log(
    `  ${r.engine.padEnd(9)} ${r.full.rps} req/s vs bare ${r.bare.rps} req/s = ${((r.full.rps / r.bare.rps) * 100).toFixed(0)} %, p95 ${r.full.p95} ms (bare ${r.bare.p95} ms)`,
  )
process.exit(0)
