/**
 * Crash test (issue 3): kill the real server with SIGKILL (kill -9) again and again while clients
 * register incoming documents concurrently, then prove that every acknowledged registration (a 201
 * the client read) survived with its file, nothing is half-written, and the arrival numbers of the
 * year are exactly 1..N. Runs on embedded PGlite (the default), and on PostgreSQL in a fresh
 * database when TEST_DATABASE_URL is set or a server answers on 127.0.0.1:5432.
 *
 * PGlite does not fsync: this proves that a killed process (not a power cut) keeps committed data.
 */
import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openDatabase, queryRows, type Database } from '../src/server/platform/db/client.ts'
import { multipartBody, pdfBytes } from '../src/server/test/file-fixtures.ts'
import { DEMO_PASSWORD, startServer, type Server } from './support.ts'

const ROUNDS = 5
const CLIENTS = 6
const SUBJECT = 'Kiểm thử sự cố: văn bản đến'

type Ack = { id: string; registerNumber: number; registerYear: number; sha256: string }
type Session = { url: string; cookie: string; csrf: string }

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function signIn(url: string, username: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`)
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('eoffice_sid='))
  if (!cookie) throw new Error('no session cookie')
  return { url, cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken }
}

function call(s: Session, pathname: string, init: RequestInit = {}) {
  return fetch(`${s.url}${pathname}`, {
    ...init,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(init.headers as Record<string, string>) },
  })
}

/** Upload a unique PDF and register it; the acknowledgement only once the 201 body was read in full. */
async function registerOne(s: Session, registerId: string, label: string): Promise<Ack | null> {
  const content = pdfBytes(`Cong van ${label} ${randomUUID()}`)
  const { payload, headers } = multipartBody([{ filename: `${label}.pdf`, content, type: 'application/pdf' }])
  const up = await call(s, '/api/files', { method: 'POST', body: new Uint8Array(payload), headers })
  if (up.status !== 201) return null
  const fileId = ((await up.json()) as { items: { id: string }[] }).items[0]!.id
  const res = await call(s, '/api/documents-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      registerId,
      senderName: 'Bộ Tài nguyên và Môi trường',
      numberAndNotation: `${label}/CRASH`,
      documentType: 'CV',
      subject: `${SUBJECT} ${label}`,
      fileIds: [fileId],
      clientRequestId: `crash-${label}-${randomUUID()}`,
    }),
  })
  if (res.status !== 201) return null
  const doc = (await res.json()) as { id: string; registerNumber: number; registerYear: number }
  return {
    id: doc.id,
    registerNumber: doc.registerNumber,
    registerYear: doc.registerYear,
    sha256: sha256(content),
  }
}

type Variant = {
  name: string
  env: Record<string, string>
  open(dataDir: string): Promise<Database>
  drop(): Promise<void>
}

async function postgresVariant(): Promise<Variant | null> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const name = `eoffice_crash_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 })
  try {
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
  } catch {
    return null // no PostgreSQL here: the PGlite variant alone
  } finally {
    await admin.end().catch(() => undefined)
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 2 }),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

const variants: Variant[] = [
  {
    name: 'PGlite',
    env: {},
    open: (dataDir) => openDatabase({ kind: 'pglite', dir: path.join(dataDir, 'pg') }),
    drop: async () => undefined,
  },
]
const postgres = await postgresVariant()
if (postgres) variants.push(postgres)

describe.each(variants)('kill -9 during concurrent registrations ($name)', (variant) => {
  it('keeps every acknowledged registration with its file, nothing half-written, numbers gap-free', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-crash-'))
    const env = { ...variant.env, DATA_DIR: dataDir, REQUIRE_ADMIN_MFA: 'false' }
    const acks: Ack[] = []
    const perRound: number[] = []
    const startup: number[] = []
    let registerId = ''
    let server: Server | undefined
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const started = Date.now()
        server = await startServer(env)
        startup.push(Date.now() - started)
        const clerk = await signIn(server.url, 'vanthu')
        if (!registerId) {
          const list = (await (await call(clerk, '/api/registers?kind=incoming')).json()) as {
            items: { id: string }[]
          }
          registerId = list.items[0]!.id
        }
        let running = true
        const before = acks.length
        const clients = Array.from({ length: CLIENTS }, async (_, c) => {
          for (let i = 0; running; i++) {
            try {
              const ack = await registerOne(clerk, registerId, `R${round}C${c}N${i}`)
              if (ack) acks.push(ack)
            } catch {
              return // the server is gone
            }
          }
        })
        // Kill at a random moment 0.5–2 s into the traffic, counted from the first acknowledgement
        // (the first requests of a fresh process are slow), so every round kills mid-registration.
        for (const until = Date.now() + 20_000; acks.length === before && Date.now() < until;) await sleep(20)
        await sleep(500 + Math.random() * 1500)
        await server.kill()
        running = false
        await Promise.allSettled(clients)
        perRound.push(acks.length - before)
      }
      expect(perRound.every((n) => n > 0)).toBe(true)
      console.log(
        `${variant.name}: ${ROUNDS} kills, ${acks.length} acknowledged registrations (per round ${perRound.join(', ')}; start-up ms ${startup.join(', ')})`,
      )
      expect(acks.length).toBeGreaterThan(0)

      // After the last kill: every acknowledged document is there, with its file's exact content.
      server = await startServer(env)
      const leader = await signIn(server.url, 'chutich')
      for (const ack of acks) {
        const res = await call(leader, `/api/documents-in/${ack.id}`)
        expect(res.status, `document ${ack.id}`).toBe(200)
        const doc = (await res.json()) as {
          registerNumber: number
          files: { fileId: string; role: string }[]
        }
        expect(doc.registerNumber).toBe(ack.registerNumber)
        expect(doc.files.map((f) => f.role)).toEqual(['main'])
        const content = await call(leader, `/api/files/${doc.files[0]!.fileId}/content`)
        expect(content.status).toBe(200)
        expect(sha256(new Uint8Array(await content.arrayBuffer()))).toBe(ack.sha256)
      }
      await server.stop({ keepData: true })
      server = undefined

      // In the database itself: numbers 1..N of the year, nothing half-written, every blob on disk.
      const database = await variant.open(dataDir)
      try {
        const db = database.db
        const year = acks[0]!.registerYear
        const numbers = (
          await queryRows<{ n: number }>(
            db,
            sql`SELECT register_number AS n FROM documents
              WHERE register_id = ${registerId} AND register_year = ${year} ORDER BY register_number`,
          )
        ).map((r) => Number(r.n))
        expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1))
        expect(numbers.length).toBeGreaterThanOrEqual(acks.length)
        expect(new Set(acks.map((a) => a.registerNumber)).size).toBe(acks.length)

        const halfWritten = await queryRows<{ id: string }>(
          db,
          sql`SELECT d.id FROM documents d WHERE d.direction = 'incoming' AND (
              d.register_id IS NULL OR d.register_number IS NULL OR d.register_year IS NULL
              OR (d.subject LIKE ${`${SUBJECT}%`} AND NOT EXISTS (
                SELECT 1 FROM document_files df WHERE df.document_id = d.id AND df.role = 'main')))`,
        )
        expect(halfWritten).toEqual([])

        const stored = await queryRows<{ sha256: string; size: number | string }>(
          db,
          sql`SELECT DISTINCT b.sha256, b.size FROM document_files df
            JOIN files f ON f.id = df.file_id JOIN blobs b ON b.sha256 = f.sha256`,
        )
        expect(stored.length).toBeGreaterThanOrEqual(acks.length)
        for (const blob of stored) {
          const file = path.join(
            dataDir,
            'blobs',
            blob.sha256.slice(0, 2),
            blob.sha256.slice(2, 4),
            blob.sha256,
          )
          expect(fs.existsSync(file), `blob ${blob.sha256} on disk`).toBe(true)
          const bytes = fs.readFileSync(file)
          expect(bytes.length).toBe(Number(blob.size))
          expect(sha256(bytes)).toBe(blob.sha256)
        }
      } finally {
        await database.close()
      }
    } finally {
      if (server) await server.kill()
      fs.rmSync(dataDir, { recursive: true, force: true })
      await variant.drop()
    }
  })
})
