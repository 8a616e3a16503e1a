/**
 * The clerk's decisions on what arrived electronically (Decree 30/2020 Art. 20–22; Decision
 * 28/2018 status feedback): accept a document (registered as incoming, 03 sent back) or refuse it
 * with a reason (02); accept a recall (the document and its metadata are destroyed, 15) or refuse
 * it (16); apply an update (15) or refuse it (16). A replacement, once accepted, ends the document
 * it replaces. Every decision is in the audit log and queues its status in the same transaction.
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { TAcceptReceived, ReceivedKind } from '@common/contracts/exchange'
import { DOCUMENT_TYPES, OFFICIAL_LETTER_CODE, type DocumentTypeCode } from '@common/document-types'
import type { Urgency } from '@common/domain'
import type { Ctx } from '../../platform/context.ts'
import { documentLinks, exchangeMessages } from '../../platform/db/schema.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import { recordEvent } from '../../platform/events/record.ts'
import type { ResponseFor, StaffInfo } from '../../platform/edxml/index.ts'
import {
  applySenderUpdate,
  defaultIncomingRegister,
  destroyIncoming,
  recallInternal,
  registerIncoming,
} from '../documents-in/index.ts'
import { insertFileWithBlob } from '../files/index.ts'
import { EXCHANGE_EVENTS, EXCHANGE_TARGET } from './events.ts'
import { findOwnOrganization } from './identity.ts'
import { queueStatus } from './outbox.ts'
import type { ReceivedSummary } from './receive.ts'
import { updateMessage, type MessageRow } from './store.ts'

export function receivedKind(row: Pick<MessageRow, 'kind' | 'statusCode' | 'businessType'>): ReceivedKind {
  if (row.kind === 'status' || row.businessType === 1) return 'recall'
  if (row.businessType === 2) return 'update'
  if (row.businessType === 3) return 'replacement'
  return 'document'
}

/** Only the clerical office (văn thư) takes documents in or turns them away. */
export function canDecide(actor: Ctx['actor'], row: Pick<MessageRow, 'direction' | 'state'>): boolean {
  return actor.roles.includes('clerk') && row.direction === 'in' && row.state === 'received'
}

const URGENCY_OF_PRIORITY: Urgency[] = ['normal', 'urgent', 'very_urgent', 'flash']

export function urgencyOf(priority: number): Urgency {
  return URGENCY_OF_PRIORITY[Math.max(0, Math.min(3, Math.trunc(priority) || 0))]!
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .trim()

/** "Công văn" → CV, "Quyết định" → QĐ; unknown names fall back to Công văn (the clerk may correct it). */
export function documentTypeCodeOf(typeName: string): DocumentTypeCode | null {
  const name = fold(typeName)
  const hit = DOCUMENT_TYPES.find((t) => fold(t.name) === name)
  return hit ? hit.code : null
}

async function loadForDecision(ctx: Ctx, id: string): Promise<MessageRow> {
  const [row] = await ctx.tx
    .select()
    .from(exchangeMessages)
    .where(and(eq(exchangeMessages.id, id), eq(exchangeMessages.direction, 'in')))
    .for('update')
  if (!row || (row.kind === 'status' && row.statusCode !== '13')) throw notFound('package')
  if (!ctx.actor.roles.includes('clerk'))
    throw new AppError('NOT_ALLOWED', { message: 'Only clerks decide on received packages' })
  if (row.state !== 'received')
    throw new AppError('INVALID_TRANSITION', {
      message: 'This package was already decided',
      details: [{ path: 'state', message: 'Gói tin này đã được xử lý' }],
    })
  return row
}

function responseForOf(row: MessageRow): ResponseFor {
  const h = (row.summary as ReceivedSummary).header
  return {
    organId: h.from.organId,
    code: [h.code.codeNumber, h.code.codeNotation].filter(Boolean).join('/'),
    promulgationDate: h.promulgationInfo.promulgationDate,
    documentId: row.documentIdentifier,
  }
}

function staffOf(ctx: Ctx): StaffInfo {
  return { department: 'Văn thư', staff: ctx.actor.fullName }
}

async function reply(
  ctx: Ctx,
  row: MessageRow,
  code: string,
  description: string,
  extra: Partial<ResponseFor> = {},
) {
  const own = await findOwnOrganization(ctx.tx)
  await queueStatus(ctx.tx, {
    ownCode: own.code,
    toCode: row.fromCode,
    organizationId: row.organizationId,
    statusCode: code,
    summary: {
      responseFor: { ...responseForOf(row), ...extra },
      description,
      timestamp: ctx.now.toISOString(),
      staff: staffOf(ctx),
    },
    incomingDocumentId: row.incomingDocumentId,
    replyToMessageId: row.id,
    once: `${row.id}|${code}|${extra.documentId ?? ''}`,
    now: ctx.now,
  })
}

async function record(ctx: Ctx, row: MessageRow, action: string, data: Record<string, unknown>) {
  await recordEvent(ctx, {
    action,
    targetType: EXCHANGE_TARGET,
    targetId: row.id,
    data: { messageId: row.id, from: row.fromCode, documentIdentifier: row.documentIdentifier, ...data },
  })
}

/** The incoming document registered from a package of this sender with that DocumentId, if any. */
async function registeredFrom(ctx: Ctx, fromCode: string, documentIdentifier: string) {
  const [row] = await ctx.tx
    .select()
    .from(exchangeMessages)
    .where(
      and(
        eq(exchangeMessages.direction, 'in'),
        eq(exchangeMessages.kind, 'edoc'),
        eq(exchangeMessages.fromCode, fromCode),
        eq(exchangeMessages.documentIdentifier, documentIdentifier),
        inArray(exchangeMessages.businessType, [0, 3]),
      ),
    )
    .orderBy(asc(exchangeMessages.createdAt))
    .limit(1)
  return row ?? null
}

async function acceptDocument(ctx: Ctx, row: MessageRow, input: TAcceptReceived) {
  const summary = row.summary as ReceivedSummary
  const h = summary.header
  const fileIds: string[] = []
  for (const a of summary.attachments) {
    const file = await insertFileWithBlob(ctx.tx, {
      sha256: a.sha256,
      size: a.size,
      filename: a.name,
      mediaType: a.contentType,
      uploadedBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    fileIds.push(file.id)
  }
  const mainIndex = Math.max(
    0,
    summary.attachments.findIndex((a) => a.contentType === 'application/pdf'),
  )
  const numberAndNotation = [h.code.codeNumber, h.code.codeNotation].filter(Boolean).join('/') || null
  const signerTitle = [h.signerInfo.competence, h.signerInfo.position].filter(Boolean).join('\n') || null
  const { id: incomingId } = await registerIncoming(ctx, {
    registerId: input.registerId ?? (await defaultIncomingRegister(ctx)).id,
    receivedVia: 'exchange',
    senderOrganizationId: row.organizationId,
    senderName: h.from.organName,
    numberAndNotation,
    issueDate: h.promulgationInfo.promulgationDate,
    issuePlace: h.promulgationInfo.place || null,
    documentType:
      (input.documentType as DocumentTypeCode | undefined) ??
      documentTypeCodeOf(h.documentType.typeName) ??
      OFFICIAL_LETTER_CODE,
    subject: input.subject ?? h.subject,
    signerName: h.signerInfo.fullName || null,
    signerTitle,
    urgency: input.urgency ?? urgencyOf(h.otherInfo.priority),
    secrecyMark: 'none',
    pageCount: h.otherInfo.pageAmount > 0 ? h.otherInfo.pageAmount : null,
    copyCount: null,
    dueDate: input.dueDate !== undefined ? input.dueDate : h.dueDate,
    notes: input.notes ?? null,
    fileIds,
    mainFileId: fileIds[mainIndex] ?? null,
    confirmDuplicate: input.confirmDuplicate,
  })
  const attachments = summary.attachments.map((a, i) => ({ ...a, fileId: fileIds[i] }))
  await updateMessage(ctx.tx, row.id, {
    state: 'accepted',
    incomingDocumentId: incomingId,
    summary: { ...summary, attachments },
    decidedBy: ctx.actor.id,
    decidedAt: ctx.now,
    updatedAt: ctx.now,
  })
  const accepted = { ...row, incomingDocumentId: incomingId }
  await reply(ctx, accepted, '03', 'Văn thư đã tiếp nhận, vào sổ văn bản đến')
  // A replacement ends the document it replaces (its open assignments are cancelled, 15 sent).
  const replacedIds = [
    ...new Set(
      [summary.business.documentId, ...summary.business.replacementInfo.map((r) => r.documentId)].filter(
        (x): x is string => !!x,
      ),
    ),
  ]
  const replaced: string[] = []
  if (row.businessType === 3)
    for (const oldIdentifier of replacedIds) {
      const old = await registeredFrom(ctx, row.fromCode, oldIdentifier)
      if (old?.incomingDocumentId) {
        await recallInternal(ctx, {
          incomingDocumentIds: [old.incomingDocumentId],
          reason: `Đã được thay thế bởi văn bản số ${numberAndNotation ?? row.documentIdentifier}`,
        })
        await ctx.tx
          .insert(documentLinks)
          .values({
            fromDocumentId: incomingId,
            toDocumentId: old.incomingDocumentId,
            kind: 'replaces',
            createdAt: ctx.now,
          })
          .onConflictDoNothing()
        replaced.push(old.incomingDocumentId)
      }
      await reply(ctx, accepted, '15', 'Đồng ý thay thế văn bản', { documentId: oldIdentifier })
    }
  await record(ctx, row, EXCHANGE_EVENTS.packageAccepted, {
    incomingDocumentId: incomingId,
    documentId: incomingId,
    businessType: row.businessType,
    replacedIncomingDocumentIds: replaced,
  })
  return incomingId
}

async function acceptRecall(ctx: Ctx, row: MessageRow) {
  const business = (row.summary as ReceivedSummary).business
  // A 13 names the document itself; a revocation package names it in its business block.
  const target =
    row.kind === 'edoc' ? (business.documentId ?? row.documentIdentifier) : row.documentIdentifier
  const original = await registeredFrom(ctx, row.fromCode, target)
  const reason = business.reason || 'Cơ quan gửi thu hồi văn bản'
  let destroyedId: string | null = null
  if (original?.incomingDocumentId) {
    destroyedId = original.incomingDocumentId
    await destroyIncoming(ctx, { id: destroyedId, reason, requestedBy: row.fromCode })
  }
  if (original) {
    // Its metadata go too: only the identifiers stay, so a resend is still recognised.
    await updateMessage(ctx.tx, original.id, {
      state: 'destroyed',
      summary: null,
      warnings: null,
      incomingDocumentId: null,
      updatedAt: ctx.now,
    })
  }
  await updateMessage(ctx.tx, row.id, {
    state: 'applied',
    decidedBy: ctx.actor.id,
    decidedAt: ctx.now,
    decisionReason: null,
    updatedAt: ctx.now,
  })
  await reply(ctx, row, '15', 'Đồng ý thu hồi; văn bản và dữ liệu kèm theo đã được hủy', {
    documentId: target,
  })
  await record(ctx, row, EXCHANGE_EVENTS.recallAccepted, { destroyedIncomingDocumentId: destroyedId, reason })
}

async function acceptUpdate(ctx: Ctx, row: MessageRow) {
  const summary = row.summary as ReceivedSummary
  const target = summary.business.documentId ?? row.documentIdentifier
  const original = await registeredFrom(ctx, row.fromCode, target)
  if (!original?.incomingDocumentId)
    throw new AppError('EXCHANGE_UNKNOWN_DOCUMENT', {
      message: `Không có văn bản ${target} đã vào sổ để cập nhật`,
    })
  const h = summary.header
  await applySenderUpdate(ctx, {
    id: original.incomingDocumentId,
    patch: {
      subject: h.subject,
      dueDate: h.dueDate,
      signerName: h.signerInfo.fullName || null,
      signerTitle: [h.signerInfo.competence, h.signerInfo.position].filter(Boolean).join('\n') || null,
      pageCount: h.otherInfo.pageAmount > 0 ? h.otherInfo.pageAmount : null,
      issuePlace: h.promulgationInfo.place || null,
      urgency: urgencyOf(h.otherInfo.priority),
    },
    reason: summary.business.reason,
    requestedBy: row.fromCode,
  })
  await updateMessage(ctx.tx, row.id, {
    state: 'applied',
    incomingDocumentId: original.incomingDocumentId,
    decidedBy: ctx.actor.id,
    decidedAt: ctx.now,
    updatedAt: ctx.now,
  })
  await reply(
    ctx,
    { ...row, incomingDocumentId: original.incomingDocumentId },
    '15',
    'Đồng ý cập nhật văn bản',
    {
      documentId: target,
    },
  )
  await record(ctx, row, EXCHANGE_EVENTS.updateApplied, {
    incomingDocumentId: original.incomingDocumentId,
    documentId: original.incomingDocumentId,
  })
}

/** Accept: register, destroy or update as the package asks. Returns the incoming document concerned. */
export async function acceptReceived(
  ctx: Ctx,
  input: TAcceptReceived & { id: string },
): Promise<{ id: string; kind: ReceivedKind }> {
  const row = await loadForDecision(ctx, input.id)
  const kind = receivedKind(row)
  if (kind === 'document' || kind === 'replacement') await acceptDocument(ctx, row, input)
  else if (kind === 'recall') await acceptRecall(ctx, row)
  else await acceptUpdate(ctx, row)
  return { id: row.id, kind }
}

/** Refuse with a reason: 02 for a document, 16 for a recall or an update. */
export async function refuseReceived(ctx: Ctx, input: { id: string; reason: string }) {
  const row = await loadForDecision(ctx, input.id)
  const kind = receivedKind(row)
  await updateMessage(ctx.tx, row.id, {
    state: 'refused',
    decidedBy: ctx.actor.id,
    decidedAt: ctx.now,
    decisionReason: input.reason,
    updatedAt: ctx.now,
  })
  const isDocument = kind === 'document' || kind === 'replacement'
  await reply(ctx, row, isDocument ? '02' : '16', input.reason)
  await record(
    ctx,
    row,
    isDocument
      ? EXCHANGE_EVENTS.packageRefused
      : kind === 'recall'
        ? EXCHANGE_EVENTS.recallRefused
        : EXCHANGE_EVENTS.updateRefused,
    { reason: input.reason, kind },
  )
  return { id: row.id, kind }
}
