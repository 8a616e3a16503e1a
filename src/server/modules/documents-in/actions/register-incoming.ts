/**
 * The clerk registers a received document (Decree 30/2020, Art. 22: đăng ký văn bản đến): it gets
 * the next arrival number of the chosen incoming register, its metadata (Annex VI §II.II) and its
 * files. Text extraction runs afterwards as a job (jobs.ts), never in the request.
 */
import type { TRegisterIncoming } from '@common/contracts/documents-in'
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { vnYear } from '../dates.ts'
import { DOCUMENT_IN_EVENTS } from '../events.ts'
import { findDuplicates } from '../list-queries.ts'
import { findOrganization, findRegister } from '../queries.ts'
import {
  findByClientRequest,
  insertDocument,
  insertDocumentFiles,
  lockClientRequest,
  nextRegisterNumber,
} from '../store.ts'
import { assertReadableFiles, invalid, recordDocumentEvent } from './support.ts'

/** How far in the future an arrival time may be (clock skew between the clerk's machine and ours). */
const ARRIVAL_SKEW_MS = 5 * 60_000

/** The Annex VI identifier OrganId,yyyy/MM/dd,number/notation, when every part is known. */
export function documentIdentifier(
  orgCode: string | null | undefined,
  issueDate: string | null | undefined,
  numberAndNotation: string | null,
) {
  if (!orgCode || !issueDate || !numberAndNotation) return null
  return `${orgCode},${issueDate.replaceAll('-', '/')},${numberAndNotation.replace(/\s+/g, '')}`
}

/** "12/QĐ-UBMC" → number "12", notation "QĐ-UBMC" (Annex I §II.3); null parts when there is no slash. */
export function splitNumber(numberAndNotation: string | null): {
  codeNumber: string | null
  codeNotation: string | null
} {
  if (!numberAndNotation) return { codeNumber: null, codeNotation: null }
  const compact = numberAndNotation.replace(/\s+/g, '')
  const slash = compact.indexOf('/')
  if (slash <= 0) return { codeNumber: null, codeNotation: compact || null }
  return { codeNumber: compact.slice(0, slash), codeNotation: compact.slice(slash + 1) || null }
}

/** Who sent it: the directory entry, or the name as typed. */
export async function resolveSender(
  ctx: Ctx,
  input: { senderOrganizationId?: string | null | undefined; senderName?: string | null | undefined },
) {
  if (!input.senderOrganizationId) return { organization: null, senderName: input.senderName ?? null }
  const organization = await findOrganization(ctx.tx, input.senderOrganizationId)
  if (!organization) throw invalid('senderOrganizationId', 'Cơ quan gửi không có trong danh bạ')
  return { organization, senderName: input.senderName ?? organization.name }
}

async function loadRegister(ctx: Ctx, registerId: string, year: number) {
  const register = await findRegister(ctx.tx, registerId, year)
  if (!register || register.organizationId !== ctx.actor.organizationId || register.kind !== 'incoming') {
    throw invalid('registerId', 'Sổ văn bản đến không tồn tại')
  }
  if (!register.isActive) {
    throw new AppError('REGISTER_INACTIVE', {
      message: `The register ${register.code} is closed`,
      details: [{ path: 'registerId', message: 'Sổ đã đóng, chọn sổ khác' }],
    })
  }
  return register
}

function uniqueFileIds(input: TRegisterIncoming): { fileIds: string[]; mainFileId: string | null } {
  const fileIds = [...new Set(input.fileIds)]
  const mainFileId = input.mainFileId ?? fileIds[0] ?? null
  if (mainFileId && !fileIds.includes(mainFileId))
    throw invalid('mainFileId', 'Tệp chính phải nằm trong danh sách tệp')
  return { fileIds, mainFileId }
}

/** Register one incoming document. A repeated form submission (same clientRequestId) returns the first. */
export async function registerIncoming(
  ctx: Ctx,
  input: TRegisterIncoming,
): Promise<{ id: string; isReplay: boolean }> {
  // Secret documents follow the State Secrets Protection law (29/2018/QH14) with their own registers and
  // numbers (Decree 30/2020, Art. 15.2): they are not handled on this networked system.
  if (input.secrecyMark !== 'none') {
    throw new AppError('SECRET_DOCUMENT_REFUSED', {
      message: `A document marked ${input.secrecyMark} must be registered on the secret-document register on paper, not in this system`,
      details: [{ path: 'secrecyMark', message: 'Văn bản mật không được xử lý trên hệ thống này' }],
    })
  }
  if (input.clientRequestId) {
    // The lock makes a second submission wait for the first to commit, then find it.
    await lockClientRequest(ctx.tx, ctx.actor.id, input.clientRequestId)
    const existing = await findByClientRequest(ctx.tx, ctx.actor.id, input.clientRequestId)
    if (existing) return { id: existing, isReplay: true }
  }
  const arrivedAt = input.arrivedAt ? new Date(input.arrivedAt) : ctx.now
  if (arrivedAt.getTime() > ctx.now.getTime() + ARRIVAL_SKEW_MS)
    throw invalid('arrivedAt', 'Ngày đến không được ở tương lai')
  const year = vnYear(arrivedAt)
  const register = await loadRegister(ctx, input.registerId, year)
  const { organization, senderName } = await resolveSender(ctx, input)
  const { fileIds, mainFileId } = uniqueFileIds(input)
  await assertReadableFiles(ctx, fileIds, 'fileIds')
  const identifier = documentIdentifier(organization?.code, input.issueDate, input.numberAndNotation)

  // Decree 30/2020, Annex VI §III: warn the clerk of a document already registered.
  const candidates = await findDuplicates(ctx.tx, {
    organizationId: register.organizationId,
    documentIdentifier: identifier,
    senderOrganizationId: organization?.id ?? null,
    senderName,
    numberAndNotation: input.numberAndNotation,
  })
  if (candidates.length && !input.confirmDuplicate) {
    throw new AppError('DUPLICATE_DOCUMENT', {
      message: 'This document may already be registered',
      details: { candidates },
    })
  }

  // Taken last, so the sequence row stays locked as briefly as possible.
  const registerNumber = await nextRegisterNumber(ctx.tx, register.id, year)
  const id = await insertDocument(ctx.tx, {
    direction: 'incoming',
    state: 'registered',
    registerId: register.id,
    registerYear: year,
    registerNumber,
    arrivedAt,
    receivedVia: input.receivedVia,
    senderOrganizationId: organization?.id ?? null,
    senderName,
    numberAndNotation: input.numberAndNotation,
    ...splitNumber(input.numberAndNotation),
    issueDate: input.issueDate ?? null,
    issuePlace: input.issuePlace,
    documentType: input.documentType,
    subject: input.subject,
    signerName: input.signerName,
    signerTitle: input.signerTitle,
    urgency: input.urgency,
    pageCount: input.pageCount ?? null,
    copyCount: input.copyCount ?? null,
    dueDate: input.dueDate ?? null,
    notes: input.notes,
    documentIdentifier: identifier,
    registeredBy: ctx.actor.id,
    registeredUnitId: ctx.actor.unitId,
    clientRequestId: input.clientRequestId ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  })
  await insertDocumentFiles(
    ctx.tx,
    fileIds.map((fileId) => ({
      documentId: id,
      fileId,
      role: fileId === mainFileId ? 'main' : 'attachment',
      addedBy: ctx.actor.id,
      createdAt: ctx.now,
    })),
  )
  await recordDocumentEvent(ctx, id, DOCUMENT_IN_EVENTS.registered, {
    registerId: register.id,
    registerCode: register.code,
    registerNumber,
    registerYear: year,
    subject: input.subject,
    urgency: input.urgency,
    senderName,
    numberAndNotation: input.numberAndNotation,
    fileIds,
    duplicatesConfirmed: candidates.map((c) => c.id),
  })
  return { id, isReplay: false }
}
