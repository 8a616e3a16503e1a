/**
 * OCR for the registration form (issue 6): when the dropped file is a scan or an image, smart
 * capture cannot read it in the request, so the form starts a one-item batch (read by the
 * background job) and polls it; when it is read, the form is filled like from a text PDF.
 */
import { useEffect, useRef, useState } from 'react'
import { Alert, Spin } from 'antd'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TScanItem } from '@common/contracts/digitisation'
import { errorText } from '../../lib/errors.ts'
import type { CaptureSource } from '../documents-in/capture-fill.ts'
import { batchKey, digitisationApi } from './api.ts'
import { ProblemTags } from './labels.tsx'
import './digitisation.css'

export type OcrCaptureState =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'unavailable'; item: TScanItem }
  | { kind: 'failed'; reason: string }
  | { kind: 'done'; item: TScanItem }

export function useOcrCapture(onRead: (source: CaptureSource) => void) {
  const { t } = useTranslation()
  const [batchId, setBatchId] = useState<string | null>(null)
  const applied = useRef<string | null>(null)
  const latest = useRef(onRead)
  latest.current = onRead
  const create = useMutation({
    mutationFn: (file: { id: string; filename?: string }) =>
      digitisationApi.batches.create({ fileIds: [file.id], title: file.filename ?? null }),
    onSuccess: (batch) => setBatchId(batch.id),
  })
  const batch = useQuery({
    queryKey: batchKey(batchId ?? 'none'),
    queryFn: () => digitisationApi.batches.get(batchId!),
    enabled: batchId !== null,
    refetchInterval: (q) => (q.state.data?.isRead ? false : 1500),
  })
  const item = batch.data?.items[0]

  useEffect(() => {
    if (!item || item.status !== 'ready' || !item.fields || applied.current === item.id) return
    applied.current = item.id
    latest.current({ fields: item.fields, pages: item.scan?.pageCount ?? null })
  }, [item])

  let state: OcrCaptureState = { kind: 'idle' }
  if (create.isError) state = { kind: 'failed', reason: errorText(t, create.error) }
  else if (batch.isError) state = { kind: 'failed', reason: errorText(t, batch.error) }
  else if (create.isPending || (batchId && (!item || item.status === 'queued' || item.status === 'reading')))
    state = { kind: 'reading' }
  else if (item?.method === 'ocr_unavailable') state = { kind: 'unavailable', item }
  else if (item?.status === 'failed')
    state = { kind: 'failed', reason: item.error ?? t('digitisation.capture.ocrFailed') }
  else if (item) state = { kind: 'done', item }

  return {
    state,
    isIdle: state.kind === 'idle',
    start: (file: { id: string; filename?: string }) => {
      applied.current = null
      setBatchId(null)
      create.mutate(file)
    },
    reset: () => {
      applied.current = null
      setBatchId(null)
      create.reset()
    },
  }
}

/** What the OCR pre-fill is doing, under the dropped files. */
export function OcrCaptureStatus({ state }: { state: OcrCaptureState }) {
  const { t } = useTranslation()
  if (state.kind === 'idle') return null
  if (state.kind === 'reading')
    return (
      <Alert
        type="info"
        showIcon
        icon={<Spin size="small" />}
        title={t('digitisation.capture.ocrRunning')}
        description={t('digitisation.capture.ocrRunningHint')}
        className="dig-ocr-status"
        data-testid="reg-ocr-running"
      />
    )
  if (state.kind === 'unavailable')
    return (
      <Alert
        type="warning"
        showIcon
        title={t('digitisation.ocrUnavailable')}
        description={t('digitisation.capture.ocrUnavailableHint')}
        className="dig-ocr-status"
        data-testid="reg-ocr-unavailable"
      />
    )
  if (state.kind === 'failed')
    return (
      <Alert
        type="warning"
        showIcon
        title={t('digitisation.capture.ocrFailed')}
        description={state.reason}
        className="dig-ocr-status"
        data-testid="reg-ocr-failed"
      />
    )
  return (
    <Alert
      type="success"
      showIcon
      title={t('digitisation.capture.ocrDone')}
      description={state.item.scan?.problems.length ? <ProblemTags item={state.item} /> : undefined}
      className="dig-ocr-status"
      data-testid="reg-ocr-done"
    />
  )
}
