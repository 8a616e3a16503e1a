/**
 * Soạn văn bản đi: the draft form. Opened from an incoming document (?replyTo=) it is pre-filled as
 * the reply (subject, the sender as recipient) and linked both ways by the server.
 */
import { useEffect, useMemo, useState } from 'react'
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Select, Typography } from 'antd'
import { SaveOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { ZCreateDraft } from '@common/contracts/documents-out'
import type { TFile } from '@common/contracts/files'
import { DOCUMENT_TYPES } from '@common/document-types'
import { URGENCIES } from '@common/domain'
import { PageHeader } from '../../components/page-header.tsx'
import { ApiError, docApi } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { useDebounced } from '../../lib/use-debounced.ts'
import { applyServerError, clearErrorsOnChange, parseForm } from '../../lib/validation.ts'
import { documentKey } from '../documents-in/keys.ts'
import { documentPath } from '../documents-in/paths.ts'
import { outApi } from './api.ts'
import { FileUpload } from './file-inputs.tsx'
import { OUT_OPTIONS_KEY, refreshOutgoing } from './keys.ts'
import { outgoingPath } from './paths.ts'
import { RecipientsInput, recipientsBody, type RecipientValue } from './recipients-input.tsx'
import '../documents-in/documents-in.css'
import './documents-out.css'

type Values = {
  documentType?: string
  subject?: string
  signerId?: string
  signerTitle?: string
  urgency?: string
  recipients?: RecipientValue[]
  relatedDocumentIds?: string[]
  notes?: string
}

export function useDraftOptions() {
  return useQuery({ queryKey: OUT_OPTIONS_KEY, queryFn: outApi.options, staleTime: 60_000 })
}

/** Related documents: incoming documents found by number or subject. */
function RelatedPicker({ value, onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim())
  const found = useQuery({
    queryKey: ['documents-in', 'related-search', q],
    queryFn: () => docApi.documentsIn.list({ q: q || undefined, pageSize: 20 }),
    staleTime: 30_000,
  })
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={(found.data?.items ?? []).map((d) => ({
        value: d.id,
        label: [d.numberAndNotation, d.subject].filter(Boolean).join(' · '),
      }))}
      placeholder={t('documentsOut.fields.relatedPlaceholder')}
      loading={found.isFetching}
      data-testid="draft-related"
    />
  )
}

export function CreateDraftPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [params] = useSearchParams()
  const replyTo = params.get('replyTo')
  const [form] = Form.useForm<Values>()
  const [mainFile, setMainFile] = useState<TFile[]>([])
  const [attachments, setAttachments] = useState<TFile[]>([])
  const [error, setError] = useState<string | null>(null)
  const clientRequestId = useMemo(() => crypto.randomUUID(), [])
  const options = useDraftOptions()
  const incoming = useQuery({
    queryKey: documentKey(replyTo ?? ''),
    queryFn: () => docApi.documentsIn.get(replyTo!),
    enabled: replyTo !== null,
  })
  // Pre-fill once from the incoming document: subject, its sender as the first recipient.
  useEffect(() => {
    const doc = incoming.data
    if (!doc) return
    form.setFieldsValue({
      documentType: 'CV',
      subject: t('documentsOut.replySubject', { subject: doc.subject }),
      recipients: doc.senderOrganizationId
        ? [{ kind: 'organization', organizationId: doc.senderOrganizationId, name: doc.senderName }]
        : [],
    })
  }, [incoming.data, form, t])

  const create = useMutation({
    mutationFn: outApi.create,
    onSuccess: (doc) => {
      refreshOutgoing(queryClient)
      message.success(t('documentsOut.created'))
      void navigate(outgoingPath(doc.id))
    },
    onError: (e) => {
      const onField = e instanceof ApiError && applyServerError(form, e, t)
      setError(onField ? null : errorText(t, e))
    },
  })

  function submit() {
    setError(null)
    const v = form.getFieldsValue()
    const body = parseForm(
      form,
      ZCreateDraft,
      {
        documentType: v.documentType,
        subject: v.subject ?? '',
        signerId: v.signerId ?? '',
        signerTitle: v.signerTitle?.trim() || null,
        urgency: v.urgency ?? 'normal',
        recipients: recipientsBody(v.recipients ?? []),
        replyToDocumentId: replyTo,
        relatedDocumentIds: v.relatedDocumentIds ?? [],
        mainFileId: mainFile[0]?.id ?? null,
        attachmentFileIds: attachments.map((f) => f.id),
        notes: v.notes?.trim() || null,
        clientRequestId,
      },
      t,
    )
    if (body) create.mutate(body)
  }

  return (
    <>
      <PageHeader title={t('documentsOut.createTitle')} subtitle={t('documentsOut.createSubtitle')} />
      {replyTo && incoming.data ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="draft-reply-to"
          title={
            <span>
              {t('documentsOut.replyTo')}{' '}
              <Link to={documentPath(incoming.data.id)}>
                {[incoming.data.numberAndNotation, incoming.data.senderName].filter(Boolean).join(' · ')}
              </Link>
              {' — '}
              {incoming.data.subject}
            </span>
          }
        />
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="draft-error" />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ urgency: 'normal', recipients: [], relatedDocumentIds: [] }}
        requiredMark
      >
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('documentsOut.sections.metadata')}>
              <Row gutter={12}>
                <Col xs={24} sm={10}>
                  <Form.Item name="documentType" label={t('documentsOut.fields.documentType')} required>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      options={DOCUMENT_TYPES.filter((d) => d.group === 'administrative').map((d) => ({
                        value: d.code,
                        label: d.name,
                      }))}
                      placeholder={t('documentsOut.pickType')}
                      data-testid="draft-type"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={14}>
                  <Form.Item name="urgency" label={t('documentsOut.fields.urgency')}>
                    <Radio.Group
                      optionType="button"
                      size="middle"
                      options={URGENCIES.map((u) => ({
                        value: u,
                        label: (
                          <span data-testid={`draft-urgency-${u}`}>{t(`documentsIn.urgency.${u}`)}</span>
                        ),
                      }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="subject" label={t('documentsOut.fields.subject')} required>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="draft-subject" />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="signerId" label={t('documentsOut.fields.signer')} required>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={options.isPending}
                      options={(options.data?.signers ?? []).map((s) => ({
                        value: s.id,
                        label: [s.fullName, s.position].filter(Boolean).join(' · '),
                      }))}
                      placeholder={t('documentsOut.pickSigner')}
                      data-testid="draft-signer"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="signerTitle"
                    label={t('documentsOut.fields.signerTitle')}
                    extra={t('documentsOut.signerTitleHelp')}
                  >
                    <Input placeholder="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" data-testid="draft-signer-title" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="recipients" label={t('documentsOut.fields.recipients')}>
                <RecipientsInput testId="draft-recipients" />
              </Form.Item>
              <Form.Item name="relatedDocumentIds" label={t('documentsOut.fields.related')}>
                <RelatedPicker />
              </Form.Item>
              <Form.Item name="notes" label={t('documentsOut.fields.notes')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="draft-notes" />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('documentsOut.sections.files')}>
              <Typography.Text strong>{t('documentsOut.files.main')}</Typography.Text>
              <div style={{ margin: '6px 0 16px' }}>
                <FileUpload
                  files={mainFile}
                  onChange={setMainFile}
                  single
                  title={t('documentsOut.files.dropMain')}
                  hint={t('documentsOut.files.mainHint')}
                  testId="draft-main-file"
                />
              </div>
              <Typography.Text strong>{t('documentsOut.files.attachments')}</Typography.Text>
              <div style={{ marginTop: 6 }}>
                <FileUpload
                  files={attachments}
                  onChange={setAttachments}
                  title={t('documentsOut.files.dropAttachments')}
                  testId="draft-attachments"
                />
              </div>
            </Card>
            <div className="out-form-actions">
              <Button
                type="primary"
                size="large"
                icon={<SaveOutlined />}
                loading={create.isPending}
                onClick={submit}
                data-testid="draft-save"
              >
                {t('documentsOut.saveDraft')}
              </Button>
            </div>
          </Col>
        </Row>
      </Form>
    </>
  )
}
