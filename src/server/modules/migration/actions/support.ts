/** What every migration action needs: the ability check, field errors, the run's events. */
import { globalCan } from '../../accounts/index.ts'
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { MIGRATION_TARGET } from '../events.ts'

/** Only administrators migrate (permission 'migration.manage'); the route checks it too. */
export function assertCanMigrate(ctx: Ctx): void {
  if (!globalCan(ctx.actor, 'migration.manage'))
    throw new AppError('NOT_ALLOWED', { message: 'Chỉ quản trị hệ thống được chuyển đổi dữ liệu' })
}

/** A 400 naming the field, in Vietnamese, for the form. */
export function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message, details: [{ path, message }] })
}

export async function recordRunEvent(
  ctx: Ctx,
  runId: string,
  action: string,
  data: Record<string, unknown>,
): Promise<void> {
  await recordEvent(ctx, { action, targetType: MIGRATION_TARGET, targetId: runId, data })
}
