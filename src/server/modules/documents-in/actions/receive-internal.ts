/**
 * An outgoing document issued to a unit or person of our own organization arrives as an incoming
 * document (văn bản nội bộ, Decree 30/2020/NĐ-CP Art. 18): registered in the organization's first
 * active incoming register without re-typing, with the issued files, and assigned to the
 * recipient (lead) so it shows in their inbox. Called by documents-out when it issues; recall
 * cancels the open assignments and records why.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Ctx } from '../../../platform/context.ts'
import { assignments, registers } from '../../../platform/db/schema.ts'
import { AppError } from '../../../platform/errors.ts'
import { vnYear } from '../dates.ts'
import {
  insertAssignments,
  insertDocument,
  insertDocumentFiles,
  insertNote,
  nextRegisterNumber,
} from '../store.ts'
import { recordDocumentEvent } from './support.ts'

export type InternalDelivery = {
  outgoingDocumentId: string
  senderOrganizationId: string
  senderName: string
  numberAndNotation: string
  issueDate: string
  documentType: string
  subject: string
  signerName: string | null
  signerTitle: string | null
  urgency: string
  mainFileId: string
  attachmentFileIds: string[]
  recipient: { unitId: string | null; userId: string | null }
  /** The leader who signed: the assignment is made in their name. */
  assignedFor: string
}

export const RECEIVED_INTERNAL = 'documentIn.receivedInternal'
export const INTERNAL_RECALLED = 'documentIn.recalled'

/** The organization's first active incoming register (by code): where documents arriving without a clerk's choice go. */
export async function defaultIncomingRegister(ctx: Ctx): Promise<{ id: string; code: string }> {
  const [register] = await ctx.tx
    .select({ id: registers.id, code: registers.code })
    .from(registers)
    .where(
      and(
        eq(registers.organizationId, ctx.actor.organizationId),
        eq(registers.kind, 'incoming'),
        eq(registers.isActive, true),
      ),
    )
    .orderBy(asc(registers.code))
    .limit(1)
  if (!register) throw new AppError('REGISTER_INACTIVE', { message: 'No active incoming register' })
  return register
}

/** Register the issued document for one internal recipient; returns the incoming document's id. */
export async function receiveInternal(ctx: Ctx, input: InternalDelivery): Promise<{ id: string }> {
  const register = await defaultIncomingRegister(ctx)
  const year = vnYear(ctx.now)
  const registerNumber = await nextRegisterNumber(ctx.tx, register.id, year)
  const slash = input.numberAndNotation.indexOf('/')
  const id = await insertDocument(ctx.tx, {
    direction: 'incoming',
    state: 'assigned',
    registerId: register.id,
    registerYear: year,
    registerNumber,
    arrivedAt: ctx.now,
    receivedVia: 'internal',
    senderOrganizationId: input.senderOrganizationId,
    senderName: input.senderName,
    numberAndNotation: input.numberAndNotation,
    codeNumber: input.numberAndNotation.slice(0, slash),
    codeNotation: input.numberAndNotation.slice(slash + 1),
    issueDate: input.issueDate,
    documentType: input.documentType,
    subject: input.subject,
    signerName: input.signerName,
    signerTitle: input.signerTitle,
    urgency: input.urgency,
    registeredBy: ctx.actor.id,
    registeredUnitId: ctx.actor.unitId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  })
  await insertDocumentFiles(ctx.tx, [
    { documentId: id, fileId: input.mainFileId, role: 'main', addedBy: ctx.actor.id, createdAt: ctx.now },
    ...input.attachmentFileIds.map((fileId) => ({
      documentId: id,
      fileId,
      role: 'attachment',
      addedBy: ctx.actor.id,
      createdAt: ctx.now,
    })),
  ])
  await insertAssignments(ctx.tx, [
    {
      documentId: id,
      role: 'lead',
      assigneeUserId: input.recipient.userId,
      assigneeUnitId: input.recipient.userId ? null : input.recipient.unitId,
      state: 'pending',
      assignedBy: ctx.actor.id,
      assignedFor: input.assignedFor,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
  ])
  await recordDocumentEvent(ctx, id, RECEIVED_INTERNAL, {
    outgoingDocumentId: input.outgoingDocumentId,
    registerId: register.id,
    registerCode: register.code,
    registerNumber,
    registerYear: year,
    numberAndNotation: input.numberAndNotation,
    subject: input.subject,
    recipient: input.recipient,
  })
  return { id }
}

/** The issuer recalled it (Annex VI §III.8): open assignments are cancelled and the reason noted. */
export async function recallInternal(ctx: Ctx, input: { incomingDocumentIds: string[]; reason: string }) {
  if (input.incomingDocumentIds.length === 0) return
  await ctx.tx
    .update(assignments)
    .set({ state: 'cancelled', updatedAt: ctx.now })
    .where(
      and(
        inArray(assignments.documentId, input.incomingDocumentIds),
        sql`${assignments.state} IN ('pending', 'in_progress')`,
      ),
    )
  for (const id of input.incomingDocumentIds) {
    await insertNote(ctx.tx, {
      documentId: id,
      authorId: ctx.actor.id,
      principalId: ctx.principalId,
      kind: 'recall',
      body: `Văn bản đã bị cơ quan ban hành thu hồi: ${input.reason}`,
      createdAt: ctx.now,
    })
    await recordDocumentEvent(ctx, id, INTERNAL_RECALLED, { reason: input.reason })
  }
}
