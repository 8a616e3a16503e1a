/**
 * Reading an incoming register for print or export: checks the range, loads the rows in one
 * transaction and records 'register.exported' (an access to the register the audit log shows).
 */
import type { TRegisterExportQuery } from '@common/contracts/documents-in'
import type { Ctx } from '../../../platform/context.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { vnYear } from '../dates.ts'
import { registerAbilities } from '../policy.ts'
import { findRegister } from '../queries.ts'
import type { RegisterExport } from './layout.ts'
import { loadRegisterCover, loadRegisterRows } from './rows.ts'

export const REGISTER_EXPORTED = 'register.exported'

/** The day one year after `day` (29 February → 1 March). */
function plusOneYear(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y! + 1, m! - 1, d!)).toISOString().slice(0, 10)
}

export function checkRange(from: string, to: string): void {
  if (from > to)
    throw new AppError('BAD_REQUEST', { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc' })
  if (to >= plusOneYear(from))
    throw new AppError('BAD_REQUEST', { message: 'Chỉ in hoặc xuất sổ cho khoảng thời gian tối đa một năm' })
}

export async function exportRegister(
  ctx: Ctx,
  input: TRegisterExportQuery & { id: string },
): Promise<RegisterExport> {
  checkRange(input.from, input.to)
  const register = await findRegister(ctx.tx, input.id, vnYear(ctx.now))
  if (!register || !registerAbilities(ctx.actor, register).update) throw notFound('register')
  if (register.kind !== 'incoming')
    throw new AppError('BAD_REQUEST', { message: 'Chỉ in được sổ văn bản đến' })
  const rows = await loadRegisterRows(ctx.tx, register.id, input.from, input.to)
  const cover = await loadRegisterCover(ctx.tx, ctx.actor.organizationId, ctx.actor.unitId)
  await recordEvent(ctx, {
    action: REGISTER_EXPORTED,
    targetType: 'register',
    targetId: register.id,
    data: {
      format: input.format,
      from: input.from,
      to: input.to,
      rowCount: rows.length,
      firstNumber: rows[0]?.registerNumber ?? null,
      lastNumber: rows.at(-1)?.registerNumber ?? null,
    },
  })
  return { cover, registerName: register.name, from: input.from, to: input.to, rows }
}
