/**
 * One consultation: the header (state, deadline with countdown, the silence rule shown to
 * everyone), the actions the server allows, and tabs: the content (purpose, background, materials
 * to open in the browser, the questions, who is asked), the answer form for a participant or
 * their focal point, the live progress for officers, and the summary.
 */
import { useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Row,
  Skeleton,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd'
import {
  DownloadOutlined,
  EyeOutlined,
  FileTextOutlined,
  InfoCircleOutlined,
  LinkOutlined,
} from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TConsultation, TMaterial } from '@common/contracts/consultations'
import { LoadError } from '../../components/load-error.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { SearchMatches } from '../search/search-matches.tsx'
import { fileContentUrl } from '../../lib/api.ts'
import { formatDateTime } from '../../lib/format.ts'
import { useIsMobile } from '../../lib/use-media.ts'
import { ConsultationActions } from './actions.tsx'
import { AnswerPanel } from './answer-form.tsx'
import { consultApi } from './api.ts'
import { consultationKey } from './keys.ts'
import { ConsultationStateTag, DeadlineTag, ResponseStateTag } from './labels.tsx'
import { CONSULT_PATHS, type ConsultationTab } from './paths.ts'
import { ProgressPanel } from './progress-panel.tsx'
import { SummaryPanel } from './summary-panel.tsx'
import '../documents-in/documents-in.css'
import './consultations.css'

const INLINE_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain']

function Materials({ c }: { c: TConsultation }) {
  const { t } = useTranslation()
  const [shown, setShown] = useState<TMaterial | null>(
    () => c.materials.find((m) => m.fileId && m.mediaType && INLINE_TYPES.includes(m.mediaType)) ?? null,
  )
  if (c.materials.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.materials.none')} />
  return (
    <div>
      <List
        size="small"
        dataSource={c.materials}
        data-testid="cs-materials-list"
        renderItem={(m) => {
          const inline = m.fileId && m.mediaType && INLINE_TYPES.includes(m.mediaType)
          return (
            <List.Item
              actions={[
                ...(inline
                  ? [
                      <Button
                        key="view"
                        type="text"
                        size="small"
                        icon={<EyeOutlined />}
                        onClick={() => setShown(m)}
                        aria-label={t('consultations.materials.view')}
                        data-testid={`cs-material-view-${m.id}`}
                      />,
                    ]
                  : []),
                ...(m.fileId
                  ? [
                      <a
                        key="download"
                        href={fileContentUrl(m.fileId)}
                        download={m.filename ?? undefined}
                        aria-label={t('consultations.materials.download')}
                      >
                        <DownloadOutlined />
                      </a>,
                    ]
                  : []),
              ]}
            >
              <div className="doc-file-row">
                {m.fileId ? <FileTextOutlined /> : <LinkOutlined />}
                {m.fileId ? (
                  <a
                    href={fileContentUrl(m.fileId, true)}
                    target="_blank"
                    rel="noopener"
                    className="doc-file-name"
                    title={m.filename ?? m.title}
                  >
                    {m.filename ?? m.title}
                  </a>
                ) : m.path ? (
                  <Link to={m.path} className="doc-file-name" title={m.title}>
                    {m.title}
                  </Link>
                ) : (
                  <span className="doc-file-name">{m.title}</span>
                )}
                <Tag color={m.role === 'draft' ? 'blue' : m.role === 'revised_draft' ? 'green' : 'default'}>
                  {t(`consultations.materialRoles.${m.role}`)}
                </Tag>
              </div>
            </List.Item>
          )
        }}
      />
      {shown?.fileId ? (
        <iframe
          className="doc-preview is-small"
          src={fileContentUrl(shown.fileId, true)}
          title={shown.filename ?? shown.title}
          data-testid="cs-material-viewer"
        />
      ) : null}
    </div>
  )
}

function Overview({ c }: { c: TConsultation }) {
  const { t } = useTranslation()
  const isMobile = useIsMobile()
  const details = (
    <Card size="small" title={t('consultations.detail.about')}>
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: isMobile ? 110 : 170 } }}
        items={[
          {
            key: 'purpose',
            label: t('consultations.fields.purpose'),
            children: <span className="cs-prewrap">{c.purpose}</span>,
          },
          ...(c.background
            ? [
                {
                  key: 'background',
                  label: t('consultations.fields.background'),
                  children: <span className="cs-prewrap">{c.background}</span>,
                },
              ]
            : []),
          {
            key: 'deadline',
            label: t('consultations.fields.deadline'),
            children: <DeadlineTag deadline={c.deadline} state={c.state} pastDeadline={c.pastDeadline} />,
          },
          ...(c.questions.some((q) => q.kind === 'motion')
            ? [
                {
                  key: 'rule',
                  label: t('consultations.fields.majority'),
                  children: t('consultations.detail.voteRule', {
                    quorum: c.quorumPercent,
                    majority: t(`consultations.majority.${c.majority}`),
                  }),
                },
              ]
            : []),
          {
            key: 'ballot',
            label: t('consultations.fields.openBallot'),
            children: c.openBallot
              ? t('consultations.detail.openBallotYes')
              : t('consultations.detail.openBallotNo'),
          },
          {
            key: 'created',
            label: t('consultations.detail.createdBy'),
            children: `${c.createdBy.fullName} · ${formatDateTime(c.createdAt)}`,
          },
          ...(c.approver
            ? [
                {
                  key: 'approver',
                  label: t('consultations.detail.approver'),
                  children: c.approver.fullName,
                },
              ]
            : []),
          ...(c.launchedAt
            ? [
                {
                  key: 'launched',
                  label: t('consultations.detail.launchedAt'),
                  children: formatDateTime(c.launchedAt),
                },
              ]
            : []),
          ...(c.closedAt
            ? [
                {
                  key: 'closed',
                  label: t('consultations.detail.closedAt'),
                  children: formatDateTime(c.closedAt),
                },
              ]
            : []),
        ]}
      />
      {c.extensions.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('consultations.detail.extensions')}
          </Typography.Title>
          <Timeline
            items={c.extensions.map((e) => ({
              key: e.at,
              content: (
                <div>
                  <div>
                    {t('consultations.detail.extended', {
                      from: formatDateTime(e.from),
                      to: formatDateTime(e.to),
                    })}
                  </div>
                  <div className="cs-muted">
                    {e.by} · {formatDateTime(e.at)} · {e.reason}
                  </div>
                </div>
              ),
            }))}
          />
        </>
      ) : null}
    </Card>
  )
  const questions = (
    <Card size="small" title={t('consultations.detail.questions', { count: c.questions.length })}>
      <ol className="cs-question-list">
        {c.questions.map((q) => (
          <li key={q.key}>
            <span>{q.title}</span> <Tag>{t(`consultations.kinds.${q.kind}`)}</Tag>
            {q.kind === 'sections' ? (
              <span className="cs-muted">
                {t('consultations.detail.sectionCount', { count: q.sections.length })}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  )
  const participants = (
    <Card size="small" title={t('consultations.detail.participants', { count: c.participants.length })}>
      <List
        size="small"
        dataSource={c.participants}
        data-testid="cs-participants-list"
        renderItem={(p) => (
          <List.Item extra={<ResponseStateTag state={p.responseState} />}>
            <div>
              <div>{p.fullName}</div>
              <div className="cs-muted">{p.organizationName ?? p.position}</div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  )
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <div className="cs-stack">
          {details}
          <Card size="small" title={t('consultations.detail.materials')}>
            <Materials c={c} />
          </Card>
        </div>
      </Col>
      <Col xs={24} lg={10}>
        <div className="cs-stack">
          {questions}
          {participants}
        </div>
      </Col>
    </Row>
  )
}

/** The tab to open first: what the user most likely came for. */
function firstTab(c: TConsultation, tabs: ConsultationTab[]): ConsultationTab {
  const answering = c.answerFor.length > 0 && c.state === 'open'
  if (answering && tabs.includes('answer')) return 'answer'
  if (c.state === 'closed' && tabs.includes('summary')) return 'summary'
  if (c.state === 'open' && tabs.includes('progress')) return 'progress'
  return 'overview'
}

export function ConsultationPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const query = useQuery({
    queryKey: consultationKey(id),
    queryFn: () => consultApi.get(id),
    refetchInterval: (q) => (q.state.data?.state === 'open' ? 30_000 : false),
  })
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />
  if (query.isError) {
    return (
      <LoadError
        error={query.error}
        notFoundTitle={t('consultations.notFound')}
        backTo={CONSULT_PATHS.list}
        backLabel={t('consultations.backToList')}
        testId="cs-error"
      />
    )
  }
  const c = query.data
  const tabs: ConsultationTab[] = [
    'overview',
    ...(c.answerFor.length > 0 && (c.state === 'open' || c.state === 'closed') ? (['answer'] as const) : []),
    ...(c.abilities.viewProgress && (c.state === 'open' || c.state === 'closed')
      ? (['progress'] as const)
      : []),
    ...(c.abilities.viewSummary ? (['summary'] as const) : []),
  ]
  const wanted = params.get('tab') as ConsultationTab | null
  const tab = wanted && tabs.includes(wanted) ? wanted : firstTab(c, tabs)
  const label = (k: ConsultationTab) => {
    if (k === 'answer' && c.answerFor.length === 1)
      return (
        <span data-testid="cs-tab-answer">
          {t('consultations.tabs.answer')} <ResponseStateTag state={c.answerFor[0]!.responseState} />
        </span>
      )
    if (k === 'progress')
      return (
        <span data-testid="cs-tab-progress">
          {t('consultations.tabs.progress')} ({c.counts.answered}/{c.counts.participants})
        </span>
      )
    if (k === 'summary')
      return (
        <span data-testid="cs-tab-summary">
          {t('consultations.tabs.summary')}
          {c.state !== 'closed' ? (
            <Tag style={{ marginInlineStart: 6 }}>{t('consultations.summary.provisionalShort')}</Tag>
          ) : null}
        </span>
      )
    return <span data-testid={`cs-tab-${k}`}>{t(`consultations.tabs.${k}`)}</span>
  }
  return (
    <>
      <PageHeader
        title={c.title}
        subtitle={
          <span className="doc-head">
            <ConsultationStateTag state={c.state} testId="cs-state" />
            <DeadlineTag
              deadline={c.deadline}
              state={c.state}
              pastDeadline={c.pastDeadline}
              testId="cs-deadline-tag"
            />
            {c.state === 'open' || c.state === 'closed' ? (
              <span className="cs-muted">
                {t('consultations.list.answeredOf', {
                  answered: c.counts.answered,
                  participants: c.counts.participants,
                })}
              </span>
            ) : null}
          </span>
        }
      />
      <Alert
        type="info"
        showIcon
        icon={<InfoCircleOutlined />}
        className="cs-silence-banner"
        data-testid="cs-silence-rule"
        data-rule={c.silenceRule}
        title={t('consultations.detail.silenceRule', {
          rule: t(`consultations.silenceExplained.${c.silenceRule}`),
        })}
      />
      {c.state === 'submitted' && c.approver ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('consultations.detail.waitingApproval', { name: c.approver.fullName })}
        />
      ) : null}
      {c.launchOn === 'letter' && c.state !== 'open' && c.state !== 'closed' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('consultations.detail.launchOnLetter')}
        />
      ) : null}
      <ConsultationActions c={c} />
      <SearchMatches kind="consultation" id={c.id} />
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          setParams(
            (current) => {
              const next = new URLSearchParams(current)
              next.set('tab', k)
              return next
            },
            { replace: true },
          )
        }
        data-testid="cs-tabs"
        items={tabs.map((k) => ({
          key: k,
          label: label(k),
          children:
            k === 'overview' ? (
              <Overview c={c} />
            ) : k === 'answer' ? (
              <AnswerPanel c={c} />
            ) : k === 'progress' ? (
              <ProgressPanel c={c} />
            ) : (
              <SummaryPanel c={c} />
            ),
        }))}
      />
    </>
  )
}
