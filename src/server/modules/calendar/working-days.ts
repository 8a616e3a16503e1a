/**
 * Working days on the calendar of weekends, public holidays and compensating working days. Pure.
 *
 * Dates are 'yyyy-mm-dd' strings meaning a day in Vietnam (Asia/Ho_Chi_Minh). Arithmetic runs on
 * the string's parts as UTC day numbers, never through a local-time Date, so the server's time
 * zone cannot move a day.
 *
 * Counting "x ngày làm việc" follows the Civil Code 2015 (Bộ luật Dân sự 2015), the usual rule
 * for administrative deadlines too: the day of the event is not counted, counting starts the
 * next day (Điều 147 khoản 2); a deadline that would end on a weekly rest day or a public holiday
 * ends on the next working day (Điều 148 khoản 5). So a document received on Friday with
 * "3 ngày làm việc" is due on Wednesday, and 0 days means the day itself if it is a working day,
 * else the next working day (the "same day, at the latest the next working day" rule).
 */
import type { TCalendarDayKind } from '@common/contracts/calendar'

/** Days the calendar table overrides: 'holiday' on a weekday, 'working_day' on a weekend. */
export type CalendarOverrides = ReadonlyMap<string, TCalendarDayKind>

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The UTC day number (days since 1970-01-01) of a 'yyyy-mm-dd' date; throws on anything else. */
export function dayNumber(date: string): number {
  const m = ISO_DATE.exec(date)
  if (!m) throw new RangeError(`Not a yyyy-mm-dd date: ${date}`)
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(year, month - 1, day)
  // Date.UTC maps years 0–99 to 1900–1999 and rolls 02-30 over to March: both are refused.
  if (year < 1000 || new Date(ms).getUTCMonth() !== month - 1 || new Date(ms).getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${date}`)
  }
  return ms / DAY_MS
}

/** The 'yyyy-mm-dd' date of a UTC day number. */
export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10)
}

/** The date `days` calendar days after (or before, if negative) `date`. */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(dayNumber(date) * DAY_MS).getUTCDay()
}

/** Saturday or Sunday: the weekly rest days of state agencies (5-day week, Quyết định 188/1999/QĐ-TTg). */
export function isWeekend(date: string): boolean {
  const d = weekday(date)
  return d === 0 || d === 6
}

/** Mon–Fri are working unless marked 'holiday'; Sat–Sun are off unless marked 'working_day'. */
export function isWorkingDay(date: string, overrides: CalendarOverrides): boolean {
  const kind = overrides.get(date)
  if (isWeekend(date)) return kind === 'working_day'
  return kind !== 'holiday'
}

/** The first working day on or after `date`. */
export function nextWorkingDayFrom(date: string, overrides: CalendarOverrides): string {
  let n = dayNumber(date)
  while (!isWorkingDay(fromDayNumber(n), overrides)) n++
  return fromDayNumber(n)
}

/**
 * The date `n` working days after `from` (`from` itself not counted); n = 0 gives `from` when it
 * is a working day, else the next working day. See the file comment for the legal basis.
 */
export function addWorkingDays(from: string, n: number, overrides: CalendarOverrides): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`)
  if (n === 0) return nextWorkingDayFrom(from, overrides)
  let day = dayNumber(from)
  for (let left = n; left > 0;) {
    day++
    if (isWorkingDay(fromDayNumber(day), overrides)) left--
  }
  return fromDayNumber(day)
}

/**
 * Working days in (a, b]: after a, up to and including b. The inverse of addWorkingDays
 * (workingDaysBetween(a, addWorkingDays(a, n)) = n for n ≥ 1); negative when b is before a.
 */
export function workingDaysBetween(a: string, b: string, overrides: CalendarOverrides): number {
  const start = dayNumber(a)
  const end = dayNumber(b)
  if (end < start) return -workingDaysBetween(b, a, overrides)
  let count = 0
  for (let day = start + 1; day <= end; day++) if (isWorkingDay(fromDayNumber(day), overrides)) count++
  return count
}

/** Today's date in Vietnam (UTC+7 all year, no daylight saving time) at the instant `now`. */
export function todayInVietnam(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
}
