/** The member confirms the answer their focal point drafted: it becomes the member's submitted answer. */
import type { Ctx } from '../../../platform/context.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { checkAnswers } from '../answers.ts'
import { CONSULTATION_EVENTS as E } from '../events.ts'
import { answersOf, type ConsultationView } from '../queries.ts'
import { upsertResponse } from '../store.ts'
import { submission } from './save-response.ts'
import { assertBeforeDeadline, loadForAction, recordConsultationEvent } from './support.ts'

/** Confirm (optionally as final) a draft awaiting the member. */
export async function confirmResponse(
  ctx: Ctx,
  input: { consultationId: string; responseId: string; final: boolean },
): Promise<{ consultation: ConsultationView; memberId: string }> {
  const c = await loadForAction(ctx, input.consultationId)
  const response = c.responses.find((r) => r.id === input.responseId)
  if (!response || response.memberId !== ctx.actor.id) throw notFound('response')
  assertBeforeDeadline(ctx, c)
  if (response.state !== 'awaiting_member' && response.state !== 'draft') {
    throw new AppError('INVALID_TRANSITION', { message: 'Không có bản dự thảo ý kiến chờ xác nhận' })
  }
  const answers = checkAnswers(c.questions, answersOf(response), { complete: true })
  const values = {
    answers,
    fileIds: response.fileIds,
    state: input.final ? 'final' : 'submitted',
    isFinal: input.final,
    draftedBy: response.draftedBy,
    submittedBy: ctx.actor.id,
    onBehalf: false,
    updatedAt: ctx.now,
    ...(await submission(ctx, c, response.memberId, answers, response.fileIds)),
  }
  await upsertResponse(ctx.tx, c.id, response.memberId, values)
  await recordConsultationEvent(ctx, c.id, E.answerSubmitted, {
    responseId: response.id,
    memberId: response.memberId,
    state: values.state,
    onBehalf: false,
    confirmedDraftOf: response.draftedBy,
    receiptNumber: values.receiptNumber,
    digest: values.digest,
    isRevision: false,
    answers,
    fileIds: response.fileIds,
  })
  return { consultation: await loadForAction(ctx, c.id), memberId: response.memberId }
}
