/**
 * A leader (or an administrator for them) lets another user act on their behalf, in given
 * scopes, for a time window. The principal and the delegate must be active users.
 */
import type { TDelegationInput } from '@common/contracts/delegations'
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { unsafeFindUser } from '../../accounts/index.ts'
import { assertCanCreateDelegation, findDuplicate } from '../policy.ts'
import { auditDelegation } from '../present.ts'
import { findOverlapping, unsafeFindDelegation, type DelegationRow } from '../queries.ts'
import { insertDelegation, lockDelegationPair } from '../store.ts'

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message, details: [{ path, message }] })
}

async function assertActiveUser(ctx: Ctx, id: string, path: 'principalId' | 'delegateId'): Promise<void> {
  const user = await unsafeFindUser(ctx.tx, id)
  if (!user || !user.isActive) throw invalid(path, 'Người dùng không tồn tại hoặc đã ngừng hoạt động')
}

/** Create a delegation after checking who may grant it, the people, the window and duplicates. */
export async function createDelegation(ctx: Ctx, input: TDelegationInput): Promise<DelegationRow> {
  assertCanCreateDelegation(ctx.actor, input.principalId)
  await assertActiveUser(ctx, input.principalId, 'principalId')
  await assertActiveUser(ctx, input.delegateId, 'delegateId')
  const startsAt = new Date(input.startsAt)
  const endsAt = new Date(input.endsAt)
  if (endsAt <= ctx.now) throw invalid('endsAt', 'Thời điểm kết thúc đã qua')
  const scopes = [...new Set(input.scopes)]
  const candidate = {
    principalId: input.principalId,
    delegateId: input.delegateId,
    scopes,
    startsAt,
    endsAt,
    revokedAt: null,
  }

  await lockDelegationPair(ctx.tx, input.principalId, input.delegateId)
  const duplicate = findDuplicate(await findOverlapping(ctx.tx, candidate), candidate)
  if (duplicate) {
    throw new AppError('CONFLICT', {
      message: `An overlapping delegation with a shared scope already exists (${duplicate.id}); revoke it first`,
      details: [{ path: 'scopes', message: 'Đã có ủy quyền trùng thời gian và phạm vi cho người này' }],
    })
  }
  const id = await insertDelegation(ctx.tx, {
    ...candidate,
    note: input.note,
    createdBy: ctx.actor.id,
    createdAt: ctx.now,
  })
  const after = (await unsafeFindDelegation(ctx.tx, id))!
  await recordEvent(ctx, {
    action: 'delegation.created',
    targetType: 'delegation',
    targetId: id,
    data: { after: auditDelegation(after) },
  })
  return after
}
