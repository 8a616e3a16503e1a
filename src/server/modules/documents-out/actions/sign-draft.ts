/**
 * The signing leader signs the approved PDF with their own key (Decree 30/2020/NĐ-CP Art. 13,
 * Annex I §II.7: the blue signature image between title and name). Three steps so that no
 * transaction stays open during the cryptography: check and read (prepare), sign outside any
 * transaction, then record (complete) after checking again under the row lock. A wrong PIN
 * changes nothing but the PIN failure count.
 */
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import type { BlobStore } from '../../../platform/files/blob-store.ts'
import { openP12Signer, signPdf, type Signer } from '../../../platform/signing/index.ts'
import { unsafeFindFile } from '../../files/index.ts'
import { DOCUMENT_OUT_EVENTS } from '../events.ts'
import {
  activeUserKey,
  assertPinNotLocked,
  insertProducedFile,
  putBytes,
  readBlob,
  recordPinFailure,
  resetPinFailures,
  signingAppError,
  type KeyRow,
} from '../keys.ts'
import { currentVersion, type OutgoingView } from '../queries.ts'
import { insertOutgoingFiles, insertSignature, updateOutgoing } from '../store.ts'
import { DOCX, loadForAction, recordOutEvent } from './support.ts'

export type TxRunner = <I, O>(action: (ctx: Ctx, input: I) => Promise<O>, input: I) => Promise<O>
export type SigningDeps = { blobs: BlobStore; maxBytes: number; now: () => Date }

/** Why the document cannot be signed now, as the error the signer sees; null when it can. */
export function signingRefusal(ctx: Ctx, doc: OutgoingView): AppError | null {
  if (doc.details.signerId !== ctx.actor.id)
    return new AppError('NOT_ALLOWED', { message: 'Only the signer signs' })
  if (doc.signatures.some((s) => s.kind === 'approval') || doc.state === 'signed' || doc.state === 'issued')
    return new AppError('ALREADY_SIGNED', { message: 'The document is already signed' })
  if (doc.state !== 'approved')
    return new AppError('DOCUMENT_NOT_APPROVED', { message: `State ${doc.state}` })
  return null
}

type Prepared = {
  documentId: string
  pdfSha256: string
  filename: string
  key: KeyRow
  signerName: string
  signerTitle: string
}

/** Check the signer may sign now and read what signing needs (no writes). */
export async function prepareSigning(ctx: Ctx, input: { id: string }): Promise<Prepared> {
  const doc = await loadForAction(ctx, input.id)
  const refusal = signingRefusal(ctx, doc)
  if (refusal) throw refusal
  const version = currentVersion(doc)
  if (!version) throw new AppError('PDF_NOT_READY', { message: 'No version' })
  if (!version.pdfFileId) {
    if (version.mediaType === DOCX && version.conversionStatus !== 'pending')
      throw new AppError('NOT_A_PDF', {
        message: 'The version is a DOCX without its PDF: upload the final PDF',
      })
    throw new AppError('PDF_NOT_READY', { message: 'The PDF is being converted' })
  }
  await assertPinNotLocked(ctx.tx, ctx.actor.id, ctx.now)
  const key = await activeUserKey(ctx.tx, ctx.actor.id)
  if (!key) throw new AppError('SIGNING_KEY_MISSING', { message: 'The signer has no key' })
  const sha = await fileSha(ctx, version.pdfFileId)
  return {
    documentId: doc.id,
    pdfSha256: sha,
    filename: version.filename.replace(/\.(docx|pdf)$/i, ''),
    key,
    signerName: doc.signerName ?? ctx.actor.fullName,
    signerTitle: doc.signerTitle ?? ctx.actor.position ?? '',
  }
}

async function fileSha(ctx: Ctx, fileId: string): Promise<string> {
  const file = await unsafeFindFile(ctx.tx, fileId)
  if (!file) throw new AppError('PDF_NOT_READY', { message: 'The PDF file is missing' })
  return file.sha256
}

/** Open a key with the PIN typed; a wrong PIN is counted (own transaction) and refused. */
export async function unlockKey(
  run: TxRunner,
  key: KeyRow,
  pin: string,
  now: Date,
  failure: { documentId: string | null; purpose: string },
): Promise<Signer> {
  try {
    return openP12Signer(key.p12, pin, now)
  } catch (err) {
    const error = signingAppError(err)
    if (error.code === 'WRONG_PIN') {
      const { isLocked } = await run(recordPinFailure, failure)
      if (isLocked) throw new AppError('PIN_LOCKED', { message: 'Too many wrong PINs', cause: err })
    }
    throw error
  }
}

type Completed = {
  documentId: string
  stored: { sha256: string; size: number }
  filename: string
  signingTime: Date
  key: KeyRow
}

/** Record the signed PDF and the signature after checking again under the lock. */
export async function completeSigning(ctx: Ctx, input: Completed): Promise<{ id: string }> {
  const doc = await loadForAction(ctx, input.documentId)
  const refusal = signingRefusal(ctx, doc)
  if (refusal) throw refusal
  const file = await insertProducedFile(ctx, input.stored, `${input.filename}.signed.pdf`)
  const source = currentVersion(doc)!
  await insertOutgoingFiles(ctx.tx, [
    {
      documentId: doc.id,
      fileId: file.id,
      role: 'signed',
      sourceFileId: source.pdfFileId,
      isSigned: true,
      addedBy: ctx.actor.id,
      createdAt: ctx.now,
    },
  ])
  const cert = input.key.certificate as {
    subject: string
    serialNumber: string
    sha256Fingerprint: string
    commonName: string | null
  }
  await insertSignature(ctx.tx, {
    documentId: doc.id,
    kind: 'approval',
    sourceFileId: source.pdfFileId!,
    fileId: file.id,
    signingKeyId: input.key.id,
    signedBy: ctx.actor.id,
    signedFor: ctx.actor.id,
    signerName: cert.commonName ?? ctx.actor.fullName,
    certificateSubject: cert.subject,
    certificateSerial: cert.serialNumber,
    certificateFingerprint: cert.sha256Fingerprint,
    signingTime: input.signingTime,
    createdAt: ctx.now,
  })
  await updateOutgoing(ctx.tx, doc.id, { state: 'signed' }, { signedFileId: file.id }, ctx.now)
  await resetPinFailures(ctx.tx, ctx.actor.id)
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.signed, {
    kind: 'approval',
    fileId: file.id,
    sha256: input.stored.sha256,
    version: source.version,
    certificateSerial: cert.serialNumber,
    certificateSubject: cert.subject,
    signingTime: input.signingTime.toISOString(),
  })
  return { id: doc.id }
}

/** The whole signing, each database step in its own transaction through `run`. */
export async function signDraft(run: TxRunner, deps: SigningDeps, input: { id: string; pin: string }) {
  const prepared = await run(prepareSigning, { id: input.id })
  const signingTime = deps.now()
  const signer = await unlockKey(run, prepared.key, input.pin, signingTime, {
    documentId: prepared.documentId,
    purpose: 'approval',
  })
  const pdf = await readBlob(deps.blobs, prepared.pdfSha256)
  let signed: Uint8Array
  try {
    const result = await signPdf(pdf, signer, {
      appearance: {
        kind: 'approval',
        signerName: prepared.signerName,
        signerTitle: prepared.signerTitle,
        ...(prepared.key.imagePng ? { imagePng: prepared.key.imagePng } : {}),
      },
      reason: 'Phê duyệt văn bản',
      location: 'Hà Nội',
      signingTime,
    })
    signed = result.pdf
  } catch (err) {
    throw signingAppError(err)
  }
  const stored = await putBytes(deps.blobs, signed, deps.maxBytes)
  return run(completeSigning, {
    documentId: prepared.documentId,
    stored,
    filename: prepared.filename,
    signingTime,
    key: prepared.key,
  })
}
