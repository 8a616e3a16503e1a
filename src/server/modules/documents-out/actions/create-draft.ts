/**
 * A specialist drafts an outgoing document (Decree 30/2020/NĐ-CP Art. 10: soạn thảo): type,
 * subject, signer, recipients, urgency, links (the incoming document it answers, related ones),
 * the main file (first version) and attachments.
 */
import type { TCreateDraft } from '@common/contracts/documents-out'
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { lockClientRequest } from '../client-request.ts'
import { DOCUMENT_OUT_EVENTS } from '../events.ts'
import { canBeSigner, canDraft } from '../policy.ts'
import { findAnyDocument, findUsersByIds } from '../lookups.ts'
import { findDraftByClientRequest } from '../client-request.ts'
import {
  insertOutgoing,
  insertOutgoingFiles,
  replaceLinks,
  replaceRecipients,
  updateOutgoing,
} from '../store.ts'
import { addVersionRow, invalid, readableFiles, recordOutEvent, resolveRecipients } from './support.ts'

/** The signer must be an active leader of the actor's organization. */
export async function assertSigner(ctx: Ctx, signerId: string) {
  const [signer] = await findUsersByIds(ctx.tx, [signerId])
  if (!signer || !canBeSigner(signer, ctx.actor.organizationId))
    throw invalid('signerId', 'Người ký phải là lãnh đạo của cơ quan')
  return signer
}

/** Links to documents that exist (any direction); the reply target must be an incoming document. */
export async function assertLinkTargets(
  ctx: Ctx,
  replyTo: string | null | undefined,
  related: readonly string[],
) {
  if (replyTo) {
    const doc = await findAnyDocument(ctx.tx, replyTo)
    if (!doc || doc.direction !== 'incoming')
      throw invalid('replyToDocumentId', 'Văn bản đến được trả lời không tồn tại')
  }
  for (const [i, id] of related.entries()) {
    if (!(await findAnyDocument(ctx.tx, id)))
      throw invalid(`relatedDocumentIds.${i}`, 'Văn bản liên quan không tồn tại')
  }
}

/** Create a draft; a repeated form submission (same clientRequestId) returns the first. */
export async function createDraft(ctx: Ctx, input: TCreateDraft): Promise<{ id: string }> {
  if (!canDraft(ctx.actor))
    throw new AppError('NOT_ALLOWED', { message: 'You may not draft outgoing documents' })
  if (input.clientRequestId) {
    await lockClientRequest(ctx.tx, ctx.actor.id, input.clientRequestId)
    const existing = await findDraftByClientRequest(ctx.tx, ctx.actor.id, input.clientRequestId)
    if (existing) return { id: existing }
  }
  const signer = await assertSigner(ctx, input.signerId)
  await assertLinkTargets(ctx, input.replyToDocumentId, input.relatedDocumentIds)
  const [main] = input.mainFileId ? await readableFiles(ctx, [input.mainFileId], 'mainFileId') : []
  const attachments = await readableFiles(ctx, [...new Set(input.attachmentFileIds)], 'attachmentFileIds')
  const recipients = await resolveRecipients(ctx, input.recipients)

  const id = await insertOutgoing(
    ctx.tx,
    {
      direction: 'outgoing',
      state: 'draft',
      documentType: input.documentType,
      subject: input.subject,
      signerName: signer.fullName,
      signerTitle: input.signerTitle ?? signer.position,
      urgency: input.urgency,
      notes: input.notes,
      registeredBy: ctx.actor.id,
      registeredUnitId: ctx.actor.unitId,
      clientRequestId: input.clientRequestId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
    {
      drafterId: ctx.actor.id,
      drafterUnitId: ctx.actor.unitId,
      signerId: signer.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
  )
  if (main) {
    const version = await addVersionRow(ctx, id, main, null, 'mainFileId')
    await updateOutgoing(ctx.tx, id, {}, { currentVersionId: version.id })
  }
  await insertOutgoingFiles(
    ctx.tx,
    attachments.map((f) => ({
      documentId: id,
      fileId: f.id,
      role: 'attachment',
      addedBy: ctx.actor.id,
      createdAt: ctx.now,
    })),
  )
  await replaceRecipients(ctx.tx, id, recipients)
  if (input.replyToDocumentId) await replaceLinks(ctx.tx, id, 'reply_to', [input.replyToDocumentId], ctx.now)
  await replaceLinks(ctx.tx, id, 'related', input.relatedDocumentIds, ctx.now)
  await recordOutEvent(ctx, id, DOCUMENT_OUT_EVENTS.drafted, {
    documentType: input.documentType,
    subject: input.subject,
    signerId: signer.id,
    replyToDocumentId: input.replyToDocumentId ?? null,
    mainFileId: main?.id ?? null,
    attachmentFileIds: attachments.map((f) => f.id),
    recipients: recipients.map((r) => ({ kind: r.kind, name: r.name, channel: r.channel })),
  })
  return { id }
}
