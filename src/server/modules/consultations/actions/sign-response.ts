/**
 * A member signs their final answer with their own key (issue 7): the answer is laid out as a PDF
 * (answer-pdf.ts) and signed PAdES through the documents-out key store, PIN and PIN lock. Three
 * steps so that no transaction stays open during the cryptography: check and read, sign, then
 * record after checking again under the row lock. Only the member signs, only a final answer,
 * only once, and only before the deadline (a signature is part of the answer).
 */
import { Readable } from 'node:stream'
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../../platform/context.ts'
import { organizations } from '../../../platform/db/schema.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import type { BlobStore } from '../../../platform/files/blob-store.ts'
import { signWithOwnKey, type OwnSignature, type TxRunner } from '../../documents-out/index.ts'
import { insertFileWithBlob, unsafeFindFile } from '../../files/index.ts'
import { answerPdf, placeNameOf, type AnswerPdfInput } from '../answer-pdf.ts'
import { CONSULTATION_EVENTS as E } from '../events.ts'
import { canSeeResponse } from '../policy.ts'
import { answersOf, factsOf, type ConsultationView, type ResponseRow } from '../queries.ts'
import { setResponseSigned } from '../store.ts'
import { assertBeforeDeadline, loadForAction, recordConsultationEvent } from './support.ts'

export type SignResponseDeps = { blobs: BlobStore; maxBytes: number; now: () => Date }
type Target = { consultationId: string; responseId: string }

/** The response the actor may sign now, or the error they see. */
function signable(ctx: Ctx, c: ConsultationView, responseId: string): ResponseRow {
  const response = c.responses.find((r) => r.id === responseId)
  const member = response && c.participants.find((p) => p.id === response.memberId)
  if (!response || !member || !canSeeResponse(ctx.actor, factsOf(c), member)) throw notFound('response')
  if (response.memberId !== ctx.actor.id)
    throw new AppError('NOT_ALLOWED', { message: 'Chỉ thành viên ký số ý kiến của chính mình' })
  assertBeforeDeadline(ctx, c)
  if (response.signedFileId) throw new AppError('ALREADY_SIGNED', { message: 'Ý kiến đã được ký số' })
  if (response.state !== 'final')
    throw new AppError('INVALID_TRANSITION', {
      message: 'Chỉ ký số được ý kiến đã gửi chính thức',
    })
  return response
}

async function prepare(ctx: Ctx, input: Target): Promise<AnswerPdfInput> {
  const c = await loadForAction(ctx, input.consultationId)
  const response = signable(ctx, c, input.responseId)
  const member = c.people.get(response.memberId)!
  const files: AnswerPdfInput['files'] = []
  for (const id of response.fileIds) {
    const file = await unsafeFindFile(ctx.tx, id)
    if (file) files.push({ filename: file.filename, sha256: file.sha256 })
  }
  const submitter = response.submittedBy ? c.people.get(response.submittedBy) : undefined
  const [org] = await ctx.tx
    .select({ address: organizations.address, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.id, member.organizationId))
  return {
    organizationName: member.organizationName ?? '',
    placeName: org ? placeNameOf(org) : null,
    consultationTitle: c.title,
    addressee: ctx.config.organization.name,
    questions: c.questions,
    answers: answersOf(response),
    files,
    memberName: member.fullName,
    signerTitle: `Ủy viên ${ctx.config.organization.name}`,
    receiptNumber: response.receiptNumber ?? '',
    digest: response.digest ?? '',
    submittedAt: response.submittedAt ?? ctx.now,
    submittedByName: response.onBehalf && submitter ? submitter.fullName : null,
  }
}

type Completion = Target & { stored: { sha256: string; size: number }; signature: OwnSignature }

async function complete(ctx: Ctx, input: Completion): Promise<{ consultationId: string; memberId: string }> {
  const c = await loadForAction(ctx, input.consultationId)
  const response = signable(ctx, c, input.responseId)
  const file = await insertFileWithBlob(ctx.tx, {
    ...input.stored,
    filename: `y-kien-${response.receiptNumber ?? response.id}.signed.pdf`,
    mediaType: 'application/pdf',
    uploadedBy: ctx.actor.id,
    createdAt: ctx.now,
  })
  await setResponseSigned(ctx.tx, response.id, file.id, ctx.now)
  const cert = input.signature.certificate
  await recordConsultationEvent(ctx, c.id, E.answerSigned, {
    responseId: response.id,
    memberId: response.memberId,
    receiptNumber: response.receiptNumber,
    fileId: file.id,
    sha256: input.stored.sha256,
    certificateSerial: cert.serialNumber,
    certificateSubject: cert.subject,
    signingTime: input.signature.signingTime.toISOString(),
  })
  return { consultationId: c.id, memberId: response.memberId }
}

/** A wrong PIN (or the lock it caused) in the consultation's audit trail, in its own transaction. */
async function recordRefusal(ctx: Ctx, input: Target & { reason: string }): Promise<void> {
  await recordConsultationEvent(ctx, input.consultationId, E.answerSigningRefused, {
    responseId: input.responseId,
    reason: input.reason,
  })
}

/** Sign the actor's final answer; each database step in its own transaction through `run`. */
export async function signResponse(run: TxRunner, deps: SignResponseDeps, input: Target & { pin: string }) {
  const target = { consultationId: input.consultationId, responseId: input.responseId }
  const pdfInput = await run(prepare, target)
  const { pdf, placement } = await answerPdf(pdfInput)
  let signature: OwnSignature
  try {
    signature = await signWithOwnKey(run, {
      pdf,
      pin: input.pin,
      now: deps.now,
      signerName: pdfInput.memberName,
      signerTitle: pdfInput.signerTitle,
      reason: `Ý kiến ${pdfInput.receiptNumber}`,
      purpose: 'consultationAnswer',
      placementHint: placement,
    })
  } catch (err) {
    if (err instanceof AppError && (err.code === 'WRONG_PIN' || err.code === 'PIN_LOCKED'))
      await run(recordRefusal, { ...target, reason: err.code })
    throw err
  }
  const stored = await deps.blobs.put(Readable.from([Buffer.from(signature.pdf)]), {
    maxBytes: Math.max(deps.maxBytes, signature.pdf.length + 1),
  })
  return run(complete, { ...target, stored, signature })
}
