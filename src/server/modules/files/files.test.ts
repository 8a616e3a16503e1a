import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blobs, events, files } from '../../platform/db/schema.ts'
import { LocalBlobStore } from '../../platform/files/local-blob-store.ts'
import { makeOrgWithUsers, TEST_PASSWORD } from '../../test/factories.ts'
import { buildTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts'
import {
  docxBytes,
  elfBytes,
  exeBytes,
  multipartBody,
  pdfBytes,
  PNG_BYTES,
  zipBytes,
  type Part,
} from './test-fixtures.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

let t: TestApp
let clerk: Client
let specialist: Client
let admin: Client
let partner: Client
let clerkId: string

beforeAll(async () => {
  t = await buildTestApp()
  const { users } = await makeOrgWithUsers(t.database.db, ['clerk', 'specialist', 'admin', 'partner'])
  clerkId = users.clerk.id
  clerk = await signIn(t.app, users.clerk.username, TEST_PASSWORD)
  specialist = await signIn(t.app, users.specialist.username, TEST_PASSWORD)
  admin = await signIn(t.app, users.admin.username, TEST_PASSWORD)
  partner = await signIn(t.app, users.partner.username, TEST_PASSWORD)
})
afterAll(async () => t.close())

function upload(client: Client, parts: Part[]) {
  const { payload, headers } = multipartBody(parts)
  return client.request({ method: 'POST', url: '/api/files', payload, headers })
}

async function uploadOne(client: Client, filename: string, content: Buffer) {
  const res = await upload(client, [{ filename, content }])
  expect(res.statusCode, res.body).toBe(201)
  return res.json().items[0] as {
    id: string
    filename: string
    mediaType: string
    size: number
    sha256: string
  }
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

describe('upload', () => {
  it('stores a PDF, records file.uploaded and serves it back intact', async () => {
    const pdf = pdfBytes(`Cong van ${randomBytes(4).toString('hex')}`)
    const res = await upload(clerk, [{ filename: 'cong-van.pdf', content: pdf, type: 'application/pdf' }])
    expect(res.statusCode, res.body).toBe(201)
    const [file] = res.json().items
    expect(file).toMatchObject({
      filename: 'cong-van.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: sha(pdf),
      uploadedBy: clerkId,
    })

    const [event] = await t.database.db
      .select()
      .from(events)
      .where(and(eq(events.action, 'file.uploaded'), eq(events.targetId, file.id)))
    expect(event?.actorId).toBe(clerkId)
    expect(event?.data).toMatchObject({ filename: 'cong-van.pdf', sha256: sha(pdf), isNewBlob: true })

    const meta = await clerk.get(`/api/files/${file.id}`)
    expect(meta.statusCode).toBe(200)
    expect(meta.json()).toEqual(file)

    const content = await clerk.get(`/api/files/${file.id}/content`)
    expect(content.statusCode).toBe(200)
    expect(content.rawPayload.equals(pdf)).toBe(true)
    expect(content.headers['content-type']).toBe('application/pdf')
    expect(content.headers['content-length']).toBe(String(pdf.length))
    expect(content.headers['etag']).toBe(`"${sha(pdf)}"`)
    expect(content.headers['x-content-type-options']).toBe('nosniff')
    expect(content.headers['content-disposition']).toBe(
      `attachment; filename="cong-van.pdf"; filename*=UTF-8''cong-van.pdf`,
    )

    const inline = await clerk.get(`/api/files/${file.id}/content?inline=1`)
    expect(inline.headers['content-disposition']).toMatch(/^inline; /)

    const again = await clerk.request({
      method: 'GET',
      url: `/api/files/${file.id}/content`,
      headers: { 'if-none-match': `"${sha(pdf)}"` },
    })
    expect(again.statusCode).toBe(304)
    expect(again.rawPayload.length).toBe(0)
  })

  it('takes several files in one request, each typed by its content', async () => {
    const csv = Buffer.from('số hiệu,trích yếu\n12/QĐ-UBSMCVN,Kế hoạch năm 2026\n')
    const res = await upload(clerk, [
      { filename: 'scan.png', content: PNG_BYTES, type: 'image/png' },
      { filename: 'danh-sach.csv', content: csv, type: 'text/csv' },
      { filename: 'du-thao.docx', content: docxBytes() },
      // The browser's claim is ignored: this is a PDF whatever it says.
      { filename: 'bao-cao.pdf', content: pdfBytes(), type: 'image/png' },
    ])
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().items.map((f: { mediaType: string }) => f.mediaType)).toEqual([
      'image/png',
      'text/csv',
      DOCX,
      'application/pdf',
    ])
    const [png, csvFile] = res.json().items
    const content = await clerk.get(`/api/files/${csvFile.id}/content`)
    expect(content.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(content.body).toBe(csv.toString('utf8'))
    const image = await clerk.get(`/api/files/${png.id}/content?inline=1`)
    expect(image.headers['content-disposition']).toMatch(/^inline; /)
  })

  it('recognises a DOCX whose [Content_Types].xml comes last, after 200 kB (LibreOffice order)', async () => {
    const file = await uploadOne(
      clerk,
      'to-trinh.docx',
      docxBytes({ contentTypesLast: true, padding: 200_000 }),
    )
    expect(file.mediaType).toBe(DOCX)
  })

  it('accepts XML by its declaration and plain UTF-8 text by its name', async () => {
    const xml = await uploadOne(
      clerk,
      'goi-tin',
      Buffer.from('<?xml version="1.0" encoding="UTF-8"?><edXML>Văn bản</edXML>'),
    )
    expect(xml.mediaType).toBe('application/xml')
    const txt = await uploadOne(clerk, 'ghi-chu.TXT', Buffer.from('Ghi chú cuộc họp\r\n\tNội dung'))
    expect(txt.mediaType).toBe('text/plain')
  })

  it('refuses programs, archives and non-text under a text name with 415 naming the type', async () => {
    const cases: [string, Buffer, string][] = [
      ['bao-cao.pdf', elfBytes(), 'application/x-elf'],
      ['setup.pdf', exeBytes(), 'application/x-msdownload'],
      ['tai-lieu.docx', zipBytes([{ name: 'a.txt', data: Buffer.from('x') }]), 'application/zip'],
      ['ghi-chu.txt', Buffer.from([0x47, 0x68, 0x69, 0x20, 0xe0, 0x20, 0x63]), 'unrecognised'], // Latin-1, not UTF-8
      ['ghi-chu.txt', Buffer.from('abc\0def'), 'unrecognised'],
      ['ghi-chu.md', Buffer.from('# Ghi chú'), 'unrecognised'],
    ]
    for (const [filename, content, type] of cases) {
      const res = await upload(clerk, [{ filename, content }])
      expect(res.statusCode, `${filename} ${res.body}`).toBe(415)
      expect(res.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED')
      expect(res.json().error.message).toContain(type)
    }
  })

  it('stores all files of a request or none', async () => {
    const pdf = pdfBytes(randomBytes(6).toString('hex'))
    const res = await upload(clerk, [
      { filename: 'ok.pdf', content: pdf },
      { filename: 'virus.pdf', content: elfBytes() },
    ])
    expect(res.statusCode).toBe(415)
    expect(
      await t.database.db
        .select()
        .from(files)
        .where(eq(files.sha256, sha(pdf))),
    ).toEqual([])
  })

  it('stores the same content once but gives each upload its own file', async () => {
    const pdf = pdfBytes(randomBytes(6).toString('hex'))
    const a = await uploadOne(clerk, 'a.pdf', pdf)
    const b = await uploadOne(specialist, 'b.pdf', pdf)
    expect(a.id).not.toBe(b.id)
    expect(
      await t.database.db
        .select()
        .from(blobs)
        .where(eq(blobs.sha256, sha(pdf))),
    ).toHaveLength(1)
    const [event] = await t.database.db.select().from(events).where(eq(events.targetId, b.id))
    expect(event?.data).toMatchObject({ isNewBlob: false })
  })

  it('keeps a Vietnamese file name (NFC, without folders or control characters) and sends it back per RFC 5987', async () => {
    const typed = 'Công văn số 12-ĐHQG về kế hoạch (lưu vực) 100%.pdf'
    const sent = `C:\\Users\\Văn thư\\${typed.normalize('NFD').replace('số', 's\u0007ố\u202e')}`
    const file = await uploadOne(clerk, sent, pdfBytes())
    expect(file.filename).toBe(typed)
    expect(file.filename).toBe(file.filename.normalize('NFC'))
    const res = await clerk.get(`/api/files/${file.id}/content`)
    const header = res.headers['content-disposition'] as string
    expect(header).toMatch(
      /^attachment; filename="Cong van so 12-DHQG ve ke hoach \(luu vuc\) 100_.pdf"; filename\*=UTF-8''/,
    )
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(typed)
  })

  it('refuses a request that is not multipart, has no file or has other fields', async () => {
    const json = await clerk.post('/api/files', { files: [] })
    expect(json.statusCode).toBe(415)
    expect(json.json().error.message).toMatch(/multipart\/form-data/)
    const raw = await clerk.request({
      method: 'POST',
      url: '/api/files',
      payload: pdfBytes(),
      headers: { 'content-type': 'application/pdf' },
    })
    expect(raw.statusCode).toBe(415)
    const none = await upload(clerk, [])
    expect(none.statusCode).toBe(400)
    expect(none.json().error.code).toBe('VALIDATION_FAILED')
    const field = await upload(clerk, [
      { name: 'note', value: 'x' },
      { filename: 'a.pdf', content: pdfBytes() },
    ])
    expect(field.statusCode).toBe(400)
    const empty = await upload(clerk, [{ filename: 'rong.txt', content: Buffer.alloc(0) }])
    expect(empty.statusCode).toBe(400)
  })

  it('refuses more than 10 files', async () => {
    const parts = Array.from({ length: 11 }, (_, i) => ({ filename: `${i}.png`, content: PNG_BYTES }))
    const res = await upload(clerk, parts)
    expect(res.statusCode).toBe(400)
  })

  it('refuses partners (403) and anonymous callers (401)', async () => {
    const denied = await upload(partner, [{ filename: 'a.pdf', content: pdfBytes() }])
    expect(denied.statusCode).toBe(403)
    expect(denied.json().error.code).toBe('NOT_ALLOWED')
    const { payload, headers } = multipartBody([{ filename: 'a.pdf', content: pdfBytes() }])
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/files', payload, headers })
    expect(anonymous.statusCode).toBe(401)
  })
})

describe('reading', () => {
  it('shows a file only to its uploader and administrators; others get 404', async () => {
    const file = await uploadOne(clerk, 'mat.pdf', pdfBytes())
    for (const url of [`/api/files/${file.id}`, `/api/files/${file.id}/content`]) {
      const other = await specialist.get(url)
      expect(other.statusCode).toBe(404)
      expect(other.json().error.code).toBe('NOT_FOUND')
      expect((await admin.get(url)).statusCode).toBe(200)
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401)
    }
    expect((await clerk.get('/api/files/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
  })

  it('answers 500 FILE_CORRUPTED, without details, when the stored bytes were altered', async () => {
    const pdf = pdfBytes(randomBytes(6).toString('hex'))
    const file = await uploadOne(clerk, 'hong.pdf', pdf)
    const store = t.deps.blobs as LocalBlobStore
    const stored = store.pathOf(file.sha256)
    expect(stored.startsWith(path.join(t.config.dataDir, 'blobs'))).toBe(true)
    const damaged = fs.readFileSync(stored)
    damaged[20] = damaged[20]! ^ 0xff
    fs.writeFileSync(stored, damaged)

    const res = await clerk.get(`/api/files/${file.id}/content`)
    expect(res.statusCode).toBe(500)
    expect(res.json().error).toMatchObject({ code: 'FILE_CORRUPTED', message: 'FILE_CORRUPTED' })
    expect(res.body).not.toContain(file.sha256)
    expect(res.headers['etag']).toBeUndefined()
    // The metadata is still there, so the user can see which file to upload again.
    expect((await clerk.get(`/api/files/${file.id}`)).statusCode).toBe(200)
  })

  it('describes the upload as multipart/form-data in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json()
    const post = doc.paths['/api/files'].post
    expect(Object.keys(post.requestBody.content)).toEqual(['multipart/form-data'])
    expect(post.requestBody.content['multipart/form-data'].schema.properties.files.items).toMatchObject({
      type: 'string',
      format: 'binary',
    })
    expect(doc.paths['/api/files/{id}/content'].get).toBeDefined()
  })
})

describe('size limit', () => {
  let small: TestApp
  let client: Client
  beforeAll(async () => {
    small = await buildTestApp({ env: { MAX_UPLOAD_MB: '1' } })
    const { users } = await makeOrgWithUsers(small.database.db, ['clerk'])
    client = await signIn(small.app, users.clerk.username, TEST_PASSWORD)
  })
  afterAll(async () => small.close())

  it('refuses a file over MAX_UPLOAD_MB with 413 and keeps nothing of it', async () => {
    const limit = 1024 * 1024
    const big = Buffer.concat([pdfBytes(), randomBytes(limit)])
    const { payload, headers } = multipartBody([{ filename: 'lon.pdf', content: big }])
    const blobDir = path.join(small.config.dataDir, 'blobs')
    const kept = () =>
      fs.existsSync(blobDir) ? fs.readdirSync(blobDir, { recursive: true }).map(String) : []
    // Whole body at once (busboy sees the limit before the handler runs) and as a slow stream
    // (the limit is crossed while the file is being stored).
    const bodies = [
      () => payload,
      () =>
        Readable.from(
          (async function* () {
            for (let i = 0; i < payload.length; i += 64 * 1024) {
              await new Promise((resolve) => setImmediate(resolve))
              yield payload.subarray(i, i + 64 * 1024)
            }
          })(),
        ),
    ]
    for (const body of bodies) {
      const res = await client.request({ method: 'POST', url: '/api/files', payload: body(), headers })
      expect(res.statusCode).toBe(413)
      expect(res.json().error.code).toBe('FILE_TOO_LARGE')
      expect(kept().filter((f) => f !== '.tmp')).toEqual([])
    }

    const exact = Buffer.concat([pdfBytes(), Buffer.alloc(limit - pdfBytes().length, 0x20)])
    const ok = multipartBody([{ filename: 'vua.pdf', content: exact }])
    expect((await client.request({ method: 'POST', url: '/api/files', ...ok })).statusCode).toBe(201)
  })
})
