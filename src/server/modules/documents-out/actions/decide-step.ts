/**
 * A reviewer decides their step of the approval chain: approve (up to the next step, or the
 * document is approved when the signer approves), return to the drafter with comments, or
 * reject. A secretary may enter the decision of the leader they act for (delegation
 * 'documentOut.approve'): the step records who entered it and for whom. At the signer's step the
 * submission slip (phiếu trình) records the decision.
 */
import type { TApproveDraft, TRejectDraft, TReturnDraft } from '@common/contracts/documents-out'
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { DOCUMENT_OUT_EVENTS } from '../events.ts'
import { currentStep, currentVersion, type OutgoingView } from '../queries.ts'
import {
  decideSlip,
  insertComment,
  insertSlip,
  skipWaitingSteps,
  updateOutgoing,
  updateStep,
} from '../store.ts'
import { actingForOut, assertCan, loadForAction, recordOutEvent } from './support.ts'

type Decision = 'approve' | 'return' | 'reject'

/** The document, its current step and the principal, checked: the actor holds the step or acts for its holder. */
async function loadStep(ctx: Ctx, id: string, ability: 'approve' | 'returnIt' | 'reject') {
  const actingFor = ctx.principalId === ctx.actor.id ? [] : await actingForOut(ctx.tx, ctx.actor, ctx.now)
  if (ctx.principalId !== ctx.actor.id && !actingFor.includes(ctx.principalId))
    throw new AppError('NOT_ALLOWED', { message: 'No delegation from this leader' })
  const doc = await loadForAction(ctx, id, actingFor)
  assertCan(ctx, ability, doc, ctx.principalId === ctx.actor.id ? [] : [ctx.principalId])
  const step = currentStep(doc)!
  if (step.assigneeUserId !== ctx.principalId)
    throw new AppError('NOT_ALLOWED', { message: 'The step belongs to someone else' })
  return { doc, step }
}

async function recordDecision(ctx: Ctx, doc: OutgoingView, decision: Decision, text: string | null) {
  const step = currentStep(doc)!
  const version = currentVersion(doc)
  const state = decision === 'approve' ? 'approved' : decision === 'return' ? 'returned' : 'rejected'
  await updateStep(ctx.tx, step.id, {
    state,
    versionId: version?.id ?? null,
    comment: text,
    decidedBy: ctx.actor.id,
    decidedFor: ctx.principalId,
    decidedAt: ctx.now,
  })
  if (text)
    await insertComment(ctx.tx, {
      documentId: doc.id,
      versionId: version?.id ?? null,
      kind: decision,
      body: text,
      authorId: ctx.actor.id,
      principalId: ctx.principalId,
      createdAt: ctx.now,
    })
  if (step.kind === 'signer') {
    await decideSlip(ctx.tx, step.id, {
      decision,
      decisionNote: text,
      decidedBy: ctx.actor.id,
      decidedFor: ctx.principalId,
      decidedAt: ctx.now,
    })
    await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.slipDecided, {
      decision,
      note: text,
      leaderId: ctx.principalId,
    })
  }
  return { step, version }
}

/** Approve the current step: the next step waits on its holder, or the document is approved. */
export async function approveDraft(ctx: Ctx, input: TApproveDraft & { id: string }): Promise<OutgoingView> {
  const { doc } = await loadStep(ctx, input.id, 'approve')
  const { step, version } = await recordDecision(ctx, doc, 'approve', input.comment)
  const next = doc.steps
    .filter((s) => s.round === step.round && s.position > step.position && s.state === 'waiting')
    .sort((a, b) => a.position - b.position)[0]
  if (next) {
    await updateStep(ctx.tx, next.id, { state: 'pending' })
    if (next.kind === 'signer') {
      const earlier = doc.slips.at(-1)?.proposal ?? null
      await insertSlip(ctx.tx, {
        documentId: doc.id,
        stepId: next.id,
        leaderId: next.assigneeUserId,
        proposal: input.proposal ?? input.comment ?? earlier,
        submittedBy: ctx.actor.id,
        submittedAt: ctx.now,
      })
    }
    await updateOutgoing(ctx.tx, doc.id, {}, { currentStepId: next.id }, ctx.now)
  } else {
    // The signer approved: Decree 30/2020 Art. 12 (duyệt); any later change goes back to the signer.
    await updateOutgoing(ctx.tx, doc.id, { state: 'approved' }, { currentStepId: null }, ctx.now)
  }
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.approved, {
    stepId: step.id,
    kind: step.kind,
    version: version?.version ?? null,
    comment: input.comment,
    toUserId: next?.assigneeUserId ?? null,
    isFinal: !next,
  })
  return doc
}

/** Return the draft to the drafter with the reason (trả lại). */
export async function returnDraft(ctx: Ctx, input: TReturnDraft & { id: string }): Promise<OutgoingView> {
  const { doc } = await loadStep(ctx, input.id, 'returnIt')
  const { step, version } = await recordDecision(ctx, doc, 'return', input.reason)
  await skipWaitingSteps(ctx.tx, doc.id, step.round)
  await updateOutgoing(ctx.tx, doc.id, { state: 'returned' }, { currentStepId: null }, ctx.now)
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.returned, {
    stepId: step.id,
    kind: step.kind,
    version: version?.version ?? null,
    reason: input.reason,
    toUserId: doc.details.drafterId,
  })
  return doc
}

/** Reject the draft: it ends here. */
export async function rejectDraft(ctx: Ctx, input: TRejectDraft & { id: string }): Promise<OutgoingView> {
  const { doc } = await loadStep(ctx, input.id, 'reject')
  const { step, version } = await recordDecision(ctx, doc, 'reject', input.reason)
  await skipWaitingSteps(ctx.tx, doc.id, step.round)
  await updateOutgoing(ctx.tx, doc.id, { state: 'rejected' }, { currentStepId: null }, ctx.now)
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.rejected, {
    stepId: step.id,
    kind: step.kind,
    version: version?.version ?? null,
    reason: input.reason,
  })
  return doc
}
