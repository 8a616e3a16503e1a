import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { TFunction, i18n as I18n } from 'i18next'
import type { TNotification } from '@common/contracts/files'
import { api } from '../../lib/api.ts'
import { formatDateTime } from '../../lib/format.ts'

export const NOTIFICATIONS_KEY = ['notifications'] as const

/** The user's notifications, polled every minute (live updates come later). */
export function useNotifications() {
  return useQuery({ queryKey: NOTIFICATIONS_KEY, queryFn: api.notifications.list, refetchInterval: 60_000 })
}

export function useMarkRead() {
  const queryClient = useQueryClient()
  return useMutation({
    /** A notification id, or null for all of them. */
    mutationFn: (id: string | null) =>
      id === null ? api.notifications.readAll() : api.notifications.read(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  })
}

/** The text of a notification: the catalog's `notifications.kinds.<kind>` filled with its data. */
export function notificationText(t: TFunction, i18n: I18n, notification: TNotification): string {
  const key = `notifications.kinds.${notification.kind}`
  if (i18n.exists(key)) {
    // Times in the data are ISO strings: show them in Vietnam time, as everywhere else.
    const data = Object.fromEntries(
      Object.entries(notification.data).map(([k, v]) => [
        k,
        typeof v === 'string' && k.endsWith('At') ? formatDateTime(v) : v,
      ]),
    )
    return t(key, data)
  }
  const title = notification.data.title
  return typeof title === 'string' && title ? title : t('notifications.generic')
}
