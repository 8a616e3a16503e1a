/** The number beside "Văn bản đi" in the navigation: drafts waiting on the user's review, signature or issuing. */
import { useQuery } from '@tanstack/react-query'
import { NavCount } from '../../components/nav-count.tsx'
import { outApi } from './api.ts'
import { OUT_COUNTS_KEY } from './keys.ts'

export function useOutgoingCounts() {
  return useQuery({
    queryKey: OUT_COUNTS_KEY,
    queryFn: outApi.counts,
    staleTime: 30_000,
    refetchInterval: 60_000,
  })
}

export function OutgoingBadge() {
  const counts = useOutgoingCounts()
  const n = counts.data ? counts.data.to_review + counts.data.to_sign + counts.data.to_issue : 0
  return <NavCount count={n} testId="nav-documents-out-badge" />
}
