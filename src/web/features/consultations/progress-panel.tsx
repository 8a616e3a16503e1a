/**
 * Officers follow an open consultation live (refreshed every ten seconds): how many answered,
 * who has not, drafts awaiting the member's confirmation, answers sent on a member's behalf, the
 * last reminder, and the tallies so far.
 */
import { useState } from 'react'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Input,
  Row,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd'
import { BellOutlined, UserSwitchOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TConsultation, TConsultationProgress } from '@common/contracts/consultations'
import { ActionModal } from '../../components/action-modal.tsx'
import { errorText } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { useIsMobile } from '../../lib/use-media.ts'
import { consultApi } from './api.ts'
import { progressKey } from './keys.ts'
import { ResponseStateTag, SignedAnswerTag } from './labels.tsx'
import { TallyBars } from './tally-bars.tsx'

type Row = TConsultationProgress['rows'][number]

/** The answer's state, "sent on the member's behalf", and "signed" (opens the signed PDF). */
function ResponseBadges({ r }: { r: Row }) {
  const { t } = useTranslation()
  return (
    <>
      <ResponseStateTag state={r.state} />
      {r.onBehalf ? <Tag icon={<UserSwitchOutlined />}>{t('consultations.onBehalf')}</Tag> : null}
      {r.signedFileId ? <SignedAnswerTag fileId={r.signedFileId} testId="cs-progress-signed" /> : null}
    </>
  )
}

/** "Nhắc ngay": remind now, with an optional word, those who have not answered (officers, open, before the deadline). */
function RemindNow({ c, notAnswered }: { c: TConsultation; notAnswered: number }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const remind = useMutation({
    mutationFn: () => consultApi.remind(c.id, { message: text.trim() || null }),
    onSuccess: (out) => {
      void queryClient.invalidateQueries({ queryKey: progressKey(c.id) })
      message.success(t('consultations.progress.reminded', { count: out.reminded }))
      setOpen(false)
      setText('')
    },
    onError: (e) => setError(errorText(t, e)),
  })
  return (
    <>
      <Button
        icon={<BellOutlined />}
        disabled={notAnswered === 0}
        onClick={() => {
          setError(null)
          setOpen(true)
        }}
        data-testid="cs-remind"
      >
        {t('consultations.progress.remindNow')}
      </Button>
      <ActionModal
        open={open}
        title={t('consultations.progress.remindTitle', { count: notAnswered })}
        okText={t('consultations.progress.remindOk')}
        testId="cs-remind"
        onCancel={() => setOpen(false)}
        onOk={() => remind.mutate()}
        pending={remind.isPending}
        error={error}
      >
        <Typography.Paragraph type="secondary">{t('consultations.progress.remindHelp')}</Typography.Paragraph>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={500}
          showCount
          rows={3}
          placeholder={t('consultations.progress.remindPlaceholder')}
          data-testid="cs-remind-message"
        />
      </ActionModal>
    </>
  )
}

export function ProgressPanel({ c }: { c: TConsultation }) {
  const { t } = useTranslation()
  const isMobile = useIsMobile()
  const progress = useQuery({
    queryKey: progressKey(c.id),
    queryFn: () => consultApi.progress(c.id),
    refetchInterval: c.state === 'open' ? 10_000 : false,
  })
  if (progress.isPending) return <Skeleton active paragraph={{ rows: 6 }} />
  if (progress.isError) return <Alert type="error" showIcon title={errorText(t, progress.error)} />
  const p = progress.data
  const columns: TableColumnsType<Row> = [
    {
      title: t('consultations.progress.member'),
      key: 'member',
      render: (_, r) => (
        <div>
          <div style={{ fontWeight: 500 }}>{r.member.fullName}</div>
          <div className="cs-muted">{r.member.organizationName ?? r.member.position}</div>
          {isMobile ? (
            <div style={{ marginTop: 4 }}>
              <ResponseBadges r={r} />
              {r.submittedAt ? <span className="cs-muted">{formatDateTime(r.submittedAt)}</span> : null}
            </div>
          ) : null}
        </div>
      ),
    },
    ...(isMobile
      ? []
      : [
          {
            title: t('consultations.progress.state'),
            key: 'state',
            width: 200,
            render: (_: unknown, r: Row) => (
              <span>
                <ResponseBadges r={r} />
              </span>
            ),
          },
          {
            title: t('consultations.progress.submittedAt'),
            key: 'submittedAt',
            width: 140,
            render: (_: unknown, r: Row) => (r.submittedAt ? formatDateTime(r.submittedAt) : '—'),
          },
          {
            title: t('consultations.progress.lastReminded'),
            key: 'reminded',
            width: 140,
            responsive: ['lg' as const],
            render: (_: unknown, r: Row) => (r.lastRemindedAt ? formatDateTime(r.lastRemindedAt) : '—'),
          },
        ]),
  ]
  return (
    <div data-testid="cs-progress">
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('consultations.progress.participants')} value={p.participants} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('consultations.progress.answered')}
              value={p.answered}
              styles={{ content: { color: '#389e0d' } }}
              data-testid="cs-progress-answered"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('consultations.progress.awaitingMember')}
              value={p.awaitingMember}
              styles={{ content: { color: '#d46b08' } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('consultations.progress.notAnswered')}
              value={p.notAnswered}
              styles={{ content: { color: p.notAnswered > 0 ? '#cf1322' : undefined } }}
              data-testid="cs-progress-not-answered"
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={14}>
          <Card
            size="small"
            title={t('consultations.progress.who')}
            extra={
              c.abilities.extend && !c.pastDeadline ? <RemindNow c={c} notAnswered={p.notAnswered} /> : null
            }
          >
            <Table<Row>
              rowKey={(r) => r.member.id}
              size="small"
              dataSource={p.rows}
              columns={columns}
              pagination={false}
              onRow={(r) =>
                ({
                  'data-testid': `cs-progress-row-${r.member.id}`,
                  'data-state': r.state,
                }) as React.HTMLAttributes<HTMLElement>
              }
            />
          </Card>
        </Col>
        <Col xs={24} xxl={10}>
          <Card size="small" title={t('consultations.progress.tallies')}>
            {p.tallies.length === 0 ? (
              <div className="cs-muted">{t('consultations.progress.noTallies')}</div>
            ) : (
              p.tallies.map((q) => (
                <div key={q.questionKey} className="cs-tally-block">
                  <div className="cs-tally-title">{q.title}</div>
                  <TallyBars values={q.values} testId={`cs-progress-tally-${q.questionKey}`} />
                </div>
              ))
            )}
          </Card>
        </Col>
      </Row>
    </div>
  )
}
