/** The principal (or an administrator) ends a scheduled or active delegation now. */
import type { Ctx } from '../../../platform/context.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { assertCanRevokeDelegation, canSeeDelegation } from '../policy.ts'
import { auditDelegation } from '../present.ts'
import { unsafeFindDelegation, type DelegationRow } from '../queries.ts'
import { markRevoked } from '../store.ts'

/** Revoke now; a delegation the actor may not see answers NOT_FOUND. */
export async function revokeDelegation(ctx: Ctx, input: { id: string }): Promise<DelegationRow> {
  const before = await unsafeFindDelegation(ctx.tx, input.id)
  if (!before || !canSeeDelegation(ctx.actor, before)) throw notFound('delegation')
  assertCanRevokeDelegation(ctx.actor, before, ctx.now)
  if (!(await markRevoked(ctx.tx, before.id, ctx.now))) {
    throw new AppError('INVALID_TRANSITION', { message: 'The delegation was revoked meanwhile' })
  }
  const after = (await unsafeFindDelegation(ctx.tx, before.id))!
  await recordEvent(ctx, {
    action: 'delegation.revoked',
    targetType: 'delegation',
    targetId: before.id,
    data: { before: auditDelegation(before), after: auditDelegation(after) },
  })
  return after
}
