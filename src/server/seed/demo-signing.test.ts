/** First start of the demo: the demo CA, the leaders' and the organization's keys, the printed PIN. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { signingKeys, trustedRoots, users } from '../platform/db/schema.ts'
import { openP12Signer, SigningError } from '../platform/signing/index.ts'
import { openIsolatedDatabase } from '../test/harness.ts'
import { DEMO_PIN_FILE } from './demo-signing.ts'
import { seedDemo } from './seed.ts'

let database: Awaited<ReturnType<typeof openIsolatedDatabase>>
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-signing-'))
beforeAll(async () => {
  database = await openIsolatedDatabase()
})
afterAll(async () => {
  await database.drop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('demo signing material', () => {
  it('gives chutich, phochutich, two committee members and the organization a key under one printed PIN, and trusts the demo CA', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DEMO_PASSWORD: 'Demo-password-2026',
    })
    const seeded = await seedDemo(database.db, config)
    if (seeded?.kind !== 'demo') throw new Error('the demo was not loaded')
    expect(seeded.signingPin).toMatch(/^\d{6}$/)
    expect(fs.readFileSync(path.join(dataDir, DEMO_PIN_FILE), 'utf8').trim()).toBe(seeded.signingPin)
    const keys = await database.db
      .select({
        ownerKind: signingKeys.ownerKind,
        username: users.username,
        p12: signingKeys.p12,
        image: signingKeys.imagePng,
      })
      .from(signingKeys)
      .leftJoin(users, eq(users.id, signingKeys.userId))
    expect(keys.map((k) => k.username ?? k.ownerKind).sort()).toEqual([
      'chutich',
      'organization',
      'phochutich',
      'uyvien.bnnmt',
      'uyvien.cantho',
    ])
    for (const k of keys) {
      expect(openP12Signer(k.p12, seeded.signingPin).certificate.commonName.length).toBeGreaterThan(3)
      expect(Buffer.from(k.image!.subarray(1, 4)).toString()).toBe('PNG')
    }
    expect(() => openP12Signer(keys[0]!.p12, '000000')).toThrow(SigningError)
    expect(await database.db.select().from(trustedRoots)).toHaveLength(1)
  }, 60_000)
})
