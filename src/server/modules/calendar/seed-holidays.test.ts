import { and, eq, gte, lte } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calendarDays, events } from '../../platform/db/schema.ts'
import type { Database } from '../../platform/db/client.ts'
import { openIsolatedDatabase } from '../../test/harness.ts'
import { statutoryHolidays } from './holidays-data.ts'
import { HOLIDAY_SEED_YEARS, seedHolidays } from './index.ts'

// A database of its own: seeding writes the real years, which other test files must not see.
let database: Database & { drop(): Promise<void> }
beforeAll(async () => {
  database = await openIsolatedDatabase()
})
afterAll(async () => database.drop())

const seed = (years: readonly number[]) => database.db.transaction((tx) => seedHolidays(tx, years))
const daysOf = (year: number) =>
  database.db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
    .orderBy(calendarDays.date)

describe('seeding the public holidays', () => {
  it('loads every seeded year once and records it', async () => {
    expect(await seed(HOLIDAY_SEED_YEARS)).toEqual([...HOLIDAY_SEED_YEARS])
    for (const year of HOLIDAY_SEED_YEARS) {
      expect((await daysOf(year)).map((d) => d.date)).toEqual(statutoryHolidays(year).map((h) => h.date))
    }
    const recorded = await database.db
      .select()
      .from(events)
      .where(eq(events.action, 'calendar.holidaysSeeded'))
    expect(recorded.map((e) => e.targetId)).toEqual(HOLIDAY_SEED_YEARS.map(String))
    expect(await seed(HOLIDAY_SEED_YEARS)).toEqual([])
  })

  it('never overwrites an edited day nor brings back a removed one', async () => {
    const [first, second] = statutoryHolidays(2026)
    await database.db
      .update(calendarDays)
      .set({ name: 'Tết Dương lịch (đã sửa theo thông báo)' })
      .where(eq(calendarDays.date, first!.date))
    await database.db.delete(calendarDays).where(eq(calendarDays.date, second!.date))
    expect(await seed(HOLIDAY_SEED_YEARS)).toEqual([])
    const days = await daysOf(2026)
    expect(days.find((d) => d.date === first!.date)!.name).toBe('Tết Dương lịch (đã sửa theo thông báo)')
    expect(days.some((d) => d.date === second!.date)).toBe(false)
  })

  it('adds a new year around the days the administrator already entered', async () => {
    await database.db.insert(calendarDays).values([
      { date: '2031-01-01', kind: 'holiday', name: 'Tết Dương lịch 2031 (nhập tay)' },
      { date: '2031-01-18', kind: 'working_day', name: 'Làm bù' },
    ])
    expect(await seed([2031])).toEqual([2031])
    const days = await daysOf(2031)
    expect(days.find((d) => d.date === '2031-01-01')!.name).toBe('Tết Dương lịch 2031 (nhập tay)')
    expect(days.find((d) => d.date === '2031-01-18')!.kind).toBe('working_day')
    expect(days).toHaveLength(statutoryHolidays(2031).length + 1)
  })
})
