/**
 * The paper layout of the incoming register (Decree 30/2020, Annex IV, sổ đăng ký văn bản đến):
 * its ten columns, the cover lines, and the file name. Shared by the PDF and the XLSX writers.
 */
import { vnDate } from '../dates.ts'
import type { RegisterCover, RegisterExportRow } from './rows.ts'

export type RegisterExport = {
  cover: RegisterCover
  registerName: string
  from: string
  to: string
  rows: RegisterExportRow[]
}

export type ColumnValue = { text: string; date?: string | null }

export type RegisterColumn = {
  title: string
  /** Relative width: points on the landscape A4 page before scaling, characters in the sheet. */
  width: number
  align: 'left' | 'center'
  value(row: RegisterExportRow): ColumnValue
}

/** dd/mm/yyyy of a yyyy-mm-dd day. */
export function vnDay(day: string | null): string {
  if (!day) return ''
  const [y, m, d] = day.split('-')
  return `${d}/${m}/${y}`
}

const dateOf = (day: string | null): ColumnValue => ({ text: vnDay(day), date: day })

export const REGISTER_COLUMNS: RegisterColumn[] = [
  { title: 'Ngày đến', width: 64, align: 'center', value: (r) => dateOf(vnDate(r.arrivedAt)) },
  { title: 'Số đến', width: 40, align: 'center', value: (r) => ({ text: String(r.registerNumber) }) },
  { title: 'Tác giả', width: 100, align: 'left', value: (r) => ({ text: r.author }) },
  { title: 'Số, ký hiệu', width: 78, align: 'left', value: (r) => ({ text: r.numberAndNotation ?? '' }) },
  { title: 'Ngày tháng văn bản', width: 64, align: 'center', value: (r) => dateOf(r.issueDate) },
  {
    title: 'Tên loại và trích yếu nội dung',
    width: 200,
    align: 'left',
    value: (r) => ({ text: `${r.documentTypeName} ${r.subject}` }),
  },
  { title: 'Đơn vị hoặc người nhận', width: 90, align: 'left', value: (r) => ({ text: r.recipient ?? '' }) },
  {
    title: 'Ngày chuyển',
    width: 64,
    align: 'center',
    value: (r) => dateOf(r.handedOverAt ? vnDate(r.handedOverAt) : null),
  },
  { title: 'Ký nhận', width: 48, align: 'center', value: () => ({ text: '' }) },
  { title: 'Ghi chú', width: 60, align: 'left', value: (r) => ({ text: r.notes ?? '' }) },
]

/** The cover's lines after the organ names (Annex IV: register name, year, date range, number range). */
export function coverLines(e: RegisterExport): { year: string; dates: string; numbers: string } {
  const fromYear = e.from.slice(0, 4)
  const toYear = e.to.slice(0, 4)
  const first = e.rows[0]
  const last = e.rows[e.rows.length - 1]
  return {
    year: fromYear === toYear ? `Năm ${fromYear}` : `Năm ${fromYear} – ${toYear}`,
    dates: `Từ ngày ${vnDay(e.from)} đến ngày ${vnDay(e.to)}`,
    numbers:
      first && last
        ? `Từ số ${first.registerNumber} đến số ${last.registerNumber}`
        : 'Không có văn bản đến trong khoảng thời gian này',
  }
}

/** so-van-ban-den-2026-11-01-2026-11-30.pdf: the register's name without diacritics, then the range. */
export function exportFilename(registerName: string, from: string, to: string, ext: 'pdf' | 'xlsx'): string {
  const slug =
    registerName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'so-van-ban'
  return `${slug}-${from}-${to}.${ext}`
}
