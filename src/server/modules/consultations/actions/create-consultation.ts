/** A Standing Office officer drafts a consultation: what is asked, of whom, how and by when. */
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { globalCan } from '../../accounts/index.ts'
import { CONSULTATION_EVENTS as E } from '../events.ts'
import type { ConsultationView } from '../queries.ts'
import { insertConsultation, replaceMaterials, replaceParticipants } from '../store.ts'
import { prepareConsultation, type TConsultationForm } from './prepare-input.ts'
import { recordConsultationEvent, reload } from './support.ts'

/** Create a consultation in state draft. */
export async function createConsultation(ctx: Ctx, input: TConsultationForm): Promise<ConsultationView> {
  if (!globalCan(ctx.actor, 'consultations.manage')) {
    throw new AppError('NOT_ALLOWED', { message: 'Only Standing Office staff create consultations' })
  }
  const prepared = await prepareConsultation(ctx, input)
  const id = await insertConsultation(ctx.tx, {
    ...prepared.values,
    organizationId: ctx.actor.organizationId,
    state: 'draft',
    createdBy: ctx.actor.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  })
  await replaceParticipants(ctx.tx, id, prepared.participantIds)
  await replaceMaterials(ctx.tx, id, prepared.materials)
  await recordConsultationEvent(ctx, id, E.created, {
    title: prepared.values.title,
    deadline: prepared.values.deadline.toISOString(),
    participantIds: prepared.participantIds,
    questionKeys: prepared.values.questions.map((q) => q.key),
  })
  return reload(ctx, id)
}
