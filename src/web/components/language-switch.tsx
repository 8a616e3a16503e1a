/** Tiếng Việt / English: applied at once, kept in this browser and, when signed in, in the profile. */
import { App, Button, Dropdown } from 'antd'
import { GlobalOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { LOCALES, type Locale } from '@common/domain'
import { api } from '../lib/api.ts'
import { errorText } from '../lib/errors.ts'
import { changeLocale, choosePendingLocale, currentLocale } from '../lib/i18n.ts'
import { authStep, useSession, useSetSession } from '../lib/session.ts'

export function LanguageSwitch({ dark = false, compact = false }: { dark?: boolean; compact?: boolean }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { data: session } = useSession()
  const setSession = useSetSession()
  const locale = currentLocale()

  async function choose(next: Locale) {
    await changeLocale(next)
    if (authStep(session) !== 'app') {
      choosePendingLocale(next)
      return
    }
    try {
      setSession(await api.auth.updateProfile({ locale: next }))
    } catch (error) {
      message.warning(errorText(t, error))
    }
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({
          key: l,
          label: <span data-testid={`lang-${l}`}>{t(`language.${l}`)}</span>,
        })),
        onClick: ({ key }) => void choose(key as Locale),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        aria-label={t('language.switch')}
        style={dark ? { color: '#fff' } : undefined}
      >
        {compact ? locale.toUpperCase() : t(`language.${locale}`)}
      </Button>
    </Dropdown>
  )
}
