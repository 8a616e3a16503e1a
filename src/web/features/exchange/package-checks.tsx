/**
 * What was checked when the package arrived: the package's XML signature against the sender's
 * certificate in our directory, the PAdES signatures inside each PDF attachment, and the warnings
 * the edXML check raised without refusing the package.
 */
import type { ReactNode } from 'react'
import { Alert, Button, Descriptions, Empty, List, Space, Tag, Typography } from 'antd'
import { DownloadOutlined, EyeOutlined, FileTextOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { TReceivedPackage } from '@common/contracts/exchange'
import { SignatureStateTag } from './labels.tsx'
import { fileSize } from './model.ts'

type Item = { key: string; label: string; children: ReactNode }

/** Only the rows that have something to say. */
const when = (condition: unknown, item: Item): Item[] => (condition ? [item] : [])

/** The package's XML signature: whose key signed it and whether our directory trusts it. */
export function PackageSignature({ pkg }: { pkg: TReceivedPackage }) {
  const { t } = useTranslation()
  const s = pkg.signature
  const alertType =
    s.state === 'valid'
      ? 'success'
      : s.state === 'absent'
        ? 'info'
        : s.state === 'untrusted'
          ? 'warning'
          : 'error'
  return (
    <div data-testid="received-signature-panel" data-state={s.state}>
      <Alert
        type={alertType}
        showIcon
        title={
          <span>
            <SignatureStateTag state={s.state} testId="received-signature" />
            {t(`exchange.signature.help.${s.state}`)}
          </span>
        }
        description={s.reason ? <span data-testid="received-signature-reason">{s.reason}</span> : undefined}
      />
      {s.subject || s.serialNumber ? (
        <Descriptions
          column={1}
          size="small"
          style={{ marginTop: 8 }}
          styles={{ label: { width: 140 } }}
          items={[
            ...when(s.subject, {
              key: 'subject',
              label: t('exchange.signature.subject'),
              children: <span style={{ wordBreak: 'break-word' }}>{s.subject}</span>,
            }),
            ...when(s.serialNumber, {
              key: 'serial',
              label: t('exchange.signature.serial'),
              children: <code style={{ wordBreak: 'break-all' }}>{s.serialNumber}</code>,
            }),
          ]}
        />
      ) : null}
    </div>
  )
}

/** The files with their PAdES signature results; a PDF can be shown in the viewer. */
export function Attachments({
  pkg,
  shownUrl,
  onShow,
}: {
  pkg: TReceivedPackage
  shownUrl: string | null
  onShow: (url: string) => void
}) {
  const { t } = useTranslation()
  if (pkg.attachments.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exchange.detail.noAttachments')} />
  return (
    <List
      size="small"
      dataSource={pkg.attachments}
      data-testid="received-attachments"
      renderItem={(f) => {
        const isPdf = f.contentType === 'application/pdf'
        return (
          <List.Item
            data-testid="received-attachment"
            actions={[
              ...(isPdf
                ? [
                    <Button
                      key="show"
                      size="small"
                      type="link"
                      icon={<EyeOutlined />}
                      disabled={shownUrl === f.url}
                      onClick={() => onShow(f.url)}
                      data-testid="received-attachment-show"
                    >
                      {t('exchange.detail.show')}
                    </Button>,
                  ]
                : []),
              <a
                key="download"
                href={f.url}
                download={f.name}
                aria-label={t('documentsIn.files.download')}
                data-testid="received-attachment-download"
              >
                <DownloadOutlined />
              </a>,
            ]}
          >
            <div style={{ minWidth: 0, flex: 1 }}>
              <div className="doc-file-row">
                <FileTextOutlined />
                <span className="doc-file-name" title={f.name}>
                  {f.name}
                </span>
              </div>
              <div className="doc-muted">
                {fileSize(f.size)} · {f.contentType}
              </div>
              {f.pdfSignatures === null ? null : f.pdfSignatures.length === 0 ? (
                <div className="doc-muted">{t('exchange.pdf.unsigned')}</div>
              ) : (
                <Space size={[4, 4]} wrap style={{ marginTop: 4 }} data-testid="received-pdf-signatures">
                  {f.pdfSignatures.map((s, i) => (
                    <Tag
                      key={`${i}-${s.signerName}`}
                      color={!s.isValid ? 'error' : s.isTrusted ? 'success' : 'warning'}
                      data-valid={s.isValid ? 'true' : 'false'}
                    >
                      {s.signerName}:{' '}
                      {!s.isValid
                        ? t('exchange.pdf.invalid')
                        : s.isTrusted
                          ? t('exchange.pdf.valid')
                          : t('exchange.pdf.untrusted')}
                    </Tag>
                  ))}
                </Space>
              )}
            </div>
          </List.Item>
        )
      }}
    />
  )
}

/** What the check of the package found but did not stop it for (a long subject, an unknown type…). */
export function Warnings({ pkg }: { pkg: TReceivedPackage }) {
  const { t } = useTranslation()
  if (pkg.warnings.length === 0) return null
  return (
    <Alert
      type="warning"
      showIcon
      title={t('exchange.detail.warnings', { count: pkg.warnings.length })}
      data-testid="received-warnings"
      description={
        <ul className="exchange-warnings">
          {pkg.warnings.map((w, i) => (
            <li key={`${i}-${w.code}`}>
              {w.message}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                ({[w.code, w.path].filter(Boolean).join(' · ')})
              </Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  )
}
