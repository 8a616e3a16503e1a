/**
 * The outgoing register (sổ đăng ký văn bản đi, Decree 30/2020/NĐ-CP Annex IV) for a date range,
 * to print (PDF, landscape A4, Times New Roman metrics) or export (XLSX): the ten columns of the
 * paper register, in number order. Cancelled numbers are printed as such: no silent hole.
 */
import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib'
import type { TOutgoingRegisterExportQuery } from '@common/contracts/documents-out'
import { documentTypeByCode } from '@common/document-types'
import { globalCan } from '../accounts/index.ts'
import type { Ctx } from '../../platform/context.ts'
import { queryRows } from '../../platform/db/client.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import { recordEvent } from '../../platform/events/record.ts'
import { embedSerif, wrapText } from '../../platform/pdf/fonts.ts'
import { vnDate } from './dates.ts'
import { findRegisterForYear } from './lookups.ts'

export type OutgoingRegisterRow = {
  number: number
  numberAndNotation: string
  issueDate: string | null
  documentType: string
  subject: string
  signerName: string | null
  recipients: string | null
  drafterUnit: string | null
  issuedAt: Date | string | null
  state: string
  cancelReason: string | null
}

export type OutgoingRegisterExport = {
  registerName: string
  from: string
  to: string
  rows: OutgoingRegisterRow[]
}

const COLUMNS: { title: string; width: number; value: (r: OutgoingRegisterRow) => string }[] = [
  { title: 'Số, ký hiệu văn bản', width: 80, value: (r) => r.numberAndNotation },
  { title: 'Ngày tháng văn bản', width: 60, value: (r) => vnDay(r.issueDate) },
  {
    title: 'Tên loại và trích yếu nội dung',
    width: 190,
    value: (r) => `${documentTypeByCode(r.documentType)?.name ?? r.documentType}: ${r.subject}`,
  },
  { title: 'Người ký', width: 80, value: (r) => r.signerName ?? '' },
  { title: 'Nơi nhận văn bản', width: 120, value: (r) => r.recipients ?? '' },
  {
    title: 'Đơn vị, người nhận bản lưu',
    width: 80,
    value: (r) => (r.drafterUnit ? `VT, ${r.drafterUnit}` : 'VT'),
  },
  { title: 'Số lượng bản', width: 40, value: (r) => (r.state === 'cancelled' ? '' : '1') },
  { title: 'Ngày chuyển', width: 55, value: (r) => (r.issuedAt ? vnDay(vnDate(new Date(r.issuedAt))) : '') },
  { title: 'Ký nhận', width: 45, value: () => '' },
  {
    title: 'Ghi chú',
    width: 80,
    value: (r) =>
      r.state === 'cancelled'
        ? `Hủy số: ${r.cancelReason ?? ''}`
        : r.state === 'recalled'
          ? 'Đã thu hồi'
          : '',
  },
]

function vnDay(day: string | null): string {
  if (!day) return ''
  const [y, m, d] = day.split('-')
  return `${d}/${m}/${y}`
}

export function outgoingRegisterFilename(
  name: string,
  from: string,
  to: string,
  ext: 'pdf' | 'xlsx',
): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `${slug || 'so-van-ban-di'}-${from}-${to}.${ext}`
}

/** Read the register for [from, to] (at most a year) and record the access. */
export async function exportOutgoingRegister(
  ctx: Ctx,
  input: TOutgoingRegisterExportQuery & { id: string },
): Promise<OutgoingRegisterExport> {
  if (input.from > input.to)
    throw new AppError('BAD_REQUEST', { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc' })
  if (Number(input.to.slice(0, 4)) - Number(input.from.slice(0, 4)) > 1)
    throw new AppError('BAD_REQUEST', { message: 'Chỉ in hoặc xuất sổ cho khoảng thời gian tối đa một năm' })
  const register = await findRegisterForYear(ctx.tx, input.id, Number(input.from.slice(0, 4)))
  if (
    !register ||
    register.organizationId !== ctx.actor.organizationId ||
    !globalCan(ctx.actor, 'registers.manage')
  )
    throw notFound('register')
  if (register.kind !== 'outgoing')
    throw new AppError('BAD_REQUEST', { message: 'Chỉ in được sổ văn bản đi' })
  const rows = await queryRows<OutgoingRegisterRow>(
    ctx.tx,
    sql`SELECT l.number, l.number_and_notation AS "numberAndNotation", d.issue_date::text AS "issueDate", d.document_type AS "documentType",
        d.subject, d.signer_name AS "signerName",
        (SELECT string_agg(r.name, '; ' ORDER BY r.position) FROM outgoing_recipients r WHERE r.document_id = d.id) AS recipients,
        un.short_name AS "drafterUnit", o.issued_at AS "issuedAt",
        CASE WHEN l.state = 'cancelled' THEN 'cancelled' ELSE d.state END AS state, l.reason AS "cancelReason"
      FROM register_number_log l
      JOIN documents d ON d.id = l.document_id
      JOIN outgoing_details o ON o.document_id = d.id
      LEFT JOIN units un ON un.id = o.drafter_unit_id
      WHERE l.register_id = ${register.id}
        AND (l.assigned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${input.from}::date AND ${input.to}::date
      ORDER BY l.year, l.number`,
  )
  await recordEvent(ctx, {
    action: 'register.exported',
    targetType: 'register',
    targetId: register.id,
    data: { format: input.format, from: input.from, to: input.to, rowCount: rows.length },
  })
  return { registerName: register.name, from: input.from, to: input.to, rows }
}

const MM = 72 / 25.4

export async function renderOutgoingRegisterPdf(e: OutgoingRegisterExport): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const regular = await embedSerif(pdf, 'regular')
  const bold = await embedSerif(pdf, 'bold')
  const [W, H] = [297 * MM, 210 * MM]
  const left = 30 * MM
  const width = W - left - 15 * MM
  const total = COLUMNS.reduce((s, c) => s + c.width, 0)
  const widths = COLUMNS.map((c) => (c.width / total) * width)
  const size = 9
  const line = 11
  let page = pdf.addPage([W, H])
  let y = H - 20 * MM
  const title = `${e.registerName.toUpperCase()} (từ ngày ${vnDay(e.from)} đến ngày ${vnDay(e.to)})`
  page.drawText(title, { x: (W - bold.widthOfTextAtSize(title, 12)) / 2, y, size: 12, font: bold })
  y -= 24
  const drawRow = (cells: string[], font: PDFFont) => {
    const wrapped = cells.map((c, i) => wrapText(c, font, size, widths[i]! - 6))
    const height = Math.max(...wrapped.map((w) => w.length)) * line + 6
    if (y - height < 20 * MM) {
      page = pdf.addPage([W, H])
      y = H - 20 * MM
    }
    let x = left
    wrapped.forEach((lines, i) => {
      page.drawRectangle({
        x,
        y: y - height,
        width: widths[i]!,
        height,
        borderColor: rgb(0, 0, 0),
        borderWidth: 0.5,
      })
      lines.forEach((l, j) => page.drawText(l, { x: x + 3, y: y - 3 - (j + 1) * line + 2, size, font }))
      x += widths[i]!
    })
    y -= height
  }
  drawRow(
    COLUMNS.map((c) => c.title),
    bold,
  )
  drawRow(
    COLUMNS.map((_, i) => `(${i + 1})`),
    regular,
  )
  for (const r of e.rows)
    drawRow(
      COLUMNS.map((c) => c.value(r)),
      regular,
    )
  return pdf.save()
}

export async function writeOutgoingRegisterXlsx(e: OutgoingRegisterExport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Mekong eOffice'
  const ws = wb.addWorksheet('Sổ văn bản đi', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  ws.columns = COLUMNS.map((c) => ({ width: Math.round(c.width / 5) }))
  ws.mergeCells(1, 1, 1, COLUMNS.length)
  ws.getCell(1, 1).value =
    `${e.registerName.toUpperCase()} (từ ngày ${vnDay(e.from)} đến ngày ${vnDay(e.to)})`
  ws.getCell(1, 1).font = { name: 'Times New Roman', size: 13, bold: true }
  ws.addRow(COLUMNS.map((c) => c.title)).font = { name: 'Times New Roman', bold: true }
  for (const r of e.rows) ws.addRow(COLUMNS.map((c) => c.value(r))).font = { name: 'Times New Roman' }
  ws.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }))
  return Buffer.from(await wb.xlsx.writeBuffer())
}
