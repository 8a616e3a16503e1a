/** The administrator removes a holiday or compensating working day: the day follows the weekly rule again. */
import type { Ctx } from '../../../platform/context.ts'
import { notFound } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { assertCanManageCalendar } from '../policy.ts'
import { auditCalendarDay } from '../present.ts'
import { findCalendarDay } from '../queries.ts'
import { deleteCalendarDay, lockCalendar } from '../store.ts'

/** Remove the entry of one day; records calendar.dayRemoved with what it was. */
export async function removeCalendarDay(ctx: Ctx, input: { date: string }): Promise<void> {
  assertCanManageCalendar(ctx.actor)
  await lockCalendar(ctx.tx)
  const before = await findCalendarDay(ctx.tx, input.date)
  if (!before) throw notFound('calendar day')
  await deleteCalendarDay(ctx.tx, input.date)
  await recordEvent(ctx, {
    action: 'calendar.dayRemoved',
    targetType: 'calendarDay',
    targetId: input.date,
    data: { before: auditCalendarDay(before) },
  })
}
