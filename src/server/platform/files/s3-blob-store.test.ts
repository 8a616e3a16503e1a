import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.ts'
import { blobStoreContract } from './blob-store-contract.ts'
import { createBlobStore } from './create-blob-store.ts'
import { S3BlobStore } from './s3-blob-store.ts'
import { startTestS3, type TestS3 } from './s3-test-server.ts'

let s3: TestS3
let tmpDir: string
let store: S3BlobStore
beforeAll(async () => {
  s3 = await startTestS3(process.env)
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-s3tmp-'))
  store = new S3BlobStore({ ...s3, forcePathStyle: true, tmpDir })
})
afterAll(async () => {
  await store.destroy()
  await s3.close()
  fs.rmSync(tmpDir, { recursive: true, force: true })
})

const overwrite = (key: string, bytes: Buffer) =>
  s3.client.send(
    new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: bytes, ContentLength: bytes.length }),
  )

describe(`S3BlobStore (${process.env.TEST_S3_ENDPOINT ? 'TEST_S3_ENDPOINT' : 'in-process s3rver'})`, () => {
  blobStoreContract({
    store: () => store,
    tmpDir: () => tmpDir,
    corrupt: async (sha256, bytes) => void (await overwrite(sha256, bytes)),
  })

  it('replaces an object of the wrong size when the content is uploaded again', async () => {
    const bytes = randomBytes(20_000)
    const { sha256 } = await store.put(Readable.from([bytes]), { maxBytes: 100_000 })
    await overwrite(sha256, bytes.subarray(0, 10_000))
    expect(await store.verify(sha256)).toBe(false)
    expect((await store.put(Readable.from([bytes]), { maxBytes: 100_000 })).isNew).toBe(true)
    expect(await store.verify(sha256)).toBe(true)
  })

  it('is what createBlobStore builds from BLOB_STORE=s3', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-s3cfg-'))
    const built = createBlobStore(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...s3.env }))
    expect(built.kind).toBe('s3')
    await built.check()
    const { sha256 } = await built.put(Readable.from([Buffer.from('Công văn')]), { maxBytes: 100 })
    expect(await store.has(sha256)).toBe(true)
    await (built as S3BlobStore).destroy()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
})
