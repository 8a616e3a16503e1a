/** The number beside "Văn bản điện tử đến" in the navigation: packages waiting for the clerk's decision. */
import { useQuery } from '@tanstack/react-query'
import { NavCount } from '../../components/nav-count.tsx'
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
  return <NavCount count={n} testId="nav-exchange-received-badge" />
}
