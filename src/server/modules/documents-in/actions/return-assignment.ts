/**
 * The assignee returns an assignment with a reason (trả lại). Whoever assigned it sees it back:
 * a returned review sends the document back to the clerk; a returned unit person's lead reopens the
 * unit's assignment for its head; a returned top-level lead sends the document back for review to
 * the leader who assigned it.
 */
import type { z } from 'zod'
import type { ZReturn } from '@common/contracts/documents-in'
import type { IncomingState } from '@common/domain'
import type { Ctx } from '../../../platform/context.ts'
import { DOCUMENT_IN_EVENTS } from '../events.ts'
import { assertCanOnAssignment } from '../policy.ts'
import { unsafeLoadDocument, type AssignmentView } from '../queries.ts'
import { insertAssignments, insertNote, updateAssignment, updateDocument } from '../store.ts'
import { assignmentRef, findAssignment, loadForAction, recordDocumentEvent } from './support.ts'

/** Where the document goes when `a` comes back, and the new review assignment if any. */
async function sendBack(ctx: Ctx, documentId: string, a: AssignmentView, state: IncomingState) {
  if (a.role === 'review') return { state: 'registered' as const, reviewId: null }
  if (a.role === 'lead' && a.parentId) {
    await updateAssignment(ctx.tx, a.parentId, { state: 'pending' }, ctx.now)
    return { state, reviewId: null }
  }
  if (a.role === 'lead') {
    const [reviewId] = await insertAssignments(ctx.tx, [
      {
        documentId,
        role: 'review',
        assigneeUserId: a.assignedFor,
        state: 'pending',
        assignedBy: ctx.actor.id,
        assignedFor: ctx.principalId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
    ])
    return { state: 'submitted' as const, reviewId: reviewId! }
  }
  return { state, reviewId: null }
}

/** Return an open assignment the actor handles, with the reason. */
export async function returnAssignment(ctx: Ctx, input: z.infer<typeof ZReturn> & { id: string }) {
  const doc = await loadForAction(ctx, input.id)
  assertCanOnAssignment(ctx.actor, doc, 'returnIt', input.assignmentId)
  const a = findAssignment(doc, input.assignmentId)
  await updateAssignment(ctx.tx, a.id, { state: 'returned' }, ctx.now)
  await insertNote(ctx.tx, {
    documentId: doc.id,
    assignmentId: a.id,
    authorId: ctx.actor.id,
    principalId: ctx.principalId,
    kind: 'return',
    body: input.reason,
    createdAt: ctx.now,
  })
  const next = await sendBack(ctx, doc.id, a, doc.state)
  if (next.state !== doc.state)
    await updateDocument(ctx.tx, doc.id, { state: next.state, updatedAt: ctx.now })
  await recordDocumentEvent(ctx, doc.id, DOCUMENT_IN_EVENTS.returned, {
    assignment: assignmentRef(a),
    assignedById: a.assignedBy,
    assignedForId: a.assignedFor,
    newReviewAssignmentId: next.reviewId,
    documentState: next.state,
    text: input.reason,
  })
  return (await unsafeLoadDocument(ctx.tx, doc.id))!
}
