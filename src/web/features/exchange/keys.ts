/** Query keys of the exchange pages, and one call that refreshes all of them after a change. */
import type { QueryClient } from '@tanstack/react-query'

export const EXCHANGE_KEY = ['exchange'] as const
export const RECEIVED_COUNTS_KEY = [...EXCHANGE_KEY, 'received', 'counts'] as const
export const IDENTITY_KEY = [...EXCHANGE_KEY, 'identity'] as const

export function receivedKey(id: string) {
  return [...EXCHANGE_KEY, 'received', 'one', id] as const
}

export function sentKey(documentId: string) {
  return [...EXCHANGE_KEY, 'sent', documentId] as const
}

/**
 * After any write: the exchange lists and counts, and the incoming documents (accepting registers
 * one, a recall destroys one, an update changes one).
 */
export function refreshExchange(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: EXCHANGE_KEY })
  void queryClient.invalidateQueries({ queryKey: ['documents-in'] })
  void queryClient.invalidateQueries({ queryKey: ['inbox'] })
  void queryClient.invalidateQueries({ queryKey: ['registers'] })
}
