import { Descriptions, Drawer } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TOrganization } from '@common/contracts/organizations'
import { useIsMobile } from '../../lib/use-media.ts'
import { ExchangeTags, KindTag } from './kind-tag.tsx'

/** The directory card of one organization. */
export function OrganizationDetails({
  organization,
  onClose,
}: {
  organization: TOrganization | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const isMobile = useIsMobile()
  const o = organization
  return (
    <Drawer
      open={o !== null}
      onClose={onClose}
      title={o?.name}
      size={isMobile ? '100%' : 520}
      destroyOnHidden
      data-testid="organization-details"
    >
      {o ? (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'name', label: t('organizations.fields.name'), children: o.name },
            { key: 'shortName', label: t('organizations.fields.shortName'), children: o.shortName ?? '' },
            {
              key: 'code',
              label: t('organizations.fields.code'),
              children: o.code ? <code>{o.code}</code> : '',
            },
            { key: 'kind', label: t('organizations.fields.kind'), children: <KindTag kind={o.kind} /> },
            {
              key: 'email',
              label: t('organizations.fields.email'),
              children: o.email ? <a href={`mailto:${o.email}`}>{o.email}</a> : '',
            },
            { key: 'phone', label: t('organizations.fields.phone'), children: o.phone ?? '' },
            { key: 'address', label: t('organizations.fields.address'), children: o.address ?? '' },
            { key: 'endpoint', label: t('organizations.fields.endpoint'), children: o.endpoint ?? '' },
            {
              key: 'exchange',
              label: t('organizations.fields.exchange'),
              children: <ExchangeTags organization={o} />,
            },
            { key: 'users', label: t('organizations.fields.userCount'), children: o.userCount },
          ]}
        />
      ) : null}
    </Drawer>
  )
}
