/**
 * Search at scale (issue 6): loads DOCS generated documents (default 1,000,000 on PostgreSQL,
 * 100,000 on PGlite, which holds its data in memory) with a page of text each into the documents
 * table and the index, the way the indexer writes them, then runs typical queries through the
 * real search() with permission filtering on — a leader (sees the whole organization) and a
 * specialist (sees one unit's 1/40) — and prints p50/p95/p99 per query class. Baseline in the
 * same run: the naive plan (rank every match, count exactly) on the same index, for a subset.
 * Targets at 1 M: keyword p95 ≤ 200 ms, p99 ≤ 1 s; relevance-ranked p95 ≤ 1 s; number p95 ≤ 50 ms.
 *
 *   npx tsx bench/search.ts                      both engines (PostgreSQL kept as eoffice_bench_search_v2_<N>)
 *   DOCS=200000 BENCH_ENGINES=postgres npx tsx bench/search.ts
 */
import { sql } from 'drizzle-orm'
import type { TSearchQuery } from '../src/common/contracts/search.ts'
import { queryRows, type Database, type Executor } from '../src/server/platform/db/client.ts'
import { generateDoc } from '../src/server/modules/search/corpus.test-support.ts'
import { scopeOf, search, type SearchScope } from '../src/server/modules/search/query.ts'
import {
  benchOffice,
  loadIncoming,
  type BenchOffice,
} from '../src/server/modules/search/search.test-support.ts'
import { benchDeps, benchEngines, openBenchDatabase, pct, type BenchEngine } from './support.ts'

const BATCH = 1000
const SEED = 3

/** Indexes dropped during the bulk load and built after it (faster than maintaining them row by row). */
const DEFERRED = [
  ['search_entries_tsv_idx', 'CREATE INDEX search_entries_tsv_idx ON search_entries USING gin (tsv)'],
  [
    'search_entries_title_tsv_idx',
    'CREATE INDEX search_entries_title_tsv_idx ON search_entries USING gin (title_tsv)',
  ],
  [
    'search_entries_readers_idx',
    'CREATE INDEX search_entries_readers_idx ON search_entries USING gin (readers)',
  ],
  [
    'search_entries_number_trgm_idx',
    'CREATE INDEX search_entries_number_trgm_idx ON search_entries USING gin (number_key gin_trgm_ops)',
  ],
  [
    'documents_subject_trgm_idx',
    'CREATE INDEX documents_subject_trgm_idx ON documents USING gin (f_unaccent(subject) gin_trgm_ops)',
  ],
] as const

async function load(db: Database['db'], office: BenchOffice, docs: number, engine: BenchEngine) {
  const started = performance.now()
  for (const [name] of DEFERRED) await db.execute(sql.raw(`DROP INDEX IF EXISTS ${name}`))
  let last = started
  for (let i = 0; i < docs; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, docs - i) }, (_, k) => generateDoc(SEED, i + k))
    await loadIncoming(db, office, batch, i + 1)
    if (performance.now() - last > 30_000) {
      last = performance.now()
      const s = (last - started) / 1000
      console.log(
        `  ${engine}: ${i + BATCH} rows in ${s.toFixed(0)} s (${((i + BATCH) / s).toFixed(0)} rows/s)`,
      )
    }
  }
  const rowsSeconds = (performance.now() - started) / 1000
  const indexStarted = performance.now()
  for (const [, create] of DEFERRED) {
    await db.transaction(async (tx) => {
      if (engine === 'postgres') await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '1GB'`))
      await tx.execute(sql.raw(create))
    })
  }
  await db.execute(sql`ANALYZE`)
  const indexSeconds = (performance.now() - indexStarted) / 1000
  return { rowsSeconds, indexSeconds }
}

type Case = {
  name: string
  cls: 'keyword' | 'ranked' | 'number' | 'phrase' | 'filtered'
  query: Partial<TSearchQuery>
}

function cases(): Case[] {
  const keyword = [
    'luu vuc song',
    'xam nhap man',
    'quyet dinh',
    'ke hoach',
    'bien doi khi hau',
    'thuy dien',
    'sat lo bo song',
    'du bao lu',
    'chia se du lieu thuy van',
    'hop tac me cong lan thuong',
    'ca mau',
    'tay nguyen se san',
    'chuyen doi so',
    'bao cao ket qua',
    'nuoc ngot sinh hoat',
  ]
  const out: Case[] = []
  for (const q of keyword) {
    out.push({ name: q, cls: 'keyword', query: { q, sort: 'date_desc' } })
    out.push({ name: q, cls: 'ranked', query: { q, sort: 'relevance' } })
  }
  for (const q of [
    '"luu vuc song me cong"',
    '"xâm nhập mặn"',
    '"chia se du lieu"',
    '"dong bang song cuu long"',
  ])
    out.push({ name: q, cls: 'phrase', query: { q } })
  const r = { n: 0 }
  for (let k = 0; k < 12; k++) {
    const d = generateDoc(SEED, (k * 7919 + 13) % 50_000)
    r.n++
    out.push({ name: d.numberAndNotation, cls: 'number', query: { q: d.numberAndNotation } })
    out.push({
      name: d.numberAndNotation.split('/')[0]! + '/',
      cls: 'number',
      query: { q: d.numberAndNotation.split('-')[0]! },
    })
  }
  out.push({
    name: 'type QĐ, 2024, sender',
    cls: 'filtered',
    query: { q: 'thuy loi', documentType: 'QĐ', year: 2024 },
  })
  out.push({ name: 'sender filter', cls: 'filtered', query: { q: 'ke hoach', sender: 'Bộ Tài chính' } })
  out.push({
    name: 'date range',
    cls: 'filtered',
    query: { q: 'han han', from: '2025-01-01', to: '2025-06-30' },
  })
  return out
}

const defaults: TSearchQuery = { q: '', sort: 'relevance', page: 1, pageSize: 20 }

async function timeCases(db: Executor, scope: SearchScope, list: Case[], rounds: number) {
  const samples = new Map<string, number[]>()
  const slowest: { name: string; cls: string; ms: number; total: number }[] = []
  for (let round = 0; round < rounds; round++) {
    for (const c of list) {
      const t0 = performance.now()
      const r = await search(db, scope, { ...defaults, ...c.query })
      const ms = performance.now() - t0
      if (round > 0 || rounds === 1) samples.set(c.cls, [...(samples.get(c.cls) ?? []), ms])
      slowest.push({ name: c.name, cls: c.cls, ms, total: r.total })
    }
  }
  slowest.sort((a, b) => b.ms - a.ms)
  return { samples, slowest: slowest.slice(0, 5) }
}

/** The naive plan: every match ranked, counted exactly (statement timeout 10 s). */
async function naive(db: Database['db'], engine: BenchEngine, scope: SearchScope, q: string) {
  const words = q.split(' ').map((w) => `'${w}'`)
  const keys = sql`ARRAY[${sql.join(
    scope.keys.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`
  const tsq = words.join(' & ')
  const t0 = performance.now()
  try {
    await db.transaction(async (tx) => {
      if (engine === 'postgres') await tx.execute(sql`SET LOCAL statement_timeout = '10s'`)
      await queryRows(
        tx,
        sql`SELECT se.target_id, ts_rank(se.title_tsv, ${tsq}::tsquery) AS r FROM search_entries se
          WHERE se.readers && ${keys} AND se.tsv @@ ${tsq}::tsquery ORDER BY r DESC LIMIT 20`,
      )
      await queryRows(
        tx,
        sql`SELECT count(*) FROM search_entries se WHERE se.readers && ${keys} AND se.tsv @@ ${tsq}::tsquery`,
      )
    })
    return performance.now() - t0
  } catch {
    return 10_000
  }
}

for (const engine of benchEngines()) {
  const docs = Number(process.env.DOCS ?? (engine === 'postgres' ? 1_000_000 : 100_000))
  const keep = engine === 'postgres' ? `eoffice_bench_search_v2_${docs}` : undefined
  const bench = await openBenchDatabase(engine, {
    keep,
    isLoaded: async (database) => {
      const [row] = await queryRows<{ n: string }>(database.db, sql`SELECT count(*) AS n FROM search_entries`)
      const [idx] = await queryRows<{ n: string }>(
        database.db,
        sql`SELECT count(*) AS n FROM pg_indexes WHERE indexname IN (${sql.join(
          DEFERRED.map(([name]) => sql`${name}`),
          sql`, `,
        )})`,
      )
      return Number(row?.n) === docs && Number(idx?.n) === DEFERRED.length
    },
  })
  benchDeps(bench)
  const db = bench.database.db
  let office: BenchOffice
  if (bench.reused) {
    console.log(`\n${engine}: reusing ${docs} loaded documents`)
    office = await reopenOffice(db)
  } else {
    office = await benchOffice(db)
    console.log(`\n${engine}: loading ${docs} documents…`)
    const t = await load(db, office, docs, engine)
    console.log(
      `${engine}: loaded ${docs} documents in ${t.rowsSeconds.toFixed(0)} s (${(docs / t.rowsSeconds).toFixed(0)} rows/s), indexes built in ${t.indexSeconds.toFixed(0)} s`,
    )
  }
  const [size] = await queryRows<{ total: string; index: string }>(
    db,
    sql`SELECT pg_size_pretty(pg_total_relation_size('search_entries')) AS total,
      pg_size_pretty(pg_indexes_size('search_entries')) AS index`,
  )
  console.log(`${engine}: search_entries ${size?.total} (indexes ${size?.index})`)
  const now = new Date()
  const actors = {
    leader: await scopeOf(db, office.actor(office.leader), now),
    specialist: await scopeOf(db, office.actor(office.specialists[7]!), now),
  }
  const list = cases()
  for (const [who, scope] of Object.entries(actors)) {
    const { samples, slowest } = await timeCases(db, scope, list, 3)
    console.log(`\n${engine}, ${docs} documents, as ${who} (${scope.keys.length} keys): ms`)
    console.log('class      n     p50     p95     p99     max')
    for (const [cls, values] of samples) {
      const s = [...values].sort((a, b) => a - b)
      console.log(
        `${cls.padEnd(9)} ${String(s.length).padStart(3)} ${String(pct(s, 50)).padStart(7)} ${String(pct(s, 95)).padStart(7)} ${String(pct(s, 99)).padStart(7)} ${String(pct(s, 100)).padStart(7)}`,
      )
    }
    console.log(
      `slowest: ${slowest.map((x) => `${x.cls} "${x.name}" ${x.ms.toFixed(0)} ms (total ${x.total})`).join('; ')}`,
    )
  }
  console.log(`\n${engine}: baseline (rank every match + exact count) vs ours, as leader, ms:`)
  for (const q of ['quyet dinh', 'luu vuc song', 'xam nhap man', 'ca mau']) {
    const base = await naive(db, engine, actors.leader, q)
    const t0 = performance.now()
    await search(db, actors.leader, { ...defaults, q })
    const ours = performance.now() - t0
    console.log(
      `  "${q}": naive ${base >= 10_000 ? '> 10000 (timeout)' : base.toFixed(0)}  ours ${ours.toFixed(0)}  ratio ${(base / ours).toFixed(1)}×`,
    )
  }
  await bench.close()
}

/** The office of a kept database: its organization, units, clerks, specialists and leader. */
async function reopenOffice(db: Executor): Promise<BenchOffice> {
  const [reg] = await queryRows<{ id: string; organization_id: string }>(
    db,
    sql`SELECT id, organization_id FROM registers WHERE name = 'Sổ đến (đo)' LIMIT 1`,
  )
  const people = await queryRows<{
    id: string
    username: string
    full_name: string
    unit_id: string
    roles: string[]
  }>(
    db,
    sql`SELECT id, username, full_name, unit_id, roles FROM users WHERE organization_id = ${reg!.organization_id} ORDER BY created_at, id`,
  )
  const person = (p: (typeof people)[number]) => ({
    id: p.id,
    username: p.username,
    fullName: p.full_name,
    unitId: p.unit_id,
    roles: p.roles as BenchOffice['leader']['roles'],
  })
  const org = { id: reg!.organization_id } as BenchOffice['org']
  return {
    org,
    units: [],
    clerks: people.filter((p) => p.roles.includes('clerk')).map(person),
    specialists: people.filter((p) => p.roles.includes('specialist')).map(person),
    leader: person(people.find((p) => p.roles.includes('leader'))!),
    register: { id: reg!.id } as BenchOffice['register'],
    actor: (p) => ({
      id: p.id,
      username: p.username,
      fullName: p.fullName,
      organizationId: org.id,
      unitId: p.unitId,
      position: null,
      roles: p.roles,
    }),
  }
}
