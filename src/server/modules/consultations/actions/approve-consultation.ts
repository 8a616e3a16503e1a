/** The leader approves a consultation: it opens at once, or when its consultation letter is issued. */
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { unsafeLoadOutgoing } from '../../documents-out/index.ts'
import { CONSULTATION_EVENTS as E } from '../events.ts'
import { isPastDeadline } from '../policy.ts'
import type { ConsultationView } from '../queries.ts'
import { updateConsultation } from '../store.ts'
import { launchConsultation } from './launch.ts'
import { assertCan, loadForAction, recordConsultationEvent, reload } from './support.ts'

/** The leader approves: it opens now, or waits for its letter to be issued (launchOn = letter). */
export async function approveConsultation(
  ctx: Ctx,
  input: { id: string; note: string | null },
): Promise<ConsultationView> {
  const c = await loadForAction(ctx, input.id)
  assertCan(ctx, 'approve', c)
  if (isPastDeadline(c, ctx.now)) {
    throw new AppError('INVALID_TRANSITION', {
      message: 'Hạn trả lời đã qua: trả lại để người soạn sửa hạn',
    })
  }
  await updateConsultation(ctx.tx, c.id, { approvedAt: ctx.now, updatedAt: ctx.now })
  await recordConsultationEvent(ctx, c.id, E.approved, { note: input.note, launchOn: c.launchOn })
  if (c.launchOn === 'approval') {
    await launchConsultation(ctx, c, 'approval')
  } else if (c.letterDocumentId) {
    // The letter may already be out: then there is nothing left to wait for.
    const letter = await unsafeLoadOutgoing(ctx.tx, c.letterDocumentId)
    if (letter?.state === 'issued') await launchConsultation(ctx, c, 'letter', c.letterDocumentId)
  }
  return reload(ctx, c.id)
}
