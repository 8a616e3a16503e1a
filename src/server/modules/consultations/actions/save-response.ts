/**
 * A member (or a focal point of the member's organization) saves or submits the answer. A focal
 * point's submission goes to the member to confirm, unless the member delegated
 * 'consultation.answer' to them: then it is submitted on the member's behalf, recorded as such.
 * Nothing is accepted at or after the deadline; a final answer is locked.
 */
import type { TAnswer } from '@common/contracts/consultations'
import type { Ctx } from '../../../platform/context.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { fileReadableBy, unsafeFindFile } from '../../files/index.ts'
import { hasDelegation } from '../../delegations/index.ts'
import { answerDigest, checkAnswers } from '../answers.ts'
import { CONSULTATION_EVENTS as E } from '../events.ts'
import { canAnswerFor } from '../policy.ts'
import { responseOf, type ConsultationView } from '../queries.ts'
import { nextReceiptNumber, upsertResponse, type ResponseValues } from '../store.ts'
import { assertBeforeDeadline, invalid, loadForAction, recordConsultationEvent } from './support.ts'

export type SaveResponseInput = {
  consultationId: string
  memberId?: string | undefined
  answers: TAnswer[]
  fileIds: string[]
  intent: 'save' | 'submit' | 'final'
}

async function checkFiles(ctx: Ctx, ids: readonly string[], previous: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)]
  for (const [i, id] of unique.entries()) {
    if (previous.includes(id)) continue
    const file = await unsafeFindFile(ctx.tx, id)
    if (!file || !(await fileReadableBy(ctx.tx, ctx.actor, file)))
      throw invalid(`fileIds.${i}`, 'Không tìm thấy tệp')
  }
  return unique
}

/** Submission facts for the receipt: number, digest, who and when. */
export async function submission(
  ctx: Ctx,
  c: ConsultationView,
  memberId: string,
  answers: TAnswer[],
  fileIds: string[],
) {
  return {
    submittedAt: ctx.now,
    receiptNumber: await nextReceiptNumber(ctx.tx, ctx.now.getUTCFullYear()),
    digest: answerDigest({ consultationId: c.id, memberId, answers, fileIds }),
  }
}

/** Save, submit or finally submit the answer for one member; returns the consultation and the member. */
export async function saveResponse(
  ctx: Ctx,
  input: SaveResponseInput,
): Promise<{ consultation: ConsultationView; memberId: string }> {
  const c = await loadForAction(ctx, input.consultationId)
  const memberId = input.memberId ?? ctx.actor.id
  const member = c.participants.find((p) => p.id === memberId)
  if (!member || !canAnswerFor(ctx.actor, member)) throw notFound('response')
  assertBeforeDeadline(ctx, c)
  const existing = responseOf(c, memberId)
  if (existing?.isFinal) {
    throw new AppError('CONSULTATION_ANSWER_FINAL', {
      message: 'Ý kiến đã gửi chính thức: không sửa được nữa',
    })
  }
  const isMember = ctx.actor.id === memberId
  const isSubmitted = existing?.state === 'submitted'
  const isDelegated =
    !isMember &&
    (await hasDelegation(ctx.tx, {
      delegateId: ctx.actor.id,
      principalId: memberId,
      scope: 'consultation.answer',
      now: ctx.now,
    }))
  if (isSubmitted && input.intent === 'save') {
    throw new AppError('INVALID_TRANSITION', {
      message: 'Ý kiến đã được gửi: hãy gửi lại để cập nhật, không lưu thành bản nháp',
    })
  }
  if (isSubmitted && !isMember && !isDelegated) {
    throw new AppError('NOT_ALLOWED', {
      message: 'Thành viên đã gửi ý kiến: đầu mối chỉ sửa được khi được ủy quyền trả lời',
    })
  }
  const answers = checkAnswers(c.questions, input.answers, { complete: input.intent !== 'save' })
  const fileIds = await checkFiles(ctx, input.fileIds, existing?.fileIds ?? [])
  const base = { answers, fileIds, updatedAt: ctx.now }
  let values: ResponseValues
  let action: string
  if (input.intent === 'save') {
    values = { ...base, state: 'draft', draftedBy: ctx.actor.id }
    action = E.answerSaved
  } else if (!isMember && !isDelegated) {
    values = { ...base, state: 'awaiting_member', draftedBy: ctx.actor.id }
    action = E.answerAwaitingMember
  } else {
    const isFinal = input.intent === 'final'
    values = {
      ...base,
      state: isFinal ? 'final' : 'submitted',
      isFinal,
      draftedBy: existing?.draftedBy ?? ctx.actor.id,
      submittedBy: ctx.actor.id,
      onBehalf: !isMember,
      ...(await submission(ctx, c, memberId, answers, fileIds)),
    }
    action = E.answerSubmitted
  }
  const responseId = await upsertResponse(ctx.tx, c.id, memberId, values)
  await recordConsultationEvent(ctx, c.id, action, {
    responseId,
    memberId,
    state: values.state,
    onBehalf: values.onBehalf ?? false,
    receiptNumber: values.receiptNumber ?? null,
    digest: values.digest ?? null,
    isRevision: isSubmitted,
    // The row is overwritten by a revision: the log keeps what each submission said.
    ...(input.intent === 'save' ? {} : { answers, fileIds }),
  })
  return { consultation: await loadForAction(ctx, c.id), memberId }
}
