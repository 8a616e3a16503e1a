/** Tags for the closed vocabularies of outgoing documents: states, approval steps, deliveries. */
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApprovalStepState, DeliveryState, OutgoingState } from '@common/domain'

const STATE_COLORS: Record<OutgoingState, string> = {
  draft: 'default',
  in_review: 'processing',
  returned: 'warning',
  rejected: 'error',
  approved: 'cyan',
  signed: 'geekblue',
  issued: 'success',
  recalled: 'volcano',
  replaced: 'default',
}

export function OutgoingStateTag({ state, testId }: { state: OutgoingState; testId?: string }) {
  const { t } = useTranslation()
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId} data-state={state}>
      {t(`documentsOut.states.${state}`)}
    </Tag>
  )
}

const STEP_COLORS: Record<ApprovalStepState, string> = {
  waiting: 'default',
  pending: 'processing',
  approved: 'success',
  returned: 'warning',
  rejected: 'error',
  skipped: 'default',
}

export function StepStateTag({ state }: { state: ApprovalStepState }) {
  const { t } = useTranslation()
  return (
    <Tag color={STEP_COLORS[state]} data-state={state}>
      {t(`documentsOut.stepStates.${state}`)}
    </Tag>
  )
}

const DELIVERY_COLORS: Record<DeliveryState, string> = {
  pending: 'default',
  sent: 'processing',
  failed: 'error',
  received: 'cyan',
  read: 'success',
  recalled: 'volcano',
}

export function DeliveryStateTag({ state }: { state: DeliveryState | null }) {
  const { t } = useTranslation()
  if (!state) return <Tag>{t('documentsOut.delivery.notSent')}</Tag>
  return (
    <Tag color={DELIVERY_COLORS[state]} data-state={state}>
      {t(`documentsOut.deliveryStates.${state}`)}
    </Tag>
  )
}
