/**
 * "Xác nhận": one scan of the batch beside the incoming register form (the fields of the
 * registration page, validated by the same contract), pre-filled from what smart capture read.
 * Registering it gives the arrival number; the batch page then opens the next scan to confirm.
 */
import { useEffect, useMemo, useState } from 'react'
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { ThunderboltOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Dayjs } from 'dayjs'
import { DOCUMENT_TYPES } from '@common/document-types'
import { RECEIVED_VIA, SECRECY_MARKS, URGENCIES, type Urgency } from '@common/domain'
import type { TScanBatch, TScanItem, TScanItemRegistered } from '@common/contracts/digitisation'
import { ZRegisterIncoming } from '@common/contracts/documents-in'
import { api, ApiError, docApi, fileContentUrl, type TDuplicateCandidate } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { DATE_FORMAT, DATE_TIME_FORMAT, vietnamNowForPicker, wallClockToIso } from '../../lib/format.ts'
import { useIsMobile } from '../../lib/use-media.ts'
import { applyServerError, clearErrorsOnChange, parseForm } from '../../lib/validation.ts'
import {
  captureValues,
  confidenceOf,
  sameName,
  type CapturedFormField,
} from '../documents-in/capture-fill.ts'
import { OrganizationSelect } from '../organizations/organization-select.tsx'
import { useIncomingRegisters } from '../registers/use-registers.ts'
import { digitisationApi } from './api.ts'
import { MethodTag, ProblemTags } from './labels.tsx'

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

type Marks = Partial<Record<CapturedFormField, number | null>>

const isoDate = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null)

function CapturedTag({ confidence }: { confidence: number | null | undefined }) {
  const { t } = useTranslation()
  if (confidence === undefined) return null
  const pct = confidence === null ? null : Math.round(confidence * 100)
  return (
    <Tooltip title={t('documentsIn.capture.autoHint')}>
      <Tag
        color={pct !== null && pct < 70 ? 'warning' : 'cyan'}
        icon={<ThunderboltOutlined />}
        className="doc-captured-tag"
        data-testid="dig-captured-tag"
      >
        {t('documentsIn.capture.auto')}
        {pct === null ? '' : ` ${pct}%`}
      </Tag>
    </Tooltip>
  )
}

/** The pre-fill of an item: form values and which fields came from the scan, with their confidence. */
function prefill(item: TScanItem): { values: Partial<Values>; marks: Marks; sender: string | null } {
  if (!item.fields) return { values: {}, marks: {}, sender: null }
  const source = { fields: item.fields, pages: item.scan?.pageCount ?? null }
  const v = captureValues(source)
  const values: Partial<Values> = {
    numberAndNotation: v.numberAndNotation,
    issueDate: v.issueDate ?? null,
    issuePlace: v.issuePlace,
    documentType: v.documentType,
    subject: v.subject,
    signerName: v.signerName,
    signerTitle: v.signerTitle,
    pageCount: v.pageCount ?? null,
  }
  const marks: Marks = {}
  for (const [field, value] of Object.entries(values) as [CapturedFormField, unknown][])
    if (value !== undefined && value !== null) marks[field] = confidenceOf(source, field)
  if (v.sender) marks.sender = confidenceOf(source, 'sender')
  return { values, marks, sender: v.sender ?? null }
}

function Preview({ item }: { item: TScanItem }) {
  const { t } = useTranslation()
  const url = fileContentUrl(item.fileId, true)
  if (item.mediaType === 'application/pdf')
    return <iframe className="dig-preview" src={url} title={item.filename} data-testid="dig-preview" />
  if (item.mediaType === 'image/jpeg' || item.mediaType === 'image/png')
    return <img className="dig-preview is-image" src={url} alt={item.filename} data-testid="dig-preview" />
  return (
    <a href={url} target="_blank" rel="noopener">
      {t('digitisation.item.view')}
    </a>
  )
}

export function ConfirmDrawer({
  batch,
  item,
  onClose,
  onRegistered,
}: {
  batch: TScanBatch
  item: TScanItem
  onClose: () => void
  onRegistered: (result: TScanItemRegistered) => void
}) {
  const { t, i18n } = useTranslation()
  const isMobile = useIsMobile()
  const [form] = Form.useForm<Values>()
  const registers = useIncomingRegisters()
  const usable = useMemo(
    () => (registers.data?.items ?? []).filter((r) => r.isActive && r.abilities.register),
    [registers.data],
  )
  const filled = useMemo(() => prefill(item), [item])
  const [marks, setMarks] = useState<Marks>(filled.marks)
  const [duplicates, setDuplicates] = useState<TDuplicateCandidate[]>([])
  const [confirmDuplicate, setConfirmDuplicate] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  // One request id per scan: a double submission registers it once.
  const requestId = useMemo(() => `${item.id}-${crypto.randomUUID()}`, [item.id])
  const senderOrganizationId = Form.useWatch('senderOrganizationId', form)
  const secrecyMark = Form.useWatch('secrecyMark', form)
  const isSecret = Boolean(secrecyMark && secrecyMark !== 'none')

  useEffect(() => {
    const registerId = batch.registerId ?? usable[0]?.id
    if (registerId && !form.getFieldValue('registerId')) form.setFieldValue('registerId', registerId)
  }, [usable, batch.registerId, form])

  // The issuer read from the scan: the directory's organization when one has that name, else typed.
  useEffect(() => {
    const sender = filled.sender
    if (!sender) return
    let isCurrent = true
    api.organizations
      .list({ q: sender, isActive: true, pageSize: 10 })
      .then((page) =>
        page.items.find(
          (o) => sameName(o.name, sender) || (o.shortName !== null && sameName(o.shortName, sender)),
        ),
      )
      .catch(() => undefined)
      .then((found) => {
        if (!isCurrent || form.getFieldValue('senderOrganizationId')) return
        if (found) form.setFieldsValue({ senderOrganizationId: found.id, senderName: '' })
        else form.setFieldsValue({ senderOrganizationId: null, senderName: sender })
      })
      .catch(() => undefined)
    return () => {
      isCurrent = false
    }
  }, [filled.sender, form])

  const register = useMutation({
    mutationFn: (body: Parameters<typeof digitisationApi.items.register>[1]) =>
      digitisationApi.items.register(item.id, body),
    onSuccess: onRegistered,
    onError: async (e, body) => {
      if (e instanceof ApiError && e.code === 'DUPLICATE_DOCUMENT') {
        const check = await docApi.documentsIn
          .duplicates({
            senderOrganizationId: body.senderOrganizationId ?? null,
            senderName: body.senderName ?? null,
            numberAndNotation: body.numberAndNotation ?? null,
            issueDate: body.issueDate ?? null,
          })
          .catch(() => ({ items: [] }))
        setDuplicates(check.items)
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
    if (isSecret) return
    if (duplicates.length > 0 && !confirmDuplicate) {
      setFormError(t('documentsIn.duplicates.confirmFirst'))
      return
    }
    const v = form.getFieldsValue()
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
      fileIds: [item.fileId],
      mainFileId: item.fileId,
      confirmDuplicate,
      clientRequestId: requestId,
    }
    const parsed = parseForm(form, ZRegisterIncoming, body, t)
    if (parsed) register.mutate(parsed)
  }

  function onValuesChange(changed: Partial<Values>) {
    clearErrorsOnChange(form)(changed)
    // A field the clerk edits is no longer "as read from the scan".
    const keys = Object.keys(changed).map((k) =>
      k === 'senderOrganizationId' || k === 'senderName' ? 'sender' : k,
    )
    if (keys.some((k) => k in marks))
      setMarks((current) => Object.fromEntries(Object.entries(current).filter(([k]) => !keys.includes(k))))
    if ('numberAndNotation' in changed || 'senderOrganizationId' in changed || 'senderName' in changed) {
      setDuplicates([])
      setConfirmDuplicate(false)
    }
  }

  const label = (text: string, field?: CapturedFormField) => (
    <span className="doc-label">
      {text}
      {field ? <CapturedTag confidence={marks[field]} /> : null}
    </span>
  )
  const warnings = item.fields?.warnings ?? []

  return (
    <Drawer
      open
      title={t('digitisation.confirm.title', { name: item.filename })}
      onClose={onClose}
      size={isMobile ? '100%' : 1180}
      destroyOnHidden
      data-testid="dig-confirm"
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }} wrap>
          <Button onClick={onClose} data-testid="dig-confirm-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={register.isPending}
            disabled={isSecret}
            onClick={submit}
            data-testid="dig-confirm-submit"
          >
            {t('digitisation.confirm.submit')}
          </Button>
        </Space>
      }
    >
      <Row gutter={[20, 12]}>
        <Col xs={24} lg={10}>
          <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
            <MethodTag item={item} />
            <ProblemTags item={item} />
          </Space>
          {isMobile ? (
            <div style={{ marginBottom: 8 }}>
              <a href={fileContentUrl(item.fileId, true)} target="_blank" rel="noopener">
                {t('digitisation.item.view')}
              </a>
            </div>
          ) : (
            <Preview item={item} />
          )}
        </Col>
        <Col xs={24} lg={14}>
          {item.method === 'ocr_unavailable' ? (
            <Alert
              type="warning"
              showIcon
              title={t('digitisation.ocrUnavailable')}
              style={{ marginBottom: 12 }}
            />
          ) : item.fields ? (
            <Alert
              type="info"
              showIcon
              title={t('digitisation.confirm.prefilled')}
              style={{ marginBottom: 12 }}
            />
          ) : (
            <Alert
              type="warning"
              showIcon
              title={item.error ?? t('digitisation.confirm.notRead')}
              style={{ marginBottom: 12 }}
            />
          )}
          {warnings.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('documentsIn.capture.warningsTitle')}
              description={
                <ul className="doc-warning-list">
                  {warnings.map((w, i) => (
                    <li key={`${w.code}-${i}`}>
                      {i18n.exists(`capture.warnings.${w.code}`)
                        ? t(`capture.warnings.${w.code}`)
                        : w.message}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {formError ? (
            <Alert
              type="error"
              showIcon
              title={formError}
              style={{ marginBottom: 12 }}
              data-testid="dig-confirm-error"
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
              ...filled.values,
            }}
            onFinish={submit}
          >
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="registerId" label={t('documentsIn.fields.register')} required>
                  <Select
                    loading={registers.isPending}
                    options={usable.map((r) => ({
                      value: r.id,
                      label: `${r.name} (${t('documentsIn.lastNumber', { number: r.lastNumberThisYear })})`,
                    }))}
                    notFoundContent={t('documentsIn.noRegister')}
                    data-testid="dig-f-register"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="arrivedAt" label={t('documentsIn.fields.arrivedAt')} required>
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format={DATE_TIME_FORMAT}
                    style={{ width: '100%' }}
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
                    data-testid="dig-f-type"
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
                testId="dig-f-sender"
              />
            </Form.Item>
            {senderOrganizationId ? null : (
              <Form.Item name="senderName" label={t('documentsIn.fields.senderName')}>
                <Input placeholder={t('documentsIn.senderNamePlaceholder')} data-testid="dig-f-sender-name" />
              </Form.Item>
            )}
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item
                  name="numberAndNotation"
                  label={label(t('documentsIn.fields.numberAndNotation'), 'numberAndNotation')}
                >
                  <Input placeholder="12/QĐ-UBND" data-testid="dig-f-number" />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item name="issueDate" label={label(t('documentsIn.fields.issueDate'), 'issueDate')}>
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="dig-f-issue-date" />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item name="issuePlace" label={label(t('documentsIn.fields.issuePlace'), 'issuePlace')}>
                  <Input />
                </Form.Item>
              </Col>
            </Row>
            {duplicates.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('documentsIn.duplicates.title', { count: duplicates.length })}
                description={
                  <>
                    <List
                      size="small"
                      dataSource={duplicates}
                      renderItem={(c) => (
                        <List.Item>
                          {[c.numberAndNotation, c.senderName, c.subject].filter(Boolean).join(' · ')}
                        </List.Item>
                      )}
                    />
                    <Checkbox
                      checked={confirmDuplicate}
                      onChange={(e) => setConfirmDuplicate(e.target.checked)}
                      data-testid="dig-confirm-duplicate"
                    >
                      {t('documentsIn.duplicates.confirm')}
                    </Checkbox>
                  </>
                }
              />
            ) : null}
            <Form.Item name="subject" label={label(t('documentsIn.fields.subject'), 'subject')} required>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="dig-f-subject" />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="signerName" label={label(t('documentsIn.fields.signerName'), 'signerName')}>
                  <Input data-testid="dig-f-signer" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="signerTitle"
                  label={label(t('documentsIn.fields.signerTitle'), 'signerTitle')}
                >
                  <Input />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="urgency" label={t('documentsIn.fields.urgency')}>
              <Radio.Group
                optionType="button"
                options={URGENCIES.map((u) => ({ value: u, label: t(`documentsIn.urgency.${u}`) }))}
              />
            </Form.Item>
            <Form.Item name="secrecyMark" label={t('documentsIn.fields.secrecy')}>
              <Radio.Group>
                <Radio value="none">{t('documentsIn.secrecy.none')}</Radio>
                {SECRECY_MARKS.map((s, i) => (
                  <Radio key={s} value={s}>
                    {t(`documentsIn.secrecy.level${i + 1}`)}
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
                style={{ marginBottom: 12 }}
              />
            ) : null}
            <Row gutter={12}>
              <Col xs={12} md={6}>
                <Form.Item name="pageCount" label={label(t('documentsIn.fields.pageCount'), 'pageCount')}>
                  <InputNumber min={1} max={10000} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="copyCount" label={t('documentsIn.fields.copyCount')}>
                  <InputNumber min={1} max={1000} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="dueDate" label={t('documentsIn.fields.dueDate')}>
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="notes" label={t('documentsIn.fields.notes')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
            {item.textExcerpt ? (
              <details className="doc-capture-more">
                <summary>{t('digitisation.confirm.textRead')}</summary>
                <Typography.Paragraph className="dig-excerpt">{item.textExcerpt}</Typography.Paragraph>
              </details>
            ) : null}
          </Form>
        </Col>
      </Row>
    </Drawer>
  )
}
