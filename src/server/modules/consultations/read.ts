/** Read use cases: one consultation, its answers and its summary, for whoever may see them. */
import type { TConsultationSummary } from '@common/contracts/consultations'
import type { Actor } from '../../platform/context.ts'
import type { Executor } from '../../platform/db/client.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import { unsafeFindFile } from '../files/index.ts'
import { canOnConsultation, canSeeConsultation, canSeeResponse } from './policy.ts'
import { dispositionsFor, summaryInput } from './present.ts'
import {
  factsOf,
  loadDispositions,
  membersOf,
  unsafeLoadConsultation,
  type ConsultationView,
} from './queries.ts'
import { buildSummary, commentId } from './summary.ts'

/** The consultation if the actor may see it, else NOT_FOUND (not found and not allowed look the same). */
export async function loadVisibleConsultation(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<ConsultationView> {
  const c = await unsafeLoadConsultation(db, id)
  if (!c || !canSeeConsultation(actor, factsOf(c), membersOf(c))) throw notFound('consultation')
  return c
}

/** The member whose answer the actor asks for (themself by default), if they may see it. */
export function memberForResponse(actor: Actor, c: ConsultationView, memberId: string | undefined) {
  const member = c.participants.find((p) => p.id === (memberId ?? actor.id))
  if (!member || !canSeeResponse(actor, factsOf(c), member)) throw notFound('response')
  return member
}

/** Names of the files an answer carries. */
export async function fileNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const id of ids) {
    const f = await unsafeFindFile(db, id)
    if (f) out.set(id, f.filename)
  }
  return out
}

/** The summary: final once closed; provisional (officers, and participants of an open ballot) while open. */
export async function loadSummary(
  db: Executor,
  actor: Actor,
  id: string,
  now: Date,
): Promise<{ consultation: ConsultationView; summary: TConsultationSummary }> {
  const c = await loadVisibleConsultation(db, actor, id)
  if (!canOnConsultation(actor, 'viewSummary', factsOf(c), membersOf(c))) {
    throw new AppError('NOT_ALLOWED', { message: 'The summary is available once the consultation is closed' })
  }
  return { consultation: c, summary: await summaryOf(db, c, now) }
}

/** The summary of a loaded consultation (no visibility check). */
export async function summaryOf(db: Executor, c: ConsultationView, now: Date): Promise<TConsultationSummary> {
  const stored = await loadDispositions(db, c.id)
  const dispositions = dispositionsFor(c, stored, commentId)
  return buildSummary(summaryInput(c, dispositions, c.state === 'closed', now))
}
