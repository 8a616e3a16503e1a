/**
 * One outgoing document: metadata, the PDF of the current version (or the signed / issued PDF) in
 * the browser, the files with "Kiểm tra chữ ký", the versions with compare and comments, the
 * approval chain and submission slips, the clerk's issue panel and each recipient's delivery.
 */
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { Alert, Button, Card, Empty, List, Result, Segmented, Skeleton, Tabs, Tag, Typography } from 'antd'
import { DownloadOutlined, FileTextOutlined, UploadOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TOutgoingDocument } from '@common/contracts/documents-out'
import { LoadError } from '../../components/load-error.tsx'
import { MetadataTable } from '../../components/metadata-table.tsx'
import { ViewerLayout } from '../../components/viewer-layout.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { fileContentUrl } from '../../lib/api.ts'
import { formatDate, formatDateTime } from '../../lib/format.ts'
import { UrgencyTag, documentTypeName } from '../documents-in/labels.tsx'
import { MigratedTag } from '../migration/migrated-tag.tsx'
import { documentPath } from '../documents-in/paths.ts'
import { ExchangeStatusPanel } from '../exchange/sent-panel.tsx'
import { VerifySignatureButton } from '../signatures/verify-button.tsx'
import { OutgoingActions } from './actions.tsx'
import { outApi } from './api.ts'
import { ApprovalChain } from './approval.tsx'
import { IssuePanel, Recipients } from './issue-panel.tsx'
import { outgoingKey } from './keys.ts'
import { OutgoingStateTag } from './labels.tsx'
import { OUT_PATHS, outgoingPath } from './paths.ts'
import { AddVersionModal, Versions } from './versions.tsx'
import { SearchMatches } from '../search/search-matches.tsx'
import '../documents-in/documents-in.css'
import './documents-out.css'

type Pdf = { key: string; fileId: string; filename: string; label: string }

/** The PDFs worth showing, newest meaning first: issued, signed, then the current draft version. */
function pdfsOf(doc: TOutgoingDocument, t: (k: string, o?: Record<string, unknown>) => string): Pdf[] {
  const out: Pdf[] = []
  const issued = [...doc.signedFiles].reverse().find((f) => f.role === 'main')
  const signed = [...doc.signedFiles].reverse().find((f) => f.role === 'signed')
  if (issued)
    out.push({
      key: 'issued',
      fileId: issued.fileId,
      filename: issued.filename,
      label: t('documentsOut.viewer.issued'),
    })
  if (signed)
    out.push({
      key: 'signed',
      fileId: signed.fileId,
      filename: signed.filename,
      label: t('documentsOut.viewer.signed'),
    })
  const current = doc.versions.at(-1)
  if (current?.pdfFileId)
    out.push({
      key: 'draft',
      fileId: current.pdfFileId,
      filename: current.filename,
      label: t('documentsOut.viewer.draft', { version: current.version }),
    })
  return out
}

function Viewer({ doc }: { doc: TOutgoingDocument }) {
  const { t } = useTranslation()
  const pdfs = pdfsOf(doc, t)
  const [key, setKey] = useState<string | undefined>(undefined)
  const shown = pdfs.find((p) => p.key === key) ?? pdfs[0]
  if (!shown) {
    const current = doc.versions.at(-1)
    return current ? (
      <Result
        icon={<FileTextOutlined />}
        title={current.filename}
        subTitle={t('documentsOut.viewer.noPdf')}
        extra={
          <Button href={fileContentUrl(current.fileId)} icon={<DownloadOutlined />}>
            {t('documentsOut.files.download')}
          </Button>
        }
      />
    ) : (
      <Empty description={t('documentsOut.files.noMain')} />
    )
  }
  return (
    <div>
      {pdfs.length > 1 ? (
        <Segmented
          value={shown.key}
          onChange={(v) => setKey(String(v))}
          options={pdfs.map((p) => ({
            value: p.key,
            label: <span data-testid={`out-viewer-${p.key}`}>{p.label}</span>,
          }))}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <iframe
        className="doc-preview"
        src={fileContentUrl(shown.fileId, true)}
        title={shown.filename}
        data-testid="out-viewer"
        data-file={shown.key}
      />
      <div className="out-viewer-foot">
        <VerifySignatureButton fileId={shown.fileId} filename={shown.filename} testId="out-viewer-verify" />
        <a href={fileContentUrl(shown.fileId, true)} target="_blank" rel="noopener">
          {t('documentsOut.viewer.openNewTab')}
        </a>
      </div>
    </div>
  )
}

/** The notice when the current DOCX has no PDF to sign. */
function ConversionNotice({ doc }: { doc: TOutgoingDocument }) {
  const { t } = useTranslation()
  const [adding, setAdding] = useState(false)
  const current = doc.versions.at(-1)
  if (
    !current ||
    current.pdfFileId ||
    current.conversionStatus === 'not_needed' ||
    current.conversionStatus === 'done'
  )
    return null
  const pending = current.conversionStatus === 'pending'
  return (
    <>
      <Alert
        type={pending ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="out-conversion-notice"
        data-status={current.conversionStatus}
        title={t(`documentsOut.conversion.notice.${current.conversionStatus}`)}
        action={
          !pending && doc.abilities.addVersion ? (
            <Button size="small" icon={<UploadOutlined />} onClick={() => setAdding(true)}>
              {t('documentsOut.conversion.uploadPdf')}
            </Button>
          ) : undefined
        }
      />
      {adding ? <AddVersionModal doc={doc} onClose={() => setAdding(false)} /> : null}
    </>
  )
}

function Files({ doc }: { doc: TOutgoingDocument }) {
  const { t } = useTranslation()
  const current = doc.versions.at(-1)
  const rows = [
    ...(current
      ? [
          {
            key: `v-${current.id}`,
            fileId: current.pdfFileId ?? current.fileId,
            filename: current.filename,
            mediaType: current.pdfFileId ? 'application/pdf' : current.mediaType,
            tag: t('documentsOut.versions.short', { version: current.version }),
            color: 'blue',
          },
        ]
      : []),
    ...doc.signedFiles.map((f) => ({
      key: f.id,
      fileId: f.fileId,
      filename: f.filename,
      mediaType: f.mediaType,
      tag: t(`documentsOut.fileRoles.${f.role}`, { defaultValue: f.role }),
      color: 'green',
    })),
    ...doc.attachments.map((f) => ({
      key: f.id,
      fileId: f.fileId,
      filename: f.filename,
      mediaType: f.mediaType,
      tag: t('documentsOut.fileRoles.attachment'),
      color: 'default',
    })),
  ]
  if (rows.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('documentsOut.files.none')} />
  return (
    <List
      size="small"
      dataSource={rows}
      data-testid="out-files"
      renderItem={(f) => (
        <List.Item
          actions={[
            ...(f.mediaType === 'application/pdf'
              ? [
                  <VerifySignatureButton
                    key="verify"
                    fileId={f.fileId}
                    filename={f.filename}
                    testId={`out-file-verify-${f.key}`}
                  />,
                ]
              : []),
            <a
              key="download"
              href={fileContentUrl(f.fileId)}
              download={f.filename}
              aria-label={t('documentsOut.files.download')}
            >
              <DownloadOutlined />
            </a>,
          ]}
        >
          <div className="doc-file-row">
            <FileTextOutlined />
            <span className="doc-file-name" title={f.filename}>
              {f.filename}
            </span>
            <Tag color={f.color}>{f.tag}</Tag>
          </div>
        </List.Item>
      )}
    />
  )
}

function Metadata({ doc }: { doc: TOutgoingDocument }) {
  const { t } = useTranslation()
  const dash = <span className="doc-muted">—</span>
  return (
    <MetadataTable
      testId="out-metadata"
      items={[
        {
          key: 'number',
          label: t('documentsOut.fields.numberAndNotation'),
          children: doc.numberAndNotation ? (
            <strong data-testid="out-number">{doc.numberAndNotation}</strong>
          ) : (
            dash
          ),
        },
        {
          key: 'issueDate',
          label: t('documentsOut.fields.issueDate'),
          children: doc.issueDate ? formatDate(doc.issueDate) : dash,
        },
        {
          key: 'type',
          label: t('documentsOut.fields.documentType'),
          children: documentTypeName(doc.documentType),
        },
        {
          key: 'signer',
          label: t('documentsOut.fields.signer'),
          children: [doc.signerTitle, doc.signerName].filter(Boolean).join(' '),
        },
        {
          key: 'drafter',
          label: t('documentsOut.fields.drafter'),
          children: [doc.drafterName, doc.drafterUnitName].filter(Boolean).join(' · '),
        },
        {
          key: 'urgency',
          label: t('documentsOut.fields.urgency'),
          children: <UrgencyTag urgency={doc.urgency} showNormal />,
        },
        ...(doc.registerName
          ? [
              {
                key: 'register',
                label: t('documentsOut.fields.register'),
                children: `${doc.registerName} (${doc.registerYear ?? ''})`,
              },
            ]
          : []),
        ...(doc.notes
          ? [
              {
                key: 'notes',
                label: t('documentsOut.fields.notes'),
                children: <span className="doc-timeline-text">{doc.notes}</span>,
              },
            ]
          : []),
        {
          key: 'created',
          label: t('documentsOut.fields.createdAt'),
          children: formatDateTime(doc.createdAt),
        },
        ...(doc.links.length > 0
          ? [
              {
                key: 'links',
                label: t('documentsOut.fields.links'),
                children: (
                  <div data-testid="out-links">
                    {doc.links.map((l) => (
                      <div key={`${l.relation}-${l.id}`}>
                        <Tag>{t(`documentsOut.relations.${l.relation}`, { defaultValue: l.relation })}</Tag>
                        <Link to={l.direction === 'outgoing' ? outgoingPath(l.id) : documentPath(l.id)}>
                          {[l.numberAndNotation, l.subject].filter(Boolean).join(' · ')}
                        </Link>
                      </div>
                    ))}
                  </div>
                ),
              },
            ]
          : []),
      ]}
    />
  )
}

function Signatures({ doc }: { doc: TOutgoingDocument }) {
  const { t } = useTranslation()
  if (doc.signatures.length === 0) return null
  return (
    <Card size="small" title={t('documentsOut.signatures.title')} style={{ marginTop: 16 }}>
      <List
        size="small"
        dataSource={doc.signatures}
        data-testid="out-signatures"
        renderItem={(s) => (
          <List.Item data-testid={`out-signature-${s.kind}`}>
            <div>
              <Tag color={s.kind === 'seal' ? 'red' : 'blue'}>
                {t(`documentsOut.signatures.kinds.${s.kind}`)}
              </Tag>
              <strong>{s.signerName}</strong>
              {s.signedByName !== s.signerName ? (
                <span className="doc-muted">
                  {' '}
                  · {t('documentsOut.signatures.by', { name: s.signedByName })}
                </span>
              ) : null}
              <div className="doc-muted">
                {formatDateTime(s.signingTime, true)} · {s.certificateSubject}
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  )
}

export function OutgoingDocumentPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const query = useQuery({ queryKey: outgoingKey(id), queryFn: () => outApi.get(id) })
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />
  if (query.isError) {
    return (
      <LoadError
        error={query.error}
        notFoundTitle={t('documentsOut.notFound')}
        backTo={OUT_PATHS.list}
        backLabel={t('documentsOut.backToList')}
        testId="out-error"
      />
    )
  }
  const doc = query.data
  const details = (
    <>
      <Card size="small">
        <Metadata doc={doc} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('documentsOut.files.title')}
        </Typography.Title>
        <Files doc={doc} />
      </Card>
      <Signatures doc={doc} />
    </>
  )
  const title = doc.numberAndNotation
    ? t('documentsOut.docTitleNumbered', {
        type: documentTypeName(doc.documentType),
        number: doc.numberAndNotation,
      })
    : t('documentsOut.docTitleDraft', { type: documentTypeName(doc.documentType) })
  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          <span className="doc-head">
            <OutgoingStateTag state={doc.state} testId="out-state" />
            <UrgencyTag urgency={doc.urgency} />
            <MigratedTag migrated={doc.migrated} />
            {doc.state === 'in_review' && doc.currentStepAssigneeName ? (
              <span className="doc-head-number">
                {t('documentsOut.waitingOn', { name: doc.currentStepAssigneeName })}
              </span>
            ) : null}
          </span>
        }
      />
      <Typography.Paragraph strong style={{ fontSize: 15, marginTop: -4 }} data-testid="out-subject">
        {doc.subject}
      </Typography.Paragraph>
      <SearchMatches kind="documentOut" id={doc.id} />
      {doc.recalledAt ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('documentsOut.recalledNotice', {
            at: formatDateTime(doc.recalledAt),
            reason: doc.recallReason ?? '',
          })}
        />
      ) : null}
      <ConversionNotice doc={doc} />
      <OutgoingActions doc={doc} />
      <IssuePanel doc={doc} />
      <ExchangeStatusPanel doc={doc} />
      <Tabs
        defaultActiveKey="content"
        data-testid="out-tabs"
        items={[
          {
            key: 'content',
            label: <span data-testid="out-tab-content">{t('documentsOut.pageTabs.content')}</span>,
            children: <ViewerLayout viewer={<Viewer doc={doc} />} details={details} />,
          },
          {
            key: 'versions',
            label: (
              <span data-testid="out-tab-versions">
                {t('documentsOut.pageTabs.versions')} ({doc.versions.length})
              </span>
            ),
            children: <Versions doc={doc} />,
          },
          {
            key: 'approval',
            label: <span data-testid="out-tab-approval">{t('documentsOut.pageTabs.approval')}</span>,
            children: <ApprovalChain doc={doc} />,
          },
          {
            key: 'recipients',
            label: (
              <span data-testid="out-tab-recipients">
                {t('documentsOut.pageTabs.recipients')} ({doc.recipients.length})
              </span>
            ),
            children: <Recipients doc={doc} />,
          },
        ]}
      />
    </>
  )
}
