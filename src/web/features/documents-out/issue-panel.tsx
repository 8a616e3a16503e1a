/**
 * The clerk's side (Decree 30/2020 Art. 15–16): check the format, choose the outgoing register,
 * see the number the document will get, then "Cấp số và phát hành" with the organization's seal
 * key. After issuing: each recipient's delivery state, with a retry for failed deliveries.
 */
import { useRef, useState } from 'react'
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type InputRef,
} from 'antd'
import { AuditOutlined, NumberOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import dayjs, { type Dayjs } from 'dayjs'
import { ZIssueDocument, type TOutgoingDocument, type TRecipient } from '@common/contracts/documents-out'
import { ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { DATE_FORMAT, formatDateTime } from '../../lib/format.ts'
import { clearErrorsOnChange, parseForm } from '../../lib/validation.ts'
import { documentPath } from '../documents-in/paths.ts'
import { outApi, type TFormatCheck } from './api.ts'
import { OutModal, useOutMutation } from './actions.tsx'
import { useDraftOptions } from './create-page.tsx'
import { DeliveryStateTag } from './labels.tsx'

export function FormatCheckView({ check }: { check: TFormatCheck }) {
  const { t } = useTranslation()
  const errors = check.problems.filter((p) => p.severity === 'error')
  const warnings = check.problems.filter((p) => p.severity === 'warning')
  return (
    <div data-testid="format-check" data-blocking={check.hasBlockingProblems ? 'true' : 'false'}>
      <Alert
        type={check.hasBlockingProblems ? 'error' : warnings.length > 0 ? 'warning' : 'success'}
        showIcon
        title={
          check.hasBlockingProblems
            ? t('documentsOut.format.blocking', { count: errors.length })
            : warnings.length > 0
              ? t('documentsOut.format.warningsOnly', { count: warnings.length })
              : t('documentsOut.format.ok')
        }
        description={
          <span className="doc-muted">
            {t('documentsOut.format.checkedAt', { at: formatDateTime(check.checkedAt) })}
            {check.notation ? ` · ${t('documentsOut.format.notation', { notation: check.notation })}` : ''}
          </span>
        }
      />
      {check.problems.length > 0 ? (
        <List
          size="small"
          style={{ marginTop: 8 }}
          dataSource={[...errors, ...warnings]}
          renderItem={(p) => (
            <List.Item data-testid={`format-problem-${p.severity}`}>
              <Space align="start">
                <Tag color={p.severity === 'error' ? 'error' : 'warning'}>
                  {t(`documentsOut.format.severity.${p.severity}`)}
                </Tag>
                <span>{p.message}</span>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </div>
  )
}

function IssueModal({
  doc,
  registerId,
  onClose,
}: {
  doc: TOutgoingDocument
  registerId: string | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ sealPin?: string; issueDate?: Dayjs | null }>()
  const pinRef = useRef<InputRef>(null)
  const [error, setError] = useState<string | null>(null)
  const m = useOutMutation(
    doc,
    (body: Parameters<typeof outApi.issue>[1]) => outApi.issue(doc.id, body),
    onClose,
  )
  function ok() {
    setError(null)
    const v = form.getFieldsValue()
    const body = parseForm(
      form,
      ZIssueDocument,
      {
        registerId: doc.registerId ? null : registerId,
        sealPin: v.sealPin ?? '',
        issueDate: v.issueDate ? v.issueDate.format('YYYY-MM-DD') : null,
      },
      t,
    )
    if (!body) return
    m.mutate(body, {
      onError: (e) => {
        if (e instanceof ApiError && (e.code === 'WRONG_PIN' || e.code === 'PIN_LOCKED')) {
          form.setFields([{ name: 'sealPin', value: '', errors: [errorText(t, e)] }])
          setTimeout(() => pinRef.current?.focus(), 0)
        } else setError(errorText(t, e))
      },
    })
  }
  return (
    <OutModal
      title={t('documentsOut.issue.title')}
      okText={t('documentsOut.issue.ok')}
      testId="out-issue"
      onCancel={onClose}
      onOk={ok}
      pending={m.isPending}
      error={error}
    >
      <Typography.Paragraph>{t('documentsOut.issue.what')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ issueDate: dayjs() }}
      >
        <Form.Item name="issueDate" label={t('documentsOut.fields.issueDate')}>
          <DatePicker format={DATE_FORMAT} data-testid="out-issue-date" />
        </Form.Item>
        <Form.Item
          name="sealPin"
          label={t('documentsOut.issue.sealPin')}
          extra={t('documentsOut.issue.sealPinHelp')}
        >
          <Input.Password ref={pinRef} autoComplete="off" onPressEnter={ok} data-testid="out-issue-pin" />
        </Form.Item>
      </Form>
    </OutModal>
  )
}

/** Format check, register choice, number preview and the issue button (clerks, before issuing). */
export function IssuePanel({ doc }: { doc: TOutgoingDocument }) {
  const { t } = useTranslation()
  const options = useDraftOptions()
  const registers = options.data?.registers ?? []
  const [registerId, setRegisterId] = useState<string | null>(doc.registerId)
  const [issuing, setIssuing] = useState(false)
  const chosen = registerId ?? (registers.length === 1 ? registers[0]!.id : null)
  const register = registers.find((r) => r.id === chosen)
  const check = useMutation({ mutationFn: () => outApi.formatCheck(doc.id, chosen) })
  const numbering = useOutMutation(
    doc,
    (id: string) => outApi.assignNumber(doc.id, id),
    () => undefined,
  )
  const result = check.data ?? doc.lastFormatCheck
  const canAct = doc.abilities.formatCheck || doc.abilities.assignNumber || doc.abilities.issue
  if (!canAct) return null
  return (
    <Card
      size="small"
      title={t('documentsOut.issue.panelTitle')}
      data-testid="issue-panel"
      style={{ marginBottom: 16 }}
    >
      <Space wrap align="end" style={{ marginBottom: 12 }}>
        <div>
          <div className="doc-muted">{t('documentsOut.fields.register')}</div>
          <Select
            value={chosen ?? undefined}
            disabled={doc.registerId !== null}
            onChange={(v: string) => setRegisterId(v)}
            options={registers.map((r) => ({ value: r.id, label: r.name }))}
            placeholder={t('documentsOut.issue.pickRegister')}
            style={{ width: 260 }}
            data-testid="issue-register"
          />
        </div>
        {doc.abilities.formatCheck ? (
          <Button
            icon={<AuditOutlined />}
            onClick={() => check.mutate()}
            loading={check.isPending}
            data-testid="issue-format-check"
          >
            {t('documentsOut.actions.formatCheck')}
          </Button>
        ) : null}
        {doc.abilities.assignNumber && chosen ? (
          <Button
            icon={<NumberOutlined />}
            onClick={() => numbering.mutate(chosen)}
            loading={numbering.isPending}
            data-testid="issue-assign-number"
          >
            {t('documentsOut.actions.assignNumber')}
          </Button>
        ) : null}
        {doc.abilities.issue ? (
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={!doc.registerId && !chosen}
            onClick={() => setIssuing(true)}
            data-testid="issue-open"
          >
            {t('documentsOut.actions.issue')}
          </Button>
        ) : null}
      </Space>
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 170 } }}
        items={[
          {
            key: 'number',
            label: doc.numberAndNotation
              ? t('documentsOut.fields.numberAndNotation')
              : t('documentsOut.issue.preview'),
            children: (
              <strong data-testid="issue-number-preview">
                {doc.numberAndNotation ??
                  (register
                    ? (result?.notation ??
                      t('documentsOut.issue.nextNumber', { number: register.lastNumberThisYear + 1 }))
                    : '—')}
              </strong>
            ),
          },
        ]}
      />
      {check.isError ? (
        <Alert type="error" showIcon title={errorText(t, check.error)} style={{ marginTop: 8 }} />
      ) : null}
      {numbering.isError ? (
        <Alert type="error" showIcon title={errorText(t, numbering.error)} style={{ marginTop: 8 }} />
      ) : null}
      {result ? (
        <div style={{ marginTop: 12 }}>
          <FormatCheckView check={result} />
        </div>
      ) : null}
      {issuing ? <IssueModal doc={doc} registerId={chosen} onClose={() => setIssuing(false)} /> : null}
    </Card>
  )
}

/** Nơi nhận and, once issued, how each delivery went. */
export function Recipients({ doc }: { doc: TOutgoingDocument }) {
  const { t } = useTranslation()
  const retry = useOutMutation(
    doc,
    (deliveryId: string) => outApi.retryDelivery(doc.id, deliveryId),
    () => undefined,
  )
  if (doc.recipients.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('documentsOut.recipients.none')} />
  const issued = doc.state === 'issued' || doc.state === 'recalled' || doc.state === 'replaced'
  return (
    <Table<TRecipient>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={doc.recipients}
      data-testid="out-recipients"
      scroll={{ x: 'max-content' }}
      onRow={(r) =>
        ({
          'data-testid': `out-recipient-${r.kind}`,
          'data-state': r.deliveryState ?? '',
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: t('documentsOut.recipients.name'),
          key: 'name',
          render: (_, r) => (
            <div>
              <div>{r.name}</div>
              <div className="doc-muted">
                {t(`documentsOut.recipients.kinds.${r.kind}`)} · {t(`documentsOut.channels.${r.channel}`)}
              </div>
            </div>
          ),
        },
        ...(issued
          ? [
              {
                title: t('documentsOut.delivery.state'),
                key: 'state',
                render: (_: unknown, r: TRecipient) => (
                  <div>
                    <DeliveryStateTag state={r.deliveryState} />
                    {r.sentAt ? <div className="doc-muted">{formatDateTime(r.sentAt)}</div> : null}
                    {r.deliveryError ? (
                      <div className="doc-overdue" style={{ fontSize: 12 }}>
                        {r.deliveryError}
                      </div>
                    ) : null}
                  </div>
                ),
              },
              {
                title: '',
                key: 'more',
                render: (_: unknown, r: TRecipient) => (
                  <Space size={4}>
                    {r.incomingDocumentId ? (
                      <Link to={documentPath(r.incomingDocumentId)}>
                        {t('documentsOut.delivery.openIncoming')}
                      </Link>
                    ) : null}
                    {doc.abilities.retryDelivery && r.deliveryState === 'failed' ? (
                      <Button
                        size="small"
                        icon={<ReloadOutlined />}
                        loading={retry.isPending}
                        onClick={() => retry.mutate(r.id)}
                      >
                        {t('documentsOut.delivery.retry')}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  )
}
