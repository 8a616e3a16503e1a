/** The creator submits the draft consultation to a leader of the organization for approval. */
import type { Ctx } from '../../../platform/context.ts'
import { CONSULTATION_EVENTS as E } from '../events.ts'
import { isPastDeadline } from '../policy.ts'
import { loadPeople, type ConsultationView } from '../queries.ts'
import { updateConsultation } from '../store.ts'
import { assertCan, invalid, loadForAction, recordConsultationEvent, reload } from './support.ts'

/** The creator sends the draft to a leader of the organization for approval. */
export async function submitForApproval(
  ctx: Ctx,
  input: { id: string; approverId: string; note: string | null },
): Promise<ConsultationView> {
  const c = await loadForAction(ctx, input.id)
  assertCan(ctx, 'submit', c)
  const approver = (await loadPeople(ctx.tx, [input.approverId])).get(input.approverId)
  if (
    !approver ||
    !approver.isActive ||
    !approver.roles.includes('leader') ||
    approver.organizationId !== c.organizationId
  ) {
    throw invalid('approverId', 'Người duyệt phải là lãnh đạo của cơ quan')
  }
  if (isPastDeadline(c, ctx.now)) throw invalid('deadline', 'Hạn trả lời đã qua: sửa hạn trước khi trình')
  await updateConsultation(ctx.tx, c.id, {
    state: 'submitted',
    approverId: approver.id,
    submittedAt: ctx.now,
    approvedAt: null,
    updatedAt: ctx.now,
  })
  await recordConsultationEvent(ctx, c.id, E.submitted, {
    approverId: approver.id,
    approverName: approver.fullName,
    note: input.note,
  })
  return reload(ctx, c.id)
}
