/**
 * One incoming document: its register entry, the main file in an in-browser viewer, the files,
 * the assignments (who leads, cooperates, receives for information; deadlines; "entered by X for Y"),
 * the timeline with read receipts, and the actions this user may take.
 */
import { useMemo } from 'react'
import { useParams } from 'react-router'
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  List,
  Result,
  Row,
  Skeleton,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
  type TableColumnsType,
} from 'antd'
import { DownloadOutlined, EyeOutlined, FileTextOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TAssignment, TIncomingDocument } from '@common/contracts/documents-in'
import { LoadError } from '../../components/load-error.tsx'
import { MetadataTable } from '../../components/metadata-table.tsx'
import { ViewerLayout } from '../../components/viewer-layout.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { docApi, fileContentUrl, type TTimeline } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { formatDate, formatDateTime } from '../../lib/format.ts'
import { useIsMobile } from '../../lib/use-media.ts'
import { ReplyButton, RepliesList } from '../documents-out/replies.tsx'
import { DocumentActions, assigneeName } from './actions.tsx'
import { documentKey, timelineKey } from './keys.ts'
import { AssignmentRoleTag, AssignmentStateTag, StateTag, UrgencyTag, documentTypeName } from './labels.tsx'
import { MigratedTag } from '../migration/migrated-tag.tsx'
import { DOC_PATHS } from './paths.ts'
import { SearchMatches } from '../search/search-matches.tsx'
import './documents-in.css'

type AssignmentNode = TAssignment & { children?: AssignmentNode[] }

function assignmentTree(items: TAssignment[]): AssignmentNode[] {
  const byParent = new Map<string | null, TAssignment[]>()
  const ids = new Set(items.map((a) => a.id))
  for (const a of items) {
    const parent = a.parentId && ids.has(a.parentId) ? a.parentId : null
    byParent.set(parent, [...(byParent.get(parent) ?? []), a])
  }
  const order = ['review', 'lead', 'cooperating', 'information']
  const build = (parent: string | null): AssignmentNode[] =>
    [...(byParent.get(parent) ?? [])]
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
      .map((a) => {
        const children = build(a.id)
        return children.length > 0 ? { ...a, children } : { ...a }
      })
  return build(null)
}

function Deadline({ date, overdue }: { date: string | null; overdue: boolean }) {
  const { t } = useTranslation()
  if (!date) return <span className="doc-muted">—</span>
  return (
    <span className={overdue ? 'doc-overdue' : undefined} data-overdue={overdue ? 'true' : undefined}>
      {formatDate(date)}
      {overdue ? ` · ${t('documentsIn.overdue')}` : ''}
    </span>
  )
}

function Assignments({ doc }: { doc: TIncomingDocument }) {
  const { t } = useTranslation()
  const isMobile = useIsMobile()
  const data = useMemo(() => assignmentTree(doc.assignments), [doc.assignments])
  const columns: TableColumnsType<AssignmentNode> = [
    {
      title: t('documentsIn.assignment.role'),
      dataIndex: 'role',
      width: 130,
      render: (_, a) => <AssignmentRoleTag role={a.role} />,
    },
    {
      title: t('documentsIn.assignment.assignee'),
      key: 'assignee',
      render: (_, a) => (
        <div>
          <div style={{ fontWeight: 500 }}>{assigneeName(a)}</div>
          {a.directive ? <div className="doc-timeline-text doc-muted">{a.directive}</div> : null}
          {a.result ? (
            <div className="doc-timeline-text" style={{ marginTop: 4 }}>
              <Typography.Text type="success">{t('documentsIn.assignment.result')}: </Typography.Text>
              {a.result}
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('documentsIn.fields.dueDate'),
      dataIndex: 'dueDate',
      width: 130,
      render: (_, a) => <Deadline date={a.dueDate} overdue={a.isOverdue} />,
    },
    {
      title: t('common.status'),
      dataIndex: 'state',
      width: 120,
      render: (_, a) => <AssignmentStateTag state={a.state} />,
    },
    {
      title: t('documentsIn.assignment.by'),
      key: 'by',
      responsive: ['md'],
      render: (_, a) => (
        <div style={{ fontSize: 13 }}>
          <div data-testid="assignment-by">
            {a.assignedForName
              ? t('documentsIn.assignment.enteredFor', {
                  actor: a.assignedByName,
                  principal: a.assignedForName,
                })
              : a.assignedByName}
          </div>
          <div className="doc-muted">{formatDateTime(a.createdAt)}</div>
        </div>
      ),
    },
  ]
  if (doc.assignments.length === 0) return <Empty description={t('documentsIn.assignment.none')} />
  return (
    <Table<AssignmentNode>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={data}
      pagination={false}
      expandable={{ defaultExpandAllRows: true }}
      scroll={isMobile ? { x: 'max-content' } : undefined}
      onRow={(a) =>
        ({
          'data-testid': `assignment-${a.role}`,
          'data-state': a.state,
        }) as React.HTMLAttributes<HTMLElement>
      }
      data-testid="doc-assignments"
    />
  )
}

function actionLabel(t: (k: string) => string, exists: (k: string) => boolean, action: string): string {
  const candidates = [action, action.replace(/\./g, '_'), action.split('.').pop() ?? action]
  for (const c of candidates) {
    const key = `documentsIn.timeline.actions.${c}`
    if (exists(key)) return t(key)
  }
  return action
}

function DocTimeline({ docId }: { docId: string }) {
  const { t, i18n } = useTranslation()
  const timeline = useQuery({
    queryKey: timelineKey(docId),
    queryFn: () => docApi.documentsIn.timeline(docId),
  })
  if (timeline.isPending) return <Skeleton active />
  if (timeline.isError) return <Alert type="error" showIcon title={errorText(t, timeline.error)} />
  const data: TTimeline = timeline.data
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={15}>
        {data.items.length === 0 ? (
          <Empty />
        ) : (
          <Timeline
            data-testid="doc-timeline"
            items={data.items.map((e, i) => ({
              key: `${e.at}-${i}`,
              content: (
                <div data-testid="timeline-entry" data-action={e.action}>
                  <div>
                    <strong>{actionLabel(t, (k) => i18n.exists(k), e.action)}</strong>
                    {e.actorName ? (
                      <span>
                        {' · '}
                        {e.principalName && e.principalName !== e.actorName
                          ? t('documentsIn.assignment.enteredFor', {
                              actor: e.actorName,
                              principal: e.principalName,
                            })
                          : e.actorName}
                      </span>
                    ) : null}
                  </div>
                  <div className="doc-muted">{formatDateTime(e.at)}</div>
                  {e.text ? (
                    <div className="doc-timeline-text" style={{ marginTop: 4 }}>
                      {e.text}
                    </div>
                  ) : null}
                </div>
              ),
            }))}
          />
        )}
      </Col>
      <Col xs={24} lg={9}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          <EyeOutlined /> {t('documentsIn.timeline.reads')}
        </Typography.Title>
        {data.reads.length === 0 ? (
          <Typography.Text type="secondary">{t('documentsIn.timeline.noReads')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={data.reads}
            data-testid="doc-reads"
            renderItem={(r) => (
              <List.Item>
                <div>
                  <div>
                    {r.userName} <Tag color="green">{t('documentsIn.timeline.seen')}</Tag>
                  </div>
                  <div className="doc-muted">
                    {t('documentsIn.timeline.firstRead', { at: formatDateTime(r.firstReadAt) })}
                    {r.lastReadAt !== r.firstReadAt
                      ? ` · ${t('documentsIn.timeline.lastRead', { at: formatDateTime(r.lastReadAt) })}`
                      : ''}
                  </div>
                </div>
              </List.Item>
            )}
          />
        )}
      </Col>
    </Row>
  )
}

function Files({ doc }: { doc: TIncomingDocument }) {
  const { t } = useTranslation()
  if (doc.files.length === 0)
    return <Empty description={t('documentsIn.files.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
  return (
    <List
      size="small"
      dataSource={doc.files}
      data-testid="doc-files"
      renderItem={(f) => (
        <List.Item
          actions={[
            <a
              key="download"
              href={fileContentUrl(f.fileId)}
              download={f.filename}
              aria-label={t('documentsIn.files.download')}
              data-testid="doc-file-download"
            >
              <DownloadOutlined /> {t('documentsIn.files.download')}
            </a>,
          ]}
        >
          <div style={{ minWidth: 0 }}>
            <div className="doc-file-row">
              <FileTextOutlined />
              <span className="doc-file-name" title={f.filename}>
                {f.filename}
              </span>
              {f.role === 'main' ? <Tag color="blue">{t('documentsIn.files.main')}</Tag> : null}
              {f.role === 'processing' ? <Tag>{t('documentsIn.files.processingTag')}</Tag> : null}
              {f.role === 'searchable' ? (
                <Tag color="green">{t('documentsIn.files.searchableTag')}</Tag>
              ) : null}
              {f.textStatus === 'scanned' ? <Tag>{t('documentsIn.files.scannedTag')}</Tag> : null}
              {f.textStatus === 'ocr_unavailable' ? (
                <Tag color="orange">{t('documentsIn.files.ocrUnavailableTag')}</Tag>
              ) : null}
              {f.textStatus === 'ocr_failed' ? (
                <Tag color="red">{t('documentsIn.files.ocrFailedTag')}</Tag>
              ) : null}
            </div>
            <div className="doc-muted">
              {f.addedByName} · {formatDateTime(f.createdAt)}
            </div>
          </div>
        </List.Item>
      )}
    />
  )
}

function Metadata({ doc }: { doc: TIncomingDocument }) {
  const { t } = useTranslation()
  const dash = <span className="doc-muted">—</span>
  return (
    <MetadataTable
      testId="doc-metadata"
      items={[
        {
          key: 'arrival',
          label: t('documentsIn.fields.arrivalNumber'),
          children: (
            <span>
              <strong data-testid="doc-arrival-number">{doc.registerNumber}</strong> · {doc.registerName} (
              {doc.registerYear})
            </span>
          ),
        },
        {
          key: 'arrivedAt',
          label: t('documentsIn.fields.arrivedAt'),
          children: `${formatDateTime(doc.arrivedAt)} · ${t(`documentsIn.receivedVia.${doc.receivedVia}`)}`,
        },
        { key: 'sender', label: t('documentsIn.fields.sender'), children: doc.senderName },
        {
          key: 'number',
          label: t('documentsIn.fields.numberAndNotation'),
          children: doc.numberAndNotation ?? dash,
        },
        {
          key: 'issue',
          label: t('documentsIn.fields.issueDate'),
          children: doc.issueDate
            ? [doc.issuePlace, formatDate(doc.issueDate)].filter(Boolean).join(', ')
            : dash,
        },
        {
          key: 'type',
          label: t('documentsIn.fields.documentType'),
          children: documentTypeName(doc.documentType),
        },
        {
          key: 'subject',
          label: t('documentsIn.fields.subject'),
          children: <span className="doc-timeline-text">{doc.subject}</span>,
        },
        {
          key: 'signer',
          label: t('documentsIn.fields.signer'),
          children: doc.signerName ? [doc.signerTitle, doc.signerName].filter(Boolean).join(' ') : dash,
        },
        {
          key: 'urgency',
          label: t('documentsIn.fields.urgency'),
          children: <UrgencyTag urgency={doc.urgency} showNormal />,
        },
        {
          key: 'counts',
          label: t('documentsIn.fields.pagesCopies'),
          children: t('documentsIn.pagesCopies', {
            pages: doc.pageCount ?? '—',
            copies: doc.copyCount ?? '—',
          }),
        },
        {
          key: 'due',
          label: t('documentsIn.fields.dueDate'),
          children: doc.dueDate ? formatDate(doc.dueDate) : dash,
        },
        ...(doc.notes
          ? [
              {
                key: 'notes',
                label: t('documentsIn.fields.notes'),
                children: <span className="doc-timeline-text">{doc.notes}</span>,
              },
            ]
          : []),
        {
          key: 'registeredBy',
          label: t('documentsIn.fields.registeredBy'),
          children: `${doc.registeredByName ?? '—'} · ${formatDateTime(doc.createdAt)}`,
        },
        ...(doc.completedAt
          ? [
              {
                key: 'completedAt',
                label: t('documentsIn.fields.completedAt'),
                children: formatDateTime(doc.completedAt),
              },
            ]
          : []),
      ]}
    />
  )
}

function Viewer({ doc }: { doc: TIncomingDocument }) {
  const { t } = useTranslation()
  const main = doc.files.find((f) => f.role === 'main') ?? doc.files[0]
  if (!main) return <Empty description={t('documentsIn.files.noMain')} />
  if (main.mediaType !== 'application/pdf') {
    return (
      <Result
        icon={<FileTextOutlined />}
        title={main.filename}
        subTitle={t('documentsIn.files.noPreview')}
        extra={
          <Button href={fileContentUrl(main.fileId)} icon={<DownloadOutlined />}>
            {t('documentsIn.files.download')}
          </Button>
        }
      />
    )
  }
  return (
    <div>
      <iframe
        className="doc-preview"
        src={fileContentUrl(main.fileId, true)}
        title={main.filename}
        data-testid="doc-viewer"
      />
      <div style={{ marginTop: 6, textAlign: 'right' }}>
        <a href={fileContentUrl(main.fileId, true)} target="_blank" rel="noopener">
          {t('documentsIn.files.openNewTab')}
        </a>
      </div>
    </div>
  )
}

export function DocumentPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const query = useQuery({ queryKey: documentKey(id), queryFn: () => docApi.documentsIn.get(id) })

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />
  if (query.isError) {
    return (
      <LoadError
        error={query.error}
        notFoundTitle={t('documentsIn.notFound')}
        backTo={DOC_PATHS.list}
        backLabel={t('documentsIn.backToList')}
        testId="doc-error"
      />
    )
  }
  const doc = query.data
  const overdueAssignments = doc.assignments.filter((a) => a.isOverdue)
  const details = (
    <Card size="small">
      <Metadata doc={doc} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('documentsIn.files.title')}
      </Typography.Title>
      <Files doc={doc} />
    </Card>
  )
  const replies = <RepliesList incomingId={doc.id} />
  return (
    <>
      <PageHeader
        title={t('documentsIn.docTitle', { number: doc.registerNumber, year: doc.registerYear })}
        extra={<ReplyButton incomingId={doc.id} />}
        subtitle={
          <span className="doc-head">
            <StateTag state={doc.state} testId="doc-state" />
            <UrgencyTag urgency={doc.urgency} />
            <MigratedTag migrated={doc.migrated} />
            <span className="doc-head-number">
              {[doc.numberAndNotation, doc.senderName].filter(Boolean).join(' · ')}
            </span>
          </span>
        }
      />
      <Typography.Paragraph strong style={{ fontSize: 15, marginTop: -4 }} data-testid="doc-subject">
        {doc.subject}
      </Typography.Paragraph>
      <SearchMatches kind="documentIn" id={doc.id} />
      {overdueAssignments.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('documentsIn.overdueAlert', { count: overdueAssignments.length })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <DocumentActions doc={doc} />
      <Tabs
        defaultActiveKey="content"
        data-testid="doc-tabs"
        items={[
          {
            key: 'content',
            label: <span data-testid="doc-tab-content">{t('documentsIn.tabs.content')}</span>,
            children: (
              <ViewerLayout
                viewer={<Viewer doc={doc} />}
                details={
                  <>
                    {details}
                    {replies}
                  </>
                }
              />
            ),
          },
          {
            key: 'processing',
            label: (
              <span data-testid="doc-tab-processing">
                {t('documentsIn.tabs.processing')}
                {doc.assignments.length > 0 ? ` (${doc.assignments.length})` : ''}
              </span>
            ),
            children: <Assignments doc={doc} />,
          },
          {
            key: 'timeline',
            label: <span data-testid="doc-tab-timeline">{t('documentsIn.tabs.timeline')}</span>,
            children: <DocTimeline docId={doc.id} />,
          },
        ]}
      />
    </>
  )
}
