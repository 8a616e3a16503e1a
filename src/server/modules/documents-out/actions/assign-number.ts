/**
 * The clerk numbers an approved document from an outgoing register (Decree 30/2020/NĐ-CP Art. 15:
 * consecutive from 01 each year; the System gives the number) after the format check finds no
 * blocking problem. Every number given is logged; a cancelled one stays in the log with its reason.
 */
import type { TFormatCheck } from '@common/contracts/documents-out'
import type { Ctx } from '../../../platform/context.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { vnDate } from '../dates.ts'
import { DOCUMENT_OUT_EVENTS } from '../events.ts'
import { checkFormat } from '../format-check.ts'
import { buildNotation, initials } from '../notation.ts'
import { isClerkOf } from '../policy.ts'
import { findRegisterForYear, unsafeLoadNumberingFacts, type NumberingFacts } from '../lookups.ts'
import { cancelLoggedNumber, takeNumber, updateOutgoing } from '../store.ts'
import { invalid, recordOutEvent } from './support.ts'

function abbreviations(doc: NumberingFacts) {
  return {
    organizationAbbreviation: doc.organizationShortName ?? initials(doc.organizationName),
    unitAbbreviation: doc.unitShortName ?? doc.unitCode,
  }
}

/** The format check of the current version, with the notation the document gets. */
export function formatCheckOf(ctx: Ctx, doc: NumberingFacts): TFormatCheck {
  const year = Number(vnDate(ctx.now).slice(0, 4))
  const notation = doc.numberAndNotation
    ? doc.numberAndNotation.slice(doc.numberAndNotation.indexOf('/') + 1)
    : buildNotation({ year, documentType: doc.documentType, ...abbreviations(doc) })
  const problems = checkFormat({
    text: doc.textStatus === 'done' ? doc.extractedText : null,
    documentType: doc.documentType,
    expectedNotation: notation,
    signerName: doc.signerName ?? '',
    signerTitle: doc.signerTitle,
    recipientCount: doc.recipientCount,
  })
  return {
    checkedAt: ctx.now.toISOString(),
    notation,
    hasBlockingProblems: problems.some((p) => p.severity === 'error'),
    problems,
  }
}

/** The facts under the row lock, or NOT_FOUND for a document the actor may not see. */
async function loadFacts(ctx: Ctx, id: string): Promise<NumberingFacts> {
  const doc = await unsafeLoadNumberingFacts(ctx.tx, id, { forUpdate: true })
  if (!doc) throw notFound('document')
  return doc
}

function isClerkFor(ctx: Ctx, doc: NumberingFacts): boolean {
  return isClerkOf(ctx.actor, doc)
}

/** Run the format check and keep its result on the document. */
export async function runFormatCheck(ctx: Ctx, input: { id: string }): Promise<TFormatCheck> {
  const doc = await loadFacts(ctx, input.id)
  if (!isClerkFor(ctx, doc) && doc.drafterId !== ctx.actor.id) throw notFound('document')
  const result = formatCheckOf(ctx, doc)
  await updateOutgoing(ctx.tx, doc.id, {}, { lastFormatCheck: result })
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.formatChecked, {
    notation: result.notation,
    problems: result.problems.map((p) => p.code),
  })
  return result
}

/** Why the clerk may not number it now, or null. */
function numberingRefusal(ctx: Ctx, doc: NumberingFacts): AppError | null {
  if (!isClerkFor(ctx, doc)) return new AppError('NOT_ALLOWED', { message: 'Only clerks number documents' })
  if (doc.state === 'issued' || doc.state === 'recalled' || doc.state === 'replaced')
    return new AppError('ALREADY_ISSUED')
  if (doc.registerNumber !== null) return new AppError('NUMBER_ALREADY_ASSIGNED')
  if (doc.state !== 'approved' && doc.state !== 'signed')
    return new AppError('DOCUMENT_NOT_APPROVED', { message: `Numbering refused in state ${doc.state}` })
  return null
}

/** Give the next number of the register (the sequence row stays locked until commit: no repeat, no gap). */
export async function numberDocument(ctx: Ctx, doc: NumberingFacts, registerId: string): Promise<string> {
  const refusal = numberingRefusal(ctx, doc)
  if (refusal) throw refusal
  const year = Number(vnDate(ctx.now).slice(0, 4))
  const register = await findRegisterForYear(ctx.tx, registerId, year)
  if (!register || register.organizationId !== doc.organizationId || register.kind !== 'outgoing')
    throw invalid('registerId', 'Sổ văn bản đi không tồn tại')
  if (!register.isActive) throw new AppError('REGISTER_INACTIVE')
  const check = formatCheckOf(ctx, doc)
  if (check.hasBlockingProblems)
    throw new AppError('FORMAT_CHECK_FAILED', {
      message: 'Format problems',
      details: { problems: check.problems },
    })
  await updateOutgoing(ctx.tx, doc.id, {}, { lastFormatCheck: check })
  // Taken last, so the sequence row stays locked as briefly as possible.
  const { number, numberAndNotation } = await takeNumber(ctx.tx, {
    registerId: register.id,
    year,
    documentId: doc.id,
    notation: buildNotation({ year, documentType: doc.documentType, ...abbreviations(doc) }),
    assignedBy: ctx.actor.id,
    at: ctx.now,
  })
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.numberAssigned, {
    registerId: register.id,
    year,
    number,
    numberAndNotation,
  })
  return numberAndNotation
}

/** The clerk numbers the document from the chosen outgoing register. */
export async function assignNumber(
  ctx: Ctx,
  input: { id: string; registerId: string },
): Promise<{ id: string }> {
  const doc = await loadFacts(ctx, input.id)
  await numberDocument(ctx, doc, input.registerId)
  return { id: doc.id }
}

/** Cancel the number of a document not yet issued: the log keeps it as cancelled, never reused. */
export async function cancelNumber(ctx: Ctx, input: { id: string; reason: string }): Promise<{ id: string }> {
  const doc = await loadFacts(ctx, input.id)
  if (!isClerkFor(ctx, doc)) throw new AppError('NOT_ALLOWED')
  if (doc.state === 'issued' || doc.state === 'recalled' || doc.state === 'replaced')
    throw new AppError('ALREADY_ISSUED')
  if (doc.registerNumber === null || doc.registerId === null || doc.registerYear === null)
    throw new AppError('INVALID_TRANSITION', { message: 'The document has no number' })
  const key = { registerId: doc.registerId, year: doc.registerYear, number: doc.registerNumber }
  await cancelLoggedNumber(ctx.tx, key, {
    reason: input.reason,
    cancelledBy: ctx.actor.id,
    cancelledAt: ctx.now,
  })
  await updateOutgoing(ctx.tx, doc.id, {
    registerId: null,
    registerYear: null,
    registerNumber: null,
    numberAndNotation: null,
    codeNumber: null,
    codeNotation: null,
    numberKey: null,
    updatedAt: ctx.now,
  })
  await recordOutEvent(ctx, doc.id, DOCUMENT_OUT_EVENTS.numberCancelled, {
    ...key,
    numberAndNotation: doc.numberAndNotation,
    reason: input.reason,
  })
  return { id: doc.id }
}
