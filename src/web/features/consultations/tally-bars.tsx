/** Simple horizontal bars for counts per value (tallies), with the number and the share. */
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { ZTally } from '@common/contracts/consultations'

type TTally = z.infer<typeof ZTally>

const COLORS: Record<string, string> = {
  agree: '#52c41a',
  approve: '#52c41a',
  agree_with_comments: '#1677ff',
  disagree: '#f5222d',
  reject: '#f5222d',
  abstain: '#faad14',
}

export function TallyBars({ values, testId }: { values: TTally[]; testId?: string }) {
  const { t } = useTranslation()
  const total = values.reduce((n, v) => n + v.count, 0)
  if (values.length === 0) return <div className="cs-muted">{t('consultations.summary.noAnswers')}</div>
  return (
    <div className="cs-bars" data-testid={testId}>
      {values.map((v) => {
        const share = total > 0 ? Math.round((v.count / total) * 100) : 0
        return (
          <div key={v.value} className="cs-bar-row" data-value={v.value} data-count={v.count}>
            <span className="cs-bar-label" title={v.label}>
              {v.label}
            </span>
            <span className="cs-bar-track">
              <span
                className="cs-bar-fill"
                style={{ width: `${share}%`, background: COLORS[v.value] ?? '#0f8b8d' }}
              />
            </span>
            <span className="cs-bar-count">
              {v.count}
              <span className="cs-muted"> ({share}%)</span>
            </span>
          </div>
        )
      })}
    </div>
  )
}
