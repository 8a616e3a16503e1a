/**
 * Outgoing numbering under concurrency, on PostgreSQL (and PGlite for reference): thousands of
 * random concurrent number/cancel histories on one register (with racing double submissions), then
 * the audit: zero duplicate and zero silently skipped numbers is the pass condition. Reports
 * numbers/s. Baseline in the same run: the bare register-sequence increment that incoming
 * registration uses to give arrival numbers (same concurrency, same transaction count).
 *
 *   npx tsx bench/numbering-out.ts [--engines postgres,pglite] [--documents 2000] [--concurrency 16] [--histories 3]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { loadConfig } from '../src/server/config.ts'
import { migrateDatabase, openDatabase, queryRows, type Database } from '../src/server/platform/db/client.ts'
import { organizations, registers, units, users } from '../src/server/platform/db/schema.ts'
import { vnYear } from '../src/server/modules/documents-out/dates.ts'
import {
  auditRegister,
  makeApprovedDocuments,
  runNumberingHistory,
} from '../src/server/modules/documents-out/numbering-check.ts'

const { values: args } = parseArgs({
  options: {
    engines: { type: 'string', default: 'postgres,pglite' },
    documents: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    histories: { type: 'string', default: '3' },
  },
})
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

async function open(engine: 'postgres' | 'pglite') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-numbering-'))
  let database: Database
  let drop = async () => undefined as void
  if (engine === 'pglite') {
    database = await openDatabase({ kind: 'pglite', dir: path.join(dataDir, 'pg') })
  } else {
    const name = `eoffice_bench_num_${Date.now()}`
    const admin = new pg.Client({ connectionString: SERVER })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const url = new URL(SERVER)
    url.pathname = `/${name}`
    database = await openDatabase({
      kind: 'postgres',
      url: url.toString(),
      poolMax: Number(args.concurrency) + 2,
    })
    drop = async () => {
      const c = new pg.Client({ connectionString: SERVER })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    }
  }
  await migrateDatabase(database)
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false' })
  return {
    database,
    config,
    cleanup: async () => {
      await database.close()
      await drop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function people(database: Database, n: number) {
  const db = database.db
  const [org] = await db
    .insert(organizations)
    .values({ name: `Cơ quan ${n}`, shortName: 'UBMC', kind: 'ministry' })
    .returning()
  const [unit] = await db
    .insert(units)
    .values({ organizationId: org!.id, code: `VP${n}`, shortName: 'VP', name: 'Văn phòng' })
    .returning()
  const [clerk] = await db
    .insert(users)
    .values({
      username: `clerk${n}`,
      fullName: 'Văn thư',
      organizationId: org!.id,
      unitId: unit!.id,
      roles: ['clerk'],
      passwordHash: 'x',
    })
    .returning()
  const [leader] = await db
    .insert(users)
    .values({
      username: `leader${n}`,
      fullName: 'Lãnh đạo',
      organizationId: org!.id,
      unitId: unit!.id,
      roles: ['leader'],
      passwordHash: 'x',
    })
    .returning()
  const [register] = await db
    .insert(registers)
    .values({ organizationId: org!.id, kind: 'outgoing', code: 'VBDI', name: 'Sổ văn bản đi' })
    .returning()
  return {
    clerk: { ...clerk!, roles: ['clerk' as const] },
    leader: leader!,
    unit: unit!,
    register: register!,
  }
}

/** The baseline: the bare sequence increment incoming registration numbers with, `count` transactions. */
async function baseline(database: Database, registerId: string, count: number, concurrency: number) {
  let left = count
  const started = performance.now()
  const worker = async () => {
    while (left-- > 0)
      await database.db.transaction(async (tx) => {
        await queryRows(
          tx,
          sql`INSERT INTO register_sequences (register_id, year, last_number) VALUES (${registerId}, 1999, 1)
            ON CONFLICT (register_id, year) DO UPDATE SET last_number = register_sequences.last_number + 1 RETURNING last_number`,
        )
      })
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return count / ((performance.now() - started) / 1000)
}

async function runEngine(engine: 'postgres' | 'pglite') {
  const { database, config, cleanup } = await open(engine)
  const concurrency = engine === 'pglite' ? Math.min(4, Number(args.concurrency)) : Number(args.concurrency)
  const documents = engine === 'pglite' ? Math.min(500, Number(args.documents)) : Number(args.documents)
  try {
    const rows = []
    for (let h = 0; h < Number(args.histories); h++) {
      const p = await people(database, h)
      const ids = await makeApprovedDocuments(database, {
        count: documents,
        drafter: p.clerk,
        signerId: p.leader.id,
        recipientUnitId: p.unit.id,
      })
      const history = await runNumberingHistory(database, config, {
        clerk: p.clerk,
        registerId: p.register.id,
        documentIds: ids,
        concurrency,
        cancelRate: 0.2,
        doubleRate: 0.1,
        seed: 1000 + h,
      })
      const audit = await auditRegister(database, p.register.id, vnYear(new Date()))
      const base = await baseline(database, p.register.id, history.numbered + history.cancelled, concurrency)
      rows.push({ history, audit, base })
      const rate = history.numbered / (history.ms / 1000)
      console.log(
        `${engine} history ${h + 1}: ${documents} documents, ${concurrency} concurrent, ${history.numbered} numbers given, ` +
          `${history.cancelled} cancelled, ${history.refused} racing double submissions refused; ` +
          `duplicates ${audit.duplicates}, silent gaps ${audit.silentGaps}, mismatches ${audit.mismatches}; ` +
          `${rate.toFixed(0)} numbers/s (baseline sequence increment ${base.toFixed(0)}/s, ratio ${(rate / base).toFixed(2)})`,
      )
    }
    const bad = rows.filter((r) => r.audit.duplicates || r.audit.silentGaps || r.audit.mismatches)
    if (bad.length) throw new Error(`${engine}: ${bad.length} histories with duplicates or silent gaps`)
  } finally {
    await cleanup()
  }
}

for (const engine of args.engines.split(',') as ('postgres' | 'pglite')[]) await runEngine(engine)
