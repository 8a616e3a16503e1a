/**
 * Editing a draft (Decree 30/2020/NĐ-CP Art. 11: revise): the drafter while it is with them, a
 * reviewer on their step. Metadata, new versions of the main file, attachments, comments.
 */
import type { TAddVersion, TUpdateDraft } from '@common/contracts/documents-out'
import type { Ctx } from '../../../platform/context.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { DOCUMENT_OUT_EVENTS } from '../events.ts'
import { currentVersion, type OutgoingView } from '../queries.ts'
import {
  deleteOutgoingFile,
  insertComment,
  insertOutgoingFiles,
  replaceLinks,
  replaceRecipients,
  updateOutgoing,
} from '../store.ts'
import { assertLinkTargets, assertSigner } from './create-draft.ts'
import {
  actingForOut,
  addVersionRow,
  assertCan,
  loadForAction,
  readableFiles,
  recordOutEvent,
  resolveRecipients,
} from './support.ts'

/** Change the metadata of a draft. */
export async function updateDraft(ctx: Ctx, input: TUpdateDraft & { id: string }): Promise<OutgoingView> {
  const doc = await loadForAction(ctx, input.id)
  assertCan(ctx, 'update', doc)
  const patch: Record<string, unknown> = {}
  const details: Record<string, unknown> = {}
  if (input.signerId && input.signerId !== doc.details.signerId) {
    const signer = await assertSigner(ctx, input.signerId)
    details.signerId = signer.id
    patch.signerName = signer.fullName
    if (input.signerTitle === undefined) patch.signerTitle = signer.position
  }
  if (input.documentType) patch.documentType = input.documentType
  if (input.subject) patch.subject = input.subject
  if (input.signerTitle !== undefined) patch.signerTitle = input.signerTitle
  if (input.urgency) patch.urgency = input.urgency
  if (input.notes !== undefined) patch.notes = input.notes
  await updateOutgoing(ctx.tx, doc.id, patch, details, ctx.now)
  if (input.recipients)
    await replaceRecipients(ctx.tx, doc.id, await resolveRecipients(ctx, input.recipients))
  if (input.relatedDocumentIds) {
    await assertLinkTargets(ctx, null, input.relatedDocumentIds)
    await replaceLinks(ctx.tx, doc.id, 'related', input.relatedDocumentIds, ctx.now)
  }
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.updated, {
    before: {
      documentType: doc.documentType,
      subject: doc.subject,
      signerId: doc.details.signerId,
      urgency: doc.urgency,
    },
    after: {
      ...patch,
      ...details,
      recipients: input.recipients?.length,
      relatedDocumentIds: input.relatedDocumentIds,
    },
  })
  return doc
}

/** Upload a new version of the main file (every upload is a new version). */
export async function addVersion(ctx: Ctx, input: TAddVersion & { id: string }): Promise<OutgoingView> {
  const doc = await loadForAction(ctx, input.id)
  assertCan(ctx, 'addVersion', doc)
  const [file] = await readableFiles(ctx, [input.fileId], 'fileId')
  const version = await addVersionRow(ctx, doc.id, file!, input.note, 'fileId')
  await updateOutgoing(ctx.tx, doc.id, {}, { currentVersionId: version.id }, ctx.now)
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.versionAdded, {
    version: version.version,
    versionId: version.id,
    fileId: file!.id,
    mediaType: file!.mediaType,
    note: input.note,
  })
  return doc
}

/** Attach files (already uploaded) to the draft. */
export async function addAttachments(
  ctx: Ctx,
  input: { id: string; fileIds: string[] },
): Promise<OutgoingView> {
  const doc = await loadForAction(ctx, input.id)
  assertCan(ctx, 'update', doc)
  const found = await readableFiles(ctx, [...new Set(input.fileIds)], 'fileIds')
  await insertOutgoingFiles(
    ctx.tx,
    found.map((f) => ({
      documentId: doc.id,
      fileId: f.id,
      role: 'attachment',
      addedBy: ctx.actor.id,
      createdAt: ctx.now,
    })),
  )
  await updateOutgoing(ctx.tx, doc.id, {}, {}, ctx.now)
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.attachmentsAdded, { fileIds: found.map((f) => f.id) })
  return doc
}

/** Detach one attachment from the draft. */
export async function removeAttachment(
  ctx: Ctx,
  input: { id: string; fileId: string },
): Promise<OutgoingView> {
  const doc = await loadForAction(ctx, input.id)
  assertCan(ctx, 'update', doc)
  if (!(await deleteOutgoingFile(ctx.tx, doc.id, input.fileId, 'attachment'))) throw notFound('attachment')
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.attachmentRemoved, { fileId: input.fileId })
  return doc
}

/** A comment on a version (the current one by default). */
export async function addComment(
  ctx: Ctx,
  input: { id: string; versionId?: string | null | undefined; body: string },
): Promise<OutgoingView> {
  const actingFor = await actingForOut(ctx.tx, ctx.actor, ctx.now)
  // A comment "for" someone needs their delegation: nobody writes in another's name otherwise.
  if (ctx.principalId !== ctx.actor.id && !actingFor.includes(ctx.principalId))
    throw new AppError('NOT_ALLOWED', { message: 'No delegation from this person' })
  const doc = await loadForAction(ctx, input.id, actingFor)
  assertCan(ctx, 'comment', doc, actingFor)
  const version = input.versionId ? doc.versions.find((v) => v.id === input.versionId) : currentVersion(doc)
  if (input.versionId && !version) throw notFound('version')
  await insertComment(ctx.tx, {
    documentId: doc.id,
    versionId: version?.id ?? null,
    kind: 'comment',
    body: input.body,
    authorId: ctx.actor.id,
    principalId: ctx.principalId,
    createdAt: ctx.now,
  })
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.commented, {
    version: version?.version ?? null,
    body: input.body,
  })
  return doc
}
