/** The files API with BLOB_STORE=s3, against the S3 server of s3-test-server.ts (s3rver, or TEST_S3_ENDPOINT). */
import { createHash, randomBytes } from 'node:crypto'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestS3, type TestS3 } from '../../platform/files/s3-test-server.ts'
import { makeOrgWithUsers, TEST_PASSWORD } from '../../test/factories.ts'
import { buildTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts'
import { elfBytes, multipartBody, pdfBytes } from './test-fixtures.ts'

let s3: TestS3
let t: TestApp
let clerk: Client
beforeAll(async () => {
  s3 = await startTestS3(process.env)
  t = await buildTestApp({ env: s3.env })
  const { users } = await makeOrgWithUsers(t.database.db, ['clerk'])
  clerk = await signIn(t.app, users.clerk.username, TEST_PASSWORD)
})
afterAll(async () => {
  await t.close()
  await s3.close()
})

function upload(filename: string, content: Buffer) {
  return clerk.request({ method: 'POST', url: '/api/files', ...multipartBody([{ filename, content }]) })
}

describe('files on S3', () => {
  it('uploads, de-duplicates and serves a file through the bucket', async () => {
    expect(t.deps.blobs.kind).toBe('s3')
    const pdf = pdfBytes(randomBytes(6).toString('hex'))
    const res = await upload('Tờ trình.pdf', pdf)
    expect(res.statusCode, res.body).toBe(201)
    const [file] = res.json().items
    expect(file.sha256).toBe(createHash('sha256').update(pdf).digest('hex'))
    expect(await t.deps.blobs.has(file.sha256)).toBe(true)
    expect((await upload('Bản sao.pdf', pdf)).statusCode).toBe(201)

    const content = await clerk.get(`/api/files/${file.id}/content`)
    expect(content.statusCode).toBe(200)
    expect(content.rawPayload.equals(pdf)).toBe(true)
  })

  it('refuses a program and leaves nothing in the bucket', async () => {
    const elf = elfBytes()
    const res = await upload('x.pdf', elf)
    expect(res.statusCode).toBe(415)
    expect(await t.deps.blobs.has(createHash('sha256').update(elf).digest('hex'))).toBe(false)
  })

  it('answers 500 FILE_CORRUPTED when the object was altered in the bucket', async () => {
    const pdf = pdfBytes(randomBytes(6).toString('hex'))
    const [file] = (await upload('hong.pdf', pdf)).json().items
    const damaged = Buffer.from(pdf)
    damaged[30] = damaged[30]! ^ 0x01
    await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: file.sha256, Body: damaged }))
    const res = await clerk.get(`/api/files/${file.id}/content`)
    expect(res.statusCode).toBe(500)
    expect(res.json().error.code).toBe('FILE_CORRUPTED')
  })

  it('reports the bucket healthy', async () => {
    await expect(t.deps.blobs.check()).resolves.toBeUndefined()
  })
})
