/**
 * The administrator marks a day as a public holiday or as a compensating working day (a
 * Saturday or Sunday worked in exchange for a bridge day, per the Prime Minister's yearly
 * announcement), or renames or re-kinds an existing entry.
 */
import type { TCalendarDayInput } from '@common/contracts/calendar'
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { assertCanManageCalendar } from '../policy.ts'
import { auditCalendarDay } from '../present.ts'
import { findCalendarDay, type CalendarDayRow } from '../queries.ts'
import { lockCalendar, upsertCalendarDay } from '../store.ts'
import { isWeekend } from '../working-days.ts'

/** Create or replace the entry of one day; records calendar.dayChanged with before and after, or nothing if unchanged. */
export async function setCalendarDay(
  ctx: Ctx,
  input: TCalendarDayInput & { date: string },
): Promise<CalendarDayRow> {
  assertCanManageCalendar(ctx.actor)
  // A weekday is a working day already: marking it 'working_day' would silently mean nothing.
  if (input.kind === 'working_day' && !isWeekend(input.date)) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'A compensating working day must be a Saturday or a Sunday',
      details: [{ path: 'kind', message: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật' }],
    })
  }
  await lockCalendar(ctx.tx)
  const before = await findCalendarDay(ctx.tx, input.date)
  if (before && before.kind === input.kind && before.name === input.name) return before
  await upsertCalendarDay(ctx.tx, { date: input.date, kind: input.kind, name: input.name }, ctx.now)
  const after = (await findCalendarDay(ctx.tx, input.date))!
  await recordEvent(ctx, {
    action: 'calendar.dayChanged',
    targetType: 'calendarDay',
    targetId: input.date,
    data: { before: before ? auditCalendarDay(before) : null, after: auditCalendarDay(after) },
  })
  return after
}
