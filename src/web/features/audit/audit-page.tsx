/** Quản trị › Nhật ký hệ thống: the audit log and the sign-in attempts. */
import { useState, type ReactNode } from 'react'
import { Tabs } from 'antd'
import { useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/page-header.tsx'
import { AuditEvents } from './audit-events.tsx'
import { IntegrityCheckButton } from './integrity-check.tsx'
import { LoginAttempts } from './login-attempts.tsx'

export function AuditPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab') === 'logins' ? 'logins' : 'events'
  const [verifyResult, setVerifyResult] = useState<ReactNode>(null)
  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        subtitle={t('audit.subtitle')}
        extra={<IntegrityCheckButton onResult={setVerifyResult} />}
      />
      {verifyResult ? <div style={{ marginBottom: 16 }}>{verifyResult}</div> : null}
      <Tabs
        activeKey={tab}
        // Filters belong to one tab: switching starts the other tab unfiltered.
        onChange={(key) => setParams(key === 'logins' ? { tab: 'logins' } : {})}
        destroyOnHidden
        items={[
          {
            key: 'events',
            label: <span data-testid="audit-tab-events">{t('audit.tabEvents')}</span>,
            children: <AuditEvents />,
          },
          {
            key: 'logins',
            label: <span data-testid="audit-tab-logins">{t('audit.tabLogins')}</span>,
            children: <LoginAttempts />,
          },
        ]}
      />
    </>
  )
}
