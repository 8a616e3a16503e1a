/** The handler starts work on an assignment (Decree 30/2020, Art. 24: giải quyết văn bản đến). */
import type { Ctx } from '../../../platform/context.ts'
import { DOCUMENT_IN_EVENTS } from '../events.ts'
import { assertCanOnAssignment } from '../policy.ts'
import { unsafeLoadDocument } from '../queries.ts'
import { updateAssignment, updateDocument } from '../store.ts'
import { assignmentRef, findAssignment, loadForAction, recordDocumentEvent } from './support.ts'

/** Move one pending assignment, and the document, to 'in_progress'. */
export async function startAssignment(ctx: Ctx, input: { id: string; assignmentId: string }) {
  const doc = await loadForAction(ctx, input.id)
  assertCanOnAssignment(ctx.actor, doc, 'start', input.assignmentId)
  const a = findAssignment(doc, input.assignmentId)
  await updateAssignment(ctx.tx, a.id, { state: 'in_progress', startedAt: ctx.now }, ctx.now)
  if (doc.state === 'assigned')
    await updateDocument(ctx.tx, doc.id, { state: 'in_progress', updatedAt: ctx.now })
  await recordDocumentEvent(ctx, doc.id, DOCUMENT_IN_EVENTS.started, { assignment: assignmentRef(a) })
  return (await unsafeLoadDocument(ctx.tx, doc.id))!
}
