/**
 * Reading one cell of the export: text, whole numbers and dates as the previous system wrote them
 * (dd/mm/yyyy, yyyy-mm-dd, "ngày 05 tháng 01 năm 2020", Excel dates and serial numbers). Each
 * reader returns the value or the Vietnamese reason it is refused.
 */
import { fold } from './fold.ts'

/** What a parsed table holds in a cell: CSV gives text; Excel also gives numbers and dates. */
export type Cell = string | number | Date | null

export type Read<T> = { value: T } | { error: string }

/** The earliest year a document of the committee's predecessors can carry. */
const FIRST_YEAR = 1945

/** A cell as the text a person sees ('' for empty). */
export function cellText(cell: Cell): string {
  if (cell === null) return ''
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10)
  if (typeof cell === 'number') return String(cell)
  return cell.replace(/\u00a0/g, ' ').trim()
}

function quoted(cell: Cell): string {
  const text = cellText(cell)
  return `'${text.length > 60 ? `${text.slice(0, 57)}…` : text}'`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export type DayTime = { date: string; time: string | null }

function checkedDay(
  cell: Cell,
  y: number,
  m: number,
  d: number,
  time: string | null,
  maxYear: number,
): Read<DayTime> {
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return { error: `${quoted(cell)} không phải ngày hợp lệ` }
  if (y < FIRST_YEAR || y > maxYear)
    return { error: `${quoted(cell)}: năm ${y} nằm ngoài khoảng ${FIRST_YEAR}–${maxYear}` }
  return { value: { date: `${y}-${pad(m)}-${pad(d)}`, time } }
}

/** The time of day "hh:mm", null when absent, undefined when impossible (25:00). */
function hhmm(h: string | undefined, min: string | undefined): string | null | undefined {
  if (h === undefined || min === undefined) return null
  const hours = Number(h)
  const minutes = Number(min)
  if (hours > 23 || minutes > 59) return undefined
  return `${pad(hours)}:${pad(minutes)}`
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?:[ T,]+(\d{1,2})[:h](\d{2})(?::\d{2})?)?$/
const YMD =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const WORDS = /^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$/
/** Excel's day 1 is 1900-01-01 with its 1900 leap-year bug; serial 25569 is 1970-01-01. */
const EXCEL_EPOCH_SERIAL = 25569

/**
 * A calendar day (and the time of day when the cell has one). Excel dates come as Date objects in
 * UTC (exceljs reads the serial day that way); plain numbers are taken as Excel serial days.
 */
export function readDay(cell: Cell, maxYear: number): Read<DayTime> | null {
  if (cell === null) return null
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { error: 'Ô ngày tháng của Excel không đọc được' }
    const time =
      cell.getUTCHours() || cell.getUTCMinutes()
        ? `${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}`
        : null
    return checkedDay(cell, cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate(), time, maxYear)
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465)
      return { error: `${quoted(cell)} không phải ngày hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd)` }
    return readDay(new Date(Math.round((cell - EXCEL_EPOCH_SERIAL) * 86_400_000)), maxYear)
  }
  const text = cellText(cell)
  if (!text) return null
  const dmy = DMY.exec(text)
  if (dmy) {
    if (dmy[3]!.length !== 4) return { error: `${quoted(cell)}: năm phải đủ 4 chữ số (dd/mm/yyyy)` }
    const time = hhmm(dmy[4], dmy[5])
    if (time === undefined) return { error: `${quoted(cell)}: giờ không hợp lệ` }
    return checkedDay(cell, Number(dmy[3]), Number(dmy[2]), Number(dmy[1]), time, maxYear)
  }
  const ymd = YMD.exec(text)
  if (ymd) {
    const time = hhmm(ymd[4], ymd[5])
    if (time === undefined) return { error: `${quoted(cell)}: giờ không hợp lệ` }
    return checkedDay(cell, Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), time, maxYear)
  }
  const words = WORDS.exec(fold(text))
  if (words) return checkedDay(cell, Number(words[3]), Number(words[2]), Number(words[1]), null, maxYear)
  return { error: `${quoted(cell)} không phải ngày hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd)` }
}

/** A whole number from min to max ("12", "012", 12 in Excel). */
export function readWhole(cell: Cell, min: number, max: number): Read<number> | null {
  if (cell === null) return null
  let n: number
  if (typeof cell === 'number') n = cell
  else {
    const text = cellText(cell)
    if (!text) return null
    if (!/^\d+$/.test(text)) return { error: `${quoted(cell)} không phải số nguyên dương` }
    n = Number(text)
  }
  if (!Number.isInteger(n)) return { error: `${quoted(cell)} không phải số nguyên dương` }
  if (n < min || n > max) return { error: `${quoted(cell)} phải từ ${min} đến ${max}` }
  return { value: n }
}

/** Text up to max characters (NFC, single-line spaces kept as written), or null when empty. */
export function readText(cell: Cell, max: number): Read<string> | null {
  const text = cellText(cell).normalize('NFC')
  if (!text) return null
  if (text.length > max) return { error: `dài ${text.length} ký tự, tối đa ${max}` }
  return { value: text }
}
