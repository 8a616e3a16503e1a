/**
 * Quản trị › Liên thông: our identity on the exchange (organization code, the certificate that signs
 * our packages, to hand to partner agencies), whether the national axis is configured and where
 * peers deliver to us, the agency directory counts, "Đồng bộ danh bạ từ trục" and the import of the
 * directory from a file (directory-import.tsx).
 */
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Skeleton,
  Statistic,
  Tag,
  Tooltip,
} from 'antd'
import { CloudSyncOutlined, DownloadOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TExchangeIdentity } from '@common/contracts/exchange'
import { PageHeader } from '../../components/page-header.tsx'
import { errorText } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { downloadText } from '../organizations/csv.ts'
import { ORGANIZATIONS_KEY } from '../organizations/use-organizations.ts'
import { exchangeApi } from './api.ts'
import { EXCHANGE_KEY, IDENTITY_KEY } from './keys.ts'
import { DirectoryImport, LineErrors, ResultCounts } from './directory-import.tsx'
import '../documents-in/documents-in.css'
import './exchange.css'

/** The PEM file name partners receive: our organization code, e.g. 000.00.00.G38.pem. */
function pemFileName(identity: TExchangeIdentity): string {
  return `${identity.organizationCode.replace(/[^A-Za-z0-9._-]/g, '_') || 'eoffice'}.pem`
}

function Identity({ identity }: { identity: TExchangeIdentity }) {
  const { t } = useTranslation()
  const expired = Date.parse(identity.certificateNotAfter) < Date.now()
  return (
    <Card
      size="small"
      title={t('exchange.admin.identityTitle')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            downloadText(pemFileName(identity), identity.certificatePem, 'application/x-pem-file')
          }
          data-testid="exchange-download-pem"
        >
          {t('exchange.admin.downloadPem')}
        </Button>
      }
      data-testid="exchange-identity"
    >
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 200 } }}
        items={[
          {
            key: 'org',
            label: t('exchange.admin.organization'),
            children: (
              <span>
                {identity.organizationName}{' '}
                <code data-testid="exchange-org-code">{identity.organizationCode}</code>
              </span>
            ),
          },
          {
            key: 'subject',
            label: t('exchange.admin.certificateSubject'),
            children: <span style={{ wordBreak: 'break-word' }}>{identity.certificateSubject}</span>,
          },
          {
            key: 'notAfter',
            label: t('exchange.admin.certificateNotAfter'),
            children: (
              <span>
                {formatDateTime(identity.certificateNotAfter)}{' '}
                {expired ? <Tag color="error">{t('exchange.admin.expired')}</Tag> : null}
              </span>
            ),
          },
          {
            key: 'axis',
            label: t('exchange.admin.axis'),
            children: identity.axisConfigured ? (
              <span>
                <Tag color="success" data-testid="exchange-axis-state" data-configured="true">
                  {t('exchange.admin.axisConfigured')}
                </Tag>
                {identity.axisUrl ? <code style={{ wordBreak: 'break-all' }}>{identity.axisUrl}</code> : null}
              </span>
            ) : (
              <Tag data-testid="exchange-axis-state" data-configured="false">
                {t('exchange.admin.axisNotConfigured')}
              </Tag>
            ),
          },
          {
            key: 'peer',
            label: t('exchange.admin.peerEndpoint'),
            children: identity.peerEndpoint ? (
              <code style={{ wordBreak: 'break-all' }}>{identity.peerEndpoint}</code>
            ) : (
              <span className="doc-muted">{t('exchange.admin.noPeerEndpoint')}</span>
            ),
          },
        ]}
      />
      <details style={{ marginTop: 12 }}>
        <summary style={{ cursor: 'pointer' }}>{t('exchange.admin.showPem')}</summary>
        <pre className="exchange-pem" data-testid="exchange-pem">
          {identity.certificatePem}
        </pre>
      </details>
    </Card>
  )
}

function Directory({ identity }: { identity: TExchangeIdentity }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const sync = useMutation({
    mutationFn: exchangeApi.directory.sync,
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: EXCHANGE_KEY })
      void queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY })
      message.success(
        t('exchange.admin.synced', { created: r.created, updated: r.updated, unchanged: r.unchanged }),
      )
    },
    onError: (e) => message.error(errorText(t, e)),
  })
  const button = (
    <Button
      icon={<CloudSyncOutlined />}
      disabled={!identity.axisConfigured}
      loading={sync.isPending}
      onClick={() => sync.mutate()}
      data-testid="exchange-sync"
    >
      {t('exchange.admin.sync')}
    </Button>
  )
  return (
    <Card
      size="small"
      title={t('exchange.admin.directoryTitle')}
      extra={
        identity.axisConfigured ? (
          button
        ) : (
          <Tooltip title={t('exchange.admin.syncDisabled')}>{button}</Tooltip>
        )
      }
      data-testid="exchange-directory"
    >
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title={t('exchange.admin.directoryTotal')} value={identity.directory.total} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('exchange.admin.directoryWithCertificate')}
            value={identity.directory.withCertificate}
          />
        </Col>
        <Col span={8}>
          <Statistic title={t('exchange.admin.directorySynced')} value={identity.directory.synced} />
        </Col>
      </Row>
      {!identity.axisConfigured ? (
        <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('exchange.admin.syncDisabled')} />
      ) : null}
      {sync.data ? (
        <div style={{ marginTop: 16 }}>
          <ResultCounts result={sync.data} />
          <LineErrors errors={sync.data.errors} />
        </div>
      ) : null}
    </Card>
  )
}

export function ExchangeAdminPage() {
  const { t } = useTranslation()
  const query = useQuery({ queryKey: IDENTITY_KEY, queryFn: exchangeApi.identity })
  return (
    <>
      <PageHeader title={t('exchange.nav.admin')} subtitle={t('exchange.admin.subtitle')} />
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : query.isError ? (
        <Result status="error" title={errorText(t, query.error)} data-testid="exchange-admin-error" />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={13}>
            <Identity identity={query.data} />
          </Col>
          <Col xs={24} xl={11}>
            <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
              <Directory identity={query.data} />
              <DirectoryImport />
            </div>
          </Col>
        </Row>
      )}
    </>
  )
}
