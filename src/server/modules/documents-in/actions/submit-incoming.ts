/**
 * The clerk submits (trình) a registered document to a leader, the same day or at the latest the
 * next working day; urgent documents at once (Decree 30/2020, Art. 23.1).
 */
import type { Ctx } from '../../../platform/context.ts'
import { DOCUMENT_IN_EVENTS } from '../events.ts'
import { assertCanOnDocument } from '../policy.ts'
import { findUsers, unsafeLoadDocument } from '../queries.ts'
import { insertAssignments, insertNote, updateDocument } from '../store.ts'
import { invalid, loadForAction, recordDocumentEvent } from './support.ts'

/** Create the leader's review assignment and move the document to 'submitted'. */
export async function submitIncoming(ctx: Ctx, input: { id: string; leaderId: string; note: string | null }) {
  const doc = await loadForAction(ctx, input.id)
  assertCanOnDocument(ctx.actor, doc, 'submit')
  const [leader] = await findUsers(ctx.tx, [input.leaderId])
  if (!leader?.isActive || !leader.roles.includes('leader') || leader.organizationId !== doc.organizationId) {
    throw invalid('leaderId', 'Chọn một lãnh đạo đang hoạt động')
  }
  const [assignmentId] = await insertAssignments(ctx.tx, [
    {
      documentId: doc.id,
      role: 'review',
      assigneeUserId: leader.id,
      state: 'pending',
      assignedBy: ctx.actor.id,
      assignedFor: ctx.principalId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
  ])
  if (input.note) {
    await insertNote(ctx.tx, {
      documentId: doc.id,
      assignmentId,
      authorId: ctx.actor.id,
      principalId: ctx.principalId,
      kind: 'progress',
      body: input.note,
      createdAt: ctx.now,
    })
  }
  await updateDocument(ctx.tx, doc.id, { state: 'submitted', updatedAt: ctx.now })
  await recordDocumentEvent(ctx, doc.id, DOCUMENT_IN_EVENTS.submitted, {
    assignmentId,
    leaderId: leader.id,
    leaderName: leader.fullName,
    text: input.note,
  })
  return (await unsafeLoadDocument(ctx.tx, doc.id))!
}
