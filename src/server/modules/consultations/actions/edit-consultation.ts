/** The creator changes their draft (before submitting it to a leader, or after it came back). */
import type { Ctx } from '../../../platform/context.ts'
import { CONSULTATION_EVENTS as E } from '../events.ts'
import type { ConsultationView } from '../queries.ts'
import { replaceMaterials, replaceParticipants, updateConsultation } from '../store.ts'
import { prepareConsultation, type TConsultationForm } from './prepare-input.ts'
import { assertCan, loadForAction, recordConsultationEvent, reload } from './support.ts'

/** Replace the draft's content with the form. */
export async function editConsultation(
  ctx: Ctx,
  input: { id: string; form: TConsultationForm },
): Promise<ConsultationView> {
  const c = await loadForAction(ctx, input.id)
  assertCan(ctx, 'edit', c)
  const prepared = await prepareConsultation(ctx, input.form)
  await updateConsultation(ctx.tx, c.id, { ...prepared.values, updatedAt: ctx.now })
  await replaceParticipants(ctx.tx, c.id, prepared.participantIds)
  await replaceMaterials(ctx.tx, c.id, prepared.materials)
  await recordConsultationEvent(ctx, c.id, E.updated, {
    before: {
      title: c.title,
      deadline: c.deadline.toISOString(),
      participantIds: c.participants.map((p) => p.id),
    },
    after: {
      title: prepared.values.title,
      deadline: prepared.values.deadline.toISOString(),
      participantIds: prepared.participantIds,
    },
  })
  return reload(ctx, c.id)
}
