/**
 * The officer puts the closed consultation's summary report (DOCX, made by the route) on an
 * outgoing draft "Báo cáo tổng hợp ý kiến" and submits it: the submission slip carries it to the
 * leader who signs (documents-out's approval chain for reports).
 */
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { createDraft, submitDraft } from '../../documents-out/index.ts'
import { insertFileWithBlob } from '../../files/index.ts'
import { CONSULTATION_EVENTS as E } from '../events.ts'
import type { ConsultationView } from '../queries.ts'
import { updateConsultation } from '../store.ts'
import { assertCan, loadForAction, recordConsultationEvent, reload } from './support.ts'

export type SubmitSummaryInput = {
  id: string
  leaderId: string
  note: string | null
  /** The report already in the blob store. */
  report: { sha256: string; size: number; filename: string; mediaType: string }
}

export async function submitSummary(ctx: Ctx, input: SubmitSummaryInput): Promise<ConsultationView> {
  const c = await loadForAction(ctx, input.id)
  assertCan(ctx, 'editDispositions', c)
  if (c.summaryDocumentId) {
    throw new AppError('CONFLICT', {
      message: 'Báo cáo tổng hợp của đợt lấy ý kiến này đã được trình; mở văn bản đi để theo dõi.',
    })
  }
  const file = await insertFileWithBlob(ctx.tx, {
    ...input.report,
    uploadedBy: ctx.actor.id,
    createdAt: ctx.now,
  })
  const { id: documentId } = await createDraft(ctx, {
    documentType: 'BC',
    subject: `Báo cáo tổng hợp ý kiến thành viên Ủy ban: ${c.title}`.slice(0, 1000),
    signerId: input.leaderId,
    signerTitle: null,
    urgency: 'normal',
    recipients: [{ kind: 'user', userId: input.leaderId, name: null }],
    relatedDocumentIds: c.letterDocumentId ? [c.letterDocumentId] : [],
    mainFileId: file.id,
    attachmentFileIds: [],
    notes: null,
  })
  await submitDraft(ctx, {
    id: documentId,
    note: input.note,
    proposal: input.note ?? `Kính trình Lãnh đạo Ủy ban xem xét báo cáo tổng hợp ý kiến về “${c.title}”.`,
  })
  await updateConsultation(ctx.tx, c.id, { summaryDocumentId: documentId, updatedAt: ctx.now })
  await recordConsultationEvent(ctx, c.id, E.summarySubmitted, {
    documentId,
    leaderId: input.leaderId,
    fileId: file.id,
  })
  return reload(ctx, c.id)
}
