/** An officer closes an open consultation, early or after the deadline. */
import type { Ctx } from '../../../platform/context.ts'
import { CONSULTATION_EVENTS as E } from '../events.ts'
import type { ConsultationView } from '../queries.ts'
import { updateConsultation } from '../store.ts'
import { assertCan, loadForAction, recordConsultationEvent, reload } from './support.ts'

/** Close: early or after the deadline. From now on the silence rule applies to those who did not answer. */
export async function closeConsultation(
  ctx: Ctx,
  input: { id: string; reason: string | null },
): Promise<ConsultationView> {
  const c = await loadForAction(ctx, input.id)
  assertCan(ctx, 'close', c)
  const isEarly = ctx.now.getTime() < c.deadline.getTime()
  await updateConsultation(ctx.tx, c.id, { state: 'closed', closedAt: ctx.now, updatedAt: ctx.now })
  const answered = c.responses.filter((r) => r.state === 'submitted' || r.state === 'final').length
  await recordConsultationEvent(ctx, c.id, E.closed, {
    reason: input.reason,
    isEarly,
    participants: c.participants.length,
    answered,
    participantIds: c.participants.map((p) => p.id),
  })
  return reload(ctx, c.id)
}
