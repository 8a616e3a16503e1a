/** "Kiểm tra chữ ký" on a stored PDF: verifies it on the server and shows the result in a modal. */
import { useState } from 'react'
import { Alert, Button, Modal, Spin } from 'antd'
import { SafetyCertificateOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../lib/errors.ts'
import { signatureApi } from './api.ts'
import { VerificationView } from './verification-view.tsx'
import './signatures.css'

export function VerifySignatureButton({
  fileId,
  filename,
  size = 'small',
  testId = 'verify-file',
}: {
  fileId: string
  filename: string
  size?: 'small' | 'middle'
  testId?: string
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const verify = useMutation({ mutationFn: () => signatureApi.verify(fileId) })
  return (
    <>
      <Button
        size={size}
        type="link"
        icon={<SafetyCertificateOutlined />}
        onClick={() => {
          setOpen(true)
          verify.mutate()
        }}
        data-testid={testId}
      >
        {t('signatures.verify.action')}
      </Button>
      {open ? (
        <Modal
          open
          title={t('signatures.verify.titleFor', { filename })}
          onCancel={() => setOpen(false)}
          footer={<Button onClick={() => setOpen(false)}>{t('signatures.close')}</Button>}
          width={720}
          destroyOnHidden
          data-testid="verify-modal"
        >
          {verify.isPending ? (
            <div style={{ textAlign: 'center', padding: 32 }}>
              <Spin description={t('signatures.verify.running')} />
            </div>
          ) : verify.isError ? (
            <Alert type="error" showIcon title={errorText(t, verify.error)} />
          ) : verify.data ? (
            <VerificationView result={verify.data} />
          ) : null}
        </Modal>
      ) : null}
    </>
  )
}
