/**
 * Working-day counting on the stored calendar, for other modules (incoming documents' handling
 * deadlines) and the deadline route. Each call loads the overrides of the range it needs in one
 * query; a range that turns out too short (a long run of holidays) is widened and loaded again.
 */
import type { Executor } from '../../platform/db/client.ts'
import { loadOverrides } from './queries.ts'
import * as pure from './working-days.ts'

/** The date `days` working days after `from` (see working-days.ts for the counting rule). */
export async function addWorkingDays(db: Executor, from: string, days: number): Promise<string> {
  // Five working days a week plus room for Tết: enough on any real calendar, checked below anyway.
  let span = Math.ceil((days * 7) / 5) + 21
  for (;;) {
    const to = pure.addDays(from, span)
    const result = pure.addWorkingDays(from, days, await loadOverrides(db, from, to))
    if (result <= to) return result
    span *= 2
  }
}

/** Whether a day is a working day on the stored calendar. */
export async function isWorkingDay(db: Executor, date: string): Promise<boolean> {
  return pure.isWorkingDay(date, await loadOverrides(db, date, date))
}

/** Working days in (a, b] on the stored calendar; negative when b is before a. */
export async function workingDaysBetween(db: Executor, a: string, b: string): Promise<number> {
  const [from, to] = a <= b ? [a, b] : [b, a]
  return pure.workingDaysBetween(a, b, await loadOverrides(db, from, to))
}
