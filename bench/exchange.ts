/**
 * Inter-agency delivery between two running instances (two databases, two ports on loopback, the
 * peer transport): issued documents of A, each with a one-page PDF, go through A's outbox
 * (claim, build the edXML package, sign its header, POST) into B (parse, verify the XML and PDF
 * signatures, store, queue status 01).
 *
 * Prints: outbox throughput (packages/s), per-package delivery latency p50/p95 (one at a time),
 * the user-visible latency with the job workers running (issued → in B's list), and the baseline
 * in the same run: POSTing the same pre-built package bytes to B's route (what the transport and
 * the receiver cost alone). Ratio = pipeline / baseline.
 *
 *   npx tsx bench/exchange.ts [--engine postgres|pglite] [--documents 200] [--visible 20]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { buildApp, createDeps } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { migrateDatabase, openDatabase, queryRows } from '../src/server/platform/db/client.ts'
import {
  documents,
  exchangeMessages,
  organizations,
  outgoingDetails,
  outgoingFiles,
  outgoingRecipients,
} from '../src/server/platform/db/schema.ts'
import { insertFileWithBlob } from '../src/server/modules/files/index.ts'
import { deliverDue, loadIdentity, sampleLetterPdf } from '../src/server/modules/exchange/index.ts'
import { kickDelivery, queueDocument } from '../src/server/modules/exchange/outbox.ts'
import { putBytes, readBytes } from '../src/server/modules/exchange/store.ts'
import { makeUnit, makeUser } from '../src/server/test/factories.ts'

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    documents: { type: 'string', default: '200' },
    visible: { type: 'string', default: '20' },
  },
})
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const N = Number(args.documents)

async function openEngine(label: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-exchange-${label}-`))
  if (args.engine === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dir: path.join(dataDir, 'pg') })
    return { database, dataDir, url: undefined as string | undefined, drop: async () => undefined }
  }
  const name = `eoffice_bench_ex_${label}_${Date.now()}`
  const admin = new pg.Client({ connectionString: SERVER })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(SERVER)
  url.pathname = `/${name}`
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 8 })
  return {
    database,
    dataDir,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: SERVER })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

async function agency(label: string, code: string, name: string) {
  const engine = await openEngine(label)
  await migrateDatabase(engine.database)
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: engine.dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    ORGANIZATION_CODE: code,
    ...(engine.url ? { DATABASE_URL: engine.url } : {}),
  })
  const deps = createDeps(config, engine.database)
  // No workers until part 4 (they are started there).
  const kickDispatch = deps.kickDispatch
  deps.kickDispatch = () => undefined
  const app = await buildApp(deps, { logger: false })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const [own] = await engine.database.db
    .insert(organizations)
    .values({ code, name, kind: 'own', isOwn: true })
    .returning()
  const identity = await loadIdentity(engine.database, new Date(), config.appSecret)
  return {
    engine,
    deps,
    app,
    own: own!,
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    certificatePem: identity.certificatePem,
    kickDispatch,
    close: async () => {
      await app.close()
      await deps.jobs.stop()
      await engine.database.close()
      await engine.drop()
      fs.rmSync(engine.dataDir, { recursive: true, force: true })
    },
  }
}
type Agency = Awaited<ReturnType<typeof agency>>

/** N issued documents of A to B, written straight to the tables (signing is benchmarked elsewhere). */
async function issuedDocuments(a: Agency, bOrgId: string, count: number, startAt: number) {
  const db = a.engine.database.db
  const unit = await makeUnit(db, a.own.id, { code: `VP${startAt}` })
  const user = await makeUser(db, { roles: ['clerk', 'leader'], organizationId: a.own.id, unitId: unit.id })
  const pdf = await sampleLetterPdf([
    'ỦY BAN SÔNG MÊ CÔNG VIỆT NAM',
    'Số: ……/UBMC-VP',
    'V/v phối hợp cung cấp số liệu quan trắc tài nguyên nước lưu vực sông Mê Công',
    'Kính gửi: Ủy ban nhân dân tỉnh An Giang',
  ])
  const stored = await putBytes(a.deps.blobs, pdf)
  const ids: { id: string; recipientId: string; identifier: string }[] = []
  for (let i = 0; i < count; i++) {
    const number = `${startAt + i}/UBMC-VP`
    const identifier = `${a.own.code},2026/12/03,${number}`
    const ids2 = await db.transaction(async (tx) => {
      const file = await insertFileWithBlob(tx, {
        sha256: stored.sha256,
        size: stored.size,
        filename: `${startAt + i}_UBMC-VP.pdf`,
        mediaType: 'application/pdf',
        uploadedBy: user.id,
        createdAt: new Date(),
      })
      const [doc] = await tx
        .insert(documents)
        .values({
          direction: 'outgoing',
          state: 'issued',
          documentType: 'CV',
          subject: `Phối hợp cung cấp số liệu quan trắc tài nguyên nước, đợt ${i + 1}`,
          numberAndNotation: number,
          issueDate: '2026-12-03',
          signerName: user.fullName,
          signerTitle: 'CHỦ TỊCH',
          documentIdentifier: identifier,
        })
        .returning({ id: documents.id })
      await tx.insert(outgoingDetails).values({
        documentId: doc!.id,
        drafterId: user.id,
        signerId: user.id,
        issuedFileId: file.id,
        issuedAt: new Date(),
      })
      await tx
        .insert(outgoingFiles)
        .values({ documentId: doc!.id, fileId: file.id, role: 'main', isSigned: true, addedBy: user.id })
      const [r] = await tx
        .insert(outgoingRecipients)
        .values({
          documentId: doc!.id,
          position: 0,
          kind: 'organization',
          organizationId: bOrgId,
          name: 'Ủy ban nhân dân tỉnh An Giang',
          channel: 'exchange',
          deliveryState: 'pending',
        })
        .returning({ id: outgoingRecipients.id })
      return { id: doc!.id, recipientId: r!.id, identifier }
    })
    ids.push(ids2)
  }
  return ids
}

async function queue(
  a: Agency,
  bOrg: { id: string; code: string | null },
  docs: Awaited<ReturnType<typeof issuedDocuments>>,
) {
  const db = a.engine.database.db
  for (const d of docs)
    await queueDocument(db, {
      ownCode: a.own.code!,
      documentIdentifier: d.identifier,
      businessType: 0,
      outgoingDocumentId: d.id,
      outgoingRecipientId: d.recipientId,
      organization: bOrg,
      now: new Date(),
    })
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
const ms = (x: number) => `${x.toFixed(1)} ms`

async function main() {
  console.log(`exchange bench: engine ${args.engine}, ${N} documents (a one-page PDF each), peer transport`)
  const a = await agency('a', '000.00.00.G38', 'Ủy ban sông Mê Công Việt Nam')
  const b = await agency('b', '000.00.00.H33', 'Ủy ban nhân dân tỉnh An Giang')
  try {
    const [bInA] = await a.engine.database.db
      .insert(organizations)
      .values({
        code: b.own.code,
        name: b.own.name,
        kind: 'province',
        endpoint: b.url,
        certificatePem: b.certificatePem,
      })
      .returning()
    await b.engine.database.db
      .insert(organizations)
      .values({ code: a.own.code, name: a.own.name, kind: 'government', certificatePem: a.certificatePem })
    const bOrg = { id: bInA!.id, code: bInA!.code }

    // 1. Throughput of the outbox: N queued, delivered by one sender loop (20 at a time).
    const docs = await issuedDocuments(a, bOrg.id, N, 1)
    await queue(a, bOrg, docs)
    let t0 = performance.now()
    const result = await deliverDue(a.deps)
    const pipelineMs = performance.now() - t0
    if (result.sent !== N) throw new Error(`sent ${result.sent} of ${N}: ${JSON.stringify(result)}`)
    const throughput = (N / pipelineMs) * 1000

    // 2. One at a time: latency of one delivery (claim, build, sign, POST, B parses, verifies, stores).
    const single = await issuedDocuments(a, bOrg.id, 50, 10_000)
    await queue(a, bOrg, single)
    const rows = await a.engine.database.db
      .select({ id: exchangeMessages.id })
      .from(exchangeMessages)
      .where(sql`${exchangeMessages.state} = 'queued' AND ${exchangeMessages.kind} = 'edoc'`)
    const latencies: number[] = []
    for (const r of rows) {
      t0 = performance.now()
      await deliverDue(a.deps, { onlyIds: [r.id] })
      latencies.push(performance.now() - t0)
    }
    latencies.sort((x, y) => x - y)

    // 3. Baseline: the same built package bytes POSTed again and again to B's route as new packages
    //    would be (B answers "duplicate" after parsing and verifying: the receiver's cost without storing).
    const [built] = await a.engine.database.db
      .select({ sha: exchangeMessages.packageSha256 })
      .from(exchangeMessages)
      .where(sql`${exchangeMessages.packageSha256} IS NOT NULL`)
      .limit(1)
    const bytes = Buffer.from(await readBytes(a.deps.blobs, built!.sha!))
    const baseline: number[] = []
    for (let i = 0; i < 50; i++) {
      t0 = performance.now()
      const res = await fetch(`${b.url}/api/exchange/peer/packages`, {
        method: 'POST',
        headers: { 'content-type': 'application/xml', 'x-edxml-from': a.own.code! },
        body: bytes,
      })
      await res.arrayBuffer()
      baseline.push(performance.now() - t0)
    }
    baseline.sort((x, y) => x - y)

    // 4. User-visible: workers running on both sides; from "queued" to "in B's list".
    for (const x of [a, b]) {
      await x.deps.jobs.start()
      await x.deps.jobs.work(1)
      x.deps.kickDispatch = x.kickDispatch
    }
    const visible = await issuedDocuments(a, bOrg.id, Number(args.visible), 20_000)
    const seen: number[] = []
    for (const d of visible) {
      t0 = performance.now()
      await queue(a, bOrg, [d])
      kickDelivery(a.deps.jobs, { isCommitted: true })
      for (;;) {
        const [hit] = await queryRows<{ n: number }>(
          b.engine.database.db,
          sql`SELECT count(*)::int AS n FROM exchange_messages WHERE direction = 'in' AND document_identifier = ${d.identifier}`,
        )
        if (Number(hit?.n) > 0) break
        if (performance.now() - t0 > 30_000) throw new Error('not delivered within 30 s')
        await new Promise((r) => setTimeout(r, 20))
      }
      seen.push(performance.now() - t0)
    }
    seen.sort((x, y) => x - y)
    const [received] = await queryRows<{ n: number }>(
      b.engine.database.db,
      sql`SELECT count(*)::int AS n FROM exchange_messages WHERE direction = 'in'`,
    )

    console.log(`package size: ${(bytes.length / 1024).toFixed(0)} KiB`)
    console.log(
      `outbox throughput:          ${throughput.toFixed(1)} packages/s (${N} in ${(pipelineMs / 1000).toFixed(2)} s)`,
    )
    console.log(`one delivery, pipeline:     p50 ${ms(pct(latencies, 0.5))}  p95 ${ms(pct(latencies, 0.95))}`)
    console.log(`baseline, receiver only:    p50 ${ms(pct(baseline, 0.5))}  p95 ${ms(pct(baseline, 0.95))}`)
    console.log(
      `ratio pipeline / baseline:  ${(pct(latencies, 0.5) / pct(baseline, 0.5)).toFixed(2)}× at p50`,
    )
    console.log(
      `user-visible (workers):     p50 ${ms(pct(seen, 0.5))}  p95 ${ms(pct(seen, 0.95))}  (queued → in B's list, job workers polling every 1 s)`,
    )
    console.log(`received at B: ${received?.n} packages, each once`)
  } finally {
    await a.close()
    await b.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
