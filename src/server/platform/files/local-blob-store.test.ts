import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blobStoreContract } from './blob-store-contract.ts'
import { LocalBlobStore } from './local-blob-store.ts'

let dir: string
let store: LocalBlobStore
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-blobs-'))
  store = new LocalBlobStore(dir)
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('LocalBlobStore', () => {
  blobStoreContract({
    store: () => store,
    tmpDir: () => path.join(dir, '.tmp'),
    corrupt: async (sha256, bytes) => fs.promises.writeFile(store.pathOf(sha256), bytes),
  })

  it('lays blobs out as ab/cd/<sha256>', async () => {
    const bytes = randomBytes(100)
    const { sha256 } = await store.put(Readable.from([bytes]), { maxBytes: 1000 })
    const file = path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256)
    expect(fs.readFileSync(file).equals(bytes)).toBe(true)
  })

  it('heals a damaged blob when the same content is uploaded again', async () => {
    const bytes = randomBytes(10_000)
    const { sha256 } = await store.put(Readable.from([bytes]), { maxBytes: 100_000 })
    fs.writeFileSync(store.pathOf(sha256), Buffer.concat([bytes.subarray(0, 5000), Buffer.alloc(5000)]))
    expect(await store.verify(sha256)).toBe(false)
    const again = await store.put(Readable.from([bytes]), { maxBytes: 100_000 })
    expect(again.isNew).toBe(true)
    expect(await store.verify(sha256)).toBe(true)
  })

  it('lets concurrent uploads of the same content all succeed with one copy', async () => {
    const bytes = randomBytes(500_000)
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        store.put(Readable.from([bytes.subarray(0, 250_000), bytes.subarray(250_000)]), { maxBytes: 1e6 }),
      ),
    )
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([sha256]))
    expect(await store.verify(sha256)).toBe(true)
    expect(fs.readdirSync(path.join(dir, '.tmp')).filter((f) => f.endsWith('.part'))).toEqual([])
  })
})
