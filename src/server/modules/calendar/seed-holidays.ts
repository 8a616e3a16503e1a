/**
 * First-start data: the statutory public holidays of the given years. A year is loaded once:
 * the load is recorded as a 'calendar.holidaysSeeded' event, so a later start never puts back a
 * day the administrator removed; and a day that already has an entry (added or edited by the
 * administrator) is never overwritten.
 */
import { and, eq, inArray } from 'drizzle-orm'
import type { Tx } from '../../platform/db/client.ts'
import { events } from '../../platform/db/schema.ts'
import { recordEvent, systemEventSource } from '../../platform/events/record.ts'
import { statutoryHolidays } from './holidays-data.ts'
import { insertMissingCalendarDays, lockCalendar } from './store.ts'

const SEEDED = 'calendar.holidaysSeeded'

/** Load the statutory holidays of each year not loaded before; returns the years loaded now. */
export async function seedHolidays(tx: Tx, years: readonly number[], now = new Date()): Promise<number[]> {
  if (years.length === 0) return []
  await lockCalendar(tx)
  const done = await tx
    .select({ year: events.targetId })
    .from(events)
    .where(
      and(
        eq(events.action, SEEDED),
        eq(events.targetType, 'calendar'),
        inArray(events.targetId, years.map(String)),
      ),
    )
  const doneYears = new Set(done.map((d) => Number(d.year)))
  const loaded: number[] = []
  for (const year of years) {
    if (doneYears.has(year)) continue
    const days = statutoryHolidays(year)
    const inserted = await insertMissingCalendarDays(tx, days, now)
    const ctx = systemEventSource(tx, now, 'seed')
    await recordEvent(ctx, {
      action: SEEDED,
      targetType: 'calendar',
      targetId: String(year),
      data: { year, statutory: days.length, inserted },
    })
    loaded.push(year)
  }
  return loaded
}
