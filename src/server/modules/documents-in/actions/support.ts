/** Steps shared by the incoming-document actions: load under lock, check files, record events. */
import type { Ctx } from '../../../platform/context.ts'
import type { Executor } from '../../../platform/db/client.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { activeDelegationsOf, scopesCover } from '../../delegations/index.ts'
import { fileReadableBy, unsafeFindFile } from '../../files/index.ts'
import type { Actor } from '../../../platform/context.ts'
import { DOCUMENT_IN_TARGET, type AssignmentRef } from '../events.ts'
import { canSeeDocument } from '../policy.ts'
import { unsafeLoadDocument, type AssignmentView, type DocumentView } from '../queries.ts'

export function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message, details: [{ path, message }] })
}

/** The document locked for this transaction, or NOT_FOUND when it does not exist or is not visible. */
export async function loadForAction(
  ctx: Ctx,
  id: string,
  actingFor: readonly string[] = [],
): Promise<DocumentView> {
  const doc = await unsafeLoadDocument(ctx.tx, id, { forUpdate: true })
  if (!doc || !canSeeDocument(ctx.actor, doc, actingFor)) throw notFound('document')
  return doc
}

/** Leaders whose 'documentIn.direct' delegation the actor holds now (a secretary entering directives). */
export async function actingForLeaders(db: Executor, actor: Actor, now: Date): Promise<string[]> {
  const active = await activeDelegationsOf(db, actor.id, now)
  return active.filter((d) => scopesCover(d.scopes, 'documentIn.direct')).map((d) => d.principalId)
}

/** Files the actor uploaded or may read; anything else is an input error naming the position. */
export async function assertReadableFiles(ctx: Ctx, fileIds: readonly string[], path: string) {
  const found = []
  for (const [i, id] of fileIds.entries()) {
    const file = await unsafeFindFile(ctx.tx, id)
    if (!file || !(await fileReadableBy(ctx.tx, ctx.actor, file)))
      throw invalid(`${path}.${i}`, 'Tệp không tồn tại')
    found.push(file)
  }
  return found
}

export function assignmentRef(
  a: Pick<
    AssignmentView,
    'id' | 'role' | 'assigneeUserId' | 'assigneeUserName' | 'assigneeUnitId' | 'assigneeUnitName' | 'dueDate'
  >,
): AssignmentRef {
  return {
    id: a.id,
    role: a.role,
    userId: a.assigneeUserId,
    userName: a.assigneeUserName,
    unitId: a.assigneeUnitId,
    unitName: a.assigneeUnitName,
    dueDate: a.dueDate,
  }
}

export function findAssignment(doc: DocumentView, id: string): AssignmentView {
  const a = doc.assignments.find((x) => x.id === id)
  if (!a) throw notFound('assignment')
  return a
}

/** Record a step of the document; `text` is what the timeline shows (directive, note, reason, result). */
export async function recordDocumentEvent(
  ctx: Ctx,
  documentId: string,
  action: string,
  data: Record<string, unknown>,
) {
  return recordEvent(ctx, { action, targetType: DOCUMENT_IN_TARGET, targetId: documentId, data })
}

/** What the audit log keeps of the metadata (before/after of a correction). */
export function auditMetadata(d: DocumentView | (Partial<DocumentView> & Record<string, unknown>)) {
  return {
    receivedVia: d.receivedVia,
    senderOrganizationId: d.senderOrganizationId,
    senderName: d.senderName,
    numberAndNotation: d.numberAndNotation,
    issueDate: d.issueDate,
    issuePlace: d.issuePlace,
    documentType: d.documentType,
    subject: d.subject,
    signerName: d.signerName,
    signerTitle: d.signerTitle,
    urgency: d.urgency,
    pageCount: d.pageCount,
    copyCount: d.copyCount,
    dueDate: d.dueDate,
    notes: d.notes,
    documentIdentifier: d.documentIdentifier,
  }
}
