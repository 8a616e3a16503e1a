/**
 * The drafter submits the draft up its approval chain (trình duyệt): the chain of the document
 * type is resolved to people, the first step waits on its holder. When the first holder is the
 * signer, a submission slip (phiếu trình) carries the proposal.
 */
import type { TSubmitDraft } from '@common/contracts/documents-out'
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { chainFor, resolveChain } from '../chains.ts'
import { DOCUMENT_OUT_EVENTS } from '../events.ts'
import { currentVersion, type OutgoingView } from '../queries.ts'
import { insertComment, insertSlip, insertSteps, updateOutgoing } from '../store.ts'
import { assertCan, invalid, loadForAction, recordOutEvent } from './support.ts'

/** Submit the draft up the approval chain of its type. */
export async function submitDraft(ctx: Ctx, input: TSubmitDraft & { id: string }): Promise<OutgoingView> {
  const doc = await loadForAction(ctx, input.id)
  assertCan(ctx, 'submit', doc)
  const version = currentVersion(doc)
  if (!version) throw invalid('mainFileId', 'Tải lên tệp dự thảo trước khi trình')
  if (doc.recipients.length === 0) throw invalid('recipients', 'Chọn nơi nhận trước khi trình')
  const chain = await chainFor(ctx.tx, doc.documentType)
  const people = await resolveChain(ctx.tx, chain.steps, {
    drafterId: doc.details.drafterId,
    drafterUnitId: doc.details.drafterUnitId,
    signerId: doc.details.signerId,
    organizationId: doc.organizationId,
  })
  if (people.length === 0)
    throw new AppError('INVALID_TRANSITION', { message: 'The approval chain is empty' })
  const round = Math.max(0, ...doc.steps.map((s) => s.round)) + 1
  const steps = await insertSteps(
    ctx.tx,
    people.map((p, position) => ({
      documentId: doc.id,
      round,
      position,
      kind: p.kind,
      assigneeUserId: p.userId,
      state: position === 0 ? 'pending' : 'waiting',
      createdAt: ctx.now,
    })),
  )
  const first = steps.find((s) => s.position === 0)!
  if (first.kind === 'signer') {
    await insertSlip(ctx.tx, {
      documentId: doc.id,
      stepId: first.id,
      leaderId: first.assigneeUserId,
      proposal: input.proposal,
      submittedBy: ctx.actor.id,
      submittedAt: ctx.now,
    })
  }
  if (input.note)
    await insertComment(ctx.tx, {
      documentId: doc.id,
      versionId: version.id,
      kind: 'comment',
      body: input.note,
      authorId: ctx.actor.id,
      principalId: ctx.principalId,
      createdAt: ctx.now,
    })
  await updateOutgoing(ctx.tx, doc.id, { state: 'in_review' }, { currentStepId: first.id }, ctx.now)
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.submitted, {
    round,
    version: version.version,
    steps: people,
    toUserId: first.assigneeUserId,
    note: input.note,
    proposal: input.proposal,
  })
  return doc
}
