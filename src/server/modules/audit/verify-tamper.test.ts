/**
 * A tampered entry is found by GET /api/audit/verify. The test writes a forged row straight into
 * the events table, which breaks the chain for every later reader of that database: so the app
 * here runs on a database of its own (a fresh PGlite, or a new PostgreSQL database), never on the
 * one other test files share.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, createDeps } from '../../app.ts'
import { loadConfig } from '../../config.ts'
import { queryRows } from '../../platform/db/client.ts'
import { events } from '../../platform/db/schema.ts'
import { makeOrgWithUsers, TEST_PASSWORD } from '../../test/factories.ts'
import { openIsolatedDatabase, signIn, type Client } from '../../test/harness.ts'

let database: Awaited<ReturnType<typeof openIsolatedDatabase>>
let app: FastifyInstance
let admin: Client
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-tamper-'))

beforeAll(async () => {
  database = await openIsolatedDatabase()
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    REQUIRE_ADMIN_MFA: 'false',
    SEED_DEMO: 'false',
  })
  const deps = createDeps(config, database)
  deps.kickDispatch = () => undefined
  app = await buildApp(deps, { logger: false })
  await app.ready()
  const { users } = await makeOrgWithUsers(database.db, ['admin'])
  admin = await signIn(app, users.admin.username, TEST_PASSWORD)
})
afterAll(async () => {
  await app.close()
  await database.drop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('audit chain tampering', () => {
  it('names the first entry whose link is wrong', async () => {
    expect(
      (await admin.post('/api/admin/organizations', { name: 'Bộ Xây dựng', kind: 'ministry' })).statusCode,
    ).toBe(201)
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ isIntact: true, firstBroken: null })
    const [next] = await queryRows<{ id: number | string }>(
      database.db,
      sql`SELECT max(id) + 1 AS id FROM events`,
    )
    const id = Number(next!.id)
    await database.db.insert(events).values({
      id,
      occurredAt: new Date(),
      action: 'forged.entry',
      targetType: 'organization',
      data: {},
      prevHash: 'f'.repeat(64),
      hash: 'e'.repeat(64),
    })
    const report = (await admin.get('/api/audit/verify')).json()
    expect(report).toMatchObject({
      isIntact: false,
      firstBroken: { id, reason: 'link_mismatch', action: 'forged.entry' },
    })
  })
})
