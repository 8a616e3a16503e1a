/** An officer cancels a consultation (draft, submitted or open) with a reason. */
import type { Ctx } from '../../../platform/context.ts'
import { CONSULTATION_EVENTS as E } from '../events.ts'
import type { ConsultationView } from '../queries.ts'
import { updateConsultation } from '../store.ts'
import { assertCan, loadForAction, recordConsultationEvent, reload } from './support.ts'

/** Cancel a draft, a submitted or an open consultation, with the reason. */
export async function cancelConsultation(
  ctx: Ctx,
  input: { id: string; reason: string },
): Promise<ConsultationView> {
  const c = await loadForAction(ctx, input.id)
  assertCan(ctx, 'cancel', c)
  await updateConsultation(ctx.tx, c.id, { state: 'cancelled', cancelledAt: ctx.now, updatedAt: ctx.now })
  await recordConsultationEvent(ctx, c.id, E.cancelled, {
    reason: input.reason,
    from: c.state,
    participantIds: c.state === 'open' ? c.participants.map((p) => p.id) : [],
  })
  return reload(ctx, c.id)
}
