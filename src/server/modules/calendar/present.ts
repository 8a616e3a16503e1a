/** Calendar rows to contract shapes, and what the audit log keeps of a day. */
import type { TCalendarDay, TCalendarDayKind } from '@common/contracts/calendar'
import type { Actor } from '../../platform/context.ts'
import { calendarDayAbilities } from './policy.ts'
import type { CalendarDayRow } from './queries.ts'

export function presentCalendarDay(actor: Actor, d: CalendarDayRow): TCalendarDay {
  return {
    date: d.date,
    kind: d.kind as TCalendarDayKind,
    name: d.name,
    updatedAt: d.updatedAt.toISOString(),
    abilities: calendarDayAbilities(actor),
  }
}

/** A day's fields worth keeping in the audit log. */
export function auditCalendarDay(d: Pick<CalendarDayRow, 'kind' | 'name'>) {
  return { kind: d.kind, name: d.name }
}
