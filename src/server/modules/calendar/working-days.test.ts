import { describe, expect, it } from 'vitest'
import {
  addDays,
  addWorkingDays,
  dayNumber,
  isWorkingDay,
  todayInVietnam,
  weekday,
  workingDaysBetween,
  type CalendarOverrides,
} from './working-days.ts'

const none: CalendarOverrides = new Map()
/** Tết 2026 as seeded (29 tháng Chạp Mon 16/2 … mùng 4 Fri 20/2), with a made-up compensating Saturday 28/2. */
const tet2026: CalendarOverrides = new Map([
  ['2026-02-16', 'holiday'],
  ['2026-02-17', 'holiday'],
  ['2026-02-18', 'holiday'],
  ['2026-02-19', 'holiday'],
  ['2026-02-20', 'holiday'],
  ['2026-02-28', 'working_day'],
])
/** New year: Thursday 1/1/2026 is a holiday. */
const newYear2026: CalendarOverrides = new Map([['2026-01-01', 'holiday']])

describe('dates as yyyy-mm-dd strings', () => {
  it('does day arithmetic on UTC day numbers, across months, years and leap days', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(weekday('2026-02-17')).toBe(2)
    expect(weekday('2025-01-29')).toBe(3)
  })

  it('refuses what is not a real date', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-5', '26-01-05', '0099-01-01', 'today'])
      expect(() => dayNumber(bad), bad).toThrow(RangeError)
  })

  it('gives the same answers whatever the process time zone', () => {
    // The test run has TZ=UTC; nothing here reads local time, and Vietnam's date comes from UTC+7.
    expect(todayInVietnam(new Date('2026-02-16T16:59:59Z'))).toBe('2026-02-16')
    expect(todayInVietnam(new Date('2026-02-16T17:00:00Z'))).toBe('2026-02-17')
    expect(todayInVietnam(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01')
  })
})

describe('isWorkingDay', () => {
  it('takes Monday to Friday, unless a holiday; Saturday and Sunday only when marked worked', () => {
    expect(isWorkingDay('2026-02-13', tet2026)).toBe(true) // Friday before Tết
    expect(isWorkingDay('2026-02-14', tet2026)).toBe(false) // Saturday
    expect(isWorkingDay('2026-02-17', tet2026)).toBe(false) // mùng 1
    expect(isWorkingDay('2026-02-28', tet2026)).toBe(true) // compensating Saturday
    expect(isWorkingDay('2026-02-28', none)).toBe(false)
    expect(isWorkingDay('2026-03-01', tet2026)).toBe(false) // Sunday
    // A 'working_day' row on a weekday, or a 'holiday' row on a weekend, changes nothing.
    expect(isWorkingDay('2026-02-23', new Map([['2026-02-23', 'working_day']]))).toBe(true)
    expect(isWorkingDay('2026-02-22', new Map([['2026-02-22', 'holiday']]))).toBe(false)
  })
})

describe('addWorkingDays ("x ngày làm việc")', () => {
  it('does not count the starting day and skips weekends', () => {
    expect(addWorkingDays('2026-03-06', 1, none)).toBe('2026-03-09') // Friday + 1 → Monday
    expect(addWorkingDays('2026-03-06', 3, none)).toBe('2026-03-11') // Friday + 3 → Wednesday
    expect(addWorkingDays('2026-03-07', 1, none)).toBe('2026-03-09') // Saturday + 1 → Monday
    expect(addWorkingDays('2026-03-02', 5, none)).toBe('2026-03-09') // a whole week
  })

  it('jumps over the Tết week and counts a compensating Saturday', () => {
    expect(addWorkingDays('2026-02-13', 1, tet2026)).toBe('2026-02-23')
    expect(addWorkingDays('2026-02-12', 2, tet2026)).toBe('2026-02-23')
    expect(addWorkingDays('2026-02-17', 0, tet2026)).toBe('2026-02-23')
    // Mon 23 … Fri 27 are 1…5, Saturday 28 (worked) is 6, Monday 2/3 is 7.
    expect(addWorkingDays('2026-02-20', 6, tet2026)).toBe('2026-02-28')
    expect(addWorkingDays('2026-02-20', 7, tet2026)).toBe('2026-03-02')
    expect(addWorkingDays('2026-02-20', 6, none)).toBe('2026-03-02')
  })

  it('crosses the year boundary over the New Year holiday', () => {
    // Wednesday 31/12/2025 + 1: Thursday 1/1 is a holiday → Friday 2/1.
    expect(addWorkingDays('2025-12-31', 1, newYear2026)).toBe('2026-01-02')
    // + 2: the weekend 3–4/1 too → Monday 5/1.
    expect(addWorkingDays('2025-12-31', 2, newYear2026)).toBe('2026-01-05')
    expect(addWorkingDays('2025-12-26', 4, newYear2026)).toBe('2026-01-02')
  })

  it('with 0 days gives the day itself if it is a working day, else the next working day', () => {
    expect(addWorkingDays('2026-03-04', 0, none)).toBe('2026-03-04')
    expect(addWorkingDays('2026-03-07', 0, none)).toBe('2026-03-09')
    expect(addWorkingDays('2026-01-01', 0, newYear2026)).toBe('2026-01-02')
    expect(addWorkingDays('2026-02-28', 0, tet2026)).toBe('2026-02-28')
  })

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-03-04', -1, none)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-03-04', 1.5, none)).toThrow(RangeError)
  })
})

describe('workingDaysBetween', () => {
  it('counts working days after a up to and including b, the inverse of addWorkingDays', () => {
    expect(workingDaysBetween('2026-03-06', '2026-03-11', none)).toBe(3)
    expect(workingDaysBetween('2026-03-06', '2026-03-06', none)).toBe(0)
    expect(workingDaysBetween('2026-03-11', '2026-03-06', none)).toBe(-3)
    expect(workingDaysBetween('2026-02-13', '2026-02-23', tet2026)).toBe(1)
    expect(workingDaysBetween('2025-12-31', '2026-01-05', newYear2026)).toBe(2)
    for (const from of ['2026-02-11', '2026-02-14', '2026-02-18', '2025-12-30'])
      for (const n of [1, 2, 5, 9, 23]) {
        const overrides = new Map([...tet2026, ...newYear2026])
        expect(workingDaysBetween(from, addWorkingDays(from, n, overrides), overrides)).toBe(n)
      }
  })
})
