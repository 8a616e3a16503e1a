import { useQuery } from '@tanstack/react-query'
import { docApi } from '../../lib/api.ts'
import { INBOX_COUNTS_KEY } from '../documents-in/keys.ts'

/** The inbox counts, polled every minute and refreshed after every change to a document. */
export function useInboxCounts(enabled = true) {
  return useQuery({
    queryKey: INBOX_COUNTS_KEY,
    queryFn: docApi.inbox.counts,
    refetchInterval: 60_000,
    staleTime: 15_000,
    enabled,
  })
}
