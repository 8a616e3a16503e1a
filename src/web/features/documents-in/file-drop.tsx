/** A drop zone for documents: drag files onto it, or click to choose; the input is real, for tests and keyboards. */
import { useRef, useState, type DragEvent } from 'react'
import { Spin, Typography } from 'antd'
import { InboxOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'

export const DOCUMENT_ACCEPT = '.pdf,.docx,.odt,.xlsx,.png,.jpg,.jpeg,.tif,.tiff,.xml,.txt,.csv'

export function FileDrop({
  onFiles,
  busy,
  title,
  hint,
  testId,
  compact = false,
}: {
  onFiles: (files: File[]) => void
  busy: boolean
  title: string
  hint?: string
  testId: string
  compact?: boolean
}) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)

  function onDrop(event: DragEvent) {
    event.preventDefault()
    setOver(false)
    const files = [...event.dataTransfer.files]
    if (files.length > 0 && !busy) onFiles(files)
  }

  return (
    <div
      className={`doc-drop${over ? ' is-over' : ''}${compact ? ' is-compact' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={title}
      aria-busy={busy}
      onClick={() => !busy && input.current?.click()}
      onKeyDown={(e) => {
        if ((e.key === 'Enter' || e.key === ' ') && !busy) {
          e.preventDefault()
          input.current?.click()
        }
      }}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid={`${testId}-zone`}
    >
      <input
        ref={input}
        type="file"
        multiple
        accept={DOCUMENT_ACCEPT}
        style={{ display: 'none' }}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])]
          e.target.value = ''
          if (files.length > 0) onFiles(files)
        }}
        data-testid={testId}
      />
      {busy ? (
        <Spin description={t('documentsIn.files.uploading')} />
      ) : (
        <>
          {compact ? null : <InboxOutlined className="doc-drop-icon" />}
          <Typography.Text strong>{title}</Typography.Text>
          {hint ? (
            <Typography.Text type="secondary" className="doc-drop-hint">
              {hint}
            </Typography.Text>
          ) : null}
        </>
      )}
    </div>
  )
}
