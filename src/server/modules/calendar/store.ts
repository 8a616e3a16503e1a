/** Write side of the calendar. */
import { eq, sql } from 'drizzle-orm'
import type { TCalendarDayKind } from '@common/contracts/calendar'
import type { Executor } from '../../platform/db/client.ts'
import { calendarDays } from '../../platform/db/schema.ts'

/** Serialises calendar writers (a key of its own among the application's advisory locks). */
const CALENDAR_LOCK_KEY = 7_300_301

export type CalendarDayValues = { date: string; kind: TCalendarDayKind; name: string }

/** Create the entry of a day or replace its kind and name. */
export async function upsertCalendarDay(db: Executor, values: CalendarDayValues, now: Date): Promise<void> {
  await db
    .insert(calendarDays)
    .values({ ...values, updatedAt: now })
    .onConflictDoUpdate({
      target: calendarDays.date,
      set: { kind: values.kind, name: values.name, updatedAt: now },
    })
}

/** Add entries for days that have none; a day already present (maybe edited by the admin) is left as it is. */
export async function insertMissingCalendarDays(
  db: Executor,
  values: readonly CalendarDayValues[],
  now: Date,
): Promise<number> {
  if (values.length === 0) return 0
  const inserted = await db
    .insert(calendarDays)
    .values(values.map((v) => ({ ...v, updatedAt: now })))
    .onConflictDoNothing({ target: calendarDays.date })
    .returning({ date: calendarDays.date })
  return inserted.length
}

export async function deleteCalendarDay(db: Executor, date: string): Promise<void> {
  await db.delete(calendarDays).where(eq(calendarDays.date, date))
}

/** Taken by every writer, so two admins editing one day leave a consistent before/after in the log. */
export async function lockCalendar(db: Executor): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK_KEY})`)
}
