/** A drawer holding one form, with Cancel / Save at the bottom (full width on phones). */
import type { ReactNode } from 'react'
import { Alert, Button, Drawer, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useIsMobile } from '../lib/use-media.ts'

export function FormDrawer({
  open,
  title,
  onClose,
  onSubmit,
  submitting,
  error,
  submitLabel,
  testId,
  children,
}: {
  open: boolean
  title: string
  onClose: () => void
  onSubmit: () => void
  submitting: boolean
  error?: string | null
  submitLabel?: string
  testId: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  const isMobile = useIsMobile()
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size={isMobile ? '100%' : 560}
      destroyOnHidden
      data-testid={testId}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose} data-testid={`${testId}-cancel`}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={submitting} onClick={onSubmit} data-testid={`${testId}-submit`}>
            {submitLabel ?? t('common.save')}
          </Button>
        </Space>
      }
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid={`${testId}-error`}
        />
      ) : null}
      {children}
    </Drawer>
  )
}
