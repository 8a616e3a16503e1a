/** A progress note on an assignment, with files (the handler's proposal on the handling slip, Decree 30/2020 Annex IV). */
import type { z } from 'zod'
import type { ZAssignmentNote } from '@common/contracts/documents-in'
import type { Ctx } from '../../../platform/context.ts'
import { DOCUMENT_IN_EVENTS } from '../events.ts'
import { assertCanOnAssignment } from '../policy.ts'
import { unsafeLoadDocument } from '../queries.ts'
import { insertDocumentFiles, insertNote } from '../store.ts'
import {
  assertReadableFiles,
  assignmentRef,
  findAssignment,
  loadForAction,
  recordDocumentEvent,
} from './support.ts'

/** Add files the actor may read to the document, as files of the processing. */
export async function attachProcessingFiles(
  ctx: Ctx,
  documentId: string,
  fileIds: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(fileIds)]
  await assertReadableFiles(ctx, unique, 'fileIds')
  await insertDocumentFiles(
    ctx.tx,
    unique.map((fileId) => ({
      documentId,
      fileId,
      role: 'processing',
      addedBy: ctx.actor.id,
      createdAt: ctx.now,
    })),
  )
  return unique
}

/** Record progress on an open assignment the actor handles. */
export async function addNote(ctx: Ctx, input: z.infer<typeof ZAssignmentNote> & { id: string }) {
  const doc = await loadForAction(ctx, input.id)
  assertCanOnAssignment(ctx.actor, doc, 'addNote', input.assignmentId)
  const a = findAssignment(doc, input.assignmentId)
  const fileIds = await attachProcessingFiles(ctx, doc.id, input.fileIds)
  const noteId = await insertNote(ctx.tx, {
    documentId: doc.id,
    assignmentId: a.id,
    authorId: ctx.actor.id,
    principalId: ctx.principalId,
    kind: 'progress',
    body: input.body,
    createdAt: ctx.now,
  })
  await recordDocumentEvent(ctx, doc.id, DOCUMENT_IN_EVENTS.noteAdded, {
    assignment: assignmentRef(a),
    noteId,
    fileIds,
    text: input.body,
  })
  return (await unsafeLoadDocument(ctx.tx, doc.id))!
}
