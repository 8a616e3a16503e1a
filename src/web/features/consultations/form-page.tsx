/**
 * Tạo / sửa đợt lấy ý kiến (officers): what is asked and why, the materials, the members asked
 * (by group or one by one), the deadline and the rules (silence, quorum and majority for motions,
 * open ballot, launch, reminders), and the questions. Saved as a draft; "Lưu và trình" opens the
 * submission to a leader on the consultation's page.
 */
import { useEffect, useState } from 'react'
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
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
  Typography,
} from 'antd'
import { SaveOutlined, SendOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import {
  MAJORITY_RULES,
  SILENCE_RULES,
  ZConsultationInput,
  type TConsultation,
} from '@common/contracts/consultations'
import { PageHeader } from '../../components/page-header.tsx'
import { ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { DATE_TIME_FORMAT, vietnamNowForPicker } from '../../lib/format.ts'
import { useDebounced } from '../../lib/use-debounced.ts'
import { applyServerError, clearErrorsOnChange, issuesToFields } from '../../lib/validation.ts'
import { outApi } from '../documents-out/api.ts'
import { consultApi } from './api.ts'
import {
  DEFAULT_VALUES,
  materialsOf,
  toInput,
  valuesOf,
  type FormValues,
  type MaterialValue,
} from './form-values.ts'
import { consultationKey, refreshConsultations } from './keys.ts'
import { MaterialsInput } from './materials-input.tsx'
import { ParticipantsPicker } from './participants-picker.tsx'
import { CONSULT_PATHS, consultationPath } from './paths.ts'
import { QuestionsBuilder } from './questions-builder.tsx'
import './consultations.css'

const REMINDER_CHOICES = [168, 72, 48, 24, 4]

/** The consultation letter: an outgoing draft found by number or subject. */
function LetterPicker({ value, onChange }: { value?: string | null; onChange?: (v: string | null) => void }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim())
  const found = useQuery({
    queryKey: ['consultations', 'letter-search', q],
    queryFn: () => outApi.list({ q: q || undefined, pageSize: 20 }),
    staleTime: 30_000,
  })
  return (
    <Select
      allowClear
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((d) => ({
        value: d.id,
        label: [d.numberAndNotation, d.subject].filter(Boolean).join(' · '),
      }))}
      placeholder={t('consultations.form.pickLetter')}
      data-testid="cs-letter"
    />
  )
}

/** Where a contract issue sits, in words ("Câu hỏi 2 › Phương án"), for the list above the form. */
function issuePlace(t: TFunction, path: readonly PropertyKey[]): string {
  const parts: string[] = []
  for (let i = 0; i < path.length; i += 1) {
    const p = path[i]
    const next = path[i + 1]
    if (typeof p !== 'string') continue
    if (typeof next === 'number' && (p === 'questions' || p === 'sections' || p === 'materials')) {
      parts.push(t(`consultations.form.issuePlaces.${p}`, { n: next + 1 }))
      i += 1
    } else parts.push(t(`consultations.form.issueFields.${p}`, { defaultValue: p }))
  }
  return parts.join(' › ')
}

function ConsultationForm({ existing }: { existing: TConsultation | null }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<FormValues>()
  const [materials, setMaterials] = useState<MaterialValue[]>(() =>
    existing ? materialsOf(existing.materials) : [],
  )
  const [error, setError] = useState<string | null>(null)
  const [issues, setIssues] = useState<string[]>([])
  const questions = Form.useWatch('questions', form)
  const launchOn = Form.useWatch('launchOn', form)
  const silenceRule = Form.useWatch('silenceRule', form)
  const hasMotion = (questions ?? []).some((q) => q?.kind === 'motion')

  useEffect(() => {
    if (existing) form.setFieldsValue(valuesOf(existing))
  }, [existing, form])

  const save = useMutation({
    mutationFn: (input: { body: ReturnType<typeof toInput>; thenSubmit: boolean }) =>
      existing ? consultApi.update(existing.id, input.body) : consultApi.create(input.body),
    onSuccess: (saved, input) => {
      queryClient.setQueryData(consultationKey(saved.id), saved)
      refreshConsultations(queryClient)
      message.success(t('consultations.form.saved'))
      void navigate(
        input.thenSubmit ? `${consultationPath(saved.id)}?action=submit` : consultationPath(saved.id),
      )
    },
    onError: (e) => {
      const onField = e instanceof ApiError && applyServerError(form, e, t)
      setError(onField ? t('consultations.form.fixFields') : errorText(t, e))
    },
  })

  function submit(thenSubmit: boolean) {
    setError(null)
    setIssues([])
    const body = toInput(form.getFieldsValue(true) as FormValues, materials)
    const parsed = ZConsultationInput.safeParse(body)
    if (!parsed.success) {
      const fields = issuesToFields(parsed.error.issues, t)
      form.setFields(fields as Parameters<typeof form.setFields>[0])
      setIssues(
        parsed.error.issues.map((i) => {
          const place = issuePlace(t, i.path)
          const text =
            fields.find((f) => f.name.join('.') === i.path.map(String).join('.'))?.errors[0] ?? i.message
          return place ? `${place}: ${text}` : text
        }),
      )
      const first = fields[0]
      if (first) form.scrollToField(first.name, { block: 'center' })
      return
    }
    save.mutate({ body, thenSubmit })
  }

  return (
    <>
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="cs-form-error" />
      ) : null}
      {issues.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="cs-form-issues"
          title={t('consultations.form.fixFields')}
          description={
            <ul className="cs-issues">
              {issues.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={DEFAULT_VALUES}
        onValuesChange={clearErrorsOnChange(form)}
        requiredMark
        className="cs-form"
      >
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('consultations.form.general')} className="cs-form-card">
              <Form.Item name="title" label={t('consultations.fields.title')} required>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} data-testid="cs-title" />
              </Form.Item>
              <Form.Item name="purpose" label={t('consultations.fields.purpose')} required>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="cs-purpose" />
              </Form.Item>
              <Form.Item name="background" label={t('consultations.fields.background')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} data-testid="cs-background" />
              </Form.Item>
            </Card>
            <Card size="small" title={t('consultations.form.questions')} className="cs-form-card">
              <Typography.Paragraph type="secondary">
                {t('consultations.form.questionsHelp')}
              </Typography.Paragraph>
              <QuestionsBuilder form={form} />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('consultations.form.materials')} className="cs-form-card">
              <MaterialsInput value={materials} onChange={setMaterials} />
            </Card>
            <Card size="small" title={t('consultations.form.participants')} className="cs-form-card">
              <Form.Item name="participantIds" required style={{ marginBottom: 0 }}>
                <ParticipantsPicker />
              </Form.Item>
            </Card>
            <Card size="small" title={t('consultations.form.rules')} className="cs-form-card">
              <Form.Item
                name="deadline"
                label={t('consultations.fields.deadline')}
                extra={t('consultations.form.deadlineHelp')}
                required
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format={DATE_TIME_FORMAT}
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isBefore(vietnamNowForPicker(), 'day')}
                  data-testid="cs-deadline"
                />
              </Form.Item>
              <Form.Item name="silenceRule" label={t('consultations.fields.silenceRule')}>
                <Radio.Group className="cs-radio-column">
                  {SILENCE_RULES.map((r) => (
                    <Radio key={r} value={r}>
                      <span data-testid={`cs-silence-${r}`}>{t(`consultations.silence.${r}`)}</span>
                    </Radio>
                  ))}
                </Radio.Group>
              </Form.Item>
              {silenceRule ? (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginTop: -8, marginBottom: 16 }}
                  title={t(`consultations.silenceExplained.${silenceRule}`)}
                />
              ) : null}
              {hasMotion ? (
                <>
                  <Form.Item
                    name="quorumPercent"
                    label={t('consultations.fields.quorumPercent')}
                    extra={t('consultations.form.quorumHelp')}
                  >
                    <InputNumber
                      min={0}
                      max={100}
                      suffix="%"
                      style={{ width: 140 }}
                      data-testid="cs-quorum"
                    />
                  </Form.Item>
                  <Form.Item name="majority" label={t('consultations.fields.majority')}>
                    <Radio.Group className="cs-radio-column">
                      {MAJORITY_RULES.map((r) => (
                        <Radio key={r} value={r}>
                          <span data-testid={`cs-majority-${r}`}>{t(`consultations.majority.${r}`)}</span>
                        </Radio>
                      ))}
                    </Radio.Group>
                  </Form.Item>
                </>
              ) : null}
              <Form.Item
                name="openBallot"
                label={t('consultations.fields.openBallot')}
                valuePropName="checked"
                extra={t('consultations.form.openBallotHelp')}
              >
                <Switch data-testid="cs-open-ballot" />
              </Form.Item>
              <Form.Item name="launchOn" label={t('consultations.fields.launchOn')}>
                <Radio.Group className="cs-radio-column">
                  <Radio value="approval">
                    <span data-testid="cs-launch-approval">{t('consultations.launchOn.approval')}</span>
                  </Radio>
                  <Radio value="letter">
                    <span data-testid="cs-launch-letter">{t('consultations.launchOn.letter')}</span>
                  </Radio>
                </Radio.Group>
              </Form.Item>
              {launchOn === 'letter' ? (
                <Form.Item name="letterDocumentId" label={t('consultations.fields.letter')} required>
                  <LetterPicker />
                </Form.Item>
              ) : null}
              <Form.Item
                name="reminderHours"
                label={t('consultations.fields.reminders')}
                extra={t('consultations.form.remindersHelp')}
              >
                <Checkbox.Group
                  options={REMINDER_CHOICES.map((h) => ({
                    value: h,
                    label:
                      h % 24 === 0
                        ? t('consultations.form.daysBefore', { n: h / 24 })
                        : t('consultations.form.hoursBefore', { n: h }),
                  }))}
                />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <div className="cs-form-actions">
          <Space wrap>
            <Link to={existing ? consultationPath(existing.id) : CONSULT_PATHS.list}>
              <Button size="large">{t('common.cancel')}</Button>
            </Link>
            <Button
              size="large"
              icon={<SaveOutlined />}
              loading={save.isPending && !save.variables?.thenSubmit}
              disabled={save.isPending}
              onClick={() => submit(false)}
              data-testid="cs-save"
            >
              {t('consultations.form.saveDraft')}
            </Button>
            <Button
              type="primary"
              size="large"
              icon={<SendOutlined />}
              loading={save.isPending && save.variables?.thenSubmit === true}
              disabled={save.isPending}
              onClick={() => submit(true)}
              data-testid="cs-save-submit"
            >
              {t('consultations.form.saveAndSubmit')}
            </Button>
          </Space>
        </div>
      </Form>
    </>
  )
}

export function CreateConsultationPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader
        title={t('consultations.form.createTitle')}
        subtitle={t('consultations.form.createSubtitle')}
      />
      <ConsultationForm existing={null} />
    </>
  )
}

export function EditConsultationPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const query = useQuery({ queryKey: consultationKey(id), queryFn: () => consultApi.get(id) })
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />
  if (query.isError)
    return <Result status="error" title={errorText(t, query.error)} data-testid="cs-edit-error" />
  if (!query.data.abilities.edit)
    return (
      <Result
        status="warning"
        title={t('consultations.form.notEditable')}
        extra={
          <Link to={consultationPath(id)}>
            <Button>{t('consultations.backToConsultation')}</Button>
          </Link>
        }
      />
    )
  return (
    <>
      <PageHeader title={t('consultations.form.editTitle')} subtitle={query.data.title} />
      <ConsultationForm existing={query.data} />
    </>
  )
}
