/**
 * The handler completes an assignment with a result (which may name the outgoing reply). The
 * document is complete when its lead assignment is (issue 3; Decree 30/2020, Art. 24 and the
 * follow-up register of Annex IV: progress and the number of the reply).
 */
import type { z } from 'zod'
import type { ZComplete } from '@common/contracts/documents-in'
import type { Ctx } from '../../../platform/context.ts'
import { DOCUMENT_IN_EVENTS } from '../events.ts'
import { assertCanOnAssignment, isOpen } from '../policy.ts'
import { documentExists, unsafeLoadDocument, type AssignmentView, type DocumentView } from '../queries.ts'
import { insertNote, updateAssignment, updateDocument } from '../store.ts'
import { attachProcessingFiles } from './add-note.ts'
import { assignmentRef, findAssignment, invalid, loadForAction, recordDocumentEvent } from './support.ts'

/** A child lead's completion completes its unit's part, up the tree; returns the topmost completed. */
async function cascadeUp(
  ctx: Ctx,
  doc: DocumentView,
  a: AssignmentView,
  result: string,
): Promise<{ top: AssignmentView; cascaded: string[] }> {
  let current = a
  const cascaded: string[] = []
  while (current.role === 'lead' && current.parentId) {
    const parent = findAssignment(doc, current.parentId)
    if (!isOpen(parent)) break
    await updateAssignment(ctx.tx, parent.id, { state: 'completed', result, completedAt: ctx.now }, ctx.now)
    cascaded.push(parent.id)
    current = parent
  }
  return { top: current, cascaded }
}

/** Complete an open lead or cooperating assignment the actor handles. */
export async function completeAssignment(ctx: Ctx, input: z.infer<typeof ZComplete> & { id: string }) {
  const doc = await loadForAction(ctx, input.id)
  assertCanOnAssignment(ctx.actor, doc, 'complete', input.assignmentId)
  const a = findAssignment(doc, input.assignmentId)
  if (input.resultDocumentId) {
    if (!(await documentExists(ctx.tx, input.resultDocumentId)))
      throw invalid('resultDocumentId', 'Văn bản trả lời không tồn tại')
  }
  const fileIds = await attachProcessingFiles(ctx, doc.id, input.fileIds)
  await updateAssignment(
    ctx.tx,
    a.id,
    {
      state: 'completed',
      result: input.result,
      resultDocumentId: input.resultDocumentId ?? null,
      completedAt: ctx.now,
      startedAt: a.startedAt ?? ctx.now,
    },
    ctx.now,
  )
  await insertNote(ctx.tx, {
    documentId: doc.id,
    assignmentId: a.id,
    authorId: ctx.actor.id,
    principalId: ctx.principalId,
    kind: 'completion',
    body: input.result,
    createdAt: ctx.now,
  })
  const { top, cascaded } = await cascadeUp(ctx, doc, a, input.result)
  const isDocumentCompleted = top.role === 'lead' && top.parentId === null
  if (isDocumentCompleted) {
    await updateDocument(ctx.tx, doc.id, { state: 'completed', completedAt: ctx.now, updatedAt: ctx.now })
  } else if (doc.state === 'assigned') {
    await updateDocument(ctx.tx, doc.id, { state: 'in_progress', updatedAt: ctx.now })
  }
  await recordDocumentEvent(ctx, doc.id, DOCUMENT_IN_EVENTS.assignmentCompleted, {
    assignment: assignmentRef(a),
    cascadedAssignmentIds: cascaded,
    resultDocumentId: input.resultDocumentId ?? null,
    fileIds,
    isDocumentCompleted,
    text: input.result,
  })
  if (isDocumentCompleted) {
    await recordDocumentEvent(ctx, doc.id, DOCUMENT_IN_EVENTS.completed, {
      leadAssignmentId: top.id,
      completedById: ctx.actor.id,
      text: input.result,
    })
  }
  return (await unsafeLoadDocument(ctx.tx, doc.id))!
}
