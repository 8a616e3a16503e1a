/**
 * Vietnam's public holidays as data, by the rules of the Labour Code 2019 (Bộ luật Lao động
 * 45/2019/QH14), Điều 112, which also applies to civil servants:
 *
 * - Tết Dương lịch: 1 day (1 January);
 * - Tết Âm lịch: 5 days. The Prime Minister fixes the exact days every year; the statutory
 *   default seeded here is the usual one: the last day of the lunar year and the first four days
 *   of the new one;
 * - Ngày Chiến thắng: 1 day (30 April);
 * - Ngày Quốc tế lao động: 1 day (1 May);
 * - Quốc khánh: 2 days (2 September and one adjacent day, before or after, also fixed by the
 *   Prime Minister; here the one that makes the longer break with the weekend);
 * - Giỗ Tổ Hùng Vương: 1 day (10th day of the 3rd lunar month).
 *
 * Khoản 3: a holiday that falls on a weekly rest day is compensated by the next working day
 * (nghỉ bù). The yearly announcement may instead move days and add compensating working
 * Saturdays; the administrator applies it on the calendar page, and seeding never overwrites a day.
 */
import type { TCalendarDayKind } from '@common/contracts/calendar'
import { lunarNewYear, lunarToSolar } from './lunar.ts'
import { addDays, dayNumber, isWeekend, weekday } from './working-days.ts'

export type HolidaySeed = { date: string; kind: TCalendarDayKind; name: string }

/** The years seeded at start: the current term of data; later years are added by a later release or the admin. */
export const HOLIDAY_SEED_YEARS = [2025, 2026, 2027, 2028, 2029, 2030] as const

const mmdd = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

/** The day taken with 2 September: Monday → Tuesday 3/9, Tuesday → Monday 1/9, and so on. */
function nationalDayCompanion(year: number): string {
  const nationalDay = mmdd(year, 9, 2)
  // Sunday, Monday, Wednesday, Thursday: the day after; Tuesday, Friday, Saturday: the day before.
  const after = [0, 1, 3, 4].includes(weekday(nationalDay))
  return addDays(nationalDay, after ? 1 : -1)
}

/** The last day of the lunar year before Tết of `year`: 29 or 30 of the 12th month (tháng Chạp). */
function lunarNewYearsEveName(year: number, tet: string): string {
  const length = dayNumber(tet) - dayNumber(lunarToSolar(1, 12, year - 1))
  return length === 29 || length === 30
    ? `Tết Nguyên đán (${length} tháng Chạp)`
    : 'Tết Nguyên đán (ngày cuối năm âm lịch)'
}

/** The statutory holidays of a year, before compensation. */
function statutoryDays(year: number): HolidaySeed[] {
  const tet = lunarNewYear(year)
  const holiday = (date: string, name: string): HolidaySeed => ({ date, kind: 'holiday', name })
  return [
    holiday(mmdd(year, 1, 1), 'Tết Dương lịch'),
    holiday(addDays(tet, -1), lunarNewYearsEveName(year, tet)),
    ...[1, 2, 3, 4].map((n) => holiday(addDays(tet, n - 1), `Tết Nguyên đán (mùng ${n})`)),
    holiday(lunarToSolar(10, 3, year), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    holiday(mmdd(year, 4, 30), 'Ngày Chiến thắng (30/4)'),
    holiday(mmdd(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)'),
    holiday(mmdd(year, 9, 2), 'Quốc khánh (2/9)'),
    holiday(nationalDayCompanion(year), 'Quốc khánh (ngày liền kề 2/9)'),
  ]
}

/**
 * The public holidays of a year with their compensating days off (Điều 112 khoản 3): a holiday
 * on a Saturday or Sunday, or on another holiday, gives the next weekday that is not a holiday.
 */
export function statutoryHolidays(year: number): HolidaySeed[] {
  const days = new Map<string, HolidaySeed>()
  const toCompensate: HolidaySeed[] = []
  for (const h of statutoryDays(year)) {
    if (days.has(h.date)) toCompensate.push(h)
    else {
      days.set(h.date, h)
      if (isWeekend(h.date)) toCompensate.push(h)
    }
  }
  for (const h of toCompensate.sort((a, b) => a.date.localeCompare(b.date))) {
    let date = addDays(h.date, 1)
    while (isWeekend(date) || days.has(date)) date = addDays(date, 1)
    days.set(date, { date, kind: 'holiday', name: `Nghỉ bù ${h.name}` })
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date))
}
