/**
 * Đăng ký văn bản đến: the clerk drops the received PDF/DOCX, smart capture pre-fills the form,
 * the clerk confirms every field of the incoming register (Decree 30, Annex IV) and registers it.
 * The arrival number is given by the server; a random request id makes a double submission harmless.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import {
  DeleteOutlined,
  FileTextOutlined,
  StarFilled,
  StarOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Dayjs } from 'dayjs'
import { DOCUMENT_TYPES } from '@common/document-types'
import { RECEIVED_VIA, SECRECY_MARKS, URGENCIES, type Urgency } from '@common/domain'
import type { TCaptureResponse } from '@common/contracts/capture'
import type { TFile } from '@common/contracts/files'
import { ZRegisterIncoming, type TIncomingDocument } from '@common/contracts/documents-in'
import { PageHeader } from '../../components/page-header.tsx'
import {
  api,
  ApiError,
  docApi,
  DuplicateDocumentError,
  fileContentUrl,
  type TDuplicateCandidate,
} from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import {
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  formatDateTime,
  vietnamNowForPicker,
  wallClockToIso,
} from '../../lib/format.ts'
import { can, useRequiredSession } from '../../lib/session.ts'
import { useIsMobile } from '../../lib/use-media.ts'
import { applyServerError, clearErrorsOnChange, parseForm } from '../../lib/validation.ts'
import { OrganizationSelect } from '../organizations/organization-select.tsx'
import { useIncomingRegisters } from '../registers/use-registers.ts'
import {
  captureValues,
  confidenceOf,
  sameName,
  type CapturedFormField,
  type CapturedMark,
  type CaptureSource,
} from './capture-fill.ts'
import { OcrCaptureStatus, useOcrCapture } from '../digitisation/use-ocr-capture.tsx'
import { FileDrop } from './file-drop.tsx'
import { refreshDocuments } from './keys.ts'
import { URGENCY_BAR } from './labels.tsx'
import { DOC_PATHS, documentPath } from './paths.ts'
import './documents-in.css'

type Values = {
  registerId?: string
  arrivedAt?: Dayjs | null
  receivedVia?: string
  senderOrganizationId?: string | null
  senderName?: string
  numberAndNotation?: string
  issueDate?: Dayjs | null
  issuePlace?: string
  documentType?: string
  subject?: string
  signerName?: string
  signerTitle?: string
  urgency?: Urgency
  secrecyMark?: string
  pageCount?: number | null
  copyCount?: number | null
  dueDate?: Dayjs | null
  notes?: string
}

const CAPTURABLE = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
])

function isoDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** The small "tự nhận dạng" tag beside a label, with the confidence. */
function CapturedTag({ mark }: { mark: CapturedMark | undefined }) {
  const { t } = useTranslation()
  if (!mark) return null
  const pct = mark.confidence === null ? null : Math.round(mark.confidence * 100)
  const low = pct !== null && pct < 70
  return (
    <Tooltip title={t('documentsIn.capture.autoHint')}>
      <Tag
        color={low ? 'warning' : 'cyan'}
        icon={<ThunderboltOutlined />}
        className="doc-captured-tag"
        data-testid="reg-captured-tag"
      >
        {t('documentsIn.capture.auto')}
        {pct === null ? '' : ` ${pct}%`}
      </Tag>
    </Tooltip>
  )
}

function DuplicateCandidates({ items }: { items: TDuplicateCandidate[] }) {
  const { t } = useTranslation()
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(c) => (
        <List.Item data-testid="reg-duplicate-item">
          <div style={{ minWidth: 0 }}>
            <Link to={documentPath(c.id)} target="_blank" rel="noopener">
              {c.registerNumber !== null
                ? t('documentsIn.arrivalNumberShort', {
                    number: c.registerNumber,
                    year: c.registerYear ?? '',
                  })
                : t('documentsIn.duplicates.open')}
            </Link>
            {' · '}
            {[c.numberAndNotation, c.senderName].filter(Boolean).join(' · ')}
            <div className="doc-muted">
              {c.subject}
              {c.arrivedAt ? ` · ${formatDateTime(c.arrivedAt)}` : ''}
              {' · '}
              {t(`documentsIn.duplicates.reason.${c.reason}`)}
            </div>
          </div>
        </List.Item>
      )}
    />
  )
}

function RegisteredResult({ document, onAnother }: { document: TIncomingDocument; onAnother: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Card>
      <Result
        status="success"
        title={
          <div className="doc-arrival">
            <span>{t('documentsIn.arrivalNumberLabel')}</span>{' '}
            <span className="doc-arrival-number" data-testid="reg-arrival-number">
              {document.registerNumber}
            </span>
          </div>
        }
        subTitle={
          <div data-testid="reg-success">
            <div>
              {t('documentsIn.registeredIn', {
                register: document.registerName,
                year: document.registerYear,
              })}
            </div>
            <div style={{ marginTop: 4 }}>
              {[document.numberAndNotation, document.senderName].filter(Boolean).join(' · ')}
            </div>
            <div className="doc-muted">{document.subject}</div>
          </div>
        }
        extra={
          <Space wrap style={{ justifyContent: 'center' }}>
            <Button
              type="primary"
              onClick={() => void navigate(documentPath(document.id))}
              data-testid="reg-open-document"
            >
              {t('documentsIn.openDocument')}
            </Button>
            <Button onClick={onAnother} data-testid="reg-another">
              {t('documentsIn.registerAnother')}
            </Button>
          </Space>
        }
      />
    </Card>
  )
}

export function RegisterIncomingPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [requestId, setRequestId] = useState(() => crypto.randomUUID())
  const [files, setFiles] = useState<TFile[]>([])
  const [mainFileId, setMainFileId] = useState<string | null>(null)
  const [uploadError, setUploadError] = useState<string | null>(null)
  const [capture, setCapture] = useState<TCaptureResponse | null>(null)
  const [captureError, setCaptureError] = useState<string | null>(null)
  const [captured, setCaptured] = useState<Partial<Record<CapturedFormField, CapturedMark>>>({})
  const [duplicates, setDuplicates] = useState<TDuplicateCandidate[]>([])
  const [confirmDuplicate, setConfirmDuplicate] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const [done, setDone] = useState<TIncomingDocument | null>(null)
  const session = useRequiredSession()
  const isMobile = useIsMobile()
  const registers = useIncomingRegisters()
  const usable = useMemo(
    () => (registers.data?.items ?? []).filter((r) => r.isActive && r.abilities.register),
    [registers.data],
  )
  const secrecyMark = Form.useWatch('secrecyMark', form)
  const urgency = Form.useWatch('urgency', form)
  const senderOrganizationId = Form.useWatch('senderOrganizationId', form)
  const isSecret = Boolean(secrecyMark && secrecyMark !== 'none')
  const lastDuplicateKey = useRef('')

  useEffect(() => {
    if (!form.getFieldValue('registerId') && usable.length > 0)
      form.setFieldValue('registerId', usable[0]!.id)
  }, [usable, form])

  // Scans and images: OCR in the background, then the same filling (issue 6).
  const ocr = useOcrCapture((source) => void fillFromCapture(source))

  const upload = useMutation({
    mutationFn: (list: File[]) => docApi.files.upload(list),
    onMutate: () => setUploadError(null),
    onSuccess: ({ items }) => {
      setFiles((current) => [...current, ...items])
      const main = mainFileId ?? items[0]?.id ?? null
      if (!mainFileId && main) setMainFileId(main)
      const first = items.find((f) => CAPTURABLE.has(f.mediaType) || f.mediaType.startsWith('image/'))
      if (!capture && ocr.isIdle && first && (!mainFileId || first.id === main)) {
        // An image is a scan: OCR reads it in the background (issue 6); a PDF is tried inline first.
        if (first.mediaType.startsWith('image/')) ocr.start(first)
        else runCapture.mutate(first.id)
      }
    },
    onError: (e) => setUploadError(errorText(t, e)),
  })

  const runCapture = useMutation({
    mutationFn: (fileId: string) => docApi.capture.file(fileId),
    onMutate: () => setCaptureError(null),
    onSuccess: async (response, fileId) => {
      setCapture(response)
      await fillFromCapture(response)
      if (response.isLikelyScanned)
        ocr.start({ id: fileId, filename: files.find((f) => f.id === fileId)?.filename })
    },
    onError: (e) => setCaptureError(errorText(t, e)),
  })

  /** Fill the empty fields (and those capture filled before) and mark them. */
  async function fillFromCapture(response: CaptureSource) {
    const values = captureValues(response)
    const marks: Partial<Record<CapturedFormField, CapturedMark>> = {}
    const patch: Partial<Values> = {}
    const canFill = (field: keyof Values, markKey: CapturedFormField) => {
      const current: unknown = form.getFieldValue(field)
      return current === undefined || current === null || current === '' || captured[markKey] !== undefined
    }
    const simple: [keyof Values & CapturedFormField, unknown][] = [
      ['numberAndNotation', values.numberAndNotation],
      ['issueDate', values.issueDate],
      ['issuePlace', values.issuePlace],
      ['documentType', values.documentType],
      ['subject', values.subject],
      ['signerName', values.signerName],
      ['signerTitle', values.signerTitle],
      ['pageCount', values.pageCount],
    ]
    for (const [field, value] of simple) {
      if (value === undefined || !canFill(field, field)) continue
      ;(patch as Record<string, unknown>)[field] = value
      marks[field] = { confidence: confidenceOf(response, field) }
    }
    if (values.sender && canFill('senderOrganizationId', 'sender') && canFill('senderName', 'sender')) {
      marks.sender = { confidence: confidenceOf(response, 'sender') }
      // The directory first: an organization with that name (or short name) becomes the sender.
      const found = await api.organizations
        .list({ q: values.sender, isActive: true, pageSize: 10 })
        .then((page) =>
          page.items.find(
            (o) =>
              sameName(o.name, values.sender!) ||
              (o.shortName !== null && sameName(o.shortName, values.sender!)),
          ),
        )
        .catch(() => undefined)
      if (found) {
        patch.senderOrganizationId = found.id
        patch.senderName = ''
      } else {
        patch.senderOrganizationId = null
        patch.senderName = values.sender
      }
    }
    form.setFieldsValue(patch)
    setCaptured((current) => ({ ...current, ...marks }))
    void checkDuplicates()
  }

  const duplicateCheck = useMutation({
    mutationFn: docApi.documentsIn.duplicates,
    onSuccess: ({ items }) => {
      setDuplicates(items)
      if (items.length === 0) setConfirmDuplicate(false)
    },
  })

  function checkDuplicates() {
    const v = form.getFieldsValue()
    const number = v.numberAndNotation?.trim()
    const senderId = v.senderOrganizationId ?? null
    const senderName = v.senderName?.trim() || null
    if (!number || (!senderId && !senderName)) {
      setDuplicates([])
      lastDuplicateKey.current = ''
      return
    }
    const issueDate = isoDate(v.issueDate)
    const key = [number, senderId, senderName, issueDate].join('|')
    if (key === lastDuplicateKey.current) return
    lastDuplicateKey.current = key
    duplicateCheck.mutate({
      numberAndNotation: number,
      senderOrganizationId: senderId,
      senderName,
      issueDate,
    })
  }

  const register = useMutation({
    mutationFn: docApi.documentsIn.register,
    onSuccess: (document) => {
      refreshDocuments(queryClient)
      message.success(t('documentsIn.registered', { number: document.registerNumber }))
      setDone(document)
      window.scrollTo({ top: 0 })
    },
    onError: (e) => {
      if (e instanceof DuplicateDocumentError) {
        setDuplicates(e.candidates)
        setFormError(t('errors.DUPLICATE_DOCUMENT'))
        return
      }
      const onField =
        e instanceof ApiError &&
        applyServerError(form, e, t, {
          SECRET_DOCUMENT_REFUSED: 'secrecyMark',
          REGISTER_INACTIVE: 'registerId',
        })
      setFormError(onField ? null : errorText(t, e))
    },
  })

  function submit() {
    setFormError(null)
    const v = form.getFieldsValue()
    if (isSecret) return
    if (duplicates.length > 0 && !confirmDuplicate) {
      setFormError(t('documentsIn.duplicates.confirmFirst'))
      return
    }
    const fileIds = files.map((f) => f.id)
    const body = {
      registerId: v.registerId ?? '',
      arrivedAt: v.arrivedAt ? wallClockToIso(v.arrivedAt) : undefined,
      receivedVia: v.receivedVia,
      senderOrganizationId: v.senderOrganizationId ?? null,
      senderName: v.senderOrganizationId ? null : (v.senderName ?? null),
      numberAndNotation: v.numberAndNotation ?? null,
      issueDate: isoDate(v.issueDate),
      issuePlace: v.issuePlace ?? null,
      documentType: v.documentType ?? '',
      subject: v.subject ?? '',
      signerName: v.signerName ?? null,
      signerTitle: v.signerTitle ?? null,
      urgency: v.urgency,
      secrecyMark: v.secrecyMark,
      pageCount: v.pageCount ?? null,
      copyCount: v.copyCount ?? null,
      dueDate: isoDate(v.dueDate),
      notes: v.notes ?? null,
      fileIds,
      mainFileId: mainFileId && fileIds.includes(mainFileId) ? mainFileId : (fileIds[0] ?? null),
      confirmDuplicate,
      clientRequestId: requestId,
    }
    const parsed = parseForm(form, ZRegisterIncoming, body, t)
    if (parsed) register.mutate(parsed)
  }

  function reset() {
    setDone(null)
    setFiles([])
    setMainFileId(null)
    setCapture(null)
    ocr.reset()
    setCaptured({})
    setCaptureError(null)
    setUploadError(null)
    setDuplicates([])
    setConfirmDuplicate(false)
    setFormError(null)
    lastDuplicateKey.current = ''
    setRequestId(crypto.randomUUID())
    const registerId = form.getFieldValue('registerId') as string | undefined
    form.resetFields()
    form.setFieldsValue({ registerId, arrivedAt: vietnamNowForPicker() })
  }

  function removeFile(fileId: string) {
    const rest = files.filter((f) => f.id !== fileId)
    setFiles(rest)
    if (mainFileId === fileId) setMainFileId(rest[0]?.id ?? null)
  }

  function onValuesChange(changed: Partial<Values>) {
    clearErrorsOnChange(form)(changed)
    // A field the clerk edits is no longer "as captured".
    const keys = Object.keys(changed) as (keyof Values)[]
    const unmark = keys
      .map((k) => (k === 'senderOrganizationId' || k === 'senderName' ? 'sender' : k))
      .filter((k): k is CapturedFormField => k in captured)
    if (unmark.length > 0)
      setCaptured((current) => {
        const next = { ...current }
        for (const k of unmark) delete next[k]
        return next
      })
    if ('senderOrganizationId' in changed) lastDuplicateKey.current = ''
    if ('senderOrganizationId' in changed || 'issueDate' in changed) checkDuplicates()
  }

  const mainFile = files.find((f) => f.id === mainFileId) ?? null
  const label = (text: string, field?: CapturedFormField) => (
    <span className="doc-label">
      {text}
      {field ? <CapturedTag mark={captured[field]} /> : null}
    </span>
  )

  if (done) {
    return (
      <>
        <PageHeader title={t('documentsIn.registerTitle')} />
        <RegisteredResult document={done} onAnother={reset} />
      </>
    )
  }

  return (
    <>
      <PageHeader title={t('documentsIn.registerTitle')} subtitle={t('documentsIn.registerSubtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('documentsIn.files.title')} className="doc-side-card">
            <FileDrop
              onFiles={(list) => upload.mutate(list)}
              busy={upload.isPending}
              title={files.length === 0 ? t('documentsIn.files.dropMain') : t('documentsIn.files.dropMore')}
              hint={files.length === 0 ? t('documentsIn.files.dropHint') : undefined}
              compact={files.length > 0}
              testId="reg-file-input"
            />
            {uploadError ? (
              <Alert
                type="error"
                showIcon
                title={uploadError}
                style={{ marginTop: 12 }}
                data-testid="reg-upload-error"
              />
            ) : null}
            {files.length > 0 ? (
              <List
                size="small"
                style={{ marginTop: 12 }}
                dataSource={files}
                data-testid="reg-files"
                renderItem={(f) => (
                  <List.Item
                    actions={[
                      f.id === mainFileId ? null : (
                        <Tooltip key="main" title={t('documentsIn.files.makeMain')}>
                          <Button
                            type="text"
                            size="small"
                            icon={<StarOutlined />}
                            aria-label={t('documentsIn.files.makeMain')}
                            onClick={() => setMainFileId(f.id)}
                          />
                        </Tooltip>
                      ),
                      <Tooltip key="remove" title={t('documentsIn.files.remove')}>
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('documentsIn.files.remove')}
                          onClick={() => removeFile(f.id)}
                          data-testid="reg-file-remove"
                        />
                      </Tooltip>,
                    ].filter(Boolean)}
                  >
                    <div className="doc-file-row">
                      <FileTextOutlined />
                      <span className="doc-file-name" title={f.filename}>
                        {f.filename}
                      </span>
                      <span className="doc-muted">{formatSize(f.size)}</span>
                      {f.id === mainFileId ? (
                        <Tag color="blue" icon={<StarFilled />}>
                          {t('documentsIn.files.main')}
                        </Tag>
                      ) : null}
                    </div>
                  </List.Item>
                )}
              />
            ) : null}
            {runCapture.isPending ? (
              <Alert
                type="info"
                showIcon
                title={t('documentsIn.capture.running')}
                style={{ marginTop: 12 }}
              />
            ) : null}
            {captureError ? (
              <Alert
                type="warning"
                showIcon
                title={t('documentsIn.capture.failed')}
                description={captureError}
                style={{ marginTop: 12 }}
                data-testid="reg-capture-error"
              />
            ) : null}
            {capture && ocr.isIdle ? <CaptureSummary capture={capture} /> : null}
            <OcrCaptureStatus state={ocr.state} />
            {mainFile && mainFile.mediaType === 'application/pdf' && !isMobile ? (
              <iframe
                className="doc-preview is-small"
                src={fileContentUrl(mainFile.id, true)}
                title={mainFile.filename}
                data-testid="reg-preview"
              />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small">
            {registers.isSuccess && usable.length === 0 ? (
              <Alert
                type="warning"
                showIcon
                title={t('documentsIn.noRegister')}
                description={
                  can(session, 'registers.manage') ? (
                    <Link to={DOC_PATHS.registers} data-testid="reg-create-register">
                      {t('registers.create')}
                    </Link>
                  ) : undefined
                }
                style={{ marginBottom: 16 }}
                data-testid="reg-no-register"
              />
            ) : null}
            {formError ? (
              <Alert
                type="error"
                showIcon
                title={formError}
                style={{ marginBottom: 16 }}
                data-testid="reg-error"
              />
            ) : null}
            <Form
              form={form}
              layout="vertical"
              onValuesChange={onValuesChange}
              initialValues={{
                arrivedAt: vietnamNowForPicker(),
                receivedVia: 'paper',
                urgency: 'normal',
                secrecyMark: 'none',
                copyCount: 1,
              }}
              onFinish={submit}
            >
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="registerId" label={t('documentsIn.fields.register')} required>
                    <Select
                      loading={registers.isPending}
                      options={usable.map((r) => ({
                        value: r.id,
                        label: `${r.name} (${t('documentsIn.lastNumber', { number: r.lastNumberThisYear })})`,
                      }))}
                      status={registers.isError ? 'error' : undefined}
                      placeholder={registers.isError ? errorText(t, registers.error) : undefined}
                      notFoundContent={t('documentsIn.noRegister')}
                      data-testid="reg-register"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="arrivedAt" label={t('documentsIn.fields.arrivedAt')} required>
                    <DatePicker
                      showTime={{ format: 'HH:mm' }}
                      format={DATE_TIME_FORMAT}
                      style={{ width: '100%' }}
                      data-testid="reg-arrived-at"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="receivedVia" label={t('documentsIn.fields.receivedVia')}>
                    <Select
                      options={RECEIVED_VIA.map((v) => ({
                        value: v,
                        label: t(`documentsIn.receivedVia.${v}`),
                      }))}
                      data-testid="reg-received-via"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="documentType"
                    label={label(t('documentsIn.fields.documentType'), 'documentType')}
                    required
                  >
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      options={DOCUMENT_TYPES.map((d) => ({
                        value: d.code,
                        label: d.abbreviation ? `${d.name} (${d.abbreviation})` : d.name,
                      }))}
                      placeholder={t('documentsIn.pickType')}
                      data-testid="reg-document-type"
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="senderOrganizationId"
                label={label(t('documentsIn.fields.sender'), 'sender')}
                required
                extra={t('documentsIn.senderHelp')}
                style={{ marginBottom: senderOrganizationId ? undefined : 8 }}
              >
                <OrganizationSelect
                  allowClear
                  placeholder={t('documentsIn.pickSender')}
                  testId="reg-sender-organization"
                />
              </Form.Item>
              {senderOrganizationId ? null : (
                <Form.Item name="senderName" label={t('documentsIn.fields.senderName')}>
                  <Input
                    placeholder={t('documentsIn.senderNamePlaceholder')}
                    onBlur={checkDuplicates}
                    data-testid="reg-sender-name"
                  />
                </Form.Item>
              )}
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item
                    name="numberAndNotation"
                    label={label(t('documentsIn.fields.numberAndNotation'), 'numberAndNotation')}
                  >
                    <Input placeholder="12/QĐ-UBND" onBlur={checkDuplicates} data-testid="reg-number" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name="issueDate" label={label(t('documentsIn.fields.issueDate'), 'issueDate')}>
                    <DatePicker
                      format={DATE_FORMAT}
                      style={{ width: '100%' }}
                      placeholder={t('documentsIn.deadline.pickDate')}
                      data-testid="reg-issue-date"
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item
                    name="issuePlace"
                    label={label(t('documentsIn.fields.issuePlace'), 'issuePlace')}
                  >
                    <Input data-testid="reg-issue-place" />
                  </Form.Item>
                </Col>
              </Row>
              {duplicates.length > 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={t('documentsIn.duplicates.title', { count: duplicates.length })}
                  description={
                    <>
                      <DuplicateCandidates items={duplicates} />
                      <Checkbox
                        checked={confirmDuplicate}
                        onChange={(e) => setConfirmDuplicate(e.target.checked)}
                        data-testid="reg-confirm-duplicate"
                      >
                        {t('documentsIn.duplicates.confirm')}
                      </Checkbox>
                    </>
                  }
                  data-testid="reg-duplicates"
                />
              ) : null}
              <Form.Item name="subject" label={label(t('documentsIn.fields.subject'), 'subject')} required>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="reg-subject" />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="signerName"
                    label={label(t('documentsIn.fields.signerName'), 'signerName')}
                  >
                    <Input data-testid="reg-signer-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="signerTitle"
                    label={label(t('documentsIn.fields.signerTitle'), 'signerTitle')}
                  >
                    <Input data-testid="reg-signer-title" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="urgency" label={t('documentsIn.fields.urgency')}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  data-testid="reg-urgency"
                  className="doc-urgency-group"
                >
                  {URGENCIES.map((u) => (
                    <Radio.Button
                      key={u}
                      value={u}
                      style={
                        urgency === u && u !== 'normal'
                          ? { background: URGENCY_BAR[u], borderColor: URGENCY_BAR[u], color: '#fff' }
                          : u !== 'normal'
                            ? { color: URGENCY_BAR[u] }
                            : undefined
                      }
                    >
                      <span data-testid={`reg-urgency-${u}`}>{t(`documentsIn.urgency.${u}`)}</span>
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
              <Form.Item name="secrecyMark" label={t('documentsIn.fields.secrecy')}>
                <Radio.Group data-testid="reg-secrecy">
                  <Radio value="none">
                    <span data-testid="reg-secrecy-none">{t('documentsIn.secrecy.none')}</span>
                  </Radio>
                  {SECRECY_MARKS.map((s, i) => (
                    <Radio key={s} value={s}>
                      <span data-testid={`reg-secrecy-${i + 1}`}>
                        {t(`documentsIn.secrecy.level${i + 1}`)}
                      </span>
                    </Radio>
                  ))}
                </Radio.Group>
              </Form.Item>
              {isSecret ? (
                <Alert
                  type="error"
                  showIcon
                  title={t('errors.SECRET_DOCUMENT_REFUSED')}
                  description={t('documentsIn.secrecy.refusal')}
                  style={{ marginBottom: 16 }}
                  data-testid="reg-secret-refusal"
                />
              ) : null}
              <Row gutter={16}>
                <Col xs={12} md={6}>
                  <Form.Item name="pageCount" label={label(t('documentsIn.fields.pageCount'), 'pageCount')}>
                    <InputNumber min={1} max={10000} style={{ width: '100%' }} data-testid="reg-page-count" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="copyCount" label={t('documentsIn.fields.copyCount')}>
                    <InputNumber min={1} max={1000} style={{ width: '100%' }} data-testid="reg-copy-count" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="dueDate" label={t('documentsIn.fields.dueDate')}>
                    <DatePicker
                      format={DATE_FORMAT}
                      style={{ width: '100%' }}
                      placeholder={t('documentsIn.deadline.pickDate')}
                      data-testid="reg-due-date"
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="notes" label={t('documentsIn.fields.notes')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="reg-notes" />
              </Form.Item>
              <div className="doc-form-actions">
                {files.length === 0 ? (
                  <Typography.Text type="secondary">{t('documentsIn.files.noneYet')}</Typography.Text>
                ) : null}
                <Button
                  type="primary"
                  htmlType="submit"
                  size="large"
                  loading={register.isPending}
                  disabled={isSecret || upload.isPending}
                  data-testid="reg-submit"
                >
                  {t('documentsIn.registerSubmit')}
                </Button>
              </div>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  )
}

function CaptureSummary({ capture }: { capture: TCaptureResponse }) {
  const { t, i18n } = useTranslation()
  const warnings = capture.fields.warnings
  return (
    <div style={{ marginTop: 12 }} data-testid="reg-capture">
      {capture.isLikelyScanned ? (
        <Alert type="warning" showIcon title={t('documentsIn.capture.scanned')} style={{ marginBottom: 8 }} />
      ) : (
        <Alert
          type="success"
          showIcon
          title={t('documentsIn.capture.done', {
            method: t(`documentsIn.capture.methods.${capture.method}`),
          })}
          style={{ marginBottom: 8 }}
        />
      )}
      {warnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('documentsIn.capture.warningsTitle')}
          description={
            <ul className="doc-warning-list">
              {warnings.map((w, i) => (
                <li key={`${w.code}-${i}`}>
                  {i18n.exists(`capture.warnings.${w.code}`) ? t(`capture.warnings.${w.code}`) : w.message}
                </li>
              ))}
            </ul>
          }
          data-testid="reg-capture-warnings"
        />
      ) : null}
      {capture.fields.recipients.length > 0 || capture.fields.addressees.length > 0 ? (
        <details className="doc-capture-more">
          <summary>{t('documentsIn.capture.recipients')}</summary>
          <ul>
            {[...capture.fields.addressees, ...capture.fields.recipients].map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}
