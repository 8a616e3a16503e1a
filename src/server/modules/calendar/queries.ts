/** Read side of the calendar: the days of a year, and the overrides of a date range for counting. */
import { and, asc, eq, gte, lte } from 'drizzle-orm'
import type { TCalendarDayKind } from '@common/contracts/calendar'
import type { Executor } from '../../platform/db/client.ts'
import { calendarDays } from '../../platform/db/schema.ts'
import type { CalendarOverrides } from './working-days.ts'

export type CalendarDayRow = typeof calendarDays.$inferSelect

export async function findCalendarDay(db: Executor, date: string): Promise<CalendarDayRow | undefined> {
  const [row] = await db.select().from(calendarDays).where(eq(calendarDays.date, date))
  return row
}

/** Every entry between two dates (inclusive), in date order. */
export async function listCalendarDays(db: Executor, from: string, to: string): Promise<CalendarDayRow[]> {
  return db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.date, from), lte(calendarDays.date, to)))
    .orderBy(asc(calendarDays.date))
}

/** The overrides between two dates (inclusive), for the pure working-day functions. One query. */
export async function loadOverrides(db: Executor, from: string, to: string): Promise<CalendarOverrides> {
  const rows = await db
    .select({ date: calendarDays.date, kind: calendarDays.kind })
    .from(calendarDays)
    .where(and(gte(calendarDays.date, from), lte(calendarDays.date, to)))
  return new Map(rows.map((r) => [r.date, r.kind as TCalendarDayKind]))
}
