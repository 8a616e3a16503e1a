/**
 * The workflow actions on an outgoing document, each in a modal checked with the contract schema:
 * submit, approve (with the submission slip's proposal), return, reject (a secretary may record the
 * leader's decision), sign with a PIN, cancel the number, recall and replace. Only the buttons the
 * server's abilities allow show. Numbering and issuing live in the issue panel.
 */
import { ActionModal } from '../../components/action-modal.tsx'
import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react'
import { App, Button, Form, Input, Select, Typography, type InputRef } from 'antd'
import {
  CheckOutlined,
  CloseCircleOutlined,
  EditOutlined,
  RollbackOutlined,
  SendOutlined,
  SignatureOutlined,
  StopOutlined,
  SwapOutlined,
} from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import {
  ZApproveDraft,
  ZCancelNumber,
  ZRecallDocument,
  ZRejectDraft,
  ZReplaceDocument,
  ZReturnDraft,
  ZSignDraft,
  ZSubmitDraft,
  ZUpdateDraft,
  type TOutgoingDocument,
} from '@common/contracts/documents-out'
import { URGENCIES } from '@common/domain'
import { ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { useRequiredSession } from '../../lib/session.ts'
import { useModalAction } from '../../lib/use-modal-action.ts'
import { clearErrorsOnChange, parseForm } from '../../lib/validation.ts'
import { outApi } from './api.ts'
import { useDraftOptions } from './create-page.tsx'
import { outgoingKey, refreshOutgoing } from './keys.ts'
import { outgoingPath } from './paths.ts'
import { RecipientsInput, recipientsBody, type RecipientValue } from './recipients-input.tsx'

export type OutActionKind =
  'update' | 'submit' | 'approve' | 'return' | 'reject' | 'sign' | 'cancelNumber' | 'recall' | 'replace'

type ModalProps = { doc: TOutgoingDocument; onClose: () => void }

/** One mutation per action: keep the answer as the document, refresh lists and counts. */
export function useOutMutation<T>(
  doc: TOutgoingDocument,
  call: (body: T) => Promise<TOutgoingDocument>,
  done: () => void,
) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: (updated) => {
      if (updated.id === doc.id) queryClient.setQueryData(outgoingKey(doc.id), updated)
      refreshOutgoing(queryClient)
      message.success(t('documentsOut.actions.done'))
      done()
    },
  })
}

/** The action modal at this page's width. */
export function OutModal(props: Omit<ComponentProps<typeof ActionModal>, 'open' | 'width'>) {
  return <ActionModal {...props} width={600} />
}

/** Whom the user may decide for on the current step: themselves, or the principal they act for. */
function useOnBehalf(doc: TOutgoingDocument): {
  options: { value: string; label: string }[]
  initial: string
} {
  const { t } = useTranslation()
  const session = useRequiredSession()
  const step = doc.steps.find((s) => s.state === 'pending')
  if (!step || step.assigneeUserId === session.user.id) return { options: [], initial: '' }
  const principal = session.actingFor.find(
    (p) =>
      p.principalId === step.assigneeUserId &&
      (p.scopes.includes('all') || p.scopes.includes('documentOut.approve')),
  )
  if (!principal) return { options: [], initial: '' }
  return {
    options: [
      {
        value: principal.principalId,
        label: t('documentsOut.onBehalfOfName', { name: principal.principalName }),
      },
    ],
    initial: principal.principalId,
  }
}

function SubmitModal({ doc, onClose }: ModalProps) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ note?: string; proposal?: string }>()
  const m = useOutMutation(doc, (body: z.output<typeof ZSubmitDraft>) => outApi.submit(doc.id, body), onClose)
  const { error, run } = useModalAction(form, m)
  function ok() {
    const v = form.getFieldsValue()
    run(
      parseForm(
        form,
        ZSubmitDraft,
        { note: v.note?.trim() || null, proposal: v.proposal?.trim() || null },
        t,
      ),
    )
  }
  const next = doc.steps.find((s) => s.state === 'waiting' || s.state === 'pending')
  return (
    <OutModal
      title={t('documentsOut.actions.submit')}
      okText={t('documentsOut.submit.ok')}
      testId="out-submit"
      onCancel={onClose}
      onOk={ok}
      pending={m.isPending}
      error={error}
    >
      {next ? (
        <Typography.Paragraph type="secondary">
          {t('documentsOut.submit.next', { name: next.assigneeName })}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">{t('documentsOut.submit.chainHint')}</Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name="note" label={t('documentsOut.submit.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="out-submit-note" />
        </Form.Item>
        <Form.Item
          name="proposal"
          label={t('documentsOut.slip.proposal')}
          extra={t('documentsOut.slip.proposalHelp')}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="out-submit-proposal" />
        </Form.Item>
      </Form>
    </OutModal>
  )
}

function DecisionModal({ doc, onClose, kind }: ModalProps & { kind: 'approve' | 'return' | 'reject' }) {
  const { t } = useTranslation()
  const onBehalf = useOnBehalf(doc)
  const [form] = Form.useForm<{ text?: string; proposal?: string; onBehalfOf?: string }>()
  const m = useOutMutation(
    doc,
    (body: { kind: typeof kind; payload: never }) =>
      body.kind === 'approve'
        ? outApi.approve(doc.id, body.payload)
        : body.kind === 'return'
          ? outApi.returnIt(doc.id, body.payload)
          : outApi.reject(doc.id, body.payload),
    onClose,
  )
  const { error, run } = useModalAction(form, m)
  const step = doc.steps.find((s) => s.state === 'pending')
  const nextStep = step
    ? doc.steps.find((s) => s.position > step.position && s.state === 'waiting')
    : undefined
  const toSigner = nextStep?.kind === 'signer'
  function ok() {
    const v = form.getFieldsValue()
    const onBehalfOf = v.onBehalfOf || null
    const text = v.text?.trim() ?? ''
    let payload: unknown = null
    if (kind === 'approve')
      payload = parseForm(
        form,
        ZApproveDraft,
        { comment: text || null, proposal: v.proposal?.trim() || null, onBehalfOf },
        t,
      )
    // The schema names the field "reason"; the form's field is "text": map the issues by hand.
    else {
      const schema = kind === 'return' ? ZReturnDraft : ZRejectDraft
      const parsed = schema.safeParse({ reason: text, onBehalfOf })
      if (parsed.success) payload = parsed.data
      else
        form.setFields([
          { name: 'text', errors: [parsed.error.issues[0]?.message ?? t('validation.required')] },
        ])
    }
    run(payload ? { kind, payload: payload as never } : null)
  }
  const testId = `out-${kind}`
  return (
    <OutModal
      title={t(`documentsOut.actions.${kind}`)}
      okText={t(`documentsOut.decision.${kind}Ok`)}
      testId={testId}
      onCancel={onClose}
      onOk={ok}
      pending={m.isPending}
      error={error}
      danger={kind !== 'approve'}
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ onBehalfOf: onBehalf.initial }}
      >
        {onBehalf.options.length > 0 ? (
          <Form.Item
            name="onBehalfOf"
            label={t('documentsOut.decision.onBehalfOf')}
            extra={t('documentsOut.decision.onBehalfOfHelp')}
          >
            <Select options={onBehalf.options} data-testid={`${testId}-on-behalf`} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="text"
          label={kind === 'approve' ? t('documentsOut.decision.comment') : t('documentsOut.decision.reason')}
          required={kind !== 'approve'}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid={`${testId}-text`} />
        </Form.Item>
        {kind === 'approve' && toSigner ? (
          <Form.Item
            name="proposal"
            label={t('documentsOut.slip.proposal')}
            extra={t('documentsOut.slip.toSigner', { name: nextStep.assigneeName })}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="out-approve-proposal" />
          </Form.Item>
        ) : null}
      </Form>
    </OutModal>
  )
}

/** Ký số: the PIN unlocks the signer's key on the server; a wrong PIN keeps the modal open and the field focused. */
function SignModal({ doc, onClose }: ModalProps) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ pin?: string }>()
  const pinRef = useRef<InputRef>(null)
  const [error, setError] = useState<string | null>(null)
  const m = useOutMutation(doc, (body: z.output<typeof ZSignDraft>) => outApi.sign(doc.id, body), onClose)
  useEffect(() => {
    const timer = setTimeout(() => pinRef.current?.focus(), 100)
    return () => clearTimeout(timer)
  }, [])
  function ok() {
    setError(null)
    const body = parseForm(
      form,
      ZSignDraft,
      { pin: (form.getFieldValue('pin') as string | undefined) ?? '' },
      t,
    )
    if (!body) {
      pinRef.current?.focus()
      return
    }
    m.mutate(body, {
      onError: (e) => {
        const wrongPin = e instanceof ApiError && (e.code === 'WRONG_PIN' || e.code === 'PIN_LOCKED')
        if (wrongPin) {
          form.setFields([{ name: 'pin', value: '', errors: [errorText(t, e)] }])
          setTimeout(() => pinRef.current?.focus(), 0)
        } else setError(errorText(t, e))
      },
    })
  }
  const version = doc.versions.at(-1)
  return (
    <OutModal
      title={t('documentsOut.sign.title')}
      okText={t('documentsOut.sign.ok')}
      testId="out-sign"
      onCancel={onClose}
      onOk={ok}
      pending={m.isPending}
      error={error}
    >
      <Typography.Paragraph>
        {t('documentsOut.sign.what', { subject: doc.subject, version: version?.version ?? '—' })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={ok} onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name="pin" label={t('documentsOut.sign.pin')} extra={t('documentsOut.sign.pinHelp')}>
          <Input.Password ref={pinRef} autoComplete="off" onPressEnter={ok} data-testid="out-sign-pin" />
        </Form.Item>
      </Form>
    </OutModal>
  )
}

/** A reason and nothing else: cancel the number, recall, replace. */
function ReasonModal({ doc, onClose, kind }: ModalProps & { kind: 'cancelNumber' | 'recall' | 'replace' }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [form] = Form.useForm<{ reason?: string }>()
  const schema =
    kind === 'cancelNumber' ? ZCancelNumber : kind === 'recall' ? ZRecallDocument : ZReplaceDocument
  const m = useOutMutation(
    doc,
    (reason: string) =>
      kind === 'cancelNumber'
        ? outApi.cancelNumber(doc.id, reason)
        : kind === 'recall'
          ? outApi.recall(doc.id, { reason })
          : outApi.replace(doc.id, { reason }),
    () => onClose(),
  )
  const { error, run } = useModalAction(form, m)
  function ok() {
    const body = parseForm(
      form,
      schema,
      { reason: (form.getFieldValue('reason') as string | undefined) ?? '' },
      t,
    )
    run(body ? body.reason : null, {
      onSuccess: (answer) => {
        if (kind === 'replace' && answer.id !== doc.id) void navigate(outgoingPath(answer.id))
      },
    })
  }
  const testId = kind === 'cancelNumber' ? 'out-cancel-number' : `out-${kind}`
  return (
    <OutModal
      title={t(`documentsOut.actions.${kind}`)}
      okText={t(`documentsOut.reason.${kind}Ok`)}
      testId={testId}
      onCancel={onClose}
      onOk={ok}
      pending={m.isPending}
      error={error}
      danger
    >
      <Typography.Paragraph type="secondary">{t(`documentsOut.reason.${kind}Help`)}</Typography.Paragraph>
      <Form form={form} layout="vertical" onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name="reason" label={t('documentsOut.decision.reason')} required>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid={`${testId}-text`} />
        </Form.Item>
      </Form>
    </OutModal>
  )
}

function EditModal({ doc, onClose }: ModalProps) {
  const { t } = useTranslation()
  const options = useDraftOptions()
  const [form] = Form.useForm<{
    subject?: string
    urgency?: string
    signerId?: string
    signerTitle?: string
    recipients?: RecipientValue[]
    notes?: string
  }>()
  const m = useOutMutation(doc, (body: z.output<typeof ZUpdateDraft>) => outApi.update(doc.id, body), onClose)
  const { error, run } = useModalAction(form, m)
  function ok() {
    const v = form.getFieldsValue()
    const body = parseForm(
      form,
      ZUpdateDraft,
      {
        subject: v.subject ?? '',
        urgency: v.urgency,
        signerId: v.signerId,
        signerTitle: v.signerTitle?.trim() || null,
        recipients: recipientsBody(v.recipients ?? []),
        notes: v.notes?.trim() || null,
      },
      t,
    )
    run(body)
  }
  return (
    <OutModal
      title={t('documentsOut.actions.update')}
      okText={t('common.save')}
      testId="out-update"
      onCancel={onClose}
      onOk={ok}
      pending={m.isPending}
      error={error}
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{
          subject: doc.subject,
          urgency: doc.urgency,
          signerId: doc.signerId,
          signerTitle: doc.signerTitle ?? '',
          notes: doc.notes ?? '',
          recipients: doc.recipients.map((r) => ({
            kind: r.kind,
            unitId: r.unitId,
            userId: r.userId,
            organizationId: r.organizationId,
            email: r.email,
            name: r.name,
          })),
        }}
      >
        <Form.Item name="subject" label={t('documentsOut.fields.subject')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="out-update-subject" />
        </Form.Item>
        <Form.Item name="urgency" label={t('documentsOut.fields.urgency')}>
          <Select options={URGENCIES.map((u) => ({ value: u, label: t(`documentsIn.urgency.${u}`) }))} />
        </Form.Item>
        <Form.Item name="signerId" label={t('documentsOut.fields.signer')}>
          <Select
            options={(
              options.data?.signers ?? [{ id: doc.signerId, fullName: doc.signerName, position: null }]
            ).map((s) => ({ value: s.id, label: s.fullName }))}
          />
        </Form.Item>
        <Form.Item name="signerTitle" label={t('documentsOut.fields.signerTitle')}>
          <Input />
        </Form.Item>
        <Form.Item name="recipients" label={t('documentsOut.fields.recipients')}>
          <RecipientsInput testId="out-update-recipients" />
        </Form.Item>
        <Form.Item name="notes" label={t('documentsOut.fields.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </OutModal>
  )
}

const BUTTONS: {
  kind: OutActionKind
  ability: keyof TOutgoingDocument['abilities']
  icon: ReactNode
  primary?: boolean
  danger?: boolean
}[] = [
  { kind: 'sign', ability: 'sign', icon: <SignatureOutlined />, primary: true },
  { kind: 'submit', ability: 'submit', icon: <SendOutlined />, primary: true },
  { kind: 'approve', ability: 'approve', icon: <CheckOutlined />, primary: true },
  { kind: 'return', ability: 'returnIt', icon: <RollbackOutlined /> },
  { kind: 'reject', ability: 'reject', icon: <CloseCircleOutlined />, danger: true },
  { kind: 'update', ability: 'update', icon: <EditOutlined /> },
  { kind: 'cancelNumber', ability: 'cancelNumber', icon: <StopOutlined />, danger: true },
  { kind: 'recall', ability: 'recall', icon: <RollbackOutlined />, danger: true },
  { kind: 'replace', ability: 'replace', icon: <SwapOutlined /> },
]

/** The action buttons the document allows, and their modals. */
export function OutgoingActions({ doc }: { doc: TOutgoingDocument }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<OutActionKind | null>(null)
  const allowed = BUTTONS.filter((b) => doc.abilities[b.ability])
  const close = () => setOpen(null)
  if (allowed.length === 0) return null
  return (
    <>
      <div className="doc-actions" data-testid="out-actions">
        {allowed.map((b) => (
          <Button
            key={b.kind}
            type={b.primary ? 'primary' : 'default'}
            danger={b.danger === true}
            icon={b.icon}
            onClick={() => setOpen(b.kind)}
            data-testid={`out-action-${b.kind}`}
          >
            {t(`documentsOut.actions.${b.kind}`)}
          </Button>
        ))}
      </div>
      {open === 'update' ? <EditModal doc={doc} onClose={close} /> : null}
      {open === 'submit' ? <SubmitModal doc={doc} onClose={close} /> : null}
      {open === 'approve' || open === 'return' || open === 'reject' ? (
        <DecisionModal doc={doc} onClose={close} kind={open} />
      ) : null}
      {open === 'sign' ? <SignModal doc={doc} onClose={close} /> : null}
      {open === 'cancelNumber' || open === 'recall' || open === 'replace' ? (
        <ReasonModal doc={doc} onClose={close} kind={open} />
      ) : null}
    </>
  )
}
