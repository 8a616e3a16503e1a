/** The leader returns the consultation to its creator with a reason (back to draft). */
import type { Ctx } from '../../../platform/context.ts'
import { CONSULTATION_EVENTS as E } from '../events.ts'
import type { ConsultationView } from '../queries.ts'
import { updateConsultation } from '../store.ts'
import { assertCan, loadForAction, recordConsultationEvent, reload } from './support.ts'

/** The leader returns the draft to its creator, with the reason. */
export async function returnConsultation(
  ctx: Ctx,
  input: { id: string; reason: string },
): Promise<ConsultationView> {
  const c = await loadForAction(ctx, input.id)
  assertCan(ctx, 'return', c)
  await updateConsultation(ctx.tx, c.id, { state: 'draft', approvedAt: null, updatedAt: ctx.now })
  await recordConsultationEvent(ctx, c.id, E.returned, { reason: input.reason, createdBy: c.createdBy })
  return reload(ctx, c.id)
}
