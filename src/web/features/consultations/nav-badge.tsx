/** The number beside "Lấy ý kiến" in the navigation: open consultations the user still has to answer. */
import { useQuery } from '@tanstack/react-query'
import { NavCount } from '../../components/nav-count.tsx'
import type { TConsultationListItem } from '@common/contracts/consultations'
import { consultApi } from './api.ts'
import { TO_ANSWER_KEY } from './keys.ts'

/** Still waiting on the user: not answered, a draft, or a focal point's draft to confirm. */
export function isWaitingOnMe(item: TConsultationListItem): boolean {
  return (
    item.state === 'open' &&
    !item.pastDeadline &&
    (item.myResponseState === 'none' ||
      item.myResponseState === 'draft' ||
      item.myResponseState === 'awaiting_member')
  )
}

/** Open consultations still waiting on the user, soonest deadline first (the badge, the home page). */
export function useToAnswer() {
  return useQuery({
    queryKey: TO_ANSWER_KEY,
    queryFn: async () => {
      const page = await consultApi.list({ box: 'to_answer', state: 'open', pageSize: 200 })
      return page.items
        .filter(isWaitingOnMe)
        .sort((a, b) => new Date(a.deadline).getTime() - new Date(b.deadline).getTime())
    },
    staleTime: 30_000,
    refetchInterval: 60_000,
  })
}

export function ConsultationsBadge() {
  const toAnswer = useToAnswer()
  const n = toAnswer.data?.length ?? 0
  return <NavCount count={n} testId="nav-consultations-badge" />
}
