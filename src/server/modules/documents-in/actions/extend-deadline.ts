/** Whoever assigned (or a leader) sets a new deadline on an open assignment (Decree 30/2020, Art. 24: theo dõi, đôn đốc). */
import type { z } from 'zod'
import type { ZExtend } from '@common/contracts/documents-in'
import type { Ctx } from '../../../platform/context.ts'
import { resolveDeadline } from '../deadlines.ts'
import { DOCUMENT_IN_EVENTS } from '../events.ts'
import { assertCanOnAssignment } from '../policy.ts'
import { unsafeLoadDocument } from '../queries.ts'
import { insertNote, updateAssignment, updateDocument } from '../store.ts'
import { assignmentRef, findAssignment, loadForAction, recordDocumentEvent } from './support.ts'

/** Move the deadline of one assignment; the top-level lead's deadline is also the document's. */
export async function extendDeadline(ctx: Ctx, input: z.infer<typeof ZExtend> & { id: string }) {
  const doc = await loadForAction(ctx, input.id)
  assertCanOnAssignment(ctx.actor, doc, 'extend', input.assignmentId)
  const a = findAssignment(doc, input.assignmentId)
  const dueDate = (await resolveDeadline(ctx.tx, input.deadline, ctx.now, 'deadline'))!
  await updateAssignment(ctx.tx, a.id, { dueDate }, ctx.now)
  if (a.role === 'lead' && a.parentId === null)
    await updateDocument(ctx.tx, doc.id, { dueDate, updatedAt: ctx.now })
  const body = input.reason ?? `${a.dueDate ?? '—'} → ${dueDate}`
  await insertNote(ctx.tx, {
    documentId: doc.id,
    assignmentId: a.id,
    authorId: ctx.actor.id,
    principalId: ctx.principalId,
    kind: 'extension',
    body,
    createdAt: ctx.now,
  })
  await recordDocumentEvent(ctx, doc.id, DOCUMENT_IN_EVENTS.deadlineExtended, {
    assignment: assignmentRef(a),
    from: a.dueDate,
    to: dueDate,
    text: input.reason,
  })
  return (await unsafeLoadDocument(ctx.tx, doc.id))!
}
