/** Trình duyệt: the approval chain with each step's state and actor, and the submission slips (phiếu trình). */
import { Card, Descriptions, Empty, Steps, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TApprovalStep, TOutgoingDocument } from '@common/contracts/documents-out'
import type { ApprovalStepState } from '@common/domain'
import { formatDateTime } from '../../lib/format.ts'
import { StepStateTag } from './labels.tsx'

const STEP_STATUS: Record<ApprovalStepState, 'wait' | 'process' | 'finish' | 'error'> = {
  waiting: 'wait',
  pending: 'process',
  approved: 'finish',
  returned: 'error',
  rejected: 'error',
  skipped: 'wait',
}

/** "Entered by X for Y" when a secretary decided for a leader. */
export function actorText(
  t: (k: string, o?: Record<string, unknown>) => string,
  actor: string | null,
  principal: string | null,
): string | null {
  if (!actor) return null
  return principal && principal !== actor ? t('documentsOut.enteredFor', { actor, principal }) : actor
}

function StepDescription({ step }: { step: TApprovalStep }) {
  const { t } = useTranslation()
  const by = actorText(t, step.decidedByName, step.decidedForName)
  return (
    <div className="out-step" data-testid={`out-step-${step.position}`} data-state={step.state}>
      <StepStateTag state={step.state} />
      {step.version ? <Tag>{t('documentsOut.versions.short', { version: step.version })}</Tag> : null}
      {by ? (
        <div className="doc-muted" data-testid="out-step-by">
          {by}
          {step.decidedAt ? ` · ${formatDateTime(step.decidedAt)}` : ''}
        </div>
      ) : null}
      {step.comment ? <div className="doc-timeline-text">{step.comment}</div> : null}
    </div>
  )
}

export function ApprovalChain({ doc }: { doc: TOutgoingDocument }) {
  const { t } = useTranslation()
  // Earlier rounds stay on record: show the latest decision per position first, then history.
  const steps = [...doc.steps].sort((a, b) => a.position - b.position)
  return (
    <div>
      <Card size="small" title={t('documentsOut.approval.chain')}>
        {steps.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('documentsOut.approval.notSubmitted')} />
        ) : (
          <Steps
            orientation="vertical"
            size="small"
            data-testid="out-steps"
            items={steps.map((s) => ({
              key: s.id,
              status: STEP_STATUS[s.state],
              title: (
                <span>
                  {s.assigneeName}{' '}
                  <span className="doc-muted">· {t(`documentsOut.stepKinds.${s.kind}`)}</span>
                </span>
              ),
              content: <StepDescription step={s} />,
            }))}
          />
        )}
      </Card>
      {doc.slips.length > 0 ? (
        <Card
          size="small"
          title={t('documentsOut.slip.title')}
          style={{ marginTop: 16 }}
          data-testid="out-slips"
        >
          {doc.slips.map((s) => (
            <Descriptions
              key={s.id}
              size="small"
              column={1}
              bordered
              style={{ marginBottom: 12 }}
              styles={{ label: { width: 150 } }}
              items={[
                { key: 'leader', label: t('documentsOut.slip.leader'), children: s.leaderName },
                {
                  key: 'by',
                  label: t('documentsOut.slip.submittedBy'),
                  children: `${s.submittedByName} · ${formatDateTime(s.submittedAt)}`,
                },
                {
                  key: 'proposal',
                  label: t('documentsOut.slip.proposal'),
                  children: <span className="doc-timeline-text">{s.proposal ?? '—'}</span>,
                },
                {
                  key: 'decision',
                  label: t('documentsOut.slip.decision'),
                  children: s.decision ? (
                    <div data-testid="out-slip-decision" data-decision={s.decision}>
                      <Tag
                        color={
                          s.decision === 'approve' ? 'success' : s.decision === 'return' ? 'warning' : 'error'
                        }
                      >
                        {t(`documentsOut.slip.decisions.${s.decision}`)}
                      </Tag>
                      {actorText(t, s.decidedByName, s.decidedForName)}
                      {s.decidedAt ? (
                        <span className="doc-muted"> · {formatDateTime(s.decidedAt)}</span>
                      ) : null}
                      {s.decisionNote ? <div className="doc-timeline-text">{s.decisionNote}</div> : null}
                    </div>
                  ) : (
                    <Tag color="processing">{t('documentsOut.slip.waiting')}</Tag>
                  ),
                },
              ]}
            />
          ))}
        </Card>
      ) : null}
    </div>
  )
}
