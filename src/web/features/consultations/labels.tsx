/** Tags for consultations: the state, a participant's answer state, and the deadline with its countdown. */
import { useEffect, useState } from 'react'
import { Tag, Tooltip } from 'antd'
import { ClockCircleOutlined, SignatureOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { ConsultationState, ResponseState } from '@common/contracts/consultations'
import { fileContentUrl } from '../../lib/api.ts'
import { formatDateTime } from '../../lib/format.ts'

const STATE_COLORS: Record<ConsultationState, string> = {
  draft: 'default',
  submitted: 'processing',
  open: 'cyan',
  closed: 'success',
  cancelled: 'error',
}

export function ConsultationStateTag({ state, testId }: { state: ConsultationState; testId?: string }) {
  const { t } = useTranslation()
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId} data-state={state}>
      {t(`consultations.states.${state}`)}
    </Tag>
  )
}

const RESPONSE_COLORS: Record<ResponseState, string> = {
  none: 'default',
  draft: 'gold',
  awaiting_member: 'orange',
  submitted: 'green',
  final: 'success',
}

export function ResponseStateTag({
  state,
  testId,
}: {
  state: ResponseState | null | undefined
  testId?: string
}) {
  const { t } = useTranslation()
  if (!state) return null
  return (
    <Tag color={RESPONSE_COLORS[state]} data-testid={testId} data-state={state}>
      {t(`consultations.responseStates.${state}`)}
    </Tag>
  )
}

/** The time now, ticking every `ms` (for countdowns). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms)
    return () => clearInterval(timer)
  }, [ms])
  return now
}

/** "2 ngày 3 giờ", "45 phút", "30 giây": the time left, in its two largest units. */
export function durationText(t: TFunction, ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  const days = Math.floor(s / 86_400)
  const hours = Math.floor((s % 86_400) / 3600)
  const minutes = Math.floor((s % 3600) / 60)
  if (days > 0) return t('consultations.deadline.daysHours', { days, hours })
  if (hours > 0) return t('consultations.deadline.hoursMinutes', { hours, minutes })
  if (minutes > 0) return t('consultations.deadline.minutes', { minutes })
  return t('consultations.deadline.seconds', { seconds: s })
}

/**
 * The deadline with what is left (or "Quá hạn"): red under a day, orange under three days. Only an
 * open consultation counts down; the others show the date alone.
 */
export function DeadlineTag({
  deadline,
  state,
  pastDeadline,
  testId,
}: {
  deadline: string
  state: ConsultationState
  pastDeadline: boolean
  testId?: string
}) {
  const { t } = useTranslation()
  const left = new Date(deadline).getTime() - Date.now()
  const now = useNow(left < 3_600_000 ? 1000 : 30_000)
  const remaining = new Date(deadline).getTime() - now
  const past = pastDeadline || remaining <= 0
  const when = formatDateTime(deadline)
  if (state !== 'open' && state !== 'submitted' && state !== 'draft')
    return <span data-testid={testId}>{when}</span>
  const color = past
    ? 'red'
    : remaining < 86_400_000
      ? 'volcano'
      : remaining < 3 * 86_400_000
        ? 'orange'
        : 'blue'
  return (
    <span className="cs-deadline" data-testid={testId} data-past={past ? 'true' : 'false'}>
      <span>{when}</span>
      {state === 'open' ? (
        <Tooltip title={t('consultations.deadline.tooltip', { time: formatDateTime(deadline, true) })}>
          <Tag color={color} icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }}>
            {past
              ? t('consultations.deadline.overdue')
              : t('consultations.deadline.left', { time: durationText(t, remaining) })}
          </Tag>
        </Tooltip>
      ) : null}
    </span>
  )
}

/** "Đã ký số": a signed answer, opening its signed PDF. */
export function SignedAnswerTag({ fileId, testId }: { fileId: string; testId: string }) {
  const { t } = useTranslation()
  return (
    <a href={fileContentUrl(fileId, true)} target="_blank" rel="noopener" data-testid={testId}>
      <Tag color="blue" icon={<SignatureOutlined />}>
        {t('consultations.answer.signed')}
      </Tag>
    </a>
  )
}
