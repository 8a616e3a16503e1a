/** Tags for the closed vocabularies of exchange: package kinds and states, signatures, status codes, deliveries. */
import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import type {
  OutboxState,
  PACKAGE_SIGNATURE_STATES,
  ReceivedKind,
  ReceivedState,
  StatusCode,
} from '@common/contracts/exchange'
import { OUTBOX_COLORS, STATUS_COLORS } from './model.ts'

type SignatureState = (typeof PACKAGE_SIGNATURE_STATES)[number]

const KIND_COLORS: Record<ReceivedKind, string> = {
  document: 'blue',
  replacement: 'geekblue',
  update: 'gold',
  recall: 'volcano',
}

export function ReceivedKindTag({ kind }: { kind: ReceivedKind }) {
  const { t } = useTranslation()
  return (
    <Tag color={KIND_COLORS[kind]} data-testid="exchange-kind" data-kind={kind}>
      {t(`exchange.kinds.${kind}`)}
    </Tag>
  )
}

const STATE_COLORS: Record<ReceivedState, string> = {
  received: 'processing',
  accepted: 'success',
  refused: 'error',
  applied: 'success',
  destroyed: 'default',
}

export function ReceivedStateTag({ state, testId }: { state: ReceivedState; testId?: string }) {
  const { t } = useTranslation()
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId} data-state={state}>
      {t(`exchange.states.${state}`)}
    </Tag>
  )
}

const SIGNATURE_COLORS: Record<SignatureState, string> = {
  valid: 'success',
  untrusted: 'warning',
  invalid: 'error',
  absent: 'default',
}

export function SignatureStateTag({ state, testId }: { state: SignatureState; testId?: string }) {
  const { t } = useTranslation()
  return (
    <Tooltip title={t(`exchange.signature.help.${state}`)}>
      <Tag color={SIGNATURE_COLORS[state]} data-testid={testId ?? 'exchange-signature'} data-state={state}>
        {t(`exchange.signature.states.${state}`)}
      </Tag>
    </Tooltip>
  )
}

/** A QĐ 28/2018 status with its Vietnamese name ("03 · Đã tiếp nhận"). */
export function StatusTag({ code, withCode = true }: { code: StatusCode; withCode?: boolean }) {
  const { t } = useTranslation()
  return (
    <Tag color={STATUS_COLORS[code]} data-testid="exchange-status" data-code={code}>
      {withCode ? `${code} · ` : ''}
      {t(`exchange.status.${code}`)}
    </Tag>
  )
}

export function OutboxStateTag({ state }: { state: OutboxState | null }) {
  const { t } = useTranslation()
  if (!state) return <Tag>{t('exchange.outboxStates.none')}</Tag>
  return (
    <Tag color={OUTBOX_COLORS[state]} data-testid="exchange-delivery" data-state={state}>
      {t(`exchange.outboxStates.${state}`)}
    </Tag>
  )
}
