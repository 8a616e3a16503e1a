/** Query keys of the incoming-document pages, and one call that refreshes all of them after a change. */
import type { QueryClient } from '@tanstack/react-query'

export const DOCUMENTS_IN_KEY = ['documents-in'] as const
export const INBOX_KEY = ['inbox'] as const
export const INBOX_COUNTS_KEY = ['inbox', 'counts'] as const
export const REGISTERS_KEY = ['registers'] as const

export function documentKey(id: string) {
  return [...DOCUMENTS_IN_KEY, 'one', id] as const
}

export function timelineKey(id: string) {
  return [...DOCUMENTS_IN_KEY, 'timeline', id] as const
}

/** After any write: lists, the inbox and its counts, the document and its timeline. */
export function refreshDocuments(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: DOCUMENTS_IN_KEY })
  void queryClient.invalidateQueries({ queryKey: INBOX_KEY })
  void queryClient.invalidateQueries({ queryKey: REGISTERS_KEY })
}
