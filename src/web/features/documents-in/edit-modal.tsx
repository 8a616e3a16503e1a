/** Sửa thông tin: the clerk corrects the register entry before submitting it (ZUpdateIncoming). */
import { useState } from 'react'
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import dayjs, { type Dayjs } from 'dayjs'
import { DOCUMENT_TYPES } from '@common/document-types'
import { URGENCIES, type Urgency } from '@common/domain'
import { ZUpdateIncoming, type TIncomingDocument } from '@common/contracts/documents-in'
import { ApiError, docApi } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { DATE_FORMAT } from '../../lib/format.ts'
import { applyServerError, clearErrorsOnChange, parseForm } from '../../lib/validation.ts'
import { OrganizationSelect } from '../organizations/organization-select.tsx'
import { documentKey, refreshDocuments } from './keys.ts'

type Values = {
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
  pageCount?: number | null
  copyCount?: number | null
  dueDate?: Dayjs | null
  notes?: string
}

const day = (v: string | null) => (v ? dayjs(v) : null)
const iso = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null)

export function EditModal({ doc, onClose }: { doc: TIncomingDocument; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [error, setError] = useState<string | null>(null)
  const senderOrganizationId = Form.useWatch('senderOrganizationId', form)
  const save = useMutation({
    mutationFn: (body: Parameters<typeof docApi.documentsIn.update>[1]) =>
      docApi.documentsIn.update(doc.id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(documentKey(doc.id), updated)
      refreshDocuments(queryClient)
      message.success(t('documentsIn.actions.done'))
      onClose()
    },
    onError: (e) => {
      const onField = e instanceof ApiError && applyServerError(form, e, t)
      setError(onField ? null : errorText(t, e))
    },
  })
  function ok() {
    setError(null)
    const v = form.getFieldsValue()
    const body = parseForm(
      form,
      ZUpdateIncoming,
      {
        senderOrganizationId: v.senderOrganizationId ?? null,
        senderName: v.senderOrganizationId ? null : (v.senderName ?? null),
        numberAndNotation: v.numberAndNotation ?? null,
        issueDate: iso(v.issueDate),
        issuePlace: v.issuePlace ?? null,
        documentType: v.documentType,
        subject: v.subject ?? '',
        signerName: v.signerName ?? null,
        signerTitle: v.signerTitle ?? null,
        urgency: v.urgency,
        pageCount: v.pageCount ?? null,
        copyCount: v.copyCount ?? null,
        dueDate: iso(v.dueDate),
        notes: v.notes ?? null,
      },
      t,
    )
    if (!body) return
    if (!body.senderOrganizationId && !body.senderName) {
      form.setFields([{ name: 'senderName', errors: [t('validation.required')] }])
      return
    }
    save.mutate(body)
  }
  return (
    <Modal
      open
      title={t('documentsIn.actions.update')}
      onCancel={onClose}
      onOk={ok}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ ...{ 'data-testid': 'update-ok' } }}
      destroyOnHidden
      maskClosable={false}
      width={720}
      data-testid="update-modal"
    >
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="update-error" />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{
          senderOrganizationId: doc.senderOrganizationId,
          senderName: doc.senderOrganizationId ? undefined : doc.senderName,
          numberAndNotation: doc.numberAndNotation ?? undefined,
          issueDate: day(doc.issueDate),
          issuePlace: doc.issuePlace ?? undefined,
          documentType: doc.documentType,
          subject: doc.subject,
          signerName: doc.signerName ?? undefined,
          signerTitle: doc.signerTitle ?? undefined,
          urgency: doc.urgency,
          pageCount: doc.pageCount,
          copyCount: doc.copyCount,
          dueDate: day(doc.dueDate),
          notes: doc.notes ?? undefined,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="senderOrganizationId" label={t('documentsIn.fields.sender')}>
              <OrganizationSelect
                allowClear
                initial={
                  doc.senderOrganizationId ? { id: doc.senderOrganizationId, name: doc.senderName } : null
                }
                placeholder={t('documentsIn.pickSender')}
                testId="update-sender-organization"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {senderOrganizationId ? null : (
              <Form.Item name="senderName" label={t('documentsIn.fields.senderName')}>
                <Input data-testid="update-sender-name" />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="numberAndNotation" label={t('documentsIn.fields.numberAndNotation')}>
              <Input data-testid="update-number" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="issueDate" label={t('documentsIn.fields.issueDate')}>
              <DatePicker
                format={DATE_FORMAT}
                style={{ width: '100%' }}
                placeholder={t('documentsIn.deadline.pickDate')}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="issuePlace" label={t('documentsIn.fields.issuePlace')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="documentType" label={t('documentsIn.fields.documentType')} required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={DOCUMENT_TYPES.map((d) => ({ value: d.code, label: d.name }))}
                data-testid="update-document-type"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="urgency" label={t('documentsIn.fields.urgency')}>
              <Select
                options={URGENCIES.map((u) => ({ value: u, label: t(`documentsIn.urgency.${u}`) }))}
                data-testid="update-urgency"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="subject" label={t('documentsIn.fields.subject')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="update-subject" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="signerName" label={t('documentsIn.fields.signerName')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="signerTitle" label={t('documentsIn.fields.signerTitle')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="pageCount" label={t('documentsIn.fields.pageCount')}>
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
              <DatePicker
                format={DATE_FORMAT}
                style={{ width: '100%' }}
                placeholder={t('documentsIn.deadline.pickDate')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('documentsIn.fields.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
