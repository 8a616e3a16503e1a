/**
 * The answer form of a participant, or of the focal point who helps them: each question by its
 * kind (opinion and vote as radio buttons, choices, text, number; for a draft's sections the
 * section's text beside a comment box), supporting files, and the buttons the situation calls for:
 * Lưu nháp / Gửi ý kiến / Gửi chính thức for the member; for a focal point "Gửi thành viên xác
 * nhận", or "Gửi thay" when the member delegated answering. The member confirms a focal point's
 * draft. After sending, the receipt. After the deadline the form is read-only; a send that arrives
 * late shows the server's refusal.
 */
import { useEffect, useMemo, useState } from 'react'
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Segmented,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd'
import {
  CheckCircleOutlined,
  FileTextOutlined,
  LockOutlined,
  SaveOutlined,
  SendOutlined,
  SignatureOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  OPINION_VALUES,
  VOTE_VALUES,
  type TAnswer,
  type TConsultation,
  type TResponse,
} from '@common/contracts/consultations'
import { ActionModal } from '../../components/action-modal.tsx'
import { fileContentUrl } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { useRequiredSession } from '../../lib/session.ts'
import { FileUpload } from '../documents-out/file-inputs.tsx'
import { consultApi } from './api.ts'
import { cleanAnswers, isMissing, type TQuestionView } from './answer-text.ts'
import { consultationKey, receiptKey, refreshConsultations, responseKey } from './keys.ts'
import { ResponseStateTag, SignedAnswerTag } from './labels.tsx'
import { serverErrorText } from './server-error.ts'
import type { TFile } from '@common/contracts/files'

type Intent = 'save' | 'submit' | 'final'
type Answers = Record<string, TAnswer>

function toMap(list: TAnswer[]): Answers {
  return Object.fromEntries(list.map((a) => [a.questionKey, a]))
}

/** Files already attached, in the shape the upload list shows. */
function asFiles(files: TResponse['files']): TFile[] {
  return files.map((f) => ({
    id: f.id,
    filename: f.filename,
    mediaType: '',
    size: 0,
    sha256: '',
    uploadedBy: '',
    createdAt: '',
  }))
}

function QuestionInput({
  q,
  index,
  value,
  onChange,
  readOnly,
  missing,
}: {
  q: TQuestionView
  index: number
  value: TAnswer | undefined
  onChange: (a: TAnswer) => void
  readOnly: boolean
  missing: boolean
}) {
  const { t } = useTranslation()
  const a: TAnswer = value ?? { questionKey: q.key }
  const set = (patch: Partial<TAnswer>) => onChange({ ...a, ...patch })
  const tid = `cs-answer-q${index}`
  const comment = (sectionKey: string) =>
    a.sectionComments?.find((s) => s.sectionKey === sectionKey)?.comment ?? ''
  const setComment = (sectionKey: string, text: string) => {
    const rest = (a.sectionComments ?? []).filter((s) => s.sectionKey !== sectionKey)
    set({ sectionComments: [...rest, { sectionKey, comment: text }] })
  }
  return (
    <Card
      size="small"
      className={missing ? 'cs-answer-card is-missing' : 'cs-answer-card'}
      data-testid={tid}
      data-kind={q.kind}
      title={
        <span className="cs-question-title">
          <span>
            {index + 1}. {q.title}
            {q.required ? <span className="cs-required">*</span> : null}
          </span>
          <span className="cs-muted">{t(`consultations.kinds.${q.kind}`)}</span>
        </span>
      }
    >
      {q.description ? (
        <Typography.Paragraph className="cs-prewrap">{q.description}</Typography.Paragraph>
      ) : null}
      {q.kind === 'opinion' ? (
        <Radio.Group
          value={a.opinion}
          disabled={readOnly}
          onChange={(e) => set({ opinion: e.target.value as TAnswer['opinion'] })}
          className="cs-radio-column"
        >
          {OPINION_VALUES.map((v) => (
            <Radio key={v} value={v}>
              <span data-testid={`${tid}-${v}`}>{t(`consultations.opinion.${v}`)}</span>
            </Radio>
          ))}
        </Radio.Group>
      ) : null}
      {q.kind === 'motion' ? (
        <Radio.Group
          value={a.vote}
          disabled={readOnly}
          onChange={(e) => set({ vote: e.target.value as TAnswer['vote'] })}
          optionType="button"
          buttonStyle="solid"
          className="cs-vote"
        >
          {VOTE_VALUES.map((v) => (
            <Radio.Button key={v} value={v}>
              <span data-testid={`${tid}-${v}`}>{t(`consultations.vote.${v}`)}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      ) : null}
      {q.kind === 'single_choice' ? (
        <Radio.Group
          value={a.choice}
          disabled={readOnly}
          onChange={(e) => set({ choice: e.target.value as string })}
          className="cs-radio-column"
        >
          {q.options.map((o, i) => (
            <Radio key={o} value={o}>
              <span data-testid={`${tid}-option-${i}`}>{o}</span>
            </Radio>
          ))}
        </Radio.Group>
      ) : null}
      {q.kind === 'multiple_choice' ? (
        <Checkbox.Group
          value={a.choices ?? []}
          disabled={readOnly}
          onChange={(v) => set({ choices: v as string[] })}
          className="cs-radio-column"
          options={q.options.map((o, i) => ({
            value: o,
            label: <span data-testid={`${tid}-option-${i}`}>{o}</span>,
          }))}
        />
      ) : null}
      {q.kind === 'number' ? (
        <div>
          <InputNumber
            value={a.number ?? null}
            min={q.min ?? undefined}
            max={q.max ?? undefined}
            disabled={readOnly}
            onChange={(v) => set({ number: v === null ? undefined : Number(v) })}
            suffix={q.unit ?? undefined}
            style={{ width: 220, maxWidth: '100%' }}
            data-testid={`${tid}-number`}
          />
          {q.min !== null || q.max !== null ? (
            <div className="cs-muted" style={{ marginTop: 4 }}>
              {t('consultations.answer.bounds', { min: q.min ?? '—', max: q.max ?? '—' })}
            </div>
          ) : null}
        </div>
      ) : null}
      {q.kind === 'sections' ? (
        <div className="cs-section-answers">
          {q.sections.map((s, i) => (
            <div key={s.key} className="cs-section-answer" data-testid={`${tid}-section-${s.key}`}>
              <div className="cs-section-draft">
                <div className="cs-section-label">{s.label}</div>
                {s.text ? <div className="cs-prewrap cs-section-text">{s.text}</div> : null}
              </div>
              <Input.TextArea
                value={comment(s.key)}
                readOnly={readOnly}
                onChange={(e) => setComment(s.key, e.target.value)}
                autoSize={{ minRows: 2, maxRows: 10 }}
                placeholder={t('consultations.answer.sectionPlaceholder')}
                aria-label={t('consultations.answer.commentOn', { label: s.label })}
                data-testid={`${tid}-comment-${i}`}
              />
            </div>
          ))}
        </div>
      ) : null}
      {q.kind === 'text' || q.kind === 'opinion' || q.kind === 'motion' || q.kind === 'sections' ? (
        <Input.TextArea
          value={a.text ?? ''}
          readOnly={readOnly}
          onChange={(e) => set({ text: e.target.value })}
          autoSize={{ minRows: q.kind === 'text' ? 3 : 2, maxRows: 12 }}
          placeholder={t(`consultations.answer.textPlaceholder.${q.kind}`)}
          style={{ marginTop: q.kind === 'text' ? 0 : 12 }}
          data-testid={`${tid}-text`}
        />
      ) : null}
      {missing ? (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 6 }}>
          {t('consultations.answer.missing')}
        </Typography.Text>
      ) : null}
    </Card>
  )
}

export function Receipt({ c, response }: { c: TConsultation; response: TResponse }) {
  const { t } = useTranslation()
  const receipt = useQuery({
    queryKey: receiptKey(c.id, response.id ?? ''),
    queryFn: () => consultApi.receipt(c.id, response.id!),
    enabled: response.id !== null && response.receiptNumber !== null,
  })
  if (!response.receiptNumber || !response.id) return null
  if (receipt.isPending) return <Skeleton active paragraph={{ rows: 2 }} />
  if (receipt.isError) return <Alert type="error" showIcon title={errorText(t, receipt.error)} />
  const r = receipt.data
  return (
    <Card
      size="small"
      className="cs-receipt"
      data-testid="cs-receipt"
      title={
        <Space>
          <CheckCircleOutlined style={{ color: '#389e0d' }} />
          {t('consultations.receipt.title')}
        </Space>
      }
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'n',
            label: t('consultations.receipt.number'),
            children: <strong data-testid="cs-receipt-number">{r.receiptNumber}</strong>,
          },
          { key: 'at', label: t('consultations.receipt.at'), children: formatDateTime(r.submittedAt, true) },
          { key: 'member', label: t('consultations.receipt.member'), children: r.member.fullName },
          {
            key: 'by',
            label: t('consultations.receipt.by'),
            children: (
              <span>
                {r.submittedBy.fullName}
                {r.onBehalf ? (
                  <Tag style={{ marginInlineStart: 8 }}>{t('consultations.onBehalf')}</Tag>
                ) : null}
              </span>
            ),
          },
          {
            key: 'final',
            label: t('consultations.receipt.kind'),
            children: r.final ? t('consultations.receipt.final') : t('consultations.receipt.revisable'),
          },
          {
            key: 'digest',
            label: t('consultations.receipt.digest'),
            children: (
              <Typography.Text code copyable className="cs-digest" data-testid="cs-receipt-digest">
                {r.digest}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  )
}

function SignModal({ c, response, onClose }: { c: TConsultation; response: TResponse; onClose: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const sign = useMutation({
    mutationFn: () => consultApi.sign(c.id, response.id!, { pin }),
    onSuccess: (updated) => {
      queryClient.setQueryData(responseKey(c.id, updated.member.id), updated)
      refreshConsultations(queryClient)
      onClose()
    },
    onError: (e) => setError(errorText(t, e)),
  })
  return (
    <ActionModal
      title={t('consultations.answer.sign')}
      okText={t('consultations.answer.signOk')}
      testId="cs-sign"
      onCancel={onClose}
      onOk={() => (pin ? sign.mutate() : setError(t('validation.required')))}
      pending={sign.isPending}
      error={error}
    >
      <Typography.Paragraph type="secondary">{t('consultations.answer.signHelp')}</Typography.Paragraph>
      <Input.Password value={pin} onChange={(e) => setPin(e.target.value)} data-testid="cs-sign-pin" />
    </ActionModal>
  )
}

function MemberAnswer({ c, memberId }: { c: TConsultation; memberId: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const session = useRequiredSession()
  const queryClient = useQueryClient()
  const isSelf = memberId === session.user.id
  const response = useQuery({
    queryKey: responseKey(c.id, memberId),
    queryFn: () => consultApi.myResponse(c.id, isSelf ? undefined : memberId),
  })
  const [answers, setAnswers] = useState<Answers>({})
  const [files, setFiles] = useState<TFile[]>([])
  const [error, setError] = useState<string | null>(null)
  const [showMissing, setShowMissing] = useState(false)
  const [signing, setSigning] = useState(false)
  const loadedAt = response.data ? `${response.data.id}:${response.data.updatedAt}` : null
  useEffect(() => {
    if (!response.data) return
    setAnswers(toMap(response.data.answers))
    setFiles(asFiles(response.data.files))
    // Reload only when the stored answer changes (loadedAt), not on every refetch of the same one.
  }, [loadedAt])
  // Answering for a member under a delegation of "consultation.answer" sends it for them.
  const delegated = session.actingFor.some(
    (p) =>
      p.principalId === memberId && (p.scopes.includes('all') || p.scopes.includes('consultation.answer')),
  )
  const done = (updated: TResponse, text: string) => {
    queryClient.setQueryData(responseKey(c.id, memberId), updated)
    refreshConsultations(queryClient)
    message.success(text)
  }
  const onFail = (e: unknown) => {
    setError(serverErrorText(t, e))
    // A refusal at the deadline: reload the consultation so the form turns read-only.
    void queryClient.invalidateQueries({ queryKey: consultationKey(c.id) })
  }
  const save = useMutation({
    mutationFn: (intent: Intent) =>
      consultApi.saveResponse(c.id, {
        memberId: isSelf ? undefined : memberId,
        answers: cleanAnswers(Object.values(answers)),
        fileIds: files.map((f) => f.id),
        intent,
      }),
    onMutate: () => setError(null),
    onSuccess: (updated, intent) =>
      done(updated, t(`consultations.answer.done.${intent === 'save' ? 'save' : updated.state}`)),
    onError: onFail,
  })
  const confirm = useMutation({
    mutationFn: (final: boolean) => consultApi.confirm(c.id, response.data!.id!, { final }),
    onMutate: () => setError(null),
    onSuccess: (updated) => done(updated, t('consultations.answer.done.confirmed')),
    onError: onFail,
  })
  const missing = useMemo(
    () => new Set(c.questions.filter((q) => isMissing(q, answers[q.key])).map((q) => q.key)),
    [c.questions, answers],
  )
  if (response.isPending) return <Skeleton active paragraph={{ rows: 6 }} />
  if (response.isError) return <Alert type="error" showIcon title={errorText(t, response.error)} />
  const r = response.data
  const isOpen = c.state === 'open' && !c.pastDeadline
  const readOnly = !isOpen || !r.abilities.edit
  const send = (intent: Intent) => {
    if (intent !== 'save' && missing.size > 0) {
      setShowMissing(true)
      setError(t('consultations.answer.missingSummary', { count: missing.size }))
      return
    }
    save.mutate(intent)
  }
  const busy = save.isPending || confirm.isPending
  return (
    <div className="cs-answer" data-testid="cs-answer" data-member={memberId} data-state={r.state}>
      <div className="cs-answer-head">
        <span>
          {isSelf
            ? t('consultations.answer.yourAnswer')
            : t('consultations.answer.forMember', { name: r.member.fullName })}
        </span>
        <ResponseStateTag state={r.state} testId="cs-answer-state" />
        {r.onBehalf ? <Tag icon={<UserSwitchOutlined />}>{t('consultations.onBehalf')}</Tag> : null}
        {r.signedFileId ? <SignedAnswerTag fileId={r.signedFileId} testId="cs-answer-signed" /> : null}
      </div>
      {!isOpen && c.state === 'open' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="cs-answer-closed"
          title={t('consultations.answer.pastDeadline', { time: formatDateTime(c.deadline) })}
        />
      ) : null}
      {r.state === 'awaiting_member' && isSelf ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="cs-answer-awaiting"
          title={t('consultations.answer.awaitingYou', { name: r.draftedBy?.fullName ?? '' })}
          description={t('consultations.answer.awaitingYouHelp')}
        />
      ) : null}
      {r.state === 'awaiting_member' && !isSelf ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('consultations.answer.awaitingMember', { name: r.member.fullName })}
        />
      ) : null}
      {r.state === 'final' ? (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          style={{ marginBottom: 12 }}
          title={t('consultations.answer.finalNotice')}
        />
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={error}
          data-testid="cs-answer-error"
        />
      ) : null}
      {r.receiptNumber ? <Receipt c={c} response={r} /> : null}
      <div className="cs-answer-questions">
        {c.questions.map((q, i) => (
          <QuestionInput
            key={q.key}
            q={q}
            index={i}
            value={answers[q.key]}
            onChange={(a) => setAnswers((prev) => ({ ...prev, [q.key]: a }))}
            readOnly={readOnly}
            missing={showMissing && missing.has(q.key)}
          />
        ))}
      </div>
      <Card size="small" title={t('consultations.answer.files')} className="cs-answer-card">
        {readOnly ? (
          files.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.answer.noFiles')} />
          ) : (
            files.map((f) => (
              <div key={f.id} className="cs-material-row">
                <FileTextOutlined />
                <a
                  href={fileContentUrl(f.id, true)}
                  target="_blank"
                  rel="noopener"
                  className="cs-material-name"
                >
                  {f.filename}
                </a>
              </div>
            ))
          )
        ) : (
          <FileUpload
            files={files}
            onChange={setFiles}
            title={t('consultations.answer.dropFiles')}
            testId="cs-answer-files"
          />
        )}
      </Card>
      {isOpen ? (
        <div className="cs-answer-buttons">
          {r.abilities.confirm && isSelf ? (
            <>
              <Button
                type="primary"
                size="large"
                icon={<CheckCircleOutlined />}
                loading={confirm.isPending && confirm.variables === false}
                disabled={busy}
                onClick={() => confirm.mutate(false)}
                data-testid="cs-answer-confirm"
              >
                {t('consultations.answer.confirm')}
              </Button>
              <Popconfirm
                title={t('consultations.answer.finalConfirm')}
                okText={t('consultations.answer.confirmFinal')}
                cancelText={t('common.cancel')}
                onConfirm={() => confirm.mutate(true)}
                okButtonProps={{ ...{ 'data-testid': 'cs-answer-confirm-final-ok' } }}
              >
                <Button
                  size="large"
                  icon={<LockOutlined />}
                  disabled={busy}
                  data-testid="cs-answer-confirm-final"
                >
                  {t('consultations.answer.confirmFinal')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
          {r.abilities.edit && !(r.abilities.confirm && isSelf) ? (
            <Button
              size="large"
              icon={<SaveOutlined />}
              loading={save.isPending && save.variables === 'save'}
              disabled={busy}
              onClick={() => send('save')}
              data-testid="cs-answer-save"
            >
              {t('consultations.answer.save')}
            </Button>
          ) : null}
          {r.abilities.submit ? (
            <Button
              type={r.abilities.confirm && isSelf ? 'default' : 'primary'}
              size="large"
              icon={isSelf || delegated ? <SendOutlined /> : <UserSwitchOutlined />}
              loading={save.isPending && save.variables === 'submit'}
              disabled={busy}
              onClick={() => send('submit')}
              data-testid="cs-answer-submit"
            >
              {isSelf
                ? r.state === 'submitted'
                  ? t('consultations.answer.resubmit')
                  : t('consultations.answer.submit')
                : delegated
                  ? t('consultations.answer.submitOnBehalf')
                  : t('consultations.answer.sendToMember')}
            </Button>
          ) : null}
          {r.abilities.submit && (isSelf || delegated) && !(r.abilities.confirm && isSelf) ? (
            <Popconfirm
              title={t('consultations.answer.finalConfirm')}
              okText={t('consultations.answer.final')}
              cancelText={t('common.cancel')}
              onConfirm={() => send('final')}
              okButtonProps={{ ...{ 'data-testid': 'cs-answer-final-ok' } }}
            >
              <Button size="large" icon={<LockOutlined />} disabled={busy} data-testid="cs-answer-final">
                {t('consultations.answer.final')}
              </Button>
            </Popconfirm>
          ) : null}
          {r.abilities.sign && r.id ? (
            <Button
              size="large"
              icon={<SignatureOutlined />}
              onClick={() => setSigning(true)}
              data-testid="cs-answer-sign"
            >
              {t('consultations.answer.sign')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {signing ? <SignModal c={c} response={r} onClose={() => setSigning(false)} /> : null}
    </div>
  )
}

/** The answer tab: the member answered for (a focal point may help several) and their form. */
export function AnswerPanel({ c }: { c: TConsultation }) {
  const { t } = useTranslation()
  const [memberId, setMemberId] = useState<string | undefined>(c.answerFor[0]?.id)
  const current = c.answerFor.find((m) => m.id === memberId) ?? c.answerFor[0]
  if (!current) return <Empty description={t('consultations.answer.nobody')} />
  return (
    <div>
      {c.answerFor.length > 1 ? (
        <Segmented
          value={current.id}
          onChange={(v) => setMemberId(String(v))}
          options={c.answerFor.map((m) => ({
            value: m.id,
            label: (
              <span data-testid={`cs-answer-for-${m.id}`}>
                {m.fullName} <ResponseStateTag state={m.responseState} />
              </span>
            ),
          }))}
          style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        />
      ) : null}
      <MemberAnswer key={current.id} c={c} memberId={current.id} />
    </div>
  )
}
