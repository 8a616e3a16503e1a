/** Chứng thư gốc tin cậy: the certificate authorities whose chains make a signature trusted. */
import { useState } from 'react'
import { Alert, App, Button, Form, Input, Modal, Switch, Table, Tag } from 'antd'
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ZTrustedRootInput } from '@common/contracts/documents-out'
import { PageHeader } from '../../components/page-header.tsx'
import { useTableScroll } from '../../components/filter-bar.tsx'
import { ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { formatDate } from '../../lib/format.ts'
import { applyServerError, clearErrorsOnChange, parseForm } from '../../lib/validation.ts'
import { signatureApi, type TTrustedRoot } from './api.ts'
import './signatures.css'

const KEY = ['signing', 'trusted-roots'] as const

function AddRootModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<{ name?: string; certificate?: string }>()
  const [error, setError] = useState<string | null>(null)
  const create = useMutation({
    mutationFn: signatureApi.trustedRoots.create,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: KEY })
      message.success(t('signatures.roots.added'))
      onClose()
    },
    onError: (e) => {
      const onField =
        e instanceof ApiError && applyServerError(form, e, t, { CERTIFICATE_INVALID: 'certificate' })
      setError(onField ? null : errorText(t, e))
    },
  })
  function ok() {
    setError(null)
    const body = parseForm(
      form,
      ZTrustedRootInput,
      {
        name: (form.getFieldValue('name') as string | undefined) ?? '',
        certificate: (form.getFieldValue('certificate') as string | undefined) ?? '',
      },
      t,
    )
    if (body) create.mutate(body)
  }
  return (
    <Modal
      open
      title={t('signatures.roots.add')}
      onCancel={onClose}
      onOk={ok}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      maskClosable={false}
      width={640}
      okButtonProps={{ ...{ 'data-testid': 'root-ok' } }}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name="name" label={t('signatures.roots.name')} required>
          <Input data-testid="root-name" />
        </Form.Item>
        <Form.Item
          name="certificate"
          label={t('signatures.roots.certificate')}
          extra={t('signatures.roots.certificateHelp')}
          required
        >
          <Input.TextArea
            autoSize={{ minRows: 6, maxRows: 14 }}
            style={{ fontFamily: 'monospace', fontSize: 12 }}
            data-testid="root-pem"
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** Save the root's PEM as a file (for pdfsig/NSS, a browser's or the OS's trust store). */
function downloadPem(name: string, pem: string): void {
  const url = URL.createObjectURL(new Blob([pem], { type: 'application/x-pem-file' }))
  const a = document.createElement('a')
  a.href = url
  a.download = `${name.replace(/[^\p{L}\p{N}]+/gu, '-')}.pem`
  a.click()
  URL.revokeObjectURL(url)
}

export function TrustedRootsPage() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const scroll = useTableScroll()
  const [adding, setAdding] = useState(false)
  const roots = useQuery({ queryKey: KEY, queryFn: signatureApi.trustedRoots.list })
  const toggle = useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) =>
      signatureApi.trustedRoots.setActive(id, isActive),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  })
  return (
    <>
      <PageHeader
        title={t('signatures.roots.title')}
        subtitle={t('signatures.roots.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="root-add"
          >
            {t('signatures.roots.add')}
          </Button>
        }
      />
      {roots.isError ? (
        <Alert type="error" showIcon title={errorText(t, roots.error)} style={{ marginBottom: 12 }} />
      ) : null}
      {toggle.isError ? (
        <Alert type="error" showIcon title={errorText(t, toggle.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<TTrustedRoot>
        rowKey="id"
        loading={roots.isPending}
        dataSource={roots.data?.items ?? []}
        pagination={false}
        scroll={scroll}
        data-testid="roots-table"
        columns={[
          {
            title: t('signatures.roots.name'),
            key: 'name',
            render: (_, r) => (
              <div>
                <div style={{ fontWeight: 500 }}>{r.name}</div>
                <div className="doc-muted">{r.certificate.subject}</div>
              </div>
            ),
          },
          {
            title: t('signatures.verify.validity'),
            key: 'validity',
            width: 220,
            render: (_, r) =>
              `${formatDate(r.certificate.notBefore)} – ${formatDate(r.certificate.notAfter)}`,
          },
          {
            title: t('signatures.verify.fingerprint'),
            key: 'fp',
            responsive: ['lg'],
            render: (_, r) => <code className="sig-fingerprint">{r.certificate.sha256Fingerprint}</code>,
          },
          {
            title: t('common.status'),
            key: 'active',
            width: 150,
            render: (_, r) => (
              <span>
                <Switch
                  size="small"
                  checked={r.isActive}
                  loading={toggle.isPending}
                  onChange={(isActive) => toggle.mutate({ id: r.id, isActive })}
                />{' '}
                <Tag color={r.isActive ? 'success' : 'default'}>
                  {r.isActive ? t('common.active') : t('common.inactive')}
                </Tag>
              </span>
            ),
          },
          {
            title: '',
            key: 'download',
            width: 120,
            render: (_, r) => (
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => downloadPem(r.name, r.pem)}
                data-testid="root-download"
              >
                {t('signatures.roots.download')}
              </Button>
            ),
          },
        ]}
      />
      {adding ? <AddRootModal onClose={() => setAdding(false)} /> : null}
    </>
  )
}
