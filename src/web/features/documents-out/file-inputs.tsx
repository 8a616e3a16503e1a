/** Uploads for a draft: the main file (DOCX or PDF, one) and attachments (several), via POST /api/files. */
import { useState } from 'react'
import { Alert, Button, Tag } from 'antd'
import { DeleteOutlined, FileTextOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TFile } from '@common/contracts/files'
import { docApi } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { FileDrop } from '../documents-in/file-drop.tsx'

export const MAIN_FILE_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]

export function isDocx(mediaType: string): boolean {
  return mediaType === MAIN_FILE_TYPES[1]
}

/** Upload files and hand them over; `single` keeps only the first. */
export function FileUpload({
  files,
  onChange,
  single = false,
  title,
  hint,
  testId,
}: {
  files: TFile[]
  onChange: (files: TFile[]) => void
  single?: boolean
  title: string
  hint?: string
  testId: string
}) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const upload = useMutation({
    mutationFn: (list: File[]) => docApi.files.upload(single ? list.slice(0, 1) : list),
    onMutate: () => setError(null),
    onSuccess: ({ items }) => {
      if (single && items[0] && !MAIN_FILE_TYPES.includes(items[0].mediaType)) {
        setError(t('documentsOut.files.mainType'))
        return
      }
      onChange(single ? items.slice(0, 1) : [...files, ...items])
    },
    onError: (e) => setError(errorText(t, e)),
  })
  return (
    <div>
      {single && files[0] ? null : (
        <FileDrop
          onFiles={(list) => upload.mutate(list)}
          busy={upload.isPending}
          title={title}
          hint={hint}
          compact
          testId={testId}
        />
      )}
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid={`${testId}-error`} />
      ) : null}
      {files.map((f) => (
        <div key={f.id} className="doc-file-row out-file-chosen" data-testid={`${testId}-chosen`}>
          <FileTextOutlined />
          <span className="doc-file-name" title={f.filename}>
            {f.filename}
          </span>
          {isDocx(f.mediaType) ? <Tag color="blue">DOCX</Tag> : null}
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('documentsOut.files.remove')}
            onClick={() => onChange(files.filter((x) => x.id !== f.id))}
          />
        </div>
      ))}
    </div>
  )
}
