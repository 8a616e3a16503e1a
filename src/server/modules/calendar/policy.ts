/** Who may change the working-day calendar. Pure. Every signed-in user reads it; only 'calendar.manage' changes it. */
import type { Actor } from '../../platform/context.ts'
import { AppError } from '../../platform/errors.ts'
import { globalCan } from '../accounts/index.ts'

/** Whether the actor may add, change and remove holidays and compensating working days. */
export function canManageCalendar(actor: Pick<Actor, 'roles'>): boolean {
  return globalCan(actor, 'calendar.manage')
}

/** The abilities shipped to the UI with each calendar day. */
export function calendarDayAbilities(actor: Pick<Actor, 'roles'>): { update: boolean; remove: boolean } {
  const manage = canManageCalendar(actor)
  return { update: manage, remove: manage }
}

/** Throws NOT_ALLOWED unless the actor may change the calendar. */
export function assertCanManageCalendar(actor: Pick<Actor, 'roles'>): void {
  if (!canManageCalendar(actor))
    throw new AppError('NOT_ALLOWED', { message: 'Not allowed: calendar.manage' })
}
