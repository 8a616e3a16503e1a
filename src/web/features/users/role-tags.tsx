import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'

const COLORS: Record<string, string> = {
  admin: 'red',
  leader: 'gold',
  unit_head: 'orange',
  clerk: 'blue',
  specialist: 'geekblue',
  secretary: 'purple',
  committee_member: 'cyan',
  focal_point: 'green',
  partner: 'default',
}

export function RoleTags({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation()
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {roles.map((r) => (
        <Tag key={r} color={COLORS[r] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {t(`roles.${r}`)}
        </Tag>
      ))}
    </span>
  )
}
