/**
 * The leader's directive and assignment (Decree 30/2020, Art. 24.1 and Annex IV, the handling
 * slip): one lead (chủ trì), any cooperating (phối hợp) and for-information recipients, each with
 * a deadline. A secretary may record it for the leader under a 'documentIn.direct' delegation;
 * the assignments then show "entered by the secretary for the leader".
 */
import type { TAssign } from '@common/contracts/documents-in'
import type { Ctx } from '../../../platform/context.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { hasDelegation } from '../../delegations/index.ts'
import { DOCUMENT_IN_EVENTS } from '../events.ts'
import { assertCanOnDocument, openReview } from '../policy.ts'
import { findUsers, unsafeLoadDocument } from '../queries.ts'
import { insertNote, updateAssignment, updateDocument } from '../store.ts'
import { createAssignments, type PlannedAssignee } from './assignees.ts'
import { loadForAction, recordDocumentEvent } from './support.ts'

/** The leaders the actor may act for in this request: the principal, once the delegation is checked. */
async function checkedActingFor(ctx: Ctx): Promise<string[]> {
  if (ctx.principalId === ctx.actor.id) return []
  const isDelegated = await hasDelegation(ctx.tx, {
    delegateId: ctx.actor.id,
    principalId: ctx.principalId,
    scope: 'documentIn.direct',
    now: ctx.now,
  })
  if (!isDelegated)
    throw new AppError('NOT_ALLOWED', { message: 'No active delegation to direct documents for this leader' })
  return [ctx.principalId]
}

function plan(input: TAssign): PlannedAssignee[] {
  return [
    { ...input.lead, role: 'lead', path: 'lead' },
    ...input.cooperating.map((a, i) => ({ ...a, role: 'cooperating' as const, path: `cooperating.${i}` })),
    ...input.information.map((a, i) => ({ ...a, role: 'information' as const, path: `information.${i}` })),
  ]
}

/** Assign the submitted document; completes the leader's review and moves the document to 'assigned'. */
export async function assignIncoming(ctx: Ctx, input: TAssign & { id: string }) {
  const actingFor = await checkedActingFor(ctx)
  const doc = await loadForAction(ctx, input.id, actingFor)
  assertCanOnDocument(ctx.actor, doc, 'assign', actingFor)
  const review = openReview(doc)!
  // The decision is the reviewing leader's: acting for anyone else is refused.
  if (review.assigneeUserId !== ctx.principalId) throw notFound('review')

  const refs = await createAssignments(ctx, {
    documentId: doc.id,
    parentId: null,
    directive: input.directive,
    planned: plan(input),
    organizationId: doc.organizationId,
  })
  await updateAssignment(
    ctx.tx,
    review.id,
    { state: 'completed', result: input.directive, completedAt: ctx.now },
    ctx.now,
  )
  await insertNote(ctx.tx, {
    documentId: doc.id,
    assignmentId: review.id,
    authorId: ctx.actor.id,
    principalId: ctx.principalId,
    kind: 'directive',
    body: input.directive,
    createdAt: ctx.now,
  })
  const lead = refs.find((r) => r.role === 'lead')!
  // The document's handling deadline is the lead's (Decree 30/2020, Annex VI §II.II field 18).
  await updateDocument(ctx.tx, doc.id, {
    state: 'assigned',
    dueDate: lead.dueDate ?? doc.dueDate,
    updatedAt: ctx.now,
  })
  const [leader] = await findUsers(ctx.tx, [ctx.principalId])
  await recordDocumentEvent(ctx, doc.id, DOCUMENT_IN_EVENTS.assigned, {
    reviewAssignmentId: review.id,
    leaderId: ctx.principalId,
    leaderName: leader?.fullName ?? null,
    enteredById: ctx.actor.id,
    enteredByName: ctx.actor.fullName,
    isOnBehalf: ctx.principalId !== ctx.actor.id,
    assignments: refs,
    text: input.directive,
  })
  return (await unsafeLoadDocument(ctx.tx, doc.id))!
}
