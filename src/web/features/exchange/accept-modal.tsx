/**
 * "Tiếp nhận": the incoming register form pre-filled from the package (register, type, subject,
 * urgency, due date, notes), a duplicate confirmation when the server finds the document already
 * registered (a paper copy), then the new incoming document.
 */
import { useMemo, useState } from 'react'
import { Alert, Checkbox, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd'
import { useNavigate } from 'react-router'
import { useTranslation } from 'react-i18next'
import dayjs, { type Dayjs } from 'dayjs'
import { ZAcceptReceived, type TAcceptReceived } from '@common/contracts/exchange'
import { DOCUMENT_TYPES } from '@common/document-types'
import { URGENCIES, type Urgency } from '@common/domain'
import { ActionModal } from '../../components/action-modal.tsx'
import { errorText, formErrorText, isApiError } from '../../lib/errors.ts'
import { DATE_FORMAT } from '../../lib/format.ts'
import { clearErrorsOnChange, parseForm } from '../../lib/validation.ts'
import { documentPath } from '../documents-in/paths.ts'
import { useIncomingRegisters } from '../registers/use-registers.ts'
import { exchangeApi } from './api.ts'
import { acceptDefaults } from './model.ts'
import { useDecide, useStatusText, type ModalProps } from './use-decide.ts'

type AcceptValues = {
  registerId?: string
  documentType?: string
  subject?: string
  urgency?: Urgency
  dueDate?: Dayjs | null
  notes?: string
}

export function AcceptModal({ pkg, decision, onClose }: ModalProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const statusText = useStatusText()
  const [form] = Form.useForm<AcceptValues>()
  const [error, setError] = useState<string | null>(null)
  // A paper copy registered earlier looks like a duplicate: the server refuses until the clerk confirms.
  const [duplicate, setDuplicate] = useState<{ confirmed: boolean } | null>(null)
  const registers = useIncomingRegisters()
  const usable = useMemo(
    () => (registers.data?.items ?? []).filter((r) => r.isActive && r.abilities.register),
    [registers.data],
  )
  const defaults = useMemo(() => acceptDefaults(pkg, usable), [pkg, usable])
  const m = useDecide(pkg, (body: TAcceptReceived) => exchangeApi.received.accept(pkg.id, body))
  function ok() {
    setError(null)
    const v = form.getFieldsValue()
    const body = parseForm(
      form,
      ZAcceptReceived,
      {
        registerId: v.registerId,
        documentType: v.documentType,
        subject: v.subject,
        urgency: v.urgency,
        dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
        notes: v.notes,
        confirmDuplicate: duplicate?.confirmed === true,
      },
      t,
    )
    if (!body) return
    if (duplicate && !duplicate.confirmed) {
      setError(t('exchange.decide.duplicateConfirmFirst'))
      return
    }
    if (!body.registerId) {
      form.setFields([{ name: 'registerId', errors: [t('validation.required')] }])
      return
    }
    m.mutate(body, {
      onSuccess: (updated) => {
        onClose()
        if (updated.incomingDocumentId) void navigate(documentPath(updated.incomingDocumentId))
      },
      onError: (e) => {
        if (isApiError(e, 'DUPLICATE_DOCUMENT')) setDuplicate({ confirmed: false })
        setError(formErrorText(form, e, t))
      },
    })
  }
  return (
    <ActionModal
      title={t('exchange.decide.acceptTitle')}
      okText={t(decision.acceptKey)}
      testId="exchange-accept"
      onCancel={onClose}
      onOk={ok}
      pending={m.isPending}
      error={error}
      width={680}
    >
      <Typography.Paragraph>
        {t('exchange.decide.acceptIntro', {
          status: statusText(decision.acceptStatus),
          sender: pkg.from.organName,
        })}
      </Typography.Paragraph>
      {pkg.kind === 'replacement' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('exchange.decide.replaces', {
            target: pkg.business.targetDocumentIdentifier ?? t('exchange.unknownTarget'),
          })}
        />
      ) : null}
      {duplicate ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('exchange.decide.duplicate')}
          description={
            <Checkbox
              checked={duplicate.confirmed}
              onChange={(e) => {
                setDuplicate({ confirmed: e.target.checked })
                setError(null)
              }}
              data-testid="exchange-accept-confirm-duplicate"
            >
              {t('exchange.decide.duplicateConfirm')}
            </Checkbox>
          }
          data-testid="exchange-accept-duplicate"
        />
      ) : null}
      {registers.isSuccess && usable.length === 0 ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('documentsIn.noRegister')} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ ...defaults, dueDate: defaults.dueDate ? dayjs(defaults.dueDate) : null }}
        key={defaults.registerId ?? 'none'}
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
                data-testid="exchange-accept-register"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="documentType"
              label={t('documentsIn.fields.documentType')}
              extra={
                pkg.documentTypeName && !defaults.documentType
                  ? t('exchange.decide.typeFromPackage', { name: pkg.documentTypeName })
                  : undefined
              }
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                allowClear
                options={DOCUMENT_TYPES.map((d) => ({
                  value: d.code,
                  label: d.abbreviation ? `${d.name} (${d.abbreviation})` : d.name,
                }))}
                placeholder={t('documentsIn.pickType')}
                data-testid="exchange-accept-type"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="subject" label={t('documentsIn.fields.subject')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="exchange-accept-subject" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="urgency" label={t('documentsIn.fields.urgency')}>
              <Select
                options={URGENCIES.map((u) => ({ value: u, label: t(`documentsIn.urgency.${u}`) }))}
                data-testid="exchange-accept-urgency"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="dueDate" label={t('documentsIn.fields.dueDate')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="exchange-accept-due" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('documentsIn.fields.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="exchange-accept-notes" />
        </Form.Item>
      </Form>
    </ActionModal>
  )
}
