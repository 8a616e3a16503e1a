/**
 * The behaviour every BlobStore must have, as one suite run against each implementation
 * (local-blob-store.test.ts, s3-blob-store.test.ts).
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { Readable } from 'node:stream'
import { expect, it } from 'vitest'
import { AppError } from '../errors.ts'
import type { BlobStore } from './blob-store.ts'

export type ContractTarget = {
  store: () => BlobStore
  /** The local folder where uploads in progress are spooled: must be empty after every put. */
  tmpDir: () => string
  /** Replace a stored blob's bytes behind the store's back (bit rot, tampering). */
  corrupt: (sha256: string, bytes: Buffer) => Promise<void>
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/** A source that yields the bytes in small chunks, as an upload arrives. */
function source(bytes: Buffer, chunk = 16 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk)
    })(),
  )
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

/** Consume a stream, returning how many bytes arrived and the error it ended with. */
async function drain(stream: Readable): Promise<{ received: number; error: unknown }> {
  let received = 0
  try {
    for await (const c of stream) received += (c as Buffer).length
    return { received, error: null }
  } catch (error) {
    return { received, error }
  }
}

function leftovers(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.startsWith('health-')) : []
}

function expectCode(err: unknown, code: string): void {
  expect(err).toBeInstanceOf(AppError)
  expect((err as AppError).code).toBe(code)
}

export function blobStoreContract(t: ContractTarget): void {
  it('stores bytes under their SHA-256 and gives them back', async () => {
    const bytes = randomBytes(300_000)
    const result = await t.store().put(source(bytes), { maxBytes: 1_000_000 })
    expect(result).toEqual({ sha256: sha(bytes), size: bytes.length, isNew: true })
    expect(await t.store().has(result.sha256)).toBe(true)
    expect((await readAll(await t.store().get(result.sha256))).equals(bytes)).toBe(true)
    expect(await t.store().verify(result.sha256)).toBe(true)
    expect(leftovers(t.tmpDir())).toEqual([])
  })

  it('stores the same content once (de-duplication)', async () => {
    const bytes = Buffer.from(`Quyết định số ${randomBytes(8).toString('hex')}/QĐ-UBSMCVN`)
    const first = await t.store().put(source(bytes), { maxBytes: 1000 })
    const second = await t.store().put(source(bytes), { maxBytes: 1000 })
    expect(first.isNew).toBe(true)
    expect(second).toEqual({ ...first, isNew: false })
    expect(leftovers(t.tmpDir())).toEqual([])
  })

  it('accepts exactly maxBytes and an empty source', async () => {
    const bytes = randomBytes(4096)
    expect((await t.store().put(source(bytes), { maxBytes: 4096 })).size).toBe(4096)
    const empty = await t.store().put(source(Buffer.alloc(0)), { maxBytes: 10 })
    expect(empty.sha256).toBe(sha(Buffer.alloc(0)))
  })

  it('refuses more than maxBytes with FILE_TOO_LARGE and keeps nothing', async () => {
    const bytes = randomBytes(100_001)
    const err = await t
      .store()
      .put(source(bytes), { maxBytes: 100_000 })
      .catch((e: unknown) => e)
    expectCode(err, 'FILE_TOO_LARGE')
    expect(await t.store().has(sha(bytes))).toBe(false)
    expect(await t.store().has(sha(bytes.subarray(0, 100_000)))).toBe(false)
    expect(leftovers(t.tmpDir())).toEqual([])
  })

  it('keeps nothing when the source fails half-way (client gone)', async () => {
    const failing = new Readable({ read() {} })
    failing.push(randomBytes(50_000))
    setTimeout(() => failing.destroy(new Error('connection reset')), 10)
    await expect(t.store().put(failing, { maxBytes: 1_000_000 })).rejects.toThrow('connection reset')
    expect(leftovers(t.tmpDir())).toEqual([])
  })

  it('detects corruption on read: the stream fails and never delivers the whole file', async () => {
    const bytes = randomBytes(200_000)
    const { sha256 } = await t.store().put(source(bytes), { maxBytes: 1_000_000 })
    const damaged = Buffer.from(bytes)
    damaged[123_456] = damaged[123_456]! ^ 0x01
    await t.corrupt(sha256, damaged)

    expect(await t.store().verify(sha256)).toBe(false)
    const { received, error } = await drain(await t.store().get(sha256))
    expectCode(error, 'FILE_CORRUPTED')
    expect(received).toBeLessThan(bytes.length)
  })

  it('answers NOT_FOUND for a missing blob and refuses names that are not a SHA-256', async () => {
    const missing = sha(randomBytes(16))
    expect(await t.store().has(missing)).toBe(false)
    expect(await t.store().verify(missing)).toBe(false)
    expectCode(
      await t
        .store()
        .get(missing)
        .catch((e: unknown) => e),
      'NOT_FOUND',
    )
    for (const bad of ['../../etc/passwd', missing.toUpperCase(), `${missing}0`, '']) {
      expectCode(
        await t
          .store()
          .get(bad)
          .catch((e: unknown) => e),
        'NOT_FOUND',
      )
    }
  })

  it('passes its health check', async () => {
    await t.store().check()
  })
}
