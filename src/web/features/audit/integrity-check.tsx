/** "Kiểm tra tính toàn vẹn": walk the hash chain of the audit log and report the first broken entry. */
import { Alert, Button } from 'antd'
import { SafetyOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { actionLabel } from './audit-labels.ts'

export function IntegrityCheckButton({ onResult }: { onResult: (node: React.ReactNode) => void }) {
  const { t, i18n } = useTranslation()
  const verify = useMutation({
    mutationFn: api.audit.verify,
    onSuccess: (report) => {
      if (report.isIntact) {
        onResult(
          <Alert
            type="success"
            showIcon
            title={t('audit.verify.intact')}
            description={t('audit.verify.intactDetail', { checked: report.checked })}
            data-testid="audit-verify-result"
            data-intact="true"
          />,
        )
        return
      }
      const broken = report.firstBroken
      onResult(
        <Alert
          type="error"
          showIcon
          title={t('audit.verify.broken')}
          description={
            broken
              ? t('audit.verify.brokenDetail', {
                  id: broken.id,
                  time: formatDateTime(broken.occurredAt, true),
                  action: actionLabel(t, i18n, broken.action),
                  reason: t(`audit.verify.reasons.${broken.reason}`),
                  checked: report.checked,
                })
              : t('audit.verify.brokenUnknown', { checked: report.checked })
          }
          data-testid="audit-verify-result"
          data-intact="false"
        />,
      )
    },
    onError: (e) =>
      onResult(<Alert type="error" showIcon title={errorText(t, e)} data-testid="audit-verify-result" />),
  })
  return (
    <Button
      icon={<SafetyOutlined />}
      loading={verify.isPending}
      onClick={() => verify.mutate()}
      data-testid="audit-verify"
    >
      {t('audit.verify.button')}
    </Button>
  )
}
