/** Who may read the audit log. Pure. Deny by default. */
import type { Actor } from '../../platform/context.ts'
import { AppError } from '../../platform/errors.ts'
import { globalCan } from '../accounts/index.ts'

/** The audit log (events, login attempts, chain check) is for holders of audit.read only. */
export function canReadAudit(actor: Pick<Actor, 'roles'>): boolean {
  return globalCan(actor, 'audit.read')
}

export function assertCanReadAudit(actor: Pick<Actor, 'roles'>): void {
  if (!canReadAudit(actor)) throw new AppError('NOT_ALLOWED', { message: 'Not allowed: audit.read' })
}
