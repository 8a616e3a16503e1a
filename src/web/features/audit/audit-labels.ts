import type { TFunction, i18n as I18n } from 'i18next'

/** A known action's label from the catalog (`audit.actions.<action>`), the raw name otherwise. */
export function actionLabel(t: TFunction, i18n: I18n, action: string): string {
  const key = `audit.actions.${action}`
  return i18n.exists(key) ? t(key) : action
}

export function targetTypeLabel(t: TFunction, i18n: I18n, type: string): string {
  const key = `audit.targetTypes.${type}`
  return i18n.exists(key) ? t(key) : type
}

export function loginReasonLabel(t: TFunction, i18n: I18n, reason: string | null): string {
  if (!reason) return ''
  const key = `audit.loginReasons.${reason}`
  return i18n.exists(key) ? t(key) : reason
}

export const KNOWN_TARGET_TYPES = [
  'user',
  'organization',
  'unit',
  'delegation',
  'file',
  'session',
  'notification',
  'documentIn',
  'register',
  'calendarDay',
  'calendar',
] as const
