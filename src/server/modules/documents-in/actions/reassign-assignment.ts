/**
 * A unit head hands the unit's assignment to people of the unit (Decree 30/2020, Annex IV, the
 * handling slip's second part: the unit leader names the handler and the deadline). The people's
 * assignments are children of the unit's; when the child lead completes, so does the unit's part.
 */
import type { z } from 'zod'
import type { ZReassign } from '@common/contracts/documents-in'
import type { Ctx } from '../../../platform/context.ts'
import { DOCUMENT_IN_EVENTS } from '../events.ts'
import { assertCanOnAssignment } from '../policy.ts'
import { unsafeLoadDocument } from '../queries.ts'
import { insertNote, updateAssignment } from '../store.ts'
import { createAssignments } from './assignees.ts'
import { findAssignment, loadForAction, recordDocumentEvent } from './support.ts'

/** Split the unit's open assignment into a lead person and cooperating people of the unit. */
export async function reassignAssignment(ctx: Ctx, input: z.infer<typeof ZReassign> & { id: string }) {
  const doc = await loadForAction(ctx, input.id)
  assertCanOnAssignment(ctx.actor, doc, 'reassign', input.assignmentId)
  const parent = findAssignment(doc, input.assignmentId)
  const refs = await createAssignments(ctx, {
    documentId: doc.id,
    parentId: parent.id,
    directive: input.directive,
    planned: [
      { ...input.lead, role: 'lead', path: 'lead' },
      ...input.cooperating.map((a, i) => ({ ...a, role: 'cooperating' as const, path: `cooperating.${i}` })),
    ],
    organizationId: doc.organizationId,
    withinUnitId: parent.assigneeUnitId!,
    defaultDueDate: parent.dueDate,
  })
  await updateAssignment(
    ctx.tx,
    parent.id,
    { state: 'in_progress', startedAt: parent.startedAt ?? ctx.now },
    ctx.now,
  )
  if (input.directive) {
    await insertNote(ctx.tx, {
      documentId: doc.id,
      assignmentId: parent.id,
      authorId: ctx.actor.id,
      principalId: ctx.principalId,
      kind: 'directive',
      body: input.directive,
      createdAt: ctx.now,
    })
  }
  await recordDocumentEvent(ctx, doc.id, DOCUMENT_IN_EVENTS.reassigned, {
    parentAssignmentId: parent.id,
    unitId: parent.assigneeUnitId,
    unitName: parent.assigneeUnitName,
    assignments: refs,
    text: input.directive,
  })
  return (await unsafeLoadDocument(ctx.tx, doc.id))!
}
