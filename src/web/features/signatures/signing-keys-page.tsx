/**
 * Khóa ký số: each leader's PKCS#12 key and handwritten-signature image (blue, transparent PNG),
 * and the organization's seal key and red seal image. The PIN is checked once and never stored.
 */
import { useState } from 'react'
import { Alert, App, Button, Form, Input, Modal, Radio, Switch, Table, Tag, Upload } from 'antd'
import { PictureOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ZSigningKeyInput } from '@common/contracts/documents-out'
import { PageHeader } from '../../components/page-header.tsx'
import { useTableScroll } from '../../components/filter-bar.tsx'
import { ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { formatDate } from '../../lib/format.ts'
import { applyServerError, clearErrorsOnChange, parseForm } from '../../lib/validation.ts'
import { UserPicker } from '../users/user-picker.tsx'
import { fileToBase64, signatureApi, type TSigningKey } from './api.ts'
import './signatures.css'

const KEY = ['signing', 'keys'] as const

type Values = { ownerKind: 'user' | 'organization'; userId?: string; pin?: string }

function FilePick({
  accept,
  file,
  onFile,
  label,
  testId,
}: {
  accept: string
  file: File | null
  onFile: (f: File | null) => void
  label: string
  testId: string
}) {
  return (
    <Upload
      accept={accept}
      maxCount={1}
      beforeUpload={(f) => {
        onFile(f)
        return false
      }}
      onRemove={() => onFile(null)}
      fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
    >
      <Button icon={<UploadOutlined />} data-testid={testId}>
        {label}
      </Button>
    </Upload>
  )
}

function AddKeyModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [p12, setP12] = useState<File | null>(null)
  const [image, setImage] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const kind = Form.useWatch('ownerKind', form) ?? 'user'
  const create = useMutation({
    mutationFn: signatureApi.signingKeys.create,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: KEY })
      message.success(t('signatures.keys.added'))
      onClose()
    },
    onError: (e) => {
      const onField = e instanceof ApiError && applyServerError(form, e, t, { WRONG_PIN: 'pin' })
      setError(onField ? null : errorText(t, e))
    },
  })
  async function ok() {
    setError(null)
    const v = form.getFieldsValue()
    const body = parseForm(
      form,
      ZSigningKeyInput,
      {
        ownerKind: v.ownerKind,
        userId: v.ownerKind === 'user' ? (v.userId ?? null) : null,
        p12Base64: p12 ? await fileToBase64(p12) : '',
        pin: v.pin ?? '',
        imageBase64: image ? await fileToBase64(image) : null,
      },
      t,
    )
    if (!p12) setError(t('signatures.keys.pickP12'))
    else if (body) create.mutate(body)
  }
  return (
    <Modal
      open
      title={t('signatures.keys.add')}
      onCancel={onClose}
      onOk={() => void ok()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      maskClosable={false}
      width={600}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ ownerKind: 'user' }}
      >
        <Form.Item name="ownerKind" label={t('signatures.keys.owner')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'user', label: t('signatures.keys.ownerUser') },
              { value: 'organization', label: t('signatures.keys.ownerOrganization') },
            ]}
          />
        </Form.Item>
        {kind === 'user' ? (
          <Form.Item name="userId" label={t('signatures.keys.signer')} required>
            <UserPicker testId="key-user" style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Form.Item label={t('signatures.keys.p12')} required extra={t('signatures.keys.p12Help')}>
          <FilePick
            accept=".p12,.pfx"
            file={p12}
            onFile={setP12}
            label={t('signatures.keys.chooseP12')}
            testId="key-p12"
          />
        </Form.Item>
        <Form.Item name="pin" label={t('signatures.keys.pin')} required extra={t('signatures.keys.pinHelp')}>
          <Input.Password autoComplete="off" data-testid="key-pin" />
        </Form.Item>
        <Form.Item
          label={kind === 'user' ? t('signatures.keys.signatureImage') : t('signatures.keys.sealImage')}
          extra={
            kind === 'user' ? t('signatures.keys.signatureImageHelp') : t('signatures.keys.sealImageHelp')
          }
        >
          <FilePick
            accept="image/png"
            file={image}
            onFile={setImage}
            label={t('signatures.keys.chooseImage')}
            testId="key-image"
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function ImageButton({ signingKey }: { signingKey: TSigningKey }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const update = useMutation({
    mutationFn: async (file: File) =>
      signatureApi.signingKeys.update(signingKey.id, { imageBase64: await fileToBase64(file) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: KEY })
      message.success(t('signatures.keys.imageSaved'))
    },
    onError: (e) => message.error(errorText(t, e)),
  })
  return (
    <Upload
      accept="image/png"
      showUploadList={false}
      beforeUpload={(f) => {
        update.mutate(f)
        return false
      }}
    >
      <Button size="small" icon={<PictureOutlined />} loading={update.isPending}>
        {signingKey.hasImage ? t('signatures.keys.replaceImage') : t('signatures.keys.addImage')}
      </Button>
    </Upload>
  )
}

export function SigningKeysPage() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const scroll = useTableScroll()
  const [adding, setAdding] = useState(false)
  const keys = useQuery({ queryKey: KEY, queryFn: signatureApi.signingKeys.list })
  const toggle = useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) =>
      signatureApi.signingKeys.update(id, { isActive }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  })
  return (
    <>
      <PageHeader
        title={t('signatures.keys.title')}
        subtitle={t('signatures.keys.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="key-add"
          >
            {t('signatures.keys.add')}
          </Button>
        }
      />
      {keys.isError ? (
        <Alert type="error" showIcon title={errorText(t, keys.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<TSigningKey>
        rowKey="id"
        loading={keys.isPending}
        dataSource={keys.data?.items ?? []}
        pagination={false}
        scroll={scroll}
        data-testid="keys-table"
        columns={[
          {
            title: t('signatures.keys.owner'),
            key: 'owner',
            render: (_, k) => (
              <div>
                <div style={{ fontWeight: 500 }}>
                  {k.ownerKind === 'organization' ? t('signatures.keys.ownerOrganization') : k.userName}
                </div>
                <div className="doc-muted">{k.certificate.subject}</div>
              </div>
            ),
          },
          {
            title: t('signatures.verify.issuer'),
            key: 'issuer',
            responsive: ['lg'],
            render: (_, k) => k.certificate.issuerCommonName ?? k.certificate.issuer,
          },
          {
            title: t('signatures.verify.validity'),
            key: 'validity',
            width: 200,
            render: (_, k) => {
              const expired = new Date(k.certificate.notAfter).getTime() < Date.now()
              return (
                <span className={expired ? 'doc-overdue' : undefined}>
                  {formatDate(k.certificate.notBefore)} – {formatDate(k.certificate.notAfter)}
                  {expired ? (
                    <Tag color="error" style={{ marginInlineStart: 6 }}>
                      {t('signatures.keys.expired')}
                    </Tag>
                  ) : null}
                </span>
              )
            },
          },
          {
            title: t('signatures.keys.image'),
            key: 'image',
            width: 170,
            render: (_, k) => <ImageButton signingKey={k} />,
          },
          {
            title: t('common.status'),
            key: 'active',
            width: 150,
            render: (_, k) => (
              <span>
                <Switch
                  size="small"
                  checked={k.isActive}
                  loading={toggle.isPending}
                  onChange={(isActive) => toggle.mutate({ id: k.id, isActive })}
                />{' '}
                <Tag color={k.isActive ? 'success' : 'default'}>
                  {k.isActive ? t('common.active') : t('common.inactive')}
                </Tag>
              </span>
            ),
          },
        ]}
      />
      {adding ? <AddKeyModal onClose={() => setAdding(false)} /> : null}
    </>
  )
}
