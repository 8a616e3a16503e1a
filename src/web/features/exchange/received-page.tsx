/**
 * One package received electronically: the PDF in the browser, every header field, the business
 * block, the package signature, the attachments and their PDF signatures, the warnings; the
 * clerk's decision (accept into a register, agree to a recall or update, refuse with a reason) and,
 * once decided, who decided what, when, why, and the statuses sent back to the sender.
 */
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { Alert, Button, Card, Descriptions, Empty, Skeleton, Space, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TReceivedPackage } from '@common/contracts/exchange'
import { LoadError } from '../../components/load-error.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { ViewerLayout } from '../../components/viewer-layout.tsx'
import { formatDateTime } from '../../lib/format.ts'
import { documentPath } from '../documents-in/paths.ts'
import { exchangeApi } from './api.ts'
import { DecisionActions } from './decision.tsx'
import { receivedKey } from './keys.ts'
import { OutboxStateTag, ReceivedKindTag, ReceivedStateTag, SignatureStateTag, StatusTag } from './labels.tsx'
import { decidedKey, inlineUrl } from './model.ts'
import { EXCHANGE_PATHS } from './paths.ts'
import { Attachments, PackageSignature, Warnings } from './package-checks.tsx'
import { BusinessBlock, PackageHeader } from './received-details.tsx'
import '../documents-in/documents-in.css'
import './exchange.css'

function Viewer({ pkg, url }: { pkg: TReceivedPackage; url: string | null }) {
  const { t } = useTranslation()
  const file = pkg.attachments.find((f) => f.url === url)
  if (!file) return <Empty description={t('exchange.detail.noPdf')} />
  return (
    <div>
      <iframe
        className="doc-preview"
        src={inlineUrl(file.url)}
        title={file.name}
        data-testid="received-viewer"
      />
      <div style={{ marginTop: 6, textAlign: 'right' }}>
        <a href={inlineUrl(file.url)} target="_blank" rel="noopener">
          {t('documentsIn.files.openNewTab')}
        </a>
      </div>
    </div>
  )
}

/** After the decision: the outcome, who and when, the reason, and what we told the sender. */
function DecisionResult({ pkg }: { pkg: TReceivedPackage }) {
  const { t } = useTranslation()
  if (pkg.state === 'received') return null
  const alertType = pkg.state === 'refused' ? 'warning' : pkg.state === 'destroyed' ? 'error' : 'success'
  return (
    <Card size="small" className="exchange-decision" data-testid="received-decision">
      <Alert
        type={alertType}
        showIcon
        style={{ marginBottom: 12 }}
        title={t(decidedKey(pkg))}
        action={
          pkg.incomingDocumentId && pkg.state !== 'destroyed' ? (
            <Link to={documentPath(pkg.incomingDocumentId)} data-testid="received-open-incoming">
              <Button size="small">{t('exchange.decided.openIncoming')}</Button>
            </Link>
          ) : undefined
        }
      />
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          {
            key: 'by',
            label: t('exchange.decided.by'),
            children: <span data-testid="received-decided-by">{pkg.decidedByName ?? '—'}</span>,
          },
          { key: 'at', label: t('exchange.decided.at'), children: formatDateTime(pkg.decidedAt) || '—' },
          ...(pkg.decisionReason
            ? [
                {
                  key: 'reason',
                  label: t('exchange.decided.reason'),
                  span: 2,
                  children: (
                    <span className="exchange-pre" data-testid="received-decision-reason">
                      {pkg.decisionReason}
                    </span>
                  ),
                },
              ]
            : []),
          {
            key: 'statuses',
            label: t('exchange.decided.statusesSent'),
            span: 2,
            children:
              pkg.statusesSent.length === 0 ? (
                <span className="doc-muted">{t('exchange.decided.noStatus')}</span>
              ) : (
                <Space orientation="vertical" size={4} data-testid="received-statuses-sent">
                  {pkg.statusesSent.map((s) => (
                    <span key={`${s.code}-${s.at}`}>
                      <StatusTag code={s.code} /> <OutboxStateTag state={s.state} />
                      <span className="doc-muted">{formatDateTime(s.at)}</span>
                    </span>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  )
}

/** For a recall, an update or a replacement: which of our documents it is about, before the decision. */
function TargetNotice({ pkg }: { pkg: TReceivedPackage }) {
  const { t } = useTranslation()
  if (pkg.kind === 'document' || pkg.state !== 'received') return null
  const target = pkg.business.targetDocumentIdentifier ?? t('exchange.unknownTarget')
  return (
    <Alert
      type={pkg.kind === 'recall' ? 'error' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="received-target-notice"
      title={t(`exchange.detail.asks.${pkg.kind}`, { sender: pkg.from.organName, target })}
      description={pkg.business.reason || undefined}
      action={
        pkg.business.targetIncomingDocumentId ? (
          <Link to={documentPath(pkg.business.targetIncomingDocumentId)}>
            <Button size="small">{t('exchange.detail.openTarget')}</Button>
          </Link>
        ) : undefined
      }
    />
  )
}

export function ReceivedPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const query = useQuery({ queryKey: receivedKey(id), queryFn: () => exchangeApi.received.get(id) })
  const [shown, setShown] = useState<string | null>(null)
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />
  if (query.isError)
    return (
      <LoadError
        error={query.error}
        notFoundTitle={t('exchange.detail.notFound')}
        backTo={EXCHANGE_PATHS.received}
        backLabel={t('exchange.detail.backToList')}
        testId="received-error"
      />
    )
  const pkg = query.data
  const firstPdf = pkg.attachments.find((f) => f.contentType === 'application/pdf')?.url ?? null
  const shownUrl = shown ?? firstPdf
  const details = (
    <>
      <Card size="small" title={t('exchange.detail.headerTitle')}>
        <PackageHeader pkg={pkg} />
      </Card>
      <Card size="small" title={t('exchange.detail.businessTitle')} style={{ marginTop: 16 }}>
        <BusinessBlock pkg={pkg} />
      </Card>
      <Card size="small" title={t('exchange.detail.signatureTitle')} style={{ marginTop: 16 }}>
        <PackageSignature pkg={pkg} />
      </Card>
      <Card
        size="small"
        title={t('exchange.detail.attachmentsTitle', { count: pkg.attachments.length })}
        style={{ marginTop: 16 }}
      >
        <Attachments pkg={pkg} shownUrl={shownUrl} onShow={setShown} />
      </Card>
    </>
  )
  return (
    <>
      <PageHeader
        title={
          pkg.numberAndNotation
            ? t('exchange.detail.title', { number: pkg.numberAndNotation })
            : t('exchange.detail.titleUnnumbered')
        }
        subtitle={
          <span className="doc-head">
            <ReceivedStateTag state={pkg.state} testId="received-state" />
            <ReceivedKindTag kind={pkg.kind} />
            <SignatureStateTag state={pkg.signatureState} />
            <span className="doc-head-number">{pkg.from.organName}</span>
          </span>
        }
      />
      <Typography.Paragraph strong style={{ fontSize: 15, marginTop: -4 }} data-testid="received-subject">
        {pkg.subject ?? t('exchange.noSubject')}
      </Typography.Paragraph>
      <TargetNotice pkg={pkg} />
      <DecisionResult pkg={pkg} />
      <DecisionActions pkg={pkg} />
      <Warnings pkg={pkg} />
      <div style={{ height: pkg.warnings.length > 0 ? 16 : 0 }} />
      <ViewerLayout viewer={<Viewer pkg={pkg} url={shownUrl} />} details={details} />
    </>
  )
}
