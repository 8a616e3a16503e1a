import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, createDeps } from '../../app.ts'
import { loadConfig } from '../../config.ts'
import type { Database } from '../../platform/db/client.ts'
import { makeOrgWithUsers, TEST_PASSWORD } from '../../test/factories.ts'
import { openTestDatabase, signIn, type Client } from '../../test/harness.ts'
import { captureModule } from './index.ts'
import type { DocumentModel } from './test-support/document-model.ts'
import { renderDocx } from './test-support/render-docx.ts'
import { renderPdf } from './test-support/render-pdf.ts'

// buildTestApp() builds the modules app.ts lists; until the capture module is listed there, this
// file builds the same app and registers the module before ready().
let app: FastifyInstance
let database: Database
let dataDir: string
let clerk: Client
let specialist: Client
let partner: Client

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-capture-'))
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    REQUIRE_ADMIN_MFA: 'false',
    SEED_DEMO: 'false',
  })
  database = await openTestDatabase()
  const deps = createDeps(config, database)
  deps.kickDispatch = () => undefined
  app = await buildApp(deps, { logger: false })
  if (!app.hasRoute({ method: 'POST', url: '/api/capture/files/:id' }))
    await app.register(captureModule.routes)
  await app.ready()
  const { users } = await makeOrgWithUsers(database.db, ['clerk', 'specialist', 'partner'])
  clerk = await signIn(app, users.clerk.username, TEST_PASSWORD)
  specialist = await signIn(app, users.specialist.username, TEST_PASSWORD)
  partner = await signIn(app, users.partner.username, TEST_PASSWORD)
})
afterAll(async () => {
  await app.close()
  await database.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const NOTICE: DocumentModel = {
  issuerLines: ['ỦY BAN NHÂN DÂN', 'TỈNH AN GIANG'],
  numberLine: 'Số: 36/TB-UBND',
  dateLine: 'An Giang, ngày 12 tháng 01 năm 2026',
  titleLines: ['THÔNG BÁO', 'KẾT LUẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VỀ CÔNG TÁC PHÒNG, CHỐNG HẠN HÁN'],
  body: [
    'Ngày 10 tháng 01 năm 2026, Chủ tịch Ủy ban nhân dân tỉnh chủ trì cuộc họp về công tác phòng, chống hạn hán.',
  ],
  recipientLines: ['Nơi nhận:', '- Ủy ban sông Mê Công Việt Nam;', '- Lưu: VT, KT.'],
  signatureLines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', 'Trần Thị Hương'],
}

/** Upload one file through POST /api/files (multipart, as a browser sends it); returns its id. */
async function upload(client: Client, filename: string, content: Uint8Array): Promise<string> {
  const boundary = `----capture${randomBytes(6).toString('hex')}`
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${filename}"\r\n`),
    Buffer.from('Content-Type: application/octet-stream\r\n\r\n'),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const res = await client.request({
    method: 'POST',
    url: '/api/files',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  })
  expect(res.statusCode, res.body).toBe(201)
  return (res.json() as { items: { id: string }[] }).items[0]!.id
}

describe('POST /api/capture/files/:id', () => {
  it('reads the fields of an uploaded PDF', async () => {
    const id = await upload(clerk, 'thong-bao.pdf', await renderPdf(NOTICE))
    const res = await clerk.post(`/api/capture/files/${id}`)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ method: 'pdf-text', pages: 1, isLikelyScanned: false })
    expect(body.textExcerpt).toContain('Số: 36/TB-UBND')
    expect(body.fields).toMatchObject({
      numberAndNotation: '36/TB-UBND',
      documentType: 'Thông báo',
      issuerName: 'Ủy ban nhân dân tỉnh An Giang',
      issueDate: '2026-01-12',
      subject: 'KẾT LUẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VỀ CÔNG TÁC PHÒNG, CHỐNG HẠN HÁN',
      signerName: 'Trần Thị Hương',
      signingAuthority: 'TL.',
      recipients: ['Ủy ban sông Mê Công Việt Nam', 'Lưu: VT, KT'],
    })
    expect(body.fields.confidence.numberAndNotation).toBeGreaterThan(0.9)
  })

  it('reads an uploaded DOCX', async () => {
    const id = await upload(clerk, 'thong-bao.docx', await renderDocx(NOTICE))
    const res = await clerk.post(`/api/capture/files/${id}`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      method: 'docx',
      fields: { numberAndNotation: '36/TB-UBND', signerTitle: 'CHÁNH VĂN PHÒNG' },
    })
  })

  it('refuses an image with 415 FILE_TYPE_NOT_ALLOWED', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    )
    const id = await upload(clerk, 'scan.png', png)
    const res = await clerk.post(`/api/capture/files/${id}`)
    expect(res.statusCode).toBe(415)
    expect(res.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED')
  })

  it('answers 404 for a file the caller may not read, as for one that does not exist', async () => {
    const id = await upload(clerk, 'thong-bao.pdf', await renderPdf(NOTICE))
    const notHers = await specialist.post(`/api/capture/files/${id}`)
    expect(notHers.statusCode).toBe(404)
    expect(notHers.json().error.code).toBe('NOT_FOUND')
    const missing = await clerk.post('/api/capture/files/00000000-0000-4000-8000-000000000000')
    expect(missing.statusCode).toBe(404)
  })

  it('is closed to partners (no files.upload) and to anonymous callers', async () => {
    const id = await upload(clerk, 'thong-bao.pdf', await renderPdf(NOTICE))
    expect((await partner.post(`/api/capture/files/${id}`)).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: `/api/capture/files/${id}` })).statusCode).toBe(401)
  })

  it('validates the id', async () => {
    const res = await clerk.post('/api/capture/files/not-a-uuid')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })
})
