/**
 * The consultation summary (báo cáo tổng hợp ý kiến): tallies per question, the motions' results
 * under the rule with the explanation, the silent members and how they were counted, every opinion
 * with its author, and the response table. After closing it is final and everyone asked may read
 * it; officers also see it while open, marked provisional. Exports as DOCX and PDF; officers upload
 * the revised draft and send the report to a leader on a submission slip.
 */
import { useState } from 'react'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd'
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  FilePdfOutlined,
  FileTextOutlined,
  FileWordOutlined,
  SendOutlined,
  UploadOutlined,
  WarningOutlined,
} from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { TConsultation, TConsultationSummary } from '@common/contracts/consultations'
import type { TFile } from '@common/contracts/files'
import { ActionModal } from '../../components/action-modal.tsx'
import { fileContentUrl } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { useIsMobile } from '../../lib/use-media.ts'
import { FileUpload } from '../documents-out/file-inputs.tsx'
import { outgoingPath } from '../documents-out/paths.ts'
import { serverErrorText } from './server-error.ts'
import { consultApi, summaryExportUrl } from './api.ts'
import { answerText } from './answer-text.ts'
import { consultationKey, refreshConsultations, summaryKey } from './keys.ts'
import { LeaderSelect } from './leader-select.tsx'
import { ResponseStateTag, SignedAnswerTag } from './labels.tsx'
import { ResponseTable } from './response-table.tsx'
import { TallyBars } from './tally-bars.tsx'

type Opinion = TConsultationSummary['opinions'][number]
type SummaryQuestion = TConsultationSummary['questions'][number]

const RESULT_ICONS = {
  adopted: <CheckCircleOutlined style={{ color: '#389e0d' }} />,
  rejected: <CloseCircleOutlined style={{ color: '#cf1322' }} />,
  no_quorum: <WarningOutlined style={{ color: '#d46b08' }} />,
}

function QuestionResult({ q, index }: { q: SummaryQuestion; index: number }) {
  const { t } = useTranslation()
  return (
    <Card
      size="small"
      className="cs-summary-question"
      data-testid={`cs-summary-q-${q.key}`}
      title={
        <span className="cs-question-title">
          <span>
            {index + 1}. {q.title}
          </span>
          <span className="cs-muted">{t(`consultations.kinds.${q.kind}`)}</span>
        </span>
      }
    >
      {q.kind === 'sections' ? (
        <div className="cs-muted">
          {t('consultations.summary.sectionsSee', { count: q.tallies.reduce((n, v) => n + v.count, 0) })}
        </div>
      ) : q.kind === 'text' ? null : q.kind === 'number' ? null : (
        <TallyBars values={q.tallies} testId={`cs-summary-tally-${q.key}`} />
      )}
      {q.countedBySilence > 0 ? (
        <div className="cs-muted" style={{ marginTop: 6 }} data-testid={`cs-summary-silence-${q.key}`}>
          {t('consultations.summary.countedBySilence', { count: q.countedBySilence })}
        </div>
      ) : null}
      {q.motion ? (
        <Alert
          style={{ marginTop: 10 }}
          type={
            q.motion.result === 'adopted' ? 'success' : q.motion.result === 'rejected' ? 'error' : 'warning'
          }
          icon={RESULT_ICONS[q.motion.result]}
          showIcon
          data-testid={`cs-summary-motion-${q.key}`}
          data-result={q.motion.result}
          title={
            <span>
              <strong>{t(`consultations.motionResult.${q.motion.result}`)}</strong>
              {' · '}
              {t('consultations.summary.motionCounts', {
                approve: q.motion.approve,
                reject: q.motion.reject,
                abstain: q.motion.abstain,
                answered: q.motion.answered,
                participants: q.motion.participants,
              })}
            </span>
          }
          description={q.motion.explanation}
        />
      ) : null}
      {q.numbers ? (
        <Descriptions
          size="small"
          column={{ xs: 2, sm: 4 }}
          style={{ marginTop: 8 }}
          items={[
            { key: 'n', label: t('consultations.summary.numbers.n'), children: q.numbers.n },
            {
              key: 'mean',
              label: t('consultations.summary.numbers.mean'),
              children: q.numbers.mean.toLocaleString('vi-VN', { maximumFractionDigits: 2 }),
            },
            { key: 'min', label: t('consultations.summary.numbers.min'), children: q.numbers.min },
            { key: 'max', label: t('consultations.summary.numbers.max'), children: q.numbers.max },
          ]}
        />
      ) : null}
      {q.texts.length > 0 ? (
        <div className="cs-summary-texts">
          {q.texts.map((x, i) => (
            <blockquote key={`${x.member.id}-${i}`} className="cs-quote">
              <div className="cs-prewrap">{x.text}</div>
              <footer className="cs-muted">
                — {x.member.fullName}
                {x.member.organizationName ? `, ${x.member.organizationName}` : ''}
              </footer>
            </blockquote>
          ))}
        </div>
      ) : null}
    </Card>
  )
}

function OpinionsTable({ c, summary }: { c: TConsultation; summary: TConsultationSummary }) {
  const { t } = useTranslation()
  const isMobile = useIsMobile()
  const byKey = new Map(c.questions.map((q) => [q.key, q]))
  const answersCell = (o: Opinion) =>
    o.answers.length === 0 ? (
      <span className="cs-muted">—</span>
    ) : (
      <ul className="cs-opinion-answers">
        {o.answers.map((a) => {
          const q = byKey.get(a.questionKey)
          return (
            <li key={a.questionKey}>
              <span className="cs-muted">{q ? `${c.questions.indexOf(q) + 1}. ` : ''}</span>
              {q ? answerText(t, q, a) : a.questionKey}
            </li>
          )
        })}
      </ul>
    )
  const columns: TableColumnsType<Opinion> = [
    {
      title: t('consultations.progress.member'),
      key: 'member',
      width: isMobile ? undefined : 240,
      render: (_, o) => (
        <div>
          <div style={{ fontWeight: 500 }}>{o.member.fullName}</div>
          <div className="cs-muted">{o.member.organizationName}</div>
          <div style={{ marginTop: 4 }}>
            <ResponseStateTag state={o.state} />
            {o.onBehalf ? <Tag>{t('consultations.onBehalf')}</Tag> : null}
            {o.signedFileId ? <SignedAnswerTag fileId={o.signedFileId} testId="cs-summary-signed" /> : null}
          </div>
          {o.submittedAt ? (
            <div className="cs-muted">
              {formatDateTime(o.submittedAt)}
              {o.submittedBy && o.submittedBy.id !== o.member.id
                ? ` · ${t('consultations.summary.sentBy', { name: o.submittedBy.fullName })}`
                : ''}
            </div>
          ) : null}
          {isMobile ? answersCell(o) : null}
        </div>
      ),
    },
    ...(isMobile
      ? []
      : [
          {
            title: t('consultations.summary.answers'),
            key: 'answers',
            render: (_: unknown, o: Opinion) => answersCell(o),
          },
        ]),
  ]
  return (
    <Table<Opinion>
      rowKey={(o) => o.member.id}
      size="small"
      dataSource={summary.opinions}
      columns={columns}
      pagination={false}
      data-testid="cs-summary-opinions"
    />
  )
}

function RevisedDraftModal({ c, onClose }: { c: TConsultation; onClose: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [files, setFiles] = useState<TFile[]>([])
  const [texts, setTexts] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const sections = c.questions.flatMap((q) => q.sections)
  const upload = useMutation({
    mutationFn: () =>
      consultApi.revisedDraft(c.id, {
        fileId: files[0]!.id,
        sections: Object.entries(texts)
          .filter(([, text]) => text.trim() !== '')
          .map(([sectionKey, text]) => ({ sectionKey, text: text.trim() })),
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(consultationKey(c.id), updated)
      refreshConsultations(queryClient)
      onClose()
    },
    onError: (e) => setError(serverErrorText(t, e)),
  })
  return (
    <ActionModal
      title={t('consultations.summary.revisedDraft')}
      okText={t('consultations.summary.revisedDraftOk')}
      testId="cs-revised"
      onCancel={onClose}
      onOk={() => (files[0] ? upload.mutate() : setError(t('consultations.summary.revisedDraftFile')))}
      pending={upload.isPending}
      error={error}
      width={720}
    >
      <Typography.Paragraph type="secondary">
        {t('consultations.summary.revisedDraftHelp')}
      </Typography.Paragraph>
      <FileUpload
        files={files}
        onChange={setFiles}
        single
        title={t('consultations.summary.revisedDraftDrop')}
        testId="cs-revised-file"
      />
      {sections.length > 0 ? (
        <Form layout="vertical" style={{ marginTop: 12 }}>
          {sections.map((s) => (
            <Form.Item key={s.key} label={s.label}>
              <Input.TextArea
                value={texts[s.key] ?? ''}
                onChange={(e) => setTexts((prev) => ({ ...prev, [s.key]: e.target.value }))}
                autoSize={{ minRows: 1, maxRows: 6 }}
                placeholder={s.text ?? ''}
              />
            </Form.Item>
          ))}
        </Form>
      ) : null}
    </ActionModal>
  )
}

function SlipModal({ c, onClose }: { c: TConsultation; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [leaderId, setLeaderId] = useState<string | undefined>()
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const send = useMutation({
    mutationFn: () => consultApi.slip(c.id, { leaderId: leaderId!, note: note.trim() || null }),
    onSuccess: (updated) => {
      queryClient.setQueryData(consultationKey(c.id), updated)
      refreshConsultations(queryClient)
      message.success(t('consultations.summary.slipDone'))
      onClose()
    },
    onError: (e) => setError(serverErrorText(t, e)),
  })
  return (
    <ActionModal
      title={t('consultations.summary.slip')}
      okText={t('consultations.summary.slipOk')}
      testId="cs-slip"
      onCancel={onClose}
      onOk={() => (leaderId ? send.mutate() : setError(t('consultations.actions.pickLeader')))}
      pending={send.isPending}
      error={error}
    >
      <Typography.Paragraph type="secondary">{t('consultations.summary.slipHelp')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('consultations.actions.approver')} required>
          <LeaderSelect value={leaderId} onChange={setLeaderId} testId="cs-slip-leader" />
        </Form.Item>
        <Form.Item label={t('consultations.actions.submitText')}>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
          />
        </Form.Item>
      </Form>
    </ActionModal>
  )
}

export function SummaryPanel({ c }: { c: TConsultation }) {
  const { t } = useTranslation()
  const [modal, setModal] = useState<'revised' | 'slip' | null>(null)
  const summary = useQuery({
    queryKey: summaryKey(c.id),
    queryFn: () => consultApi.summary(c.id),
    refetchInterval: c.state === 'open' ? 30_000 : false,
  })
  if (summary.isPending) return <Skeleton active paragraph={{ rows: 8 }} />
  if (summary.isError) return <Alert type="error" showIcon title={errorText(t, summary.error)} />
  const s = summary.data
  const isOfficer = c.abilities.editDispositions
  return (
    <div data-testid="cs-summary" data-final={s.final ? 'true' : 'false'}>
      {!s.final ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="cs-summary-provisional"
          title={t('consultations.summary.provisional', { time: formatDateTime(s.generatedAt) })}
        />
      ) : null}
      <div className="cs-summary-toolbar">
        <Space wrap>
          <Button
            icon={<FileWordOutlined />}
            href={summaryExportUrl(c.id, 'docx')}
            download
            data-testid="cs-summary-docx"
          >
            {t('consultations.summary.downloadDocx')}
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            href={summaryExportUrl(c.id, 'pdf')}
            download
            data-testid="cs-summary-pdf"
          >
            {t('consultations.summary.downloadPdf')}
          </Button>
          {isOfficer && c.state === 'closed' ? (
            <Button
              icon={<UploadOutlined />}
              onClick={() => setModal('revised')}
              data-testid="cs-summary-revised"
            >
              {t('consultations.summary.revisedDraft')}
            </Button>
          ) : null}
          {isOfficer && c.state === 'closed' && !c.summaryDocumentId ? (
            <Button icon={<SendOutlined />} onClick={() => setModal('slip')} data-testid="cs-summary-slip">
              {t('consultations.summary.slip')}
            </Button>
          ) : null}
          {c.summaryDocumentId ? (
            <Link to={outgoingPath(c.summaryDocumentId)}>
              <Button type="link" icon={<FileTextOutlined />}>
                {t('consultations.summary.slipDocument')}
              </Button>
            </Link>
          ) : null}
        </Space>
      </div>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('consultations.progress.participants')} value={s.participants} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic
              title={t('consultations.progress.answered')}
              value={s.answered}
              data-testid="cs-summary-answered"
            />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic
              title={t('consultations.summary.silent')}
              value={s.silent.length}
              data-testid="cs-summary-silent-count"
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('consultations.summary.silenceTitle')}
        style={{ marginBottom: 12 }}
        data-testid="cs-summary-silent"
      >
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          {t(`consultations.silenceExplained.${s.consultation.silenceRule}`)}
        </Typography.Paragraph>
        {s.silent.length === 0 ? (
          <span className="cs-muted">{t('consultations.summary.nobodySilent')}</span>
        ) : (
          <Space wrap>
            {s.silent.map((p) => (
              <Tag key={p.id} data-testid={`cs-silent-${p.id}`}>
                {p.fullName}
                {p.organizationName ? ` · ${p.organizationName}` : ''}
              </Tag>
            ))}
          </Space>
        )}
      </Card>
      {s.revisedDraft?.fileId ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <span>
              {t('consultations.summary.revisedDraftIs')}{' '}
              <a href={fileContentUrl(s.revisedDraft.fileId, true)} target="_blank" rel="noopener">
                {s.revisedDraft.filename ?? s.revisedDraft.title}
              </a>
            </span>
          }
        />
      ) : null}
      <Typography.Title level={5}>{t('consultations.summary.byQuestion')}</Typography.Title>
      <div className="cs-summary-questions">
        {s.questions.map((q, i) => (
          <QuestionResult key={q.key} q={q} index={i} />
        ))}
      </div>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('consultations.summary.responseTable')}
      </Typography.Title>
      <ResponseTable consultationId={c.id} summary={s} editable={isOfficer} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('consultations.summary.opinions')}
      </Typography.Title>
      {s.opinions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.summary.noAnswers')} />
      ) : (
        <OpinionsTable c={c} summary={s} />
      )}
      {modal === 'revised' ? <RevisedDraftModal c={c} onClose={() => setModal(null)} /> : null}
      {modal === 'slip' ? <SlipModal c={c} onClose={() => setModal(null)} /> : null}
    </div>
  )
}
