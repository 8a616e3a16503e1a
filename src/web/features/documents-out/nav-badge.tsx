/** The number beside "Văn bản đi" in the navigation: drafts waiting on the user's review, signature or issuing. */
import { Badge } from 'antd'
import { useQuery } from '@tanstack/react-query'
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
  if (n === 0) return null
  return (
    <Badge
      count={n}
      overflowCount={99}
      size="small"
      color="#fa8c16"
      style={{ marginInlineStart: 8, boxShadow: 'none' }}
      data-testid="nav-documents-out-badge"
    />
  )
}
