/**
 * The questions of a consultation, built from the four mechanisms: a written opinion, a motion to
 * vote on, comments by section of a draft (sections typed in, or pasted as the draft's text and
 * split at its "Điều"/"Mục" headings), and questionnaire items (single or multiple choice, text,
 * number with bounds). Lives inside the consultation form (Form.List "questions").
 */
import { useState } from 'react'
import {
  Button,
  Card,
  Col,
  Dropdown,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Switch,
  Typography,
  type FormInstance,
} from 'antd'
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
  ScissorOutlined,
} from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { QUESTION_KINDS, type QuestionKind } from '@common/contracts/consultations'
import { newQuestion, type FormValues } from './form-values.ts'
import { sectionKeyOf, splitDraft, uniqueKey } from './sections.ts'

/** The mechanism a kind belongs to, for grouping in the "add" menu. */
const MECHANISM: Record<QuestionKind, 'opinion' | 'motion' | 'sections' | 'questionnaire'> = {
  opinion: 'opinion',
  motion: 'motion',
  sections: 'sections',
  single_choice: 'questionnaire',
  multiple_choice: 'questionnaire',
  text: 'questionnaire',
  number: 'questionnaire',
}

function SplitModal({ onDone, onClose }: { onDone: (text: string) => void; onClose: () => void }) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  return (
    <Modal
      open
      title={t('consultations.questions.splitTitle')}
      okText={t('consultations.questions.splitOk')}
      cancelText={t('common.cancel')}
      onOk={() => onDone(text)}
      onCancel={onClose}
      okButtonProps={{ disabled: text.trim() === '', ...{ 'data-testid': 'cs-split-ok' } }}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('consultations.questions.splitHelp')}</Typography.Paragraph>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 10, maxRows: 20 }}
        placeholder={'Điều 1. Phạm vi điều chỉnh\n…\nĐiều 2. Đối tượng áp dụng\n…'}
        data-testid="cs-split-text"
      />
    </Modal>
  )
}

function SectionsEditor({ form, name }: { form: FormInstance<FormValues>; name: number }) {
  const { t } = useTranslation()
  const [splitting, setSplitting] = useState(false)
  const path = ['questions', name, 'sections'] as ['questions', number, 'sections']
  function applySplit(text: string) {
    const sections = splitDraft(text, t('consultations.questions.preamble'))
    if (sections.length > 0) form.setFieldValue(path, sections)
    setSplitting(false)
  }
  return (
    <div className="cs-sections-editor">
      <div className="cs-sections-head">
        <Typography.Text strong>{t('consultations.questions.sections')}</Typography.Text>
        <Button
          size="small"
          icon={<ScissorOutlined />}
          onClick={() => setSplitting(true)}
          data-testid={`cs-q${name}-split`}
        >
          {t('consultations.questions.split')}
        </Button>
      </div>
      <Form.List name={[name, 'sections']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <div key={field.key} className="cs-section-row" data-testid={`cs-q${name}-section-${i}`}>
                <Row gutter={8}>
                  <Col xs={24} sm={7}>
                    <Form.Item
                      name={[field.name, 'key']}
                      label={t('consultations.questions.sectionKey')}
                      rules={[{ required: true, message: t('validation.required') }]}
                      normalize={(v: string) => v.toLowerCase().replace(/[^a-z0-9-]/g, '-')}
                    >
                      <Input data-testid={`cs-q${name}-section-${i}-key`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={15}>
                    <Form.Item name={[field.name, 'label']} label={t('consultations.questions.sectionLabel')}>
                      <Input
                        placeholder="Điều 1. Phạm vi điều chỉnh"
                        data-testid={`cs-q${name}-section-${i}-label`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={2} className="cs-section-remove">
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('consultations.questions.removeSection')}
                    />
                  </Col>
                </Row>
                <Form.Item name={[field.name, 'text']} label={t('consultations.questions.sectionText')}>
                  <Input.TextArea
                    autoSize={{ minRows: 2, maxRows: 8 }}
                    data-testid={`cs-q${name}-section-${i}-text`}
                  />
                </Form.Item>
              </div>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => {
                const existing = (form.getFieldValue(path) as { key?: string }[] | undefined) ?? []
                const taken = new Set(existing.map((s) => s.key ?? ''))
                add({
                  key: uniqueKey(sectionKeyOf(`dieu ${existing.length + 1}`), taken),
                  label: '',
                  text: '',
                })
              }}
              data-testid={`cs-q${name}-add-section`}
            >
              {t('consultations.questions.addSection')}
            </Button>
          </>
        )}
      </Form.List>
      {splitting ? <SplitModal onDone={applySplit} onClose={() => setSplitting(false)} /> : null}
    </div>
  )
}

function OptionsEditor({ name }: { name: number }) {
  const { t } = useTranslation()
  return (
    <Form.List name={[name, 'options']}>
      {(fields, { add, remove }) => (
        <div className="cs-options-editor">
          <Typography.Text strong>{t('consultations.questions.options')}</Typography.Text>
          {fields.map((field, i) => (
            <div key={field.key} className="cs-option-row">
              <Form.Item name={field.name} noStyle>
                <Input
                  placeholder={t('consultations.questions.optionN', { n: i + 1 })}
                  data-testid={`cs-q${name}-option-${i}`}
                />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                disabled={fields.length <= 2}
                onClick={() => remove(field.name)}
                aria-label={t('consultations.questions.removeOption')}
              />
            </div>
          ))}
          <Button
            type="dashed"
            size="small"
            icon={<PlusOutlined />}
            disabled={fields.length >= 20}
            onClick={() => add('')}
            data-testid={`cs-q${name}-add-option`}
          >
            {t('consultations.questions.addOption')}
          </Button>
        </div>
      )}
    </Form.List>
  )
}

function QuestionCard({
  form,
  name,
  index,
  count,
  remove,
  move,
}: {
  form: FormInstance<FormValues>
  name: number
  index: number
  count: number
  remove: (n: number) => void
  move: (from: number, to: number) => void
}) {
  const { t } = useTranslation()
  const kind = (Form.useWatch(['questions', name, 'kind'], form) as QuestionKind | undefined) ?? 'opinion'
  return (
    <Card
      size="small"
      className="cs-question-card"
      data-testid={`cs-question-${index}`}
      data-kind={kind}
      title={
        <span className="cs-question-title">
          {t('consultations.questions.number', { n: index + 1 })}
          <span className="cs-muted">{t(`consultations.kinds.${kind}`)}</span>
        </span>
      }
      extra={
        <span className="cs-question-tools">
          <Button
            type="text"
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => move(index, index - 1)}
            aria-label={t('consultations.questions.moveUp')}
          />
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={index === count - 1}
            onClick={() => move(index, index + 1)}
            aria-label={t('consultations.questions.moveDown')}
          />
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            disabled={count <= 1}
            onClick={() => remove(name)}
            aria-label={t('consultations.questions.remove')}
            data-testid={`cs-question-${index}-remove`}
          />
        </span>
      }
    >
      <Form.Item name={[name, 'key']} hidden>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={17} sm={12}>
          <Form.Item name={[name, 'kind']} label={t('consultations.questions.kind')}>
            <Select
              options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`consultations.kinds.${k}`) }))}
              popupMatchSelectWidth={false}
              data-testid={`cs-q${index}-kind`}
            />
          </Form.Item>
        </Col>
        <Col xs={7} sm={12}>
          <Form.Item
            name={[name, 'required']}
            label={t('consultations.questions.required')}
            valuePropName="checked"
          >
            <Switch size="small" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={[name, 'title']} label={t('consultations.questions.title')} required>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          placeholder={t(`consultations.questions.titlePlaceholder.${MECHANISM[kind]}`)}
          data-testid={`cs-q${index}-title`}
        />
      </Form.Item>
      <Form.Item name={[name, 'description']} label={t('consultations.questions.description')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid={`cs-q${index}-description`} />
      </Form.Item>
      <Typography.Paragraph type="secondary" className="cs-kind-help">
        {t(`consultations.kindHelp.${kind}`)}
      </Typography.Paragraph>
      {kind === 'single_choice' || kind === 'multiple_choice' ? <OptionsEditor name={name} /> : null}
      {kind === 'sections' ? <SectionsEditor form={form} name={name} /> : null}
      {kind === 'number' ? (
        <Row gutter={12}>
          <Col xs={8}>
            <Form.Item name={[name, 'min']} label={t('consultations.questions.min')}>
              <InputNumber style={{ width: '100%' }} data-testid={`cs-q${index}-min`} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name={[name, 'max']} label={t('consultations.questions.max')}>
              <InputNumber style={{ width: '100%' }} data-testid={`cs-q${index}-max`} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name={[name, 'unit']} label={t('consultations.questions.unit')}>
              <Input placeholder="tỷ đồng" data-testid={`cs-q${index}-unit`} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
    </Card>
  )
}

export function QuestionsBuilder({ form }: { form: FormInstance<FormValues> }) {
  const { t } = useTranslation()
  return (
    <Form.List name="questions">
      {(fields, { add, remove, move }) => (
        <div className="cs-questions" data-testid="cs-questions">
          {fields.map((field, index) => (
            <QuestionCard
              key={field.key}
              form={form}
              name={field.name}
              index={index}
              count={fields.length}
              remove={remove}
              move={move}
            />
          ))}
          <Dropdown
            trigger={['click']}
            menu={{
              items: QUESTION_KINDS.map((k) => ({
                key: k,
                label: (
                  <span data-testid={`cs-add-${k}`}>
                    <strong>{t(`consultations.kinds.${k}`)}</strong>
                    <span className="cs-menu-help">{t(`consultations.kindHelp.${k}`)}</span>
                  </span>
                ),
              })),
              onClick: ({ key }) => add(newQuestion(key as QuestionKind)),
            }}
          >
            <Button type="dashed" block icon={<PlusOutlined />} data-testid="cs-add-question">
              {t('consultations.questions.add')}
            </Button>
          </Dropdown>
        </div>
      )}
    </Form.List>
  )
}
