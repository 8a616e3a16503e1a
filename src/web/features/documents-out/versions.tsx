/**
 * Dự thảo: every upload is a version. Upload a new one, compare any two by their text (added words
 * green, removed words red and struck through), and read or write comments per version.
 */
import { useState } from 'react'
import { Alert, Button, Card, Empty, Form, Input, List, Select, Space, Spin, Table, Tag } from 'antd'
import { DiffOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TDraftVersion, TOutgoingDocument } from '@common/contracts/documents-out'
import type { TFile } from '@common/contracts/files'
import { fileContentUrl } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { useIsMobile } from '../../lib/use-media.ts'
import { outApi } from './api.ts'
import { OutModal, useOutMutation } from './actions.tsx'
import { FileUpload } from './file-inputs.tsx'
import { DOCUMENTS_OUT_KEY } from './keys.ts'

function ConversionTag({ v }: { v: TDraftVersion }) {
  const { t } = useTranslation()
  if (v.conversionStatus === 'not_needed') return null
  const color =
    v.conversionStatus === 'done' ? 'success' : v.conversionStatus === 'pending' ? 'processing' : 'warning'
  return <Tag color={color}>{t(`documentsOut.conversion.${v.conversionStatus}`)}</Tag>
}

export function AddVersionModal({ doc, onClose }: { doc: TOutgoingDocument; onClose: () => void }) {
  const { t } = useTranslation()
  const [files, setFiles] = useState<TFile[]>([])
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const m = useOutMutation(
    doc,
    (body: { fileId: string; note: string | null }) => outApi.addVersion(doc.id, body),
    onClose,
  )
  function ok() {
    setError(null)
    const file = files[0]
    if (!file) {
      setError(t('documentsOut.versions.pickFile'))
      return
    }
    m.mutate({ fileId: file.id, note: note.trim() || null }, { onError: (e) => setError(errorText(t, e)) })
  }
  return (
    <OutModal
      title={t('documentsOut.versions.add')}
      okText={t('documentsOut.versions.addOk')}
      testId="out-add-version"
      onCancel={onClose}
      onOk={ok}
      pending={m.isPending}
      error={error}
    >
      <FileUpload
        files={files}
        onChange={setFiles}
        single
        title={t('documentsOut.files.dropMain')}
        hint={t('documentsOut.files.mainHint')}
        testId="out-version-file"
      />
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item label={t('documentsOut.versions.note')}>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid="out-version-note"
          />
        </Form.Item>
      </Form>
    </OutModal>
  )
}

function DiffView({ doc, from, to }: { doc: TOutgoingDocument; from: string; to: string }) {
  const { t } = useTranslation()
  const diff = useQuery({
    queryKey: [...DOCUMENTS_OUT_KEY, 'diff', doc.id, from, to],
    queryFn: () => outApi.diff(doc.id, from, to),
  })
  if (diff.isPending) return <Spin />
  if (diff.isError) return <Alert type="error" showIcon title={errorText(t, diff.error)} />
  const d = diff.data
  return (
    <div data-testid="out-diff">
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color="green" data-testid="out-diff-added">
          {t('documentsOut.versions.added', { count: d.addedWords })}
        </Tag>
        <Tag color="red" data-testid="out-diff-removed">
          {t('documentsOut.versions.removed', { count: d.removedWords })}
        </Tag>
        <span className="doc-muted">
          {t('documentsOut.versions.compared', { from: d.fromVersion, to: d.toVersion })}
        </span>
      </Space>
      {d.isComplete ? null : (
        <Alert
          type="warning"
          showIcon
          title={t('documentsOut.versions.incomplete')}
          style={{ marginBottom: 8 }}
        />
      )}
      <div className="out-diff-text">
        {d.segments.map((s, i) =>
          s.kind === 'added' ? (
            <ins key={i} className="out-diff-added">
              {s.text}
            </ins>
          ) : s.kind === 'removed' ? (
            <del key={i} className="out-diff-removed">
              {s.text}
            </del>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
      </div>
    </div>
  )
}

function Comments({ doc }: { doc: TOutgoingDocument }) {
  const { t } = useTranslation()
  const [body, setBody] = useState('')
  const [versionId, setVersionId] = useState<string | null>(null)
  const m = useOutMutation(
    doc,
    (input: { body: string; versionId: string | null }) => outApi.comment(doc.id, input),
    () => setBody(''),
  )
  return (
    <div>
      <List
        size="small"
        dataSource={[...doc.comments].reverse()}
        locale={{ emptyText: t('documentsOut.comments.none') }}
        data-testid="out-comments"
        renderItem={(c) => (
          <List.Item data-testid="out-comment" data-kind={c.kind}>
            <div style={{ minWidth: 0 }}>
              <div>
                <strong>
                  {c.principalName
                    ? t('documentsOut.enteredFor', { actor: c.authorName, principal: c.principalName })
                    : c.authorName}
                </strong>
                {c.version ? (
                  <Tag style={{ marginInlineStart: 8 }}>
                    {t('documentsOut.versions.short', { version: c.version })}
                  </Tag>
                ) : null}
                {c.kind !== 'comment' ? (
                  <Tag color={c.kind === 'approve' ? 'success' : 'warning'}>
                    {t(`documentsOut.comments.kinds.${c.kind}`, { defaultValue: c.kind })}
                  </Tag>
                ) : null}
                <span className="doc-muted"> · {formatDateTime(c.createdAt)}</span>
              </div>
              <div className="doc-timeline-text">{c.body}</div>
            </div>
          </List.Item>
        )}
      />
      {doc.abilities.comment ? (
        <div className="out-comment-box">
          <Select
            size="small"
            value={versionId ?? ''}
            onChange={(v: string) => setVersionId(v || null)}
            options={[
              { value: '', label: t('documentsOut.comments.current') },
              ...doc.versions.map((v) => ({
                value: v.id,
                label: t('documentsOut.versions.short', { version: v.version }),
              })),
            ]}
            style={{ width: 180 }}
          />
          <Input.TextArea
            value={body}
            onChange={(e) => setBody(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('documentsOut.comments.placeholder')}
            data-testid="out-comment-text"
          />
          {m.isError ? <Alert type="error" showIcon title={errorText(t, m.error)} /> : null}
          <Button
            type="primary"
            disabled={body.trim().length < 2}
            loading={m.isPending}
            onClick={() => m.mutate({ body: body.trim(), versionId })}
            data-testid="out-comment-send"
          >
            {t('documentsOut.comments.send')}
          </Button>
        </div>
      ) : null}
    </div>
  )
}

export function Versions({ doc }: { doc: TOutgoingDocument }) {
  const { t } = useTranslation()
  const isMobile = useIsMobile()
  const [adding, setAdding] = useState(false)
  const versions = doc.versions
  const [from, setFrom] = useState<string | undefined>(versions.at(-2)?.id)
  const [to, setTo] = useState<string | undefined>(versions.at(-1)?.id)
  const [comparing, setComparing] = useState(false)
  const options = versions.map((v) => ({
    value: v.id,
    label: t('documentsOut.versions.short', { version: v.version }),
  }))
  return (
    <div className="out-versions">
      <Card
        size="small"
        title={t('documentsOut.versions.title')}
        extra={
          doc.abilities.addVersion ? (
            <Button
              size="small"
              icon={<UploadOutlined />}
              onClick={() => setAdding(true)}
              data-testid="out-action-add-version"
            >
              {t('documentsOut.versions.add')}
            </Button>
          ) : null
        }
      >
        {versions.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('documentsOut.versions.none')} />
        ) : (
          <Table<TDraftVersion>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={[...versions].reverse()}
            scroll={isMobile ? { x: 'max-content' } : undefined}
            data-testid="out-versions"
            columns={[
              { title: '#', dataIndex: 'version', width: 48 },
              {
                title: t('documentsOut.versions.file'),
                key: 'file',
                render: (_, v) => (
                  <div>
                    <a href={fileContentUrl(v.fileId)} download={v.filename}>
                      <DownloadOutlined /> {v.filename}
                    </a>{' '}
                    <ConversionTag v={v} />
                    {v.note ? <div className="doc-muted doc-timeline-text">{v.note}</div> : null}
                  </div>
                ),
              },
              {
                title: t('documentsOut.versions.by'),
                key: 'by',
                responsive: ['md'],
                render: (_, v) => (
                  <div style={{ fontSize: 13 }}>
                    <div>{v.uploadedByName}</div>
                    <div className="doc-muted">{formatDateTime(v.createdAt)}</div>
                  </div>
                ),
              },
            ]}
          />
        )}
      </Card>
      {versions.length >= 2 ? (
        <Card size="small" title={t('documentsOut.versions.compare')} style={{ marginTop: 16 }}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              value={from}
              onChange={(v: string) => {
                setFrom(v)
                setComparing(false)
              }}
              options={options}
              style={{ width: 140 }}
              data-testid="out-diff-from"
            />
            <span>→</span>
            <Select
              value={to}
              onChange={(v: string) => {
                setTo(v)
                setComparing(false)
              }}
              options={options}
              style={{ width: 140 }}
              data-testid="out-diff-to"
            />
            <Button
              icon={<DiffOutlined />}
              disabled={!from || !to || from === to}
              onClick={() => setComparing(true)}
              data-testid="out-diff-run"
            >
              {t('documentsOut.versions.compareOk')}
            </Button>
          </Space>
          {comparing && from && to ? <DiffView doc={doc} from={from} to={to} /> : null}
        </Card>
      ) : null}
      <Card size="small" title={t('documentsOut.comments.title')} style={{ marginTop: 16 }}>
        <Comments doc={doc} />
      </Card>
      {adding ? <AddVersionModal doc={doc} onClose={() => setAdding(false)} /> : null}
    </div>
  )
}
