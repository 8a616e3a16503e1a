/** Rename, describe, close or reopen a register. Numbers already given stay as they are. */
import type { TRegisterUpdate } from '@common/contracts/documents-in'
import type { Ctx } from '../../../platform/context.ts'
import { notFound } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { vnYear } from '../dates.ts'
import { DOCUMENT_IN_EVENTS } from '../events.ts'
import { registerAbilities } from '../policy.ts'
import { findRegister, type RegisterRow } from '../queries.ts'
import { updateRegister as storeUpdate } from '../store.ts'

/** Update a register of the actor's organization; registers of other organizations do not exist for them. */
export async function updateRegister(
  ctx: Ctx,
  input: TRegisterUpdate & { id: string },
): Promise<RegisterRow> {
  const year = vnYear(ctx.now)
  const before = await findRegister(ctx.tx, input.id, year)
  if (!before || !registerAbilities(ctx.actor, before).update) throw notFound('register')
  const patch = {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.isActive === undefined ? {} : { isActive: input.isActive }),
  }
  await storeUpdate(ctx.tx, input.id, { ...patch, updatedAt: ctx.now })
  const after = (await findRegister(ctx.tx, input.id, year))!
  const snapshot = (r: RegisterRow) => ({ name: r.name, description: r.description, isActive: r.isActive })
  await recordEvent(ctx, {
    action: DOCUMENT_IN_EVENTS.registerUpdated,
    targetType: 'register',
    targetId: input.id,
    data: { before: snapshot(before), after: snapshot(after) },
  })
  return after
}
