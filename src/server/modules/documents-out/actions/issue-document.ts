/**
 * The clerk issues a signed document (Decree 30/2020/NĐ-CP Art. 14–16): numbers it if needed,
 * applies the organization's seal signature on the leader's signed PDF (Annex I §II.8) and the
 * organization signature on each separate PDF attachment (number/notation + signing time, top
 * right, no image), then delivers: internal recipients get it as an incoming document, e-mail
 * recipients through the delivery job, agencies on the exchange axis through issue 5.
 * The PIN is checked before anything is written; cryptography runs outside any transaction.
 */
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { signPdf } from '../../../platform/signing/index.ts'
import { receiveInternal } from '../../documents-in/index.ts'
import { vnDate } from '../dates.ts'
import { DOCUMENT_OUT_EVENTS } from '../events.ts'
import {
  activeOrganizationKey,
  assertPinNotLocked,
  insertProducedFile,
  putBytes,
  readBlob,
  resetPinFailures,
  signingAppError,
  type KeyRow,
} from '../keys.ts'
import { isClerkOf } from '../policy.ts'
import { type OutgoingView } from '../queries.ts'
import { findOrganization, unsafeLoadNumberingFacts } from '../lookups.ts'
import {
  insertLink,
  insertOutgoingFiles,
  insertSignature,
  updateOutgoing,
  updateRecipient,
} from '../store.ts'
import { numberDocument } from './assign-number.ts'
import { unlockKey, type SigningDeps, type TxRunner } from './sign-draft.ts'
import { PDF, loadForAction, recordOutEvent } from './support.ts'

function issueRefusal(ctx: Ctx, doc: OutgoingView): AppError | null {
  if (!isClerkOf(ctx.actor, doc))
    return new AppError('NOT_ALLOWED', { message: 'Only clerks issue documents' })
  if (doc.state === 'issued' || doc.state === 'recalled' || doc.state === 'replaced')
    return new AppError('ALREADY_ISSUED')
  if (doc.state !== 'signed' || !doc.details.signedFileId)
    return new AppError('DOCUMENT_NOT_SIGNED', { message: `Issuing refused in state ${doc.state}` })
  return null
}

type Prepared = { documentId: string; key: KeyRow }

async function prepareIssue(
  ctx: Ctx,
  input: { id: string; registerId?: string | null | undefined },
): Promise<Prepared> {
  const doc = await loadForAction(ctx, input.id)
  const refusal = issueRefusal(ctx, doc)
  if (refusal) throw refusal
  if (doc.registerNumber === null && !input.registerId)
    throw new AppError('VALIDATION_FAILED', {
      message: 'registerId',
      details: [{ path: 'registerId', message: 'Chọn sổ văn bản đi để cấp số' }],
    })
  await assertPinNotLocked(ctx.tx, ctx.actor.id, ctx.now)
  const key = await activeOrganizationKey(ctx.tx, doc.organizationId)
  if (!key) throw new AppError('SIGNING_KEY_MISSING', { message: 'No organization key' })
  return { documentId: doc.id, key }
}

type ToSign = {
  numberAndNotation: string
  signerName: string | null
  signed: { fileId: string; sha256: string; filename: string }
  attachments: { fileId: string; sha256: string; filename: string; mediaType: string }[]
}

/** Number it (committed on its own: the number is then used by this document, never silently lost). */
async function numberForIssue(
  ctx: Ctx,
  input: { id: string; registerId?: string | null | undefined },
): Promise<ToSign> {
  const doc = await loadForAction(ctx, input.id)
  const refusal = issueRefusal(ctx, doc)
  if (refusal) throw refusal
  const facts = doc.numberAndNotation ? null : await unsafeLoadNumberingFacts(ctx.tx, doc.id)
  const numberAndNotation = doc.numberAndNotation ?? (await numberDocument(ctx, facts!, input.registerId!))
  const signed = doc.files.find((f) => f.fileId === doc.details.signedFileId)!
  return {
    numberAndNotation,
    signerName: doc.signerName,
    signed: { fileId: signed.fileId, sha256: signed.sha256, filename: signed.filename },
    attachments: doc.files
      .filter((f) => f.role === 'attachment')
      .map((f) => ({ fileId: f.fileId, sha256: f.sha256, filename: f.filename, mediaType: f.mediaType })),
  }
}

/** ISO 8601 in Viet Nam time, as the attachment signature shows it (Annex I §II.8.c). */
export function vnIsoTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 19)
  return `${local}+07:00`
}

type Produced = {
  documentId: string
  key: KeyRow
  signingTime: Date
  issueDate: string
  main: { sourceFileId: string; stored: { sha256: string; size: number }; filename: string }
  attachments: { sourceFileId: string; stored: { sha256: string; size: number }; filename: string }[]
}

async function completeIssue(
  ctx: Ctx,
  input: Produced,
): Promise<{ id: string; hasEmail: boolean; hasInternal: boolean }> {
  const doc = await loadForAction(ctx, input.documentId)
  const refusal = issueRefusal(ctx, doc)
  if (refusal) throw refusal
  const cert = input.key.certificate as {
    subject: string
    serialNumber: string
    sha256Fingerprint: string
    commonName: string | null
  }
  const own = await findOrganization(ctx.tx, doc.organizationId)
  const signature = (kind: 'seal' | 'attachment', sourceFileId: string, fileId: string) =>
    insertSignature(ctx.tx, {
      documentId: doc.id,
      kind,
      sourceFileId,
      fileId,
      signingKeyId: input.key.id,
      signedBy: ctx.actor.id,
      signedFor: ctx.actor.id,
      signerName: cert.commonName ?? own?.name ?? '',
      certificateSubject: cert.subject,
      certificateSerial: cert.serialNumber,
      certificateFingerprint: cert.sha256Fingerprint,
      signingTime: input.signingTime,
      createdAt: ctx.now,
    })
  const main = await insertProducedFile(ctx, input.main.stored, input.main.filename)
  await insertOutgoingFiles(ctx.tx, [
    {
      documentId: doc.id,
      fileId: main.id,
      role: 'main',
      sourceFileId: input.main.sourceFileId,
      isSigned: true,
      addedBy: ctx.actor.id,
      createdAt: ctx.now,
    },
  ])
  await signature('seal', input.main.sourceFileId, main.id)
  const attachmentIds: string[] = []
  for (const a of input.attachments) {
    const file = await insertProducedFile(ctx, a.stored, a.filename)
    attachmentIds.push(file.id)
    await insertOutgoingFiles(ctx.tx, [
      {
        documentId: doc.id,
        fileId: file.id,
        role: 'sealed_attachment',
        sourceFileId: a.sourceFileId,
        isSigned: true,
        addedBy: ctx.actor.id,
        createdAt: ctx.now,
      },
    ])
    await signature('attachment', a.sourceFileId, file.id)
  }
  const unsignedAttachments = doc.files
    .filter((f) => f.role === 'attachment' && !input.attachments.some((a) => a.sourceFileId === f.fileId))
    .map((f) => f.fileId)
  await updateOutgoing(
    ctx.tx,
    doc.id,
    {
      state: 'issued',
      issueDate: input.issueDate,
      // Decree 30/2020 Annex VI: the system gives each issued document its identifier (edXML DocumentId).
      documentIdentifier: own?.code
        ? `${own.code},${input.issueDate.replaceAll('-', '/')},${doc.numberAndNotation!.replace(/\s+/g, '')}`
        : null,
    },
    { issuedFileId: main.id, issuedAt: ctx.now, issuedBy: ctx.actor.id },
    ctx.now,
  )

  const deliveries: { recipientId: string; channel: string; state: string; incomingDocumentId?: string }[] =
    []
  for (const r of doc.recipients) {
    if (r.channel === 'internal') {
      const { id } = await receiveInternal(ctx, {
        outgoingDocumentId: doc.id,
        senderOrganizationId: doc.organizationId,
        senderName: own?.name ?? '',
        numberAndNotation: doc.numberAndNotation!,
        issueDate: input.issueDate,
        documentType: doc.documentType,
        subject: doc.subject,
        signerName: doc.signerName,
        signerTitle: doc.signerTitle,
        urgency: doc.urgency,
        mainFileId: main.id,
        attachmentFileIds: [...attachmentIds, ...unsignedAttachments],
        recipient: { unitId: r.unitId, userId: r.userId },
        assignedFor: doc.details.signerId,
      })
      await insertLink(ctx.tx, doc.id, id, 'delivered_as', ctx.now)
      await updateRecipient(ctx.tx, r.id, {
        deliveryState: 'received',
        incomingDocumentId: id,
        sentAt: ctx.now,
        updatedAt: ctx.now,
      })
      deliveries.push({ recipientId: r.id, channel: r.channel, state: 'received', incomingDocumentId: id })
    } else {
      // The outbox: the delivery job sends e-mail; the exchange module (issue 5) takes 'exchange'.
      await updateRecipient(ctx.tx, r.id, {
        deliveryState: 'pending',
        deliveryError: r.channel === 'exchange' ? 'Chờ gửi qua trục liên thông văn bản quốc gia' : null,
        updatedAt: ctx.now,
      })
      deliveries.push({ recipientId: r.id, channel: r.channel, state: 'pending' })
    }
  }
  // Issuing a replacement ends the document it replaces (Decree 30/2020 Art. 19: a replacing document).
  for (const link of doc.links.filter((l) => l.relation === 'replaces')) {
    if (link.state !== 'issued' && link.state !== 'recalled') continue
    await updateOutgoing(ctx.tx, link.id, { state: 'replaced' }, {}, ctx.now)
    await recordOutEvent(ctx, link.id, DOCUMENT_OUT_EVENTS.replaced, {
      replacementId: doc.id,
      isIssued: true,
    })
  }
  await resetPinFailures(ctx.tx, ctx.actor.id)
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.issued, {
    numberAndNotation: doc.numberAndNotation,
    issueDate: input.issueDate,
    fileId: main.id,
    sha256: input.main.stored.sha256,
    sealedAttachmentFileIds: attachmentIds,
    unsignedAttachmentFileIds: unsignedAttachments,
    certificateSerial: cert.serialNumber,
    deliveries,
  })
  return {
    id: doc.id,
    hasEmail: deliveries.some((d) => d.channel === 'email'),
    // Our own units got incoming documents whose files' text is to be read (and indexed).
    hasInternal: deliveries.some((d) => d.channel === 'internal'),
  }
}

/** The whole issue, each database step in its own transaction through `run`. */
export async function issueDocument(
  run: TxRunner,
  deps: SigningDeps,
  input: {
    id: string
    registerId?: string | null | undefined
    sealPin: string
    issueDate?: string | null | undefined
  },
) {
  const prepared = await run(prepareIssue, input)
  const signingTime = deps.now()
  const signer = await unlockKey(run, prepared.key, input.sealPin, signingTime, {
    documentId: input.id,
    purpose: 'seal',
  })
  const toSign = await run(numberForIssue, input)
  try {
    const sealed = await signPdf(await readBlob(deps.blobs, toSign.signed.sha256), signer, {
      // Without a seal image the organization signature shows as text (the admin adds the image).
      appearance: prepared.key.imagePng
        ? {
            kind: 'seal',
            imagePng: prepared.key.imagePng,
            ...(toSign.signerName ? { signerName: toSign.signerName } : {}),
          }
        : { kind: 'attachment', text: `${toSign.numberAndNotation} ${vnIsoTime(signingTime)}` },
      reason: `Ban hành văn bản ${toSign.numberAndNotation}`,
      location: 'Hà Nội',
      signingTime,
    })
    const attachments = []
    for (const a of toSign.attachments.filter((x) => x.mediaType === PDF)) {
      const signedAttachment = await signPdf(await readBlob(deps.blobs, a.sha256), signer, {
        appearance: { kind: 'attachment', text: `${toSign.numberAndNotation} ${vnIsoTime(signingTime)}` },
        reason: `Kèm theo văn bản ${toSign.numberAndNotation}`,
        location: 'Hà Nội',
        signingTime,
      })
      attachments.push({
        sourceFileId: a.fileId,
        stored: await putBytes(deps.blobs, signedAttachment.pdf, deps.maxBytes),
        filename: a.filename.replace(/\.pdf$/i, '') + '.signed.pdf',
      })
    }
    const safe = toSign.numberAndNotation.replace(/[^\p{L}\p{N}-]+/gu, '_')
    return await run(completeIssue, {
      documentId: input.id,
      key: prepared.key,
      signingTime,
      issueDate: input.issueDate ?? vnDate(signingTime),
      main: {
        sourceFileId: toSign.signed.fileId,
        stored: await putBytes(deps.blobs, sealed.pdf, deps.maxBytes),
        filename: `${safe}.pdf`,
      },
      attachments,
    })
  } catch (err) {
    throw signingAppError(err)
  }
}
