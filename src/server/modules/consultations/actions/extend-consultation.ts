/** An officer extends the deadline of an open consultation; recorded, participants notified. */
import type { Ctx } from '../../../platform/context.ts'
import { CONSULTATION_EVENTS as E } from '../events.ts'
import type { ConsultationView } from '../queries.ts'
import { insertExtension, updateConsultation } from '../store.ts'
import { assertCan, invalid, loadForAction, recordConsultationEvent, reload } from './support.ts'

/** A new deadline, later than the current one and in the future; recorded, participants notified. */
export async function extendConsultation(
  ctx: Ctx,
  input: { id: string; deadline: string; reason: string },
): Promise<ConsultationView> {
  const c = await loadForAction(ctx, input.id)
  assertCan(ctx, 'extend', c)
  const to = new Date(input.deadline)
  if (to.getTime() <= c.deadline.getTime()) throw invalid('deadline', 'Hạn mới phải sau hạn hiện tại')
  if (to.getTime() <= ctx.now.getTime()) throw invalid('deadline', 'Hạn mới phải sau thời điểm hiện tại')
  await insertExtension(ctx.tx, {
    consultationId: c.id,
    fromDeadline: c.deadline,
    toDeadline: to,
    reason: input.reason,
    extendedBy: ctx.actor.id,
    extendedAt: ctx.now,
  })
  await updateConsultation(ctx.tx, c.id, { deadline: to, updatedAt: ctx.now })
  await recordConsultationEvent(ctx, c.id, E.extended, {
    from: c.deadline.toISOString(),
    to: to.toISOString(),
    reason: input.reason,
    participantIds: c.participants.map((p) => p.id),
  })
  return reload(ctx, c.id)
}
