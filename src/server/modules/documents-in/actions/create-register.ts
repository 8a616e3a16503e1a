/** A clerk or administrator opens a register (sổ văn bản đến / đi; Decree 30/2020, Annex IV). */
import type { TRegisterInput } from '@common/contracts/documents-in'
import type { Ctx } from '../../../platform/context.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { vnYear } from '../dates.ts'
import { DOCUMENT_IN_EVENTS } from '../events.ts'
import { findRegister, findRegisterByCode, type RegisterRow } from '../queries.ts'
import { insertRegister, registerCodeTaken } from '../store.ts'

/** Create a register of the actor's organization; the code is unique per organization and kind. */
export async function createRegister(ctx: Ctx, input: TRegisterInput): Promise<RegisterRow> {
  const organizationId = ctx.actor.organizationId
  if (await findRegisterByCode(ctx.tx, organizationId, input.kind, input.code))
    throw registerCodeTaken(input.code)
  const id = await insertRegister(ctx.tx, {
    organizationId,
    kind: input.kind,
    code: input.code,
    name: input.name,
    description: input.description,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  })
  await recordEvent(ctx, {
    action: DOCUMENT_IN_EVENTS.registerCreated,
    targetType: 'register',
    targetId: id,
    data: { after: { kind: input.kind, code: input.code, name: input.name, description: input.description } },
  })
  return (await findRegister(ctx.tx, id, vnYear(ctx.now)))!
}
