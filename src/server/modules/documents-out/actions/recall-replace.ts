/**
 * After issuing (Decree 30/2020/NĐ-CP Art. 19, Annex VI §III.8): recall freezes the document and
 * cancels its internal copies (their open assignments, with a note why); replace starts a new
 * draft linked as replacing it (content errors are fixed by a replacing document). A failed
 * e-mail delivery can be tried again.
 */
import type { TRecallDocument, TReplaceDocument } from '@common/contracts/documents-out'
import type { Ctx } from '../../../platform/context.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { recallInternal } from '../../documents-in/index.ts'
import { DOCUMENT_OUT_EVENTS } from '../events.ts'
import { currentVersion, type OutgoingView } from '../queries.ts'
import {
  insertLink,
  insertOutgoing,
  insertOutgoingFiles,
  insertVersion,
  replaceRecipients,
  updateOutgoing,
  updateRecipient,
} from '../store.ts'
import { assertCan, loadForAction, recordOutEvent } from './support.ts'

/** Recall an issued document: frozen, its internal copies cancelled. */
export async function recallDocument(
  ctx: Ctx,
  input: TRecallDocument & { id: string },
): Promise<OutgoingView> {
  const doc = await loadForAction(ctx, input.id)
  if (doc.state !== 'issued')
    throw new AppError('INVALID_TRANSITION', { message: `Cannot recall in state ${doc.state}` })
  assertCan(ctx, 'recall', doc)
  const internal = doc.recipients.filter((r) => r.incomingDocumentId)
  await recallInternal(ctx, {
    incomingDocumentIds: internal.map((r) => r.incomingDocumentId!),
    reason: input.reason,
  })
  for (const r of doc.recipients)
    await updateRecipient(
      ctx.tx,
      r.id,
      // An agency reached by exchange is asked to give it back (status 13); it answers 15 or 16.
      r.channel === 'exchange' && r.deliveryState !== 'pending'
        ? { deliveryError: 'Đã gửi yêu cầu thu hồi, chờ cơ quan nhận trả lời', updatedAt: ctx.now }
        : { deliveryState: 'recalled', updatedAt: ctx.now },
    )
  await updateOutgoing(
    ctx.tx,
    doc.id,
    { state: 'recalled' },
    { recalledAt: ctx.now, recallReason: input.reason },
    ctx.now,
  )
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.recalled, {
    reason: input.reason,
    numberAndNotation: doc.numberAndNotation,
    internalCopies: internal.map((r) => r.incomingDocumentId),
    externalRecipients: doc.recipients.filter((r) => r.channel !== 'internal').map((r) => r.name),
  })
  return doc
}

/** A new draft replacing an issued (or recalled) document: same metadata, recipients and last version. */
export async function replaceDocument(
  ctx: Ctx,
  input: TReplaceDocument & { id: string },
): Promise<{ id: string }> {
  const doc = await loadForAction(ctx, input.id)
  assertCan(ctx, 'replace', doc)
  const id = await insertOutgoing(
    ctx.tx,
    {
      direction: 'outgoing',
      state: 'draft',
      documentType: doc.documentType,
      subject: doc.subject,
      signerName: doc.signerName,
      signerTitle: doc.signerTitle,
      urgency: doc.urgency,
      notes: `Thay thế văn bản số ${doc.numberAndNotation ?? ''}: ${input.reason}`,
      registeredBy: ctx.actor.id,
      registeredUnitId: ctx.actor.unitId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
    {
      drafterId: ctx.actor.id,
      // The replacement comes from the unit that drafted the original: same notation, same chain.
      drafterUnitId: doc.details.drafterUnitId ?? ctx.actor.unitId,
      signerId: doc.details.signerId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
  )
  const last = currentVersion(doc)
  if (last) {
    const version = await insertVersion(ctx.tx, {
      documentId: id,
      fileId: last.fileId,
      pdfFileId: last.pdfFileId,
      conversionStatus: last.conversionStatus === 'pending' ? 'pending' : last.conversionStatus,
      textStatus: last.textStatus,
      extractedText: last.extractedText,
      note: 'Bản của văn bản được thay thế',
      uploadedBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    await updateOutgoing(ctx.tx, id, {}, { currentVersionId: version.id })
  }
  await insertOutgoingFiles(
    ctx.tx,
    doc.files
      .filter((f) => f.role === 'attachment')
      .map((f) => ({
        documentId: id,
        fileId: f.fileId,
        role: 'attachment',
        addedBy: ctx.actor.id,
        createdAt: ctx.now,
      })),
  )
  await replaceRecipients(
    ctx.tx,
    id,
    doc.recipients.map((r) => ({
      position: r.position,
      kind: r.kind,
      unitId: r.unitId,
      userId: r.userId,
      organizationId: r.organizationId,
      email: r.email,
      name: r.name,
      channel: r.channel,
      updatedAt: ctx.now,
    })),
  )
  await insertLink(ctx.tx, id, doc.id, 'replaces', ctx.now)
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.replaced, { replacementId: id, reason: input.reason })
  await recordOutEvent(ctx, id, DOCUMENT_OUT_EVENTS.drafted, {
    replacesDocumentId: doc.id,
    reason: input.reason,
  })
  return { id }
}

/** Try a failed or stuck e-mail delivery again. */
export async function retryDelivery(
  ctx: Ctx,
  input: { id: string; deliveryId: string },
): Promise<OutgoingView> {
  const doc = await loadForAction(ctx, input.id)
  assertCan(ctx, 'retryDelivery', doc)
  const r = doc.recipients.find((x) => x.id === input.deliveryId)
  if (!r) throw notFound('delivery')
  if (r.channel === 'internal' || (r.deliveryState !== 'failed' && r.deliveryState !== 'pending'))
    throw new AppError('INVALID_TRANSITION', { message: 'Nothing to retry' })
  await updateRecipient(ctx.tx, r.id, {
    deliveryState: 'pending',
    attempts: 0,
    deliveryError: null,
    updatedAt: ctx.now,
  })
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.deliveryUpdated, {
    recipientId: r.id,
    state: 'pending',
    retry: true,
  })
  return doc
}
