/** Tags of digitisation: an item's status, how it was read, and what fails the digitisation rules. */
import { Tag, Tooltip } from 'antd'
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  MinusCircleOutlined,
  ClockCircleOutlined,
  WarningOutlined,
} from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { TScanItem, TScanItemStatus, TScanProblem } from '@common/contracts/digitisation'

const STATUS_LOOK: Record<TScanItemStatus, { color: string; icon: React.ReactNode }> = {
  queued: { color: 'default', icon: <ClockCircleOutlined /> },
  reading: { color: 'processing', icon: <LoadingOutlined /> },
  ready: { color: 'gold', icon: <ExclamationCircleOutlined /> },
  failed: { color: 'error', icon: <CloseCircleOutlined /> },
  registered: { color: 'success', icon: <CheckCircleOutlined /> },
  discarded: { color: 'default', icon: <MinusCircleOutlined /> },
}

export function StatusTag({ status }: { status: TScanItemStatus }) {
  const { t } = useTranslation()
  const look = STATUS_LOOK[status]
  return (
    <Tag color={look.color} icon={look.icon} data-testid="dig-item-status" data-status={status}>
      {t(`digitisation.status.${status}`)}
    </Tag>
  )
}

export function MethodTag({ item }: { item: Pick<TScanItem, 'method'> }) {
  const { t } = useTranslation()
  if (!item.method) return null
  return (
    <Tag color={item.method === 'ocr_unavailable' ? 'warning' : 'blue'} data-testid="dig-item-method">
      {t(`digitisation.method.${item.method}`)}
    </Tag>
  )
}

/** One problem in the reader's language (the server's Vietnamese message is the tooltip). */
export function useProblemText(): (problem: TScanProblem, pdfVersion: string | null) => string {
  const { t } = useTranslation()
  return (problem, pdfVersion) =>
    t(`digitisation.problems.${problem.code}`, {
      page: problem.page ?? 1,
      dpi: problem.dpi ?? '?',
      version: pdfVersion ?? '?',
    })
}

export function ProblemTags({ item }: { item: Pick<TScanItem, 'scan'> }) {
  const text = useProblemText()
  const problems = item.scan?.problems ?? []
  if (problems.length === 0) return null
  // One tag per kind of problem: a 20-page grey scan says "not colour" once.
  const byCode = new Map<string, TScanProblem>()
  for (const p of problems) if (!byCode.has(p.code)) byCode.set(p.code, p)
  return (
    <>
      {[...byCode.values()].map((p) => (
        <Tooltip key={p.code} title={p.message}>
          <Tag color="orange" icon={<WarningOutlined />} data-testid="dig-item-problem" data-code={p.code}>
            {text(p, item.scan?.pdfVersion ?? null)}
          </Tag>
        </Tooltip>
      ))}
    </>
  )
}
