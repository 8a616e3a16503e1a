/** The modal of a document action: title, OK/cancel with test ids, the server's error above the form. */
import type { ReactNode } from 'react'
import { Alert, Modal } from 'antd'
import { useTranslation } from 'react-i18next'

export function ActionModal({
  open = true,
  title,
  okText,
  testId,
  onCancel,
  onOk,
  pending,
  error,
  danger,
  width,
  children,
}: {
  /** Mounted only while open, by default. */
  open?: boolean
  title: string
  okText: string
  testId: string
  onCancel: () => void
  onOk: () => void
  pending: boolean
  error: string | null
  danger?: boolean
  width?: number
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={onOk}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      okButtonProps={{ danger: danger === true, ...{ 'data-testid': `${testId}-ok` } }}
      cancelButtonProps={{ ...{ 'data-testid': `${testId}-cancel` } }}
      destroyOnHidden
      maskClosable={false}
      width={width ?? 560}
      data-testid={`${testId}-modal`}
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
    </Modal>
  )
}
