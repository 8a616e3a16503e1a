/** The orange number beside a menu item: what waits on the user there; nothing when zero. */
import { Badge } from 'antd'

export function NavCount({ count, testId }: { count: number; testId: string }) {
  if (count === 0) return null
  return (
    <Badge
      count={count}
      overflowCount={99}
      size="small"
      color="#fa8c16"
      style={{ marginInlineStart: 8, boxShadow: 'none' }}
      data-testid={testId}
    />
  )
}
