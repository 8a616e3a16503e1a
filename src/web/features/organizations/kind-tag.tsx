import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { OrganizationKind } from '@common/domain'

const COLORS: Record<OrganizationKind, string> = {
  own: 'gold',
  ministry: 'blue',
  province: 'green',
  government: 'purple',
  international: 'cyan',
  other: 'default',
}

export function KindTag({ kind }: { kind: OrganizationKind }) {
  const { t } = useTranslation()
  return <Tag color={COLORS[kind]}>{t(`organizationKinds.${kind}`)}</Tag>
}
