/**
 * The workflow actions on a consultation, each in a modal checked with the contract's schema:
 * submit to a leader, approve, return, extend the deadline, close, cancel. Only the buttons the
 * server's abilities allow show; the server's refusal is shown in the modal.
 */
import { useEffect, useState } from 'react'
import { App, Button, DatePicker, Form, Input, Space, Typography } from 'antd'
import {
  CheckOutlined,
  ClockCircleOutlined,
  EditOutlined,
  LockOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Link, useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Dayjs } from 'dayjs'
import type { z } from 'zod'
import {
  ZApproveInput,
  ZCancelInput,
  ZCloseInput,
  ZExtendInput,
  ZReturnInput,
  ZSubmitForApproval,
  type TConsultation,
} from '@common/contracts/consultations'
import { ActionModal } from '../../components/action-modal.tsx'
import { formErrorText } from '../../lib/errors.ts'
import { DATE_TIME_FORMAT, formatDateTime, vietnamNowForPicker, wallClockToIso } from '../../lib/format.ts'
import { clearErrorsOnChange, parseForm } from '../../lib/validation.ts'
import { consultApi } from './api.ts'
import { consultationKey, refreshConsultations } from './keys.ts'
import { LeaderSelect } from './leader-select.tsx'
import { isoToPicker } from './form-values.ts'
import { consultationEditPath } from './paths.ts'

type Kind = 'submit' | 'approve' | 'return' | 'extend' | 'close' | 'cancel'
type ModalProps = { c: TConsultation; onClose: () => void }

function useConsultMutation<T>(
  c: TConsultation,
  call: (body: T) => Promise<TConsultation>,
  done: () => void,
) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: (updated) => {
      queryClient.setQueryData(consultationKey(c.id), updated)
      refreshConsultations(queryClient)
      message.success(t('consultations.actions.done'))
      done()
    },
  })
}

type Values = { approverId?: string; text?: string; deadline?: Dayjs | null }

/** One modal for all six actions: the fields differ, the rest is the same. */
function ActionForm({ c, onClose, kind }: ModalProps & { kind: Kind }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [error, setError] = useState<string | null>(null)
  const m = useConsultMutation(
    c,
    (body: unknown) => {
      switch (kind) {
        case 'submit':
          return consultApi.submit(c.id, body as never)
        case 'approve':
          return consultApi.approve(c.id, body as never)
        case 'return':
          return consultApi.returnIt(c.id, body as never)
        case 'extend':
          return consultApi.extend(c.id, body as never)
        case 'close':
          return consultApi.close(c.id, body as never)
        case 'cancel':
          return consultApi.cancel(c.id, body as never)
      }
    },
    onClose,
  )
  useEffect(() => {
    if (kind === 'extend') form.setFieldsValue({ deadline: isoToPicker(c.deadline).add(1, 'day') })
  }, [kind, c.deadline, form])

  function ok() {
    setError(null)
    const v = form.getFieldsValue()
    const text = v.text?.trim() ?? ''
    // The schemas name the free text "note" or "reason"; the form's field is "text".
    const reasonIssue = (schema: z.ZodType, input: unknown) => {
      const parsed = schema.safeParse(input)
      if (parsed.success) return parsed.data
      form.setFields([
        { name: 'text', errors: [parsed.error.issues[0]?.message ?? t('validation.required')] },
      ])
      return null
    }
    let body: unknown
    if (kind === 'submit')
      body = parseForm(form, ZSubmitForApproval, { approverId: v.approverId ?? '', note: text || null }, t)
    else if (kind === 'approve') body = reasonIssue(ZApproveInput, { note: text || null })
    else if (kind === 'return') body = reasonIssue(ZReturnInput, { reason: text })
    else if (kind === 'cancel') body = reasonIssue(ZCancelInput, { reason: text })
    else if (kind === 'close') body = reasonIssue(ZCloseInput, { reason: text || null })
    else {
      const deadline = v.deadline ? wallClockToIso(v.deadline) : ''
      body = parseForm(form, ZExtendInput, { deadline, reason: text }, t)
      if (!body && !text) form.setFields([{ name: 'text', errors: [t('validation.required')] }])
      if (body && v.deadline && new Date(deadline) <= new Date(c.deadline)) {
        form.setFields([{ name: 'deadline', errors: [t('consultations.actions.extendLater')] }])
        body = null
      }
    }
    if (body) m.mutate(body, { onError: (e) => setError(formErrorText(form, e, t)) })
  }
  const textRequired = kind === 'return' || kind === 'cancel' || kind === 'extend'
  return (
    <ActionModal
      title={t(`consultations.actions.${kind}`)}
      okText={t(`consultations.actions.${kind}Ok`)}
      testId={`cs-${kind}`}
      onCancel={onClose}
      onOk={ok}
      pending={m.isPending}
      error={error}
      danger={kind === 'cancel'}
      width={560}
    >
      <Typography.Paragraph type="secondary">{t(`consultations.actions.${kind}Help`)}</Typography.Paragraph>
      <Form form={form} layout="vertical" onValuesChange={clearErrorsOnChange(form)}>
        {kind === 'submit' ? (
          <Form.Item name="approverId" label={t('consultations.actions.approver')} required>
            <LeaderSelect testId="cs-submit-approver" />
          </Form.Item>
        ) : null}
        {kind === 'extend' ? (
          <Form.Item
            name="deadline"
            label={t('consultations.actions.newDeadline')}
            extra={t('consultations.actions.currentDeadline', { time: formatDateTime(c.deadline) })}
            required
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={DATE_TIME_FORMAT}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(vietnamNowForPicker(), 'day')}
              data-testid="cs-extend-deadline"
            />
          </Form.Item>
        ) : null}
        <Form.Item name="text" label={t(`consultations.actions.${kind}Text`)} required={textRequired}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid={`cs-${kind}-text`} />
        </Form.Item>
      </Form>
    </ActionModal>
  )
}

const ICONS: Record<Kind, React.ReactNode> = {
  submit: <SendOutlined />,
  approve: <CheckOutlined />,
  return: <RollbackOutlined />,
  extend: <ClockCircleOutlined />,
  close: <LockOutlined />,
  cancel: <StopOutlined />,
}

export function ConsultationActions({ c }: { c: TConsultation }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const [open, setOpen] = useState<Kind | null>(null)
  // "Lưu và trình" on the form lands here with ?action=submit: open the submission at once.
  useEffect(() => {
    if (params.get('action') === 'submit' && c.abilities.submit) {
      setOpen('submit')
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          next.delete('action')
          return next
        },
        { replace: true },
      )
    }
  }, [params, setParams, c.abilities.submit])
  const kinds = (['submit', 'approve', 'return', 'extend', 'close', 'cancel'] as const).filter(
    (k) => c.abilities[k],
  )
  if (kinds.length === 0 && !c.abilities.edit) return null
  return (
    <div className="cs-actions" data-testid="cs-actions">
      <Space wrap>
        {c.abilities.edit ? (
          <Link to={consultationEditPath(c.id)}>
            <Button icon={<EditOutlined />} data-testid="cs-action-edit">
              {t('consultations.actions.edit')}
            </Button>
          </Link>
        ) : null}
        {kinds.map((k) => (
          <Button
            key={k}
            type={k === 'submit' || k === 'approve' ? 'primary' : 'default'}
            danger={k === 'cancel'}
            icon={ICONS[k]}
            onClick={() => setOpen(k)}
            data-testid={`cs-action-${k}`}
          >
            {t(`consultations.actions.${k}`)}
          </Button>
        ))}
      </Space>
      {open ? <ActionForm c={c} kind={open} onClose={() => setOpen(null)} /> : null}
    </div>
  )
}
