/** The frame of the sign-in steps: the committee's identity on the left, the step on the right. */
import { useEffect, type ReactNode } from 'react'
import { Card, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../lib/api.ts'
import { BrandMark } from '../../components/brand.tsx'
import { LanguageSwitch } from '../../components/language-switch.tsx'
import './auth.css'

export function usePublicConfig() {
  return useQuery({ queryKey: ['public-config'], queryFn: api.system.config, staleTime: Infinity })
}

export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string
  subtitle?: ReactNode
  children: ReactNode
}) {
  const { t } = useTranslation()
  useEffect(() => {
    document.title = `${title} · ${t('app.productName')}`
  }, [title, t])
  const config = usePublicConfig()
  const organizationName = config.data?.organizationName ?? t('app.committee')
  return (
    <div className="auth-page">
      <aside className="auth-hero">
        <div className="auth-hero-top">
          <BrandMark size={44} />
          <span className="auth-hero-product">{t('app.productName')}</span>
        </div>
        <div className="auth-hero-body">
          <div className="auth-hero-org" data-testid="login-organization">
            {organizationName}
          </div>
          <h1 className="auth-hero-title">{t('app.systemName')}</h1>
          <p className="auth-hero-text">{t('auth.heroText')}</p>
        </div>
        <svg className="auth-hero-waves" viewBox="0 0 1200 200" preserveAspectRatio="none" aria-hidden="true">
          <path d="M0 120 C200 60 400 180 600 120 S1000 60 1200 120 V200 H0 Z" fill="rgba(55,194,196,0.25)" />
          <path
            d="M0 150 C200 100 400 200 600 150 S1000 100 1200 150 V200 H0 Z"
            fill="rgba(255,255,255,0.12)"
          />
        </svg>
        <div className="auth-hero-footer">
          {t('app.copyright', { year: new Date().getFullYear(), organization: organizationName })}
        </div>
      </aside>
      <main className="auth-main">
        <div className="auth-toolbar">
          <LanguageSwitch />
        </div>
        <div className="auth-mobile-brand">
          <BrandMark size={40} />
          <div>
            <div className="auth-mobile-org">{organizationName}</div>
            <div className="auth-mobile-system">{t('app.systemName')}</div>
          </div>
        </div>
        <Card className="auth-card" variant="borderless">
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: subtitle ? 4 : 24 }}>
            {title}
          </Typography.Title>
          {subtitle ? (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
              {subtitle}
            </Typography.Paragraph>
          ) : null}
          {children}
        </Card>
      </main>
    </div>
  )
}
