import { describe, expect, it } from 'vitest'
import { HOLIDAY_SEED_YEARS, statutoryHolidays } from './holidays-data.ts'
import { lunarNewYear, lunarToSolar } from './lunar.ts'
import { isWeekend, weekday } from './working-days.ts'

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it('puts Tết Nguyên đán on the known dates', () => {
    expect(lunarNewYear(2025)).toBe('2025-01-29')
    expect(lunarNewYear(2026)).toBe('2026-02-17')
    expect(lunarNewYear(2027)).toBe('2027-02-06')
    expect(lunarNewYear(2028)).toBe('2028-01-26')
    expect(lunarNewYear(2029)).toBe('2029-02-13')
    expect(lunarNewYear(2024)).toBe('2024-02-10')
  })

  it('follows Vietnam, not China, where the new moon falls between 23:00 and midnight in Hanoi', () => {
    // New moon 2030-02-02 16:08 UTC = 23:08 in Hanoi, 00:08 on 3 February in Beijing: Tết Canh
    // Tuất is on 2 February in Vietnam (China: 3 February). Likewise 1985 and 2007, the classic cases.
    expect(lunarNewYear(2030)).toBe('2030-02-02')
    expect(lunarNewYear(1985)).toBe('1985-01-21')
    expect(lunarNewYear(2007)).toBe('2007-02-17')
  })

  it('puts Giỗ Tổ Hùng Vương (10/3 âm lịch) on the known dates, past leap months', () => {
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07') // Ất Tỵ has a leap 6th month, after the 3rd
    expect(lunarToSolar(10, 3, 2026)).toBe('2026-04-26')
    expect(lunarToSolar(10, 3, 2023)).toBe('2023-04-29') // Quý Mão has a leap 2nd month, before the 3rd
    expect(lunarToSolar(10, 3, 2024)).toBe('2024-04-18')
  })
})

describe('statutory public holidays (Labour Code 2019, Điều 112)', () => {
  it('gives the 11 statutory days of 2025 and a compensating day for the Saturday', () => {
    expect(statutoryHolidays(2025).map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-01-28', // 29 tháng Chạp
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01', // mùng 4, a Saturday …
      '2025-02-03', // … compensated on Monday
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-09-01', // 2/9 is a Tuesday: Monday 1/9 with it
      '2025-09-02',
    ])
    expect(statutoryHolidays(2025)[6]!.name).toBe('Nghỉ bù Tết Nguyên đán (mùng 4)')
  })

  it('compensates Giỗ Tổ on a Sunday (2026) and takes the day after a Wednesday 2/9', () => {
    const days = statutoryHolidays(2026)
    expect(days.find((h) => h.date === '2026-04-26')!.name).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch)')
    expect(days.find((h) => h.date === '2026-04-27')!.name).toMatch(/^Nghỉ bù Giỗ Tổ/)
    expect(days.filter((h) => h.date.startsWith('2026-09')).map((h) => h.date)).toEqual([
      '2026-09-02',
      '2026-09-03',
    ])
  })

  it('holds every year 11 statutory days plus one compensating weekday per holiday on a weekend', () => {
    for (const year of HOLIDAY_SEED_YEARS) {
      const days = statutoryHolidays(year)
      const statutory = days.filter((h) => !h.name.startsWith('Nghỉ bù'))
      const compensating = days.filter((h) => h.name.startsWith('Nghỉ bù'))
      expect(statutory, String(year)).toHaveLength(11)
      expect(compensating, String(year)).toHaveLength(statutory.filter((h) => isWeekend(h.date)).length)
      for (const c of compensating) expect(isWeekend(c.date)).toBe(false)
      expect(new Set(days.map((h) => h.date)).size).toBe(days.length)
      expect(days.every((h) => h.kind === 'holiday' && h.date.startsWith(String(year)))).toBe(true)
      const tet = lunarNewYear(year)
      expect(days.some((h) => h.date === tet && h.name === 'Tết Nguyên đán (mùng 1)')).toBe(true)
      // Quốc khánh: 2/9 and a day next to it.
      const national = statutory.filter((h) => h.name.startsWith('Quốc khánh')).map((h) => h.date)
      expect(national).toContain(`${year}-09-02`)
      expect(national.some((d) => d === `${year}-09-01` || d === `${year}-09-03`)).toBe(true)
    }
  })

  it('compensates a holiday on Saturday and the next on Sunday with two weekdays (30/4 and 1/5 in 2022)', () => {
    expect(weekday('2022-04-30')).toBe(6)
    const dates = statutoryHolidays(2022).map((h) => h.date)
    expect(dates).toEqual(expect.arrayContaining(['2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03']))
  })
})
