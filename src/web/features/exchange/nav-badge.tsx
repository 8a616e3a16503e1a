/** The number beside "Văn bản điện tử đến" in the navigation: packages waiting for the clerk's decision. */
import { Badge } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { exchangeApi } from './api.ts'
import { RECEIVED_COUNTS_KEY } from './keys.ts'

export function useReceivedCounts() {
  return useQuery({
    queryKey: RECEIVED_COUNTS_KEY,
    queryFn: exchangeApi.received.counts,
    staleTime: 30_000,
    refetchInterval: 60_000,
  })
}

export function ReceivedBadge() {
  const counts = useReceivedCounts()
  const n = counts.data?.waiting ?? 0
  if (n === 0) return null
  return (
    <Badge
      count={n}
      overflowCount={99}
      size="small"
      color="#fa8c16"
      style={{ marginInlineStart: 8, boxShadow: 'none' }}
      data-testid="nav-exchange-received-badge"
    />
  )
}
