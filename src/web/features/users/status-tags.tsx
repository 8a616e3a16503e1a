import { Tag, Tooltip } from 'antd'
import { SafetyCertificateOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { TUser } from '@common/contracts/users'

/** Active or not, locked, waiting for a password change, two-factor on. */
export function StatusTags({ user }: { user: TUser }) {
  const { t } = useTranslation()
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {user.isActive ? (
        <Tag color="green">{t('users.status.active')}</Tag>
      ) : (
        <Tag>{t('users.status.disabled')}</Tag>
      )}
      {user.isLocked ? <Tag color="red">{t('users.status.locked')}</Tag> : null}
      {user.mustChangePassword ? <Tag color="orange">{t('users.status.mustChangePassword')}</Tag> : null}
      {user.hasTotp ? (
        <Tooltip title={t('users.status.totp')}>
          <Tag color="blue" icon={<SafetyCertificateOutlined />}>
            {t('users.status.totpShort')}
          </Tag>
        </Tooltip>
      ) : null}
    </span>
  )
}
