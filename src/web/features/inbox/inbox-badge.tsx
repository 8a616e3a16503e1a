/** The number beside "Việc của tôi" in the navigation: what waits for the user, plus what is overdue. */
import { Badge } from 'antd'
import { useInboxCounts } from './use-inbox-counts.ts'

export function InboxBadge() {
  const counts = useInboxCounts()
  const n = counts.data ? counts.data.to_process + counts.data.overdue : 0
  if (n === 0) return null
  return (
    <Badge
      count={n}
      overflowCount={99}
      size="small"
      color={counts.data && counts.data.overdue > 0 ? '#f5222d' : '#fa8c16'}
      style={{ marginInlineStart: 8, boxShadow: 'none' }}
      data-testid="nav-inbox-badge"
    />
  )
}
