/** Steps shared by the consultation actions: load under lock, check policy, record events. */
import type { Ctx } from '../../../platform/context.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { CONSULTATION_TARGET } from '../events.ts'
import { canOnConsultation, canSeeConsultation, isPastDeadline, type ConsultationAction } from '../policy.ts'
import { factsOf, membersOf, unsafeLoadConsultation, type ConsultationView } from '../queries.ts'

/** An input error on one field, shown by the form. */
export function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message, details: [{ path, message }] })
}

/** The consultation locked for this transaction, or NOT_FOUND when it does not exist or is not visible. */
export async function loadForAction(ctx: Ctx, id: string): Promise<ConsultationView> {
  const c = await unsafeLoadConsultation(ctx.tx, id, { forUpdate: true })
  if (!c || !canSeeConsultation(ctx.actor, factsOf(c), membersOf(c))) throw notFound('consultation')
  return c
}

/** Refuse with NOT_ALLOWED (wrong person) or INVALID_TRANSITION (wrong state) unless policy allows. */
export function assertCan(ctx: Ctx, action: ConsultationAction, c: ConsultationView): void {
  if (canOnConsultation(ctx.actor, action, factsOf(c), membersOf(c))) return
  // Same person in another state: say it is the state; otherwise it is the person.
  const states = ['draft', 'submitted', 'open', 'closed', 'cancelled'] as const
  const somewhere = states.some((state) =>
    canOnConsultation(ctx.actor, action, { ...factsOf(c), state, approvedAt: null }, membersOf(c)),
  )
  if (somewhere) {
    throw new AppError('INVALID_TRANSITION', {
      message: `Cannot ${action} a consultation in state ${c.state}`,
    })
  }
  throw new AppError('NOT_ALLOWED', { message: `You may not ${action} this consultation` })
}

/** Refuse anything at or after the deadline instant (409, in words a member understands). */
export function assertBeforeDeadline(ctx: Ctx, c: ConsultationView): void {
  if (c.state === 'closed' || isPastDeadline(c, ctx.now)) {
    const deadline = new Intl.DateTimeFormat('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(c.deadline)
    throw new AppError('CONSULTATION_DEADLINE_PASSED', {
      message:
        c.state === 'closed'
          ? 'Đợt lấy ý kiến đã kết thúc: không nhận thêm ý kiến'
          : `Đã hết hạn trả lời (${deadline}): không nhận thêm hoặc sửa ý kiến`,
    })
  }
  if (c.state !== 'open') {
    throw new AppError('INVALID_TRANSITION', { message: 'Đợt lấy ý kiến chưa bắt đầu hoặc đã bị hủy' })
  }
}

/** Record an event of the consultation in the audit log (same transaction). */
export async function recordConsultationEvent(
  ctx: Ctx,
  consultationId: string,
  action: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await recordEvent(ctx, { action, targetType: CONSULTATION_TARGET, targetId: consultationId, data })
}

/** Reload after a change (for the presenter). */
export async function reload(ctx: Ctx, id: string): Promise<ConsultationView> {
  return (await unsafeLoadConsultation(ctx.tx, id))!
}
