/** The admin configures the approval chain of a document type ('default' for every other type). */
import type { TApprovalChainInput } from '@common/contracts/documents-out'
import type { Ctx } from '../../../platform/context.ts'
import { approvalChains } from '../../../platform/db/schema.ts'
import { AppError } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { globalCan } from '../../accounts/index.ts'
import { DOCUMENT_OUT_EVENTS } from '../events.ts'
import { findUsersByIds } from '../lookups.ts'
import { invalid } from './support.ts'

/** Set the approval chain of a document type (or the default). */
export async function setApprovalChain(ctx: Ctx, input: TApprovalChainInput & { documentType: string }) {
  if (!globalCan(ctx.actor, 'signing.manage')) throw new AppError('NOT_ALLOWED')
  const userIds = input.steps.flatMap((s) => (s.kind === 'user' && s.userId ? [s.userId] : []))
  const found = await findUsersByIds(ctx.tx, userIds)
  for (const [i, s] of input.steps.entries()) {
    if (s.kind !== 'user') continue
    const u = found.find((x) => x.id === s.userId)
    if (!u || !u.isActive || u.organizationId !== ctx.actor.organizationId)
      throw invalid(`steps.${i}.userId`, 'Người duyệt không tồn tại')
  }
  const steps = input.steps.map((s) =>
    s.kind === 'user' ? { kind: s.kind, userId: s.userId } : { kind: s.kind },
  )
  await ctx.tx
    .insert(approvalChains)
    .values({ documentType: input.documentType, steps, updatedBy: ctx.actor.id, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: approvalChains.documentType,
      set: { steps, updatedBy: ctx.actor.id, updatedAt: ctx.now },
    })
  await recordEvent(ctx, {
    action: DOCUMENT_OUT_EVENTS.chainUpdated,
    targetType: 'approvalChain',
    targetId: input.documentType,
    data: { steps },
  })
}
