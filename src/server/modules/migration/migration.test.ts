/**
 * The migration through its HTTP interface and its job, on the real database: a dry run reports
 * the problems by row (duplicates in the file and numbers already in the register included) and
 * writes nothing; the import keeps the original numbers, is idempotent and resumable, takes files
 * from the zip, records its audit events; only administrators may use it.
 */
import { zipSync } from 'fflate'
import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TMigrationArchive, TMigrationRun } from '@common/contracts/migration'
import type { TIncomingDocument, TIncomingRow } from '@common/contracts/documents-in'
import type { TOutgoingDocument, TOutgoingRow } from '@common/contracts/documents-out'
import { documents, events, outgoingDetails, registerNumberLog, registers } from '../../platform/db/schema.ts'
import { makeOrganization, makeUnit, makeUser } from '../../test/factories.ts'
import { multipartBody, pdfBytes } from '../../test/file-fixtures.ts'
import { buildTestApp, type Client, type TestApp } from '../../test/harness.ts'
import { office, type Office } from '../documents-in/documents-in.test-support.ts'
import { processMigrations, type ProcessOptions } from './index.ts'

let t: TestApp
let o: Office
let admin: Client

beforeAll(async () => {
  t = await buildTestApp()
  o = await office(t)
  admin = o.clients.admin
})
afterAll(async () => t.close())

const HEADER =
  'Mã,Số đến,Ngày đến,Số ký hiệu,Ngày ban hành,Cơ quan ban hành,Loại văn bản,Trích yếu,Người ký,Tệp'

function incomingRow(
  n: number,
  overrides: Partial<Record<'date' | 'files' | 'subject' | 'type', string>> = {},
) {
  return [
    `CU-${n}`,
    String(n),
    overrides.date ?? `${String((n % 28) + 1).padStart(2, '0')}/03/2019`,
    `${100 + n}/BNG-VP`,
    '01/03/2019',
    'Bộ Ngoại giao',
    overrides.type ?? 'Công văn',
    overrides.subject ?? `V/v hợp tác tài nguyên nước sông Mê Công, văn bản thứ ${n}`,
    'Nguyễn Minh Vũ',
    overrides.files ?? '',
  ]
    .map((cell) => (cell.includes(',') ? `"${cell}"` : cell))
    .join(',')
}

async function upload(client: Client, filename: string, content: Buffer | string, type = 'text/csv') {
  const { payload, headers } = multipartBody([
    { filename, content: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), type },
  ])
  const res = await client.request({ method: 'POST', url: '/api/files', payload, headers })
  expect(res.statusCode, res.body).toBe(201)
  return (res.json() as { items: { id: string }[] }).items[0]!.id
}

async function uploadZip(client: Client, entries: Record<string, Uint8Array>) {
  const { payload, headers } = multipartBody([
    {
      name: 'file',
      filename: 'tep-van-ban.zip',
      content: Buffer.from(zipSync(entries)),
      type: 'application/zip',
    },
  ])
  return client.request({ method: 'POST', url: '/api/migration/archives', payload, headers })
}

async function start(body: Record<string, unknown>, client = admin) {
  const res = await client.post('/api/migration/runs', body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as TMigrationRun
}

async function run(id: string, options: Omit<ProcessOptions, 'runId'> = {}) {
  await processMigrations(t.deps, { runId: id, ...options })
  const res = await admin.get(`/api/migration/runs/${id}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as TMigrationRun
}

async function newIncomingRegister(code: string) {
  const [row] = await t.database.db
    .insert(registers)
    .values({ organizationId: o.org.id, kind: 'incoming', code, name: `Sổ văn bản đến ${code}` })
    .returning()
  return row!
}

describe('dry run', () => {
  it('reports every problem with its row and column, duplicates included, and writes nothing but the run', async () => {
    // A document the clerk registered on paper in 2019 already holds arrival number 1 of that year.
    const existing = await o.clients.clerk.post('/api/documents-in', {
      registerId: o.register.id,
      arrivedAt: '2019-06-03T02:00:00.000Z',
      senderName: 'Bộ Tài chính',
      numberAndNotation: '77/BTC-HTQT',
      documentType: 'CV',
      subject: 'V/v kinh phí hợp tác sông Mê Công năm 2019',
    })
    expect(existing.statusCode, existing.body).toBe(201)
    expect((existing.json() as TIncomingDocument).registerNumber).toBe(1)
    const csv = [
      HEADER,
      incomingRow(1),
      incomingRow(2),
      incomingRow(3, { date: '31/02/2019' }),
      incomingRow(4),
      incomingRow(2).replace('CU-2', 'CU-2b'),
      incomingRow(6, { type: 'Thư chúc mừng', subject: '' }),
    ].join('\n')
    const sourceFileId = await upload(admin, 'van-ban-den-cu.csv', csv)
    const created = await start({
      kind: 'incoming',
      mode: 'dry_run',
      registerId: o.register.id,
      sourceFileId,
    })
    expect(created).toMatchObject({ status: 'queued', mode: 'dry_run', sourceFilename: 'van-ban-den-cu.csv' })

    const done = await run(created.id)
    expect(done).toMatchObject({
      status: 'done',
      totalRows: 6,
      progress: 100,
      importedRows: 2,
      skippedRows: 0,
      problemRows: 4,
    })
    expect(done.problems.map((p) => `${p.row}|${p.column}|${p.message}`)).toEqual([
      '2|Số đến|Số đến 1 năm 2019 đã có trong sổ (văn bản 77/BTC-HTQT)',
      "4|Ngày đến|'31/02/2019' không phải ngày hợp lệ",
      '6|Số đến|Số đến 2 năm 2019 trùng với dòng 3',
      "7|Loại văn bản|'Thư chúc mừng' không có trong danh mục loại văn bản (ví dụ: Quyết định hoặc QĐ, Công văn, Thông báo hoặc TB)",
      '7|Trích yếu|bắt buộc, ô đang trống',
    ])
    const written = await t.database.db.select().from(documents).where(eq(documents.migrationRunId, done.id))
    expect(written).toEqual([])

    const report = await admin.get(`/api/migration/runs/${done.id}/problems.csv`)
    expect(report.statusCode).toBe(200)
    expect(report.headers['content-type']).toContain('text/csv')
    expect(report.body).toContain("Dòng 4, cột Ngày đến: '31/02/2019' không phải ngày hợp lệ")
  })

  it('fails a file without a required column, saying which, in Vietnamese', async () => {
    const sourceFileId = await upload(
      admin,
      'thieu-cot.csv',
      'Số đến,Ngày đến,Trích yếu\n1,01/01/2019,Về việc A',
    )
    const created = await start({
      kind: 'incoming',
      mode: 'dry_run',
      registerId: o.register.id,
      sourceFileId,
    })
    const done = await run(created.id)
    expect(done).toMatchObject({ status: 'failed', abilities: { resume: false, cancel: false } })
    expect(done.error).toContain('thiếu cột bắt buộc: Cơ quan ban hành')
    const events_ = await t.database.db.select().from(events).where(eq(events.targetId, done.id))
    expect(events_.map((e) => e.action)).toEqual(['migration.started', 'migration.failed'])
  })
})

describe('import', () => {
  it('keeps the original numbers and dates, marks the documents migrated, shows them in the incoming list, and imports nothing twice', async () => {
    const register = await newIncomingRegister('VBD-CU1')
    const csv = [HEADER, ...[1, 2, 3, 4, 5].map((n) => incomingRow(n))].join('\n')
    const sourceFileId = await upload(admin, 'van-ban-den-2019.csv', csv)
    const first = await run(
      (await start({ kind: 'incoming', mode: 'import', registerId: register.id, sourceFileId })).id,
    )
    expect(first).toMatchObject({
      status: 'done',
      importedRows: 5,
      skippedRows: 0,
      problemCount: 0,
      progress: 100,
    })

    const list = await admin.get(`/api/documents-in?registerId=${register.id}&pageSize=50`)
    expect(list.statusCode, list.body).toBe(200)
    const items = (
      list.json() as {
        items: {
          registerNumber: number
          registerYear: number
          state: string
          numberAndNotation: string
          arrivedAt: string
        }[]
      }
    ).items
    expect(items.map((i) => i.registerNumber).sort()).toEqual([1, 2, 3, 4, 5])
    expect(items.every((i) => i.registerYear === 2019 && i.state === 'completed')).toBe(true)
    expect(items.find((i) => i.registerNumber === 3)).toMatchObject({
      numberAndNotation: '103/BNG-VP',
      arrivedAt: new Date('2019-03-04T00:00:00+07:00').toISOString(),
    })
    const rows = await t.database.db.select().from(documents).where(eq(documents.registerId, register.id))
    expect(new Set(rows.map((r) => r.migrationKey))).toEqual(
      new Set([1, 2, 3, 4, 5].map((n) => `incoming:CU-${n}`)),
    )
    expect(rows.every((r) => r.migrationRunId === first.id && r.issueDate === '2019-03-01')).toBe(true)

    const second = await run(
      (await start({ kind: 'incoming', mode: 'import', registerId: register.id, sourceFileId })).id,
    )
    expect(second).toMatchObject({ status: 'done', importedRows: 0, skippedRows: 5, problemCount: 0 })
    expect(
      await t.database.db.select().from(documents).where(eq(documents.registerId, register.id)),
    ).toHaveLength(5)

    // The next registration of 2019 follows the old register instead of colliding with it.
    const next = await o.clients.clerk.post('/api/documents-in', {
      registerId: register.id,
      arrivedAt: '2019-12-02T02:00:00.000Z',
      senderName: 'Bộ Ngoại giao',
      documentType: 'CV',
      subject: 'V/v tổng kết năm 2019',
    })
    expect(next.statusCode, next.body).toBe(201)
    expect((next.json() as TIncomingDocument).registerNumber).toBe(6)
  })

  it('resumes from next_row after a stop, with nothing doubled', async () => {
    const register = await newIncomingRegister('VBD-CU2')
    const csv = [HEADER, ...[1, 2, 3, 4, 5, 6, 7].map((n) => incomingRow(n))].join('\n')
    const sourceFileId = await upload(admin, 'van-ban-den-7.csv', csv)
    const created = await start({ kind: 'incoming', mode: 'import', registerId: register.id, sourceFileId })
    // The process stops after one chunk of three rows, as a killed worker would.
    const stopped = await run(created.id, { chunkSize: 3, maxChunks: 1 })
    expect(stopped).toMatchObject({ status: 'running', processedRows: 3, importedRows: 3, progress: 42 })
    const resumed = await run(created.id, { chunkSize: 3 })
    expect(resumed).toMatchObject({ status: 'done', processedRows: 7, importedRows: 7, skippedRows: 0 })
    const rows = await t.database.db.select().from(documents).where(eq(documents.registerId, register.id))
    expect(rows.map((r) => r.registerNumber).sort()).toEqual([1, 2, 3, 4, 5, 6, 7])
    // Each chunk recorded its documents for the search index, and the run its start and end.
    const recorded = await t.database.db
      .select()
      .from(events)
      .where(and(eq(events.targetType, 'migrationRun'), eq(events.targetId, created.id)))
      .orderBy(events.id)
    expect(recorded.map((e) => e.action)).toEqual([
      'migration.started',
      'migration.rowsImported',
      'migration.rowsImported',
      'migration.rowsImported',
      'migration.finished',
    ])
    const chunks = recorded.filter((e) => e.action === 'migration.rowsImported')
    for (const e of chunks) expect(Object.keys(e.data as object).sort()).toEqual(['documentIds', 'kind'])
    expect(chunks.map((e) => (e.data as { documentIds: string[] }).documentIds.length)).toEqual([3, 3, 1])
    expect(chunks.flatMap((e) => (e.data as { documentIds: string[] }).documentIds).sort()).toEqual(
      rows.map((r) => r.id).sort(),
    )
    expect(recorded.every((e) => e.actorId === o.people.admin.id)).toBe(true)
  })

  it('takes the files named in "Tệp" from the zip; a missing file is a problem of its row', async () => {
    const register = await newIncomingRegister('VBD-CU3')
    const zip = await uploadZip(admin, {
      '2019/cv-1.pdf': pdfBytes('Cong van so 1'),
      '2019/phu-luc-1.pdf': pdfBytes('Phu luc cua cong van so 1'),
      '2019/Tờ trình 2.pdf': pdfBytes('To trinh so 2'),
    })
    expect(zip.statusCode, zip.body).toBe(201)
    const archive = zip.json() as TMigrationArchive
    expect(archive.entryCount).toBe(3)
    const csv = [
      HEADER,
      incomingRow(1, { files: 'cv-1.pdf; 2019/PHU-LUC-1.pdf' }),
      incomingRow(2, { files: 'Tờ trình 2.pdf' }),
      incomingRow(3, { files: 'khong-co.pdf' }),
    ].join('\n')
    const sourceFileId = await upload(admin, 'co-tep.csv', csv)
    const done = await run(
      (
        await start({
          kind: 'incoming',
          mode: 'import',
          registerId: register.id,
          sourceFileId,
          archiveFileId: archive.id,
        })
      ).id,
    )
    expect(done).toMatchObject({ status: 'done', importedRows: 2, problemRows: 1 })
    expect(done.problems).toEqual([
      { row: 4, column: 'Tệp', level: 'error', message: "không tìm thấy tệp 'khong-co.pdf' trong tệp nén" },
    ])
    const [doc1] = await t.database.db
      .select()
      .from(documents)
      .where(and(eq(documents.registerId, register.id), eq(documents.registerNumber, 1)))
    const detail = (await admin.get(`/api/documents-in/${doc1!.id}`)).json() as TIncomingDocument
    expect(detail.files.map((f) => [f.filename, f.role, f.mediaType])).toEqual([
      ['cv-1.pdf', 'main', 'application/pdf'],
      ['phu-luc-1.pdf', 'attachment', 'application/pdf'],
    ])
    const content = await admin.get(`/api/files/${detail.files[0]!.fileId}/content`)
    expect(content.statusCode).toBe(200)
    expect(content.rawPayload.equals(pdfBytes('Cong van so 1'))).toBe(true)
  })

  it('imports outgoing documents issued, with their numbers logged, the signer a user when one has the printed name', async () => {
    const [register] = await t.database.db
      .insert(registers)
      .values({ organizationId: o.org.id, kind: 'outgoing', code: 'VBDI-CU', name: 'Sổ văn bản đi cũ' })
      .returning()
    const signer = await makeUser(t.database.db, {
      roles: ['leader'],
      organizationId: o.org.id,
      unitId: o.units.leadership.id,
      fullName: 'Lê Thị Mê Kông',
    })
    const csv = [
      'Mã,Số,Ký hiệu,Ngày ban hành,Loại văn bản,Trích yếu,Người ký,Chức vụ,Nơi nhận,Đơn vị soạn thảo',
      `DI-1,05,QĐ-UBSMCVN,12/03/2019,,Ban hành quy chế làm việc,Lê Thị Mê Kông,Chủ tịch,Các Bộ; UBND tỉnh An Giang,${o.units.unitA.name}`,
      'DI-2,06,UBSMCVN-VP,13/03/2019,,V/v chuẩn bị phiên họp,Người Không Có Tài Khoản,Phó Chủ tịch,Bộ Ngoại giao,Ban Cũ Đã Giải Thể',
    ].join('\n')
    const sourceFileId = await upload(admin, 'van-ban-di.csv', csv)
    const done = await run(
      (await start({ kind: 'outgoing', mode: 'import', registerId: register!.id, sourceFileId })).id,
    )
    expect(done).toMatchObject({ status: 'done', importedRows: 2, problemCount: 0 })
    const rows = await t.database.db
      .select({ d: documents, o: outgoingDetails })
      .from(documents)
      .innerJoin(outgoingDetails, eq(outgoingDetails.documentId, documents.id))
      .where(eq(documents.registerId, register!.id))
      .orderBy(documents.registerNumber)
    expect(rows.map((r) => [r.d.registerNumber, r.d.numberAndNotation, r.d.documentType, r.d.state])).toEqual(
      [
        [5, '05/QĐ-UBSMCVN', 'QĐ', 'issued'],
        [6, '06/UBSMCVN-VP', 'CV', 'issued'],
      ],
    )
    expect(rows[0]!.o).toMatchObject({
      signerId: signer.id,
      drafterId: o.people.admin.id,
      drafterUnitId: o.units.unitA.id,
    })
    expect(rows[1]!.o).toMatchObject({ signerId: o.people.admin.id, drafterUnitId: null })
    expect(rows[1]!.d.signerName).toBe('Người Không Có Tài Khoản')
    expect(rows[1]!.d.notes).toBe('Nơi nhận: Bộ Ngoại giao\nĐơn vị soạn thảo: Ban Cũ Đã Giải Thể')
    const log = await t.database.db
      .select()
      .from(registerNumberLog)
      .where(
        inArray(
          registerNumberLog.documentId,
          rows.map((r) => r.d.id),
        ),
      )
    expect(log.map((l) => [l.year, l.number, l.state]).sort()).toEqual([
      [2019, 5, 'used'],
      [2019, 6, 'used'],
    ])
    // The clerk sees them among the issued documents.
    const list = await o.clients.clerk.get('/api/documents-out?tab=issued&pageSize=100')
    expect(list.statusCode, list.body).toBe(200)
    const numbers = (list.json() as { items: { numberAndNotation: string | null }[] }).items.map(
      (i) => i.numberAndNotation,
    )
    expect(numbers).toEqual(expect.arrayContaining(['05/QĐ-UBSMCVN', '06/UBSMCVN-VP']))
  })

  it('stops a cancelled run and resumes it on request', async () => {
    const register = await newIncomingRegister('VBD-CU4')
    const sourceFileId = await upload(admin, 'huy.csv', [HEADER, incomingRow(1), incomingRow(2)].join('\n'))
    const created = await start({ kind: 'incoming', mode: 'import', registerId: register.id, sourceFileId })
    const again = await admin.post('/api/migration/runs', {
      kind: 'incoming',
      mode: 'import',
      registerId: register.id,
      sourceFileId,
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('MIGRATION_RUN_ACTIVE')
    const cancelled = await admin.post(`/api/migration/runs/${created.id}/cancel`)
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      abilities: { resume: true, cancel: false },
    })
    expect(await run(created.id)).toMatchObject({ status: 'cancelled', importedRows: 0 })
    const resumed = await admin.post(`/api/migration/runs/${created.id}/resume`)
    expect(resumed.json()).toMatchObject({ status: 'queued' })
    expect(await run(created.id)).toMatchObject({ status: 'done', importedRows: 2 })
  })
})

describe('requests', () => {
  it('refuses everyone but administrators (403)', async () => {
    const { clerk, leader } = o.clients
    for (const client of [clerk, leader]) {
      expect((await client.get('/api/migration/runs')).statusCode).toBe(403)
      expect((await client.get('/api/migration/templates/incoming')).statusCode).toBe(403)
      const res = await client.post('/api/migration/runs', {
        kind: 'incoming',
        mode: 'dry_run',
        registerId: o.register.id,
        sourceFileId: o.register.id,
      })
      expect(res.statusCode).toBe(403)
      expect(res.json().error.code).toBe('NOT_ALLOWED')
      expect((await uploadZip(client, { 'a.pdf': pdfBytes('x') })).statusCode).toBe(403)
    }
  })

  it('explains in Vietnamese a register of the wrong direction, a file that is not a table, and a zip that is not one', async () => {
    const pdf = await upload(admin, 'khong-phai-bang.pdf', pdfBytes('x'), 'application/pdf')
    const [outgoing] = await t.database.db
      .insert(registers)
      .values({ organizationId: o.org.id, kind: 'outgoing', code: 'VBDI-X', name: 'Sổ đi' })
      .returning()
    const wrongRegister = await admin.post('/api/migration/runs', {
      kind: 'incoming',
      mode: 'dry_run',
      registerId: outgoing!.id,
      sourceFileId: pdf,
    })
    expect(wrongRegister.statusCode).toBe(400)
    expect(wrongRegister.json().error.details).toEqual([
      { path: 'registerId', message: 'Văn bản đến phải nhập vào sổ văn bản đến' },
    ])
    const notTable = await admin.post('/api/migration/runs', {
      kind: 'incoming',
      mode: 'dry_run',
      registerId: o.register.id,
      sourceFileId: pdf,
    })
    expect(notTable.statusCode).toBe(422)
    expect(notTable.json().error).toMatchObject({ code: 'MIGRATION_FILE_INVALID' })
    expect(notTable.json().error.message).toContain('CSV UTF-8 hoặc .xlsx')
    const { payload, headers } = multipartBody([
      { name: 'file', filename: 'hong.zip', content: Buffer.from('không phải zip'), type: 'application/zip' },
    ])
    const badZip = await admin.request({ method: 'POST', url: '/api/migration/archives', payload, headers })
    expect(badZip.statusCode).toBe(422)
    expect(badZip.json().error.message).toContain('Tệp nén không đọc được')
  })

  it('serves the template of each kind with the Vietnamese headers', async () => {
    const res = await admin.get('/api/migration/templates/outgoing')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toContain('mau-chuyen-doi-van-ban-di.csv')
    expect(res.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'Mã,Số,Ký hiệu,Số ký hiệu,Ngày ban hành,Loại văn bản,Trích yếu,Người ký,Chức vụ,Nơi nhận,Đơn vị soạn thảo,Độ khẩn,Độ mật,Số trang,Số bản,Hạn trả lời,Ghi chú,Tệp',
    )
  })
})

describe('migrated documents on the document pages', () => {
  it('marks imported incoming documents (page and list rows) with their run and import time, and not others', async () => {
    const register = await newIncomingRegister('VBD-TAG')
    const sourceFileId = await upload(
      admin,
      'den-tag.csv',
      [HEADER, incomingRow(1), incomingRow(2)].join('\n'),
    )
    const done = await run(
      (await start({ kind: 'incoming', mode: 'import', registerId: register.id, sourceFileId })).id,
    )
    expect(done).toMatchObject({ status: 'done', importedRows: 2 })
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.registerId, register.id))
    const mark = { runId: done.id, importedAt: doc!.createdAt.toISOString() }

    const detail = (await admin.get(`/api/documents-in/${doc!.id}`)).json() as TIncomingDocument
    expect(detail.migrated).toEqual(mark)
    const list = (await admin.get(`/api/documents-in?registerId=${register.id}`)).json() as {
      items: TIncomingRow[]
    }
    expect(list.items.map((i) => i.migrated)).toEqual([
      { runId: done.id, importedAt: expect.any(String) as string },
      { runId: done.id, importedAt: expect.any(String) as string },
    ])

    // A document registered here carries no mark.
    const own = await o.clients.clerk.post('/api/documents-in', {
      registerId: register.id,
      arrivedAt: '2026-01-05T02:00:00.000Z',
      senderName: 'Bộ Ngoại giao',
      documentType: 'CV',
      subject: 'V/v đăng ký trong hệ thống mới',
    })
    expect(own.statusCode, own.body).toBe(201)
    const ownId = (own.json() as TIncomingDocument).id
    expect(
      ((await o.clients.clerk.get(`/api/documents-in/${ownId}`)).json() as TIncomingDocument).migrated,
    ).toBeNull()
    const all = (await o.clients.clerk.get(`/api/documents-in?registerId=${register.id}`)).json() as {
      items: TIncomingRow[]
    }
    expect(all.items.find((i) => i.id === ownId)?.migrated).toBeNull()
  })

  it('shows an outgoing document with the signer name printed in the old record, on the page and in the list', async () => {
    const [register] = await t.database.db
      .insert(registers)
      .values({ organizationId: o.org.id, kind: 'outgoing', code: 'VBDI-TAG', name: 'Sổ đi có nhãn' })
      .returning()
    const csv = [
      'Mã,Số,Ký hiệu,Ngày ban hành,Trích yếu,Người ký,Chức vụ',
      'TAG-1,07,UBSMCVN-VP,14/03/2019,V/v tổng kết mùa lũ,Trần Văn Không Tài Khoản,Phó Chủ tịch',
    ].join('\n')
    const sourceFileId = await upload(admin, 'di-tag.csv', csv)
    const done = await run(
      (await start({ kind: 'outgoing', mode: 'import', registerId: register!.id, sourceFileId })).id,
    )
    expect(done).toMatchObject({ status: 'done', importedRows: 1 })
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.registerId, register!.id))

    const detail = (await admin.get(`/api/documents-out/${doc!.id}`)).json() as TOutgoingDocument
    // No user has that name: the signer user is the administrator, but the page shows the printed name.
    expect(detail.signerId).toBe(o.people.admin.id)
    expect(detail.signerName).toBe('Trần Văn Không Tài Khoản')
    expect(detail.migrated).toEqual({ runId: done.id, importedAt: doc!.createdAt.toISOString() })

    const list = (await o.clients.clerk.get('/api/documents-out?tab=issued&pageSize=100')).json() as {
      items: TOutgoingRow[]
    }
    expect(list.items.find((i) => i.id === doc!.id)).toMatchObject({
      signerName: 'Trần Văn Không Tài Khoản',
      migrated: { runId: done.id },
    })
    expect(
      list.items
        .filter((i) => i.id !== doc!.id)
        .every((i) => i.migrated === null || i.migrated.runId !== done.id),
    ).toBe(true)
  })
})

describe('the unit that holds the documents', () => {
  it('registers imported incoming documents to the chosen unit, whose staff then see them', async () => {
    const register = await newIncomingRegister('VBD-UNIT')
    const sourceFileId = await upload(admin, 'den-don-vi.csv', [HEADER, incomingRow(1)].join('\n'))
    const created = await start({
      kind: 'incoming',
      mode: 'import',
      registerId: register.id,
      sourceFileId,
      unitId: o.units.unitB.id,
    })
    expect(created).toMatchObject({ unitId: o.units.unitB.id, unitName: o.units.unitB.name })
    expect(await run(created.id)).toMatchObject({ status: 'done', importedRows: 1 })
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.registerId, register.id))
    expect(doc!.registeredUnitId).toBe(o.units.unitB.id)
    // Staff of unit B see it; staff of unit A do not.
    expect((await o.clients.other.get(`/api/documents-in/${doc!.id}`)).statusCode).toBe(200)
    expect((await o.clients.specialist.get(`/api/documents-in/${doc!.id}`)).statusCode).toBe(404)
    const started = await t.database.db
      .select({ data: events.data })
      .from(events)
      .where(and(eq(events.targetId, created.id), eq(events.action, 'migration.started')))
    expect(started[0]!.data).toMatchObject({ unitId: o.units.unitB.id, unitName: o.units.unitB.name })
  })

  it('defaults as before when no unit is chosen', async () => {
    const register = await newIncomingRegister('VBD-UNIT0')
    const sourceFileId = await upload(admin, 'den-mac-dinh.csv', [HEADER, incomingRow(1)].join('\n'))
    const created = await start({ kind: 'incoming', mode: 'import', registerId: register.id, sourceFileId })
    expect(created).toMatchObject({ unitId: null, unitName: null })
    await run(created.id)
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.registerId, register.id))
    // An empty register: the administrator's unit.
    expect(doc!.registeredUnitId).toBe(o.people.admin.unitId)
  })

  it('gives outgoing rows whose drafting unit is unknown the chosen unit, keeping a named one', async () => {
    const [register] = await t.database.db
      .insert(registers)
      .values({ organizationId: o.org.id, kind: 'outgoing', code: 'VBDI-UNIT', name: 'Sổ đi theo đơn vị' })
      .returning()
    const csv = [
      'Mã,Số,Ký hiệu,Ngày ban hành,Trích yếu,Đơn vị soạn thảo',
      `U-1,08,UBSMCVN-VP,15/03/2019,V/v một,${o.units.unitA.name}`,
      'U-2,09,UBSMCVN-VP,16/03/2019,V/v hai,Ban Cũ Đã Giải Thể',
      'U-3,10,UBSMCVN-VP,17/03/2019,V/v ba,',
    ].join('\n')
    const sourceFileId = await upload(admin, 'di-don-vi.csv', csv)
    const created = await start({
      kind: 'outgoing',
      mode: 'import',
      registerId: register!.id,
      sourceFileId,
      unitId: o.units.unitB.id,
    })
    expect(await run(created.id)).toMatchObject({ status: 'done', importedRows: 3 })
    const rows = await t.database.db
      .select({
        number: documents.registerNumber,
        notes: documents.notes,
        unitId: outgoingDetails.drafterUnitId,
      })
      .from(documents)
      .innerJoin(outgoingDetails, eq(outgoingDetails.documentId, documents.id))
      .where(eq(documents.registerId, register!.id))
      .orderBy(documents.registerNumber)
    expect(rows).toEqual([
      { number: 8, notes: null, unitId: o.units.unitA.id },
      { number: 9, notes: 'Đơn vị soạn thảo: Ban Cũ Đã Giải Thể', unitId: o.units.unitB.id },
      { number: 10, notes: null, unitId: o.units.unitB.id },
    ])
  })

  it('refuses a unit of another organization, or one no longer active, naming the field', async () => {
    const sourceFileId = await upload(admin, 'den-sai-don-vi.csv', [HEADER, incomingRow(1)].join('\n'))
    const otherOrg = await makeOrganization(t.database.db)
    const foreign = await makeUnit(t.database.db, otherOrg.id)
    const closed = await makeUnit(t.database.db, o.org.id, { isActive: false })
    for (const unitId of [foreign.id, closed.id]) {
      const res = await admin.post('/api/migration/runs', {
        kind: 'incoming',
        mode: 'dry_run',
        registerId: o.register.id,
        sourceFileId,
        unitId,
      })
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().error.details).toEqual([
        { path: 'unitId', message: 'Đơn vị không thuộc cơ quan hoặc đã ngừng hoạt động; chọn đơn vị khác' },
      ])
    }
  })
})
