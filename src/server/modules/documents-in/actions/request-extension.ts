/** The assignee proposes a later deadline with a reason; whoever assigned is notified and may extend. */
import type { z } from 'zod'
import type { ZRequestExtension } from '@common/contracts/documents-in'
import type { Ctx } from '../../../platform/context.ts'
import { vnDate } from '../dates.ts'
import { DOCUMENT_IN_EVENTS } from '../events.ts'
import { assertCanOnAssignment } from '../policy.ts'
import { unsafeLoadDocument } from '../queries.ts'
import { insertNote } from '../store.ts'
import { assignmentRef, findAssignment, invalid, loadForAction, recordDocumentEvent } from './support.ts'

/** Record an extension request (a note of kind extension_request) on an open assignment the actor handles. */
export async function requestExtension(ctx: Ctx, input: z.infer<typeof ZRequestExtension> & { id: string }) {
  const doc = await loadForAction(ctx, input.id)
  assertCanOnAssignment(ctx.actor, doc, 'requestExtension', input.assignmentId)
  const a = findAssignment(doc, input.assignmentId)
  if (input.proposedDate < vnDate(ctx.now) || (a.dueDate && input.proposedDate <= a.dueDate)) {
    throw invalid('proposedDate', 'Ngày đề nghị phải sau hạn hiện tại')
  }
  const noteId = await insertNote(ctx.tx, {
    documentId: doc.id,
    assignmentId: a.id,
    authorId: ctx.actor.id,
    principalId: ctx.principalId,
    kind: 'extension_request',
    body: input.reason,
    createdAt: ctx.now,
  })
  await recordDocumentEvent(ctx, doc.id, DOCUMENT_IN_EVENTS.extensionRequested, {
    assignment: assignmentRef(a),
    noteId,
    currentDueDate: a.dueDate,
    proposedDate: input.proposedDate,
    assignedById: a.assignedBy,
    assignedForId: a.assignedFor,
    text: input.reason,
  })
  return (await unsafeLoadDocument(ctx.tx, doc.id))!
}
