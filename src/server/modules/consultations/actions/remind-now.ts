/**
 * An officer reminds, now, the members who have not answered (and their focal points), with an
 * optional word; never those who answered. At most one reminder by hand an hour, so members are
 * not flooded; scheduled reminders (reminders.ts) go on as planned.
 */
import { and, desc, eq } from 'drizzle-orm'
import { REMIND_INTERVAL_MINUTES } from '@common/contracts/consultations'
import type { Ctx } from '../../../platform/context.ts'
import { consultationReminders } from '../../../platform/db/schema.ts'
import { AppError } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { CONSULTATION_EVENTS as E, CONSULTATION_TARGET } from '../events.ts'
import { notifyReminded, silentMembers } from '../reminders.ts'
import { assertBeforeDeadline, assertCan, loadForAction } from './support.ts'

const HOUR = 3_600_000

export async function remindNow(
  ctx: Ctx,
  input: { consultationId: string; message?: string | null | undefined },
): Promise<{ reminded: number; at: Date }> {
  const c = await loadForAction(ctx, input.consultationId)
  assertCan(ctx, 'remind', c)
  assertBeforeDeadline(ctx, c)
  const silent = silentMembers(c)
  if (silent.length === 0)
    throw new AppError('CONSULTATION_NOBODY_TO_REMIND', { message: 'Every member has answered' })
  const [last] = await ctx.tx
    .select({ sentAt: consultationReminders.sentAt })
    .from(consultationReminders)
    .where(and(eq(consultationReminders.consultationId, c.id), eq(consultationReminders.isManual, true)))
    .orderBy(desc(consultationReminders.sentAt))
    .limit(1)
  if (last && ctx.now.getTime() - last.sentAt.getTime() < REMIND_INTERVAL_MINUTES * 60_000)
    throw new AppError('CONSULTATION_REMINDED_RECENTLY', {
      message: 'A reminder was sent by hand less than an hour ago',
      details: { lastSentAt: last.sentAt.toISOString() },
    })
  const message = input.message?.trim() || null
  const event = await recordEvent(ctx, {
    action: E.reminded,
    targetType: CONSULTATION_TARGET,
    targetId: c.id,
    data: { manual: true, memberIds: silent.map((m) => m.id), message },
  })
  await ctx.tx.insert(consultationReminders).values(
    silent.map((m) => ({
      consultationId: c.id,
      memberId: m.id,
      markHours: 0,
      isManual: true,
      sentAt: ctx.now,
    })),
  )
  const hoursLeft = Math.max(0, Math.floor((c.deadline.getTime() - ctx.now.getTime()) / HOUR))
  await notifyReminded(ctx.tx, c, silent, { eventId: event.id, hoursLeft, message }, ctx.now)
  return { reminded: silent.length, at: ctx.now }
}
