/** Printing and exporting the incoming register (GET /api/registers/:id/export): PDF, XLSX, range, access, audit. */
import { and, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events } from '../../platform/db/schema.ts'
import { buildTestApp, type TestApp } from '../../test/harness.ts'
import { extractText } from '../capture/index.ts'
import { assignedDocument, office, registerDocument, type Office } from './documents-in.test-support.ts'
import { renderRegisterPdf } from './register-export/index.ts'
import type { RegisterExportRow } from './register-export/index.ts'

let t: TestApp
let o: Office
const subjects = {
  before: 'V/v báo cáo tháng Mười (ngoài khoảng)',
  first: 'V/v góp ý dự thảo Kế hoạch thích ứng biến đổi khí hậu vùng đồng bằng sông Cửu Long',
  second: 'V/v cử cán bộ tham dự Hội nghị Ủy hội sông Mê Công quốc tế lần thứ 31',
  third: 'V/v đề nghị cung cấp số liệu thủy văn mùa lũ năm 2026',
}
beforeAll(async () => {
  t = await buildTestApp({ clock: () => new Date('2026-12-05T03:00:00Z') })
  o = await office(t)
  await registerDocument(o, { arrivedAt: '2026-10-31T23:30:00+07:00', subject: subjects.before })
  await assignedDocument(o, {
    arrivedAt: '2026-11-01T00:30:00+07:00',
    subject: subjects.first,
    notes: 'Hỏa tốc',
  })
  await registerDocument(o, { arrivedAt: '2026-11-15T09:00:00+07:00', subject: subjects.second })
  await registerDocument(o, { arrivedAt: '2026-11-30T23:59:00+07:00', subject: subjects.third })
})
afterAll(async () => t.close())

const url = (q: string, id = o.register.id) => `/api/registers/${id}/export?${q}`

describe('GET /api/registers/:id/export', () => {
  it('prints the register as a PDF: cover, the rows of the range with diacritics intact, an audit event', async () => {
    const res = await o.clients.clerk.get(url('from=2026-11-01&to=2026-11-30&format=pdf'))
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="so-van-ban-den-2026-11-01-2026-11-30.pdf"; filename*=UTF-8''S%E1%BB%95%20v%C4%83n%20b%E1%BA%A3n%20%C4%91%E1%BA%BFn%202026-11-01%202026-11-30.pdf`,
    )
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const { text } = await extractText(new Uint8Array(res.rawPayload), 'application/pdf')
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain('SỔ VĂN BẢN ĐẾN')
    expect(flat).toContain('Từ ngày 01/11/2026 đến ngày 30/11/2026')
    expect(flat).toContain('Từ số 2 đến số 4')
    expect(flat).toContain('Tên loại và trích yếu nội dung')
    expect(flat).toContain('Cửu Long')
    expect(flat).toContain('Ủy hội sông Mê Công')
    expect(flat).toContain('thủy')
    expect(flat).toContain('mùa lũ')
    expect(flat).toContain(o.units.unitA.name)
    expect(flat).not.toContain('ngoài khoảng')

    const recorded = await t.database.db
      .select()
      .from(events)
      .where(and(eq(events.targetType, 'register'), eq(events.targetId, o.register.id)))
    const exported = recorded.filter((e) => e.action === 'register.exported')
    expect(exported).toHaveLength(1)
    expect(exported[0]!.actorId).toBe(o.people.clerk.id)
    expect(exported[0]!.data).toMatchObject({
      format: 'pdf',
      from: '2026-11-01',
      to: '2026-11-30',
      rowCount: 3,
      firstNumber: 2,
      lastNumber: 4,
    })
  })

  it('exports an XLSX workbook with the rows in number order and dates as dates', async () => {
    const res = await o.clients.admin.get(url('from=2026-11-01&to=2026-11-15&format=xlsx'))
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200)
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="so-van-ban-den-2026-11-01-2026-11-15\.xlsx"/,
    )
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.getCell(5, 6).value).toBe('Tên loại và trích yếu nội dung')
    const rows = [7, 8, 9].map((r) => ws.getRow(r))
    expect(rows.map((r) => r.getCell(2).value)).toEqual([2, 3, null])
    expect(rows[0]!.getCell(6).value).toBe(`Công văn ${subjects.first}`)
    expect(rows[0]!.getCell(7).value).toBe(o.units.unitA.name)
    expect(rows[0]!.getCell(10).value).toBe('Hỏa tốc')
    expect(rows[1]!.getCell(6).value).toBe(`Công văn ${subjects.second}`)
    const arrived = rows[0]!.getCell(1).value
    expect(arrived).toBeInstanceOf(Date)
    expect((arrived as Date).toISOString().slice(0, 10)).toBe('2026-11-01')
    expect(rows[0]!.getCell(1).numFmt).toBe('dd/mm/yyyy')
    expect(rows[0]!.getCell(8).value).toBeInstanceOf(Date)
  })

  it('filters by Viet Nam calendar days', async () => {
    const res = await o.clients.clerk.get(url('from=2026-10-31&to=2026-10-31&format=xlsx'))
    expect(res.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.getRow(7).getCell(2).value).toBe(1)
    expect(ws.getRow(7).getCell(6).value).toBe(`Công văn ${subjects.before}`)
    expect(ws.getRow(8).getCell(2).value).toBeNull()
  })

  it('refuses a reversed range, a range over one year, bad dates, an unknown register, and specialists', async () => {
    const reversed = await o.clients.clerk.get(url('from=2026-11-30&to=2026-11-01'))
    expect(reversed.statusCode).toBe(400)
    expect(reversed.json().error.message).toMatch(/trước hoặc bằng/)
    const long = await o.clients.clerk.get(url('from=2025-11-01&to=2026-11-01'))
    expect(long.statusCode).toBe(400)
    expect(long.json().error.message).toMatch(/tối đa một năm/)
    expect((await o.clients.clerk.get(url('from=2025-11-02&to=2026-11-01'))).statusCode).toBe(200)
    expect((await o.clients.clerk.get(url('from=2026-11-31&to=2026-12-01'))).statusCode).toBe(400)
    expect((await o.clients.clerk.get(url('from=2026-11-01&to=2026-11-30&format=doc'))).statusCode).toBe(400)
    const unknown = await o.clients.clerk.get(
      url('from=2026-11-01&to=2026-11-30', '00000000-0000-4000-8000-000000000000'),
    )
    expect(unknown.statusCode).toBe(404)
    const other = await office(t)
    expect((await other.clients.clerk.get(url('from=2026-11-01&to=2026-11-30'))).statusCode).toBe(404)
    const specialist = await o.clients.specialist.get(url('from=2026-11-01&to=2026-11-30'))
    expect(specialist.statusCode).toBe(403)
  })
})

describe('renderRegisterPdf', () => {
  it('renders 1,000 rows quickly', async () => {
    const rows: RegisterExportRow[] = Array.from({ length: 1000 }, (_, i) => ({
      registerYear: 2026,
      registerNumber: i + 1,
      arrivedAt: new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 3), 2)),
      author: i % 2 ? 'Bộ Nông nghiệp và Môi trường' : 'Ủy ban nhân dân tỉnh An Giang',
      numberAndNotation: `${100 + i}/BNNMT-TL`,
      issueDate: '2026-01-02',
      documentTypeName: 'Công văn',
      subject: `V/v góp ý dự thảo kế hoạch thích ứng biến đổi khí hậu vùng đồng bằng sông Cửu Long, đợt ${i + 1}`,
      recipient: 'Ban Kế hoạch – Hợp tác quốc tế',
      handedOverAt: new Date(Date.UTC(2026, 0, 2 + Math.floor(i / 3), 3)),
      notes: i % 10 === 0 ? 'Hỏa tốc; trình Lãnh đạo Ủy ban' : null,
    }))
    const started = performance.now()
    const pdf = await renderRegisterPdf({
      cover: { parentOrganName: 'Ủy ban sông Mê Công Việt Nam', organName: 'Văn phòng Thường trực' },
      registerName: 'Sổ văn bản đến',
      from: '2026-01-01',
      to: '2026-12-31',
      rows,
    })
    const ms = performance.now() - started
    console.info(`register PDF: 1,000 rows in ${ms.toFixed(0)} ms, ${(pdf.length / 1024).toFixed(0)} KiB`)
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
    expect(ms).toBeLessThan(10_000)
  })
})
