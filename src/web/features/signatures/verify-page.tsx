/**
 * Kiểm tra chữ ký số: upload any PDF (signed here or elsewhere) and read the verification in
 * Vietnamese. The file is stored like any upload and the result is recorded by the server.
 */
import { useState } from 'react'
import { Alert, Card, Spin, Typography } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TVerificationResult } from '@common/contracts/documents-out'
import { PageHeader } from '../../components/page-header.tsx'
import { docApi } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { FileDrop } from '../documents-in/file-drop.tsx'
import { signatureApi } from './api.ts'
import { VerificationView } from './verification-view.tsx'
import '../documents-in/documents-in.css'
import './signatures.css'

export function VerifyPage() {
  const { t } = useTranslation()
  const [result, setResult] = useState<TVerificationResult | null>(null)
  const verify = useMutation({
    mutationFn: async (files: File[]) => {
      const uploaded = await docApi.files.upload(files.slice(0, 1))
      const file = uploaded.items[0]
      if (!file) throw new Error('no file')
      return signatureApi.verify(file.id)
    },
    onMutate: () => setResult(null),
    onSuccess: setResult,
  })
  return (
    <>
      <PageHeader title={t('signatures.verify.pageTitle')} subtitle={t('signatures.verify.pageSubtitle')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <FileDrop
          onFiles={(files) => verify.mutate(files)}
          busy={verify.isPending}
          title={t('signatures.verify.drop')}
          hint={t('signatures.verify.dropHint')}
          testId="verify-upload"
        />
      </Card>
      {verify.isPending ? (
        <div style={{ textAlign: 'center', padding: 24 }}>
          <Spin description={t('signatures.verify.running')} />
        </div>
      ) : null}
      {verify.isError ? (
        <Alert type="error" showIcon title={errorText(t, verify.error)} data-testid="verify-error" />
      ) : null}
      {result ? <VerificationView result={result} /> : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 13 }}>
        {t('signatures.verify.about')}
      </Typography.Paragraph>
    </>
  )
}
