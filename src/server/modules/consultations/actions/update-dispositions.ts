/** The officer completes the response table: how each comment was handled (accepted, explained, ...). */
import type { Disposition } from '@common/contracts/consultations'
import type { Ctx } from '../../../platform/context.ts'
import { CONSULTATION_EVENTS as E } from '../events.ts'
import { dispositionsFor } from '../present.ts'
import type { ConsultationView } from '../queries.ts'
import { upsertDispositions } from '../store.ts'
import { commentId } from '../summary.ts'
import { assertCan, invalid, loadForAction, recordConsultationEvent } from './support.ts'

export type DispositionRowInput = {
  id: string
  disposition: Disposition | null
  explanation: string | null
  revisedText: string | null
}

/** Store the given rows (each must be a comment of this consultation). */
export async function updateDispositions(
  ctx: Ctx,
  input: { id: string; rows: DispositionRowInput[] },
): Promise<ConsultationView> {
  const c = await loadForAction(ctx, input.id)
  assertCan(ctx, 'editDispositions', c)
  const known = new Set(dispositionsFor(c, [], commentId).map((d) => d.id))
  const rows = new Map<string, DispositionRowInput>()
  input.rows.forEach((r, i) => {
    if (!known.has(r.id)) throw invalid(`rows.${i}.id`, 'Góp ý không thuộc đợt lấy ý kiến này')
    rows.set(r.id, r)
  })
  await upsertDispositions(
    ctx.tx,
    c.id,
    [...rows.values()].map((r) => ({
      commentId: r.id,
      disposition: r.disposition,
      explanation: r.explanation,
      revisedText: r.revisedText,
    })),
    ctx.actor.id,
    ctx.now,
  )
  await recordConsultationEvent(ctx, c.id, E.dispositionsUpdated, {
    rows: [...rows.values()].map((r) => ({ id: r.id, disposition: r.disposition })),
  })
  return c
}
