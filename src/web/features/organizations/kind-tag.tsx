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

/** Whether an agency can exchange documents with us: its certificate (to check its packages) and its endpoint. */
export function ExchangeTags({
  organization,
}: {
  organization: { certificatePem: string | null; endpoint: string | null; isOwn: boolean }
}) {
  const { t } = useTranslation()
  if (organization.isOwn) return null
  const hasCertificate = Boolean(organization.certificatePem)
  const hasEndpoint = Boolean(organization.endpoint)
  if (!hasCertificate && !hasEndpoint) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>—</span>
  return (
    <span data-testid="organization-exchange">
      {hasCertificate ? (
        <Tag color="green" data-testid="organization-has-certificate">
          {t('organizations.exchange.certificate')}
        </Tag>
      ) : null}
      {hasEndpoint ? (
        <Tag color="blue" data-testid="organization-has-endpoint">
          {t('organizations.exchange.endpoint')}
        </Tag>
      ) : null}
    </span>
  )
}
