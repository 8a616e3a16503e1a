/**
 * The actions on an incoming document, each in a modal checked with the contract's schema:
 * submit to a leader, direct and assign, reassign within a unit, start, progress note, complete,
 * return, extend and request an extension. Only the buttons the document's abilities allow show.
 */
import { ActionModal } from '../../components/action-modal.tsx'
import { useMemo, useState, type ReactNode } from 'react'
import { Alert, App, Button, DatePicker, Form, Input, Select, Typography, type FormInstance } from 'antd'
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  FormOutlined,
  FieldTimeOutlined,
  PlayCircleOutlined,
  PlusOutlined,
  RollbackOutlined,
  SendOutlined,
  ShareAltOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import {
  ZAssign,
  ZAssignmentNote,
  ZComplete,
  ZExtend,
  ZReassign,
  ZRequestExtension,
  ZReturn,
  ZSubmit,
  type TAssignment,
  type TIncomingDocument,
} from '@common/contracts/documents-in'
import type { TSession } from '@common/contracts/auth'
import type { TFile } from '@common/contracts/files'
import { docApi } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { DATE_FORMAT } from '../../lib/format.ts'
import { useRequiredSession } from '../../lib/session.ts'
import { useModalAction } from '../../lib/use-modal-action.ts'
import { clearErrorsOnChange, issuesToFields } from '../../lib/validation.ts'
import {
  AssigneeInput,
  DeadlineInput,
  LeaderPicker,
  type AssigneeValue,
  type DeadlineValue,
} from './assignee-input.tsx'
import { EditModal } from './edit-modal.tsx'
import { FileDrop } from './file-drop.tsx'
import { documentKey, refreshDocuments } from './keys.ts'

export type ActionKind =
  | 'update'
  | 'submit'
  | 'assign'
  | 'reassign'
  | 'start'
  | 'note'
  | 'complete'
  | 'return'
  | 'extend'
  | 'requestExtension'

type Translate = (key: string, values?: Record<string, unknown>) => string

/**
 * Check values with a contract schema; issues land on the form item that holds the value
 * (`lead.deadline.date` → `lead`, `cooperating.0.unitId` → `cooperating.0`).
 */
function check<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  values: unknown,
  t: Translate,
): z.output<S> | null {
  const result = schema.safeParse(values)
  if (result.success) return result.data
  const issues = result.error.issues.map((issue) => {
    const [first, second] = issue.path
    const path = typeof second === 'number' ? [first!, second] : first === undefined ? [] : [first]
    return { path, message: issue.message }
  })
  const fields = issuesToFields(issues, t).filter((f) => f.name.length > 0)
  form.setFields(fields)
  return null
}

const OPEN_STATES = new Set<TAssignment['state']>(['pending', 'in_progress'])

/** Whether the user handles this assignment: theirs, or their unit's when they head the unit (as the server). */
function handles(a: TAssignment, session: TSession): boolean {
  if (a.assigneeUserId) return a.assigneeUserId === session.user.id
  return (
    a.assigneeUnitId !== null &&
    a.assigneeUnitId === session.user.unitId &&
    session.user.roles.includes('unit_head')
  )
}

const isWork = (a: TAssignment) => a.role === 'lead' || a.role === 'cooperating'

/** The assignments an action may apply to (the lead first); all open ones when none matches here. */
export function assignmentsFor(kind: ActionKind, doc: TIncomingDocument, session: TSession): TAssignment[] {
  const open = doc.assignments.filter((a) => OPEN_STATES.has(a.state))
  const byLead = (a: TAssignment, b: TAssignment) => (a.role === 'lead' ? -1 : b.role === 'lead' ? 1 : 0)
  const pick = (test: (a: TAssignment) => boolean) => open.filter(test).sort(byLead)
  let found: TAssignment[]
  switch (kind) {
    case 'reassign':
      found = pick(
        (a) =>
          isWork(a) &&
          a.assigneeUnitId !== null &&
          a.assigneeUnitId === session.user.unitId &&
          session.user.roles.includes('unit_head'),
      )
      break
    case 'start':
      found = pick((a) => isWork(a) && a.state === 'pending' && handles(a, session))
      break
    case 'return':
      found = pick((a) => (isWork(a) || a.role === 'review') && handles(a, session))
      break
    case 'extend':
      found = pick(isWork)
      break
    default:
      found = pick((a) => isWork(a) && handles(a, session))
  }
  return found.length > 0 ? found : open.filter((a) => a.role !== 'information').sort(byLead)
}

export function assigneeName(a: TAssignment): string {
  return a.assigneeUserName ?? a.assigneeUnitName ?? ''
}

function AssignmentSelect({
  items,
  testId,
  value,
  onChange,
}: {
  items: TAssignment[]
  testId: string
  value?: string
  onChange?: (value: string) => void
}) {
  const { t } = useTranslation()
  return (
    <Select
      value={value}
      onChange={onChange}
      options={items.map((a) => ({
        value: a.id,
        label: `${t(`documentsIn.roles.${a.role}`)} · ${assigneeName(a)}`,
      }))}
      data-testid={testId}
    />
  )
}

/** Upload files for a note or a result; shows the uploaded names. */
function ProcessingFiles({
  files,
  onChange,
  testId,
}: {
  files: TFile[]
  onChange: (files: TFile[]) => void
  testId: string
}) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const upload = useMutation({
    mutationFn: (list: File[]) => docApi.files.upload(list),
    onMutate: () => setError(null),
    onSuccess: ({ items }) => onChange([...files, ...items]),
    onError: (e) => setError(errorText(t, e)),
  })
  return (
    <div>
      <FileDrop
        onFiles={(list) => upload.mutate(list)}
        busy={upload.isPending}
        title={t('documentsIn.files.attach')}
        compact
        testId={testId}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
      {files.map((f) => (
        <div key={f.id} className="doc-file-row" style={{ marginTop: 6 }}>
          <span className="doc-file-name">{f.filename}</span>
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('documentsIn.files.remove')}
            onClick={() => onChange(files.filter((x) => x.id !== f.id))}
          />
        </div>
      ))}
    </div>
  )
}

/** One mutation per action: refresh every list and the document after it. */
function useDocMutation<T>(
  doc: TIncomingDocument,
  call: (body: T) => Promise<TIncomingDocument>,
  done: () => void,
) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: (updated) => {
      if (updated && typeof updated === 'object' && 'id' in updated)
        queryClient.setQueryData(documentKey(doc.id), updated)
      refreshDocuments(queryClient)
      message.success(t('documentsIn.actions.done'))
      done()
    },
  })
}

type ModalProps = { doc: TIncomingDocument; open: boolean; onClose: () => void }

function SubmitModal({ doc, open, onClose }: ModalProps) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ leaderId?: string; note?: string }>()
  const mutation = useDocMutation(
    doc,
    (body: z.output<typeof ZSubmit>) => docApi.documentsIn.submit(doc.id, body),
    onClose,
  )
  const { error, run } = useModalAction(form, mutation)
  function ok() {
    const v = form.getFieldsValue()
    run(check(form, ZSubmit, { leaderId: v.leaderId ?? '', note: v.note ?? null }, t))
  }
  return (
    <ActionModal
      open={open}
      title={t('documentsIn.actions.submit')}
      okText={t('documentsIn.submit.ok')}
      testId="submit"
      onCancel={onClose}
      onOk={ok}
      pending={mutation.isPending}
      error={error}
    >
      <Form form={form} layout="vertical" onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name="leaderId" label={t('documentsIn.submit.leader')} required>
          <LeaderPicker testId="submit-leader" />
        </Form.Item>
        <Form.Item name="note" label={t('documentsIn.submit.note')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('documentsIn.submit.notePlaceholder')}
            data-testid="submit-note"
          />
        </Form.Item>
      </Form>
    </ActionModal>
  )
}

type AssignValues = {
  directive?: string
  lead?: AssigneeValue
  cooperating?: AssigneeValue[]
  information?: AssigneeValue[]
  onBehalfOf?: string
}

function assigneeBody(a: AssigneeValue | undefined) {
  return { userId: a?.userId ?? null, unitId: a?.unitId ?? null, deadline: a?.deadline ?? null }
}

/** A list of assignees with add and remove (cooperating, for information). */
function AssigneeList({
  name,
  testId,
  addLabel,
  withDeadline,
  kinds,
}: {
  name: string
  testId: string
  addLabel: string
  withDeadline: boolean
  kinds?: ('unit' | 'user')[]
}) {
  const { t } = useTranslation()
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div className="doc-assignees">
          {fields.map((field) => (
            <div key={field.key} className="doc-assignee-row">
              <Form.Item name={[field.name]} noStyle={false} style={{ marginBottom: 0 }}>
                <AssigneeInput testId={`${testId}-${field.name}`} withDeadline={withDeadline} kinds={kinds} />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('documentsIn.files.remove')}
                onClick={() => remove(field.name)}
                data-testid={`${testId}-${field.name}-remove`}
              />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid={`${testId}-add`}>
            {addLabel}
          </Button>
        </div>
      )}
    </Form.List>
  )
}

function canDirect(scopes: string[]): boolean {
  return scopes.includes('all') || scopes.includes('documentIn.direct')
}

function AssignModal({ doc, open, onClose }: ModalProps) {
  const { t } = useTranslation()
  const session = useRequiredSession()
  const [form] = Form.useForm<AssignValues>()
  const principals = session.actingFor.filter((p) => canDirect(p.scopes))
  const isLeader = session.user.roles.includes('leader')
  // The leader the document was submitted to: a secretary records that leader's decision.
  const reviewer = doc.assignments.find(
    (a) => a.role === 'review' && OPEN_STATES.has(a.state),
  )?.assigneeUserId
  const defaultPrincipal =
    reviewer && reviewer !== session.user.id && principals.some((p) => p.principalId === reviewer)
      ? reviewer
      : isLeader
        ? ''
        : (principals[0]?.principalId ?? '')
  const mutation = useDocMutation(
    doc,
    (body: z.output<typeof ZAssign>) => docApi.documentsIn.assign(doc.id, body),
    onClose,
  )
  const { error, run } = useModalAction(form, mutation)
  function ok() {
    const v = form.getFieldsValue()
    const body = check(
      form,
      ZAssign,
      {
        directive: v.directive ?? '',
        lead: assigneeBody(v.lead),
        cooperating: (v.cooperating ?? []).map(assigneeBody),
        information: (v.information ?? []).map(assigneeBody),
        onBehalfOf: v.onBehalfOf || null,
      },
      t,
    )
    run(body)
  }
  return (
    <ActionModal
      open={open}
      title={t('documentsIn.actions.assign')}
      okText={t('documentsIn.assign.ok')}
      testId="assign"
      onCancel={onClose}
      onOk={ok}
      pending={mutation.isPending}
      error={error}
      width={680}
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ onBehalfOf: defaultPrincipal, lead: {}, cooperating: [], information: [] }}
      >
        {principals.length > 0 ? (
          <Form.Item
            name="onBehalfOf"
            label={t('documentsIn.assign.onBehalfOf')}
            extra={t('documentsIn.assign.onBehalfOfHelp')}
          >
            <Select
              options={[
                ...(isLeader ? [{ value: '', label: t('documentsIn.assign.myself') }] : []),
                ...principals.map((p) => ({ value: p.principalId, label: p.principalName })),
              ]}
              data-testid="assign-on-behalf"
            />
          </Form.Item>
        ) : null}
        <Form.Item name="directive" label={t('documentsIn.assign.directive')} required>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('documentsIn.assign.directivePlaceholder')}
            data-testid="assign-directive"
          />
        </Form.Item>
        <Form.Item name="lead" label={t('documentsIn.assign.lead')} required>
          <AssigneeInput testId="assign-lead" />
        </Form.Item>
        <Form.Item label={t('documentsIn.assign.cooperating')}>
          <AssigneeList
            name="cooperating"
            testId="assign-cooperating"
            addLabel={t('documentsIn.assign.addCooperating')}
            withDeadline
          />
        </Form.Item>
        <Form.Item label={t('documentsIn.assign.information')}>
          <AssigneeList
            name="information"
            testId="assign-information"
            addLabel={t('documentsIn.assign.addInformation')}
            withDeadline={false}
          />
        </Form.Item>
      </Form>
    </ActionModal>
  )
}

function ReassignModal({ doc, open, onClose }: ModalProps) {
  const { t } = useTranslation()
  const session = useRequiredSession()
  const candidates = useMemo(() => assignmentsFor('reassign', doc, session), [doc, session])
  const [form] = Form.useForm<{
    assignmentId?: string
    directive?: string
    lead?: AssigneeValue
    cooperating?: AssigneeValue[]
  }>()
  const mutation = useDocMutation(
    doc,
    (body: z.output<typeof ZReassign>) => docApi.documentsIn.reassign(doc.id, body),
    onClose,
  )
  const { error, run } = useModalAction(form, mutation)
  function ok() {
    const v = form.getFieldsValue()
    const body = check(
      form,
      ZReassign,
      {
        assignmentId: v.assignmentId ?? '',
        directive: v.directive ?? null,
        lead: assigneeBody(v.lead),
        cooperating: (v.cooperating ?? []).map(assigneeBody),
      },
      t,
    )
    run(body)
  }
  return (
    <ActionModal
      open={open}
      title={t('documentsIn.actions.reassign')}
      okText={t('documentsIn.reassign.ok')}
      testId="reassign"
      onCancel={onClose}
      onOk={ok}
      pending={mutation.isPending}
      error={error}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ assignmentId: candidates[0]?.id, lead: {}, cooperating: [] }}
      >
        <Form.Item
          name="assignmentId"
          label={t('documentsIn.assignmentPick')}
          required
          hidden={candidates.length === 1}
        >
          <AssignmentSelect items={candidates} testId="reassign-assignment" />
        </Form.Item>
        <Form.Item name="directive" label={t('documentsIn.reassign.directive')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="reassign-directive" />
        </Form.Item>
        <Form.Item name="lead" label={t('documentsIn.reassign.lead')} required>
          <AssigneeInput testId="reassign-lead" kinds={['user', 'unit']} />
        </Form.Item>
        <Form.Item label={t('documentsIn.reassign.cooperating')}>
          <AssigneeList
            name="cooperating"
            testId="reassign-cooperating"
            addLabel={t('documentsIn.assign.addCooperating')}
            withDeadline
            kinds={['user', 'unit']}
          />
        </Form.Item>
      </Form>
    </ActionModal>
  )
}

/** Start, note, complete, return, extend, request an extension: one assignment and a text. */
function AssignmentActionModal({
  doc,
  open,
  onClose,
  kind,
}: ModalProps & { kind: Exclude<ActionKind, 'submit' | 'assign' | 'reassign' | 'update'> }) {
  const { t } = useTranslation()
  const session = useRequiredSession()
  const candidates = useMemo(() => assignmentsFor(kind, doc, session), [kind, doc, session])
  const [form] = Form.useForm<{
    assignmentId?: string
    body?: string
    result?: string
    reason?: string
    deadline?: DeadlineValue
    proposedDate?: Dayjs | null
  }>()
  // The text field is named as in the schema, so the server's field errors land on it.
  const textName = kind === 'note' ? 'body' : kind === 'complete' ? 'result' : 'reason'
  const [files, setFiles] = useState<TFile[]>([])
  const mutation = useDocMutation(
    doc,
    (body: { kind: typeof kind; payload: never }) => {
      const api = docApi.documentsIn
      switch (body.kind) {
        case 'start':
          return api.start(doc.id, (body.payload as { assignmentId: string }).assignmentId)
        case 'note':
          return api.note(doc.id, body.payload)
        case 'complete':
          return api.complete(doc.id, body.payload)
        case 'return':
          return api.returnIt(doc.id, body.payload)
        case 'extend':
          return api.extend(doc.id, body.payload)
        case 'requestExtension':
          return api.requestExtension(doc.id, body.payload)
      }
    },
    onClose,
  )
  const { error, run } = useModalAction(form, mutation)
  const testId = kind === 'requestExtension' ? 'request-extension' : kind

  function ok() {
    const v = form.getFieldsValue()
    const assignmentId = v.assignmentId ?? ''
    const fileIds = files.map((f) => f.id)
    let payload: unknown = null
    switch (kind) {
      case 'start':
        payload = assignmentId ? { assignmentId } : null
        if (!payload) form.setFields([{ name: 'assignmentId', errors: [t('validation.required')] }])
        break
      case 'note':
        payload = check(form, ZAssignmentNote, { assignmentId, body: v.body ?? '', fileIds }, t)
        break
      case 'complete':
        payload = check(form, ZComplete, { assignmentId, result: v.result ?? '', fileIds }, t)
        break
      case 'return':
        payload = check(form, ZReturn, { assignmentId, reason: v.reason ?? '' }, t)
        break
      case 'extend':
        payload = check(
          form,
          ZExtend,
          { assignmentId, deadline: v.deadline ?? undefined, reason: v.reason ?? null },
          t,
        )
        break
      case 'requestExtension':
        payload = check(
          form,
          ZRequestExtension,
          {
            assignmentId,
            proposedDate: v.proposedDate ? v.proposedDate.format('YYYY-MM-DD') : '',
            reason: v.reason ?? '',
          },
          t,
        )
        break
    }
    run(payload ? { kind, payload: payload as never } : null)
  }

  // The text field of each action: note body, result, reason.
  const textField: Record<typeof kind, { label: string; required: boolean } | null> = {
    start: null,
    note: { label: t('documentsIn.note.body'), required: true },
    complete: { label: t('documentsIn.complete.result'), required: true },
    return: { label: t('documentsIn.return.reason'), required: true },
    extend: { label: t('documentsIn.extend.reason'), required: false },
    requestExtension: { label: t('documentsIn.extend.reason'), required: true },
  }
  const text = textField[kind]
  const okText: Record<typeof kind, string> = {
    start: t('documentsIn.start.ok'),
    note: t('documentsIn.note.ok'),
    complete: t('documentsIn.complete.ok'),
    return: t('documentsIn.return.ok'),
    extend: t('documentsIn.extend.ok'),
    requestExtension: t('documentsIn.extend.requestOk'),
  }
  const title: Record<typeof kind, string> = {
    start: t('documentsIn.actions.start'),
    note: t('documentsIn.actions.note'),
    complete: t('documentsIn.actions.complete'),
    return: t('documentsIn.actions.return'),
    extend: t('documentsIn.actions.extend'),
    requestExtension: t('documentsIn.actions.requestExtension'),
  }
  const current = doc.assignments.find(
    (a) => a.id === (Form.useWatch('assignmentId', form) as string | undefined),
  )

  return (
    <ActionModal
      open={open}
      title={title[kind]}
      okText={okText[kind]}
      testId={testId}
      onCancel={onClose}
      onOk={ok}
      pending={mutation.isPending}
      error={error}
      danger={kind === 'return'}
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ assignmentId: candidates[0]?.id }}
      >
        <Form.Item
          name="assignmentId"
          label={t('documentsIn.assignmentPick')}
          required
          hidden={candidates.length === 1}
        >
          <AssignmentSelect items={candidates} testId={`${testId}-assignment`} />
        </Form.Item>
        {candidates.length === 1 && current ? (
          <Typography.Paragraph type="secondary" data-testid={`${testId}-assignment-name`}>
            {t(`documentsIn.roles.${current.role}`)} · {assigneeName(current)}
            {current.dueDate
              ? ` · ${t('documentsIn.fields.dueDate')}: ${dayjs(current.dueDate).format(DATE_FORMAT)}`
              : ''}
          </Typography.Paragraph>
        ) : null}
        {kind === 'start' ? (
          <Typography.Paragraph>{t('documentsIn.start.confirm')}</Typography.Paragraph>
        ) : null}
        {kind === 'extend' ? (
          <Form.Item name="deadline" label={t('documentsIn.extend.deadline')} required>
            <DeadlineInput testId="extend-deadline" defaultMode="date" />
          </Form.Item>
        ) : null}
        {kind === 'requestExtension' ? (
          <Form.Item name="proposedDate" label={t('documentsIn.extend.proposedDate')} required>
            <DatePicker
              format={DATE_FORMAT}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              data-testid="request-extension-date"
            />
          </Form.Item>
        ) : null}
        {text ? (
          <Form.Item name={textName} label={text.label} required={text.required}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid={`${testId}-text`} />
          </Form.Item>
        ) : null}
        {kind === 'note' || kind === 'complete' ? (
          <Form.Item label={t('documentsIn.files.processing')}>
            <ProcessingFiles files={files} onChange={setFiles} testId={`${testId}-file-input`} />
          </Form.Item>
        ) : null}
      </Form>
    </ActionModal>
  )
}

const BUTTONS: {
  kind: ActionKind
  ability: keyof TIncomingDocument['abilities']
  icon: ReactNode
  primary?: boolean
  danger?: boolean
}[] = [
  { kind: 'update', ability: 'update', icon: <FormOutlined /> },
  { kind: 'submit', ability: 'submit', icon: <SendOutlined />, primary: true },
  { kind: 'assign', ability: 'assign', icon: <ShareAltOutlined />, primary: true },
  { kind: 'reassign', ability: 'reassign', icon: <TeamOutlined />, primary: true },
  { kind: 'start', ability: 'start', icon: <PlayCircleOutlined /> },
  { kind: 'note', ability: 'addNote', icon: <EditOutlined /> },
  { kind: 'complete', ability: 'complete', icon: <CheckCircleOutlined />, primary: true },
  { kind: 'return', ability: 'returnIt', icon: <RollbackOutlined />, danger: true },
  { kind: 'extend', ability: 'extend', icon: <FieldTimeOutlined /> },
  { kind: 'requestExtension', ability: 'requestExtension', icon: <ClockCircleOutlined /> },
]

/** The action buttons the document allows, and their modals. */
export function DocumentActions({ doc }: { doc: TIncomingDocument }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<ActionKind | null>(null)
  const allowed = BUTTONS.filter((b) => doc.abilities[b.ability])
  if (allowed.length === 0) return null
  const close = () => setOpen(null)
  return (
    <>
      <div className="doc-actions" data-testid="doc-actions">
        {allowed.map((b) => (
          <Button
            key={b.kind}
            type={b.primary ? 'primary' : 'default'}
            danger={b.danger === true}
            icon={b.icon}
            onClick={() => setOpen(b.kind)}
            data-testid={`doc-action-${b.kind === 'requestExtension' ? 'request-extension' : b.kind}`}
          >
            {t(`documentsIn.actions.${b.kind}`)}
          </Button>
        ))}
      </div>
      {open === 'submit' ? <SubmitModal doc={doc} open onClose={close} /> : null}
      {open === 'assign' ? <AssignModal doc={doc} open onClose={close} /> : null}
      {open === 'reassign' ? <ReassignModal doc={doc} open onClose={close} /> : null}
      {open === 'update' ? <EditModal doc={doc} onClose={close} /> : null}
      {open && open !== 'submit' && open !== 'assign' && open !== 'reassign' && open !== 'update' ? (
        <AssignmentActionModal doc={doc} open onClose={close} kind={open} />
      ) : null}
    </>
  )
}
