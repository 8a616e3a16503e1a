/** Query keys of the outgoing-document pages, and one call that refreshes all of them after a change. */
import type { QueryClient } from '@tanstack/react-query'

export const DOCUMENTS_OUT_KEY = ['documents-out'] as const
export const OUT_COUNTS_KEY = [...DOCUMENTS_OUT_KEY, 'counts'] as const
export const OUT_OPTIONS_KEY = [...DOCUMENTS_OUT_KEY, 'options'] as const

export function outgoingKey(id: string) {
  return [...DOCUMENTS_OUT_KEY, 'one', id] as const
}

export function repliesKey(incomingId: string) {
  return [...DOCUMENTS_OUT_KEY, 'replies', incomingId] as const
}

/** After any write: the lists, counts and documents (issuing also fills inboxes). */
export function refreshOutgoing(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: DOCUMENTS_OUT_KEY })
  void queryClient.invalidateQueries({ queryKey: ['inbox'] })
  void queryClient.invalidateQueries({ queryKey: ['documents-in'] })
}
