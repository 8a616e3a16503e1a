/**
 * The directory of exchange agencies from a file: JSON (checked entry by entry in the browser) or
 * CSV (checked by the server), a dry run first showing what would be created, updated or left
 * unchanged and the errors per line, then the import.
 */
import { useState } from 'react'
import { Alert, App, Button, Card, Col, Row, Space, Statistic, Table, Upload } from 'antd'
import { InboxOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TDirectoryImportResult } from '@common/contracts/exchange'
import { ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { readCsvFile } from '../organizations/csv.ts'
import { ORGANIZATIONS_KEY } from '../organizations/use-organizations.ts'
import { exchangeApi } from './api.ts'
import { IDENTITY_KEY } from './keys.ts'
import { readDirectoryFile, type DirectoryFile, type DirectoryLineError } from './model.ts'

export function ResultCounts({ result }: { result: TDirectoryImportResult }) {
  const { t } = useTranslation()
  return (
    <Row gutter={16} data-testid="directory-result" data-dry-run={result.dryRun ? 'true' : 'false'}>
      <Col span={8}>
        <Statistic title={t('organizations.import.created')} value={result.created} />
      </Col>
      <Col span={8}>
        <Statistic title={t('organizations.import.updated')} value={result.updated} />
      </Col>
      <Col span={8}>
        <Statistic title={t('organizations.import.unchanged')} value={result.unchanged} />
      </Col>
    </Row>
  )
}

export function LineErrors({ errors }: { errors: DirectoryLineError[] }) {
  const { t } = useTranslation()
  if (errors.length === 0) return null
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title={t('organizations.import.hasErrors', { count: errors.length })}
        style={{ marginTop: 16, marginBottom: 8 }}
      />
      <Table<DirectoryLineError>
        size="small"
        rowKey={(e) => `${e.line}-${e.messageKey ?? ''}-${e.message}`}
        dataSource={errors}
        pagination={errors.length > 10 ? { pageSize: 10 } : false}
        columns={[
          {
            title: t('organizations.import.line'),
            dataIndex: 'line',
            width: 90,
            render: (line: number) => (line > 0 ? line : '—'),
          },
          {
            title: t('organizations.import.error'),
            key: 'message',
            render: (_, e) =>
              e.messageKey ? `${t(e.messageKey)}${e.message ? ` (${e.message})` : ''}` : e.message,
          },
        ]}
        data-testid="directory-errors"
      />
    </>
  )
}

/** Server field issues of a JSON import (`entries.3.code`) as line errors (entry 4). */
function serverLineErrors(error: unknown): DirectoryLineError[] {
  if (!(error instanceof ApiError)) return []
  return error.details.map((d) => {
    const m = /entries\.(\d+)/.exec(d.path) ?? /line\.(\d+)/.exec(d.path)
    const line = m ? Number(m[1]) + (d.path.includes('entries.') ? 1 : 0) : 0
    return { line, message: d.message }
  })
}

export function DirectoryImport() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [picked, setPicked] = useState<{ name: string; file: DirectoryFile } | null>(null)
  const [preview, setPreview] = useState<TDirectoryImportResult | null>(null)
  const [errors, setErrors] = useState<DirectoryLineError[]>([])
  const [failure, setFailure] = useState<string | null>(null)
  const send = useMutation({
    mutationFn: ({ file, dryRun }: { file: DirectoryFile & { ok: true }; dryRun: boolean }) =>
      exchangeApi.directory.import({ ...file.body, dryRun }),
    onSuccess: (result) => {
      setErrors(result.errors)
      if (result.dryRun) {
        setPreview(result)
        return
      }
      void queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY })
      void queryClient.invalidateQueries({ queryKey: IDENTITY_KEY })
      message.success(t('exchange.import.done', { created: result.created, updated: result.updated }))
      setPreview(result)
    },
    onError: (e) => {
      setPreview(null)
      setErrors(serverLineErrors(e))
      setFailure(errorText(t, e))
    },
  })

  async function pick(f: File) {
    setFailure(null)
    setPreview(null)
    setErrors([])
    const text = await readCsvFile(f)
    const file = readDirectoryFile(f.name, text)
    setPicked({ name: f.name, file })
    if (file.ok) send.mutate({ file, dryRun: true })
    else setErrors(file.errors)
  }

  const ready = picked?.file.ok === true ? picked.file : null
  const canImport = ready !== null && preview?.dryRun === true && errors.length === 0 && !send.isPending
  return (
    <Card size="small" title={t('exchange.import.title')} data-testid="directory-import">
      <Alert type="info" showIcon title={t('exchange.import.help')} style={{ marginBottom: 16 }} />
      <Upload.Dragger
        accept=".json,.csv,application/json,text/csv"
        multiple={false}
        showUploadList={false}
        beforeUpload={(f) => {
          void pick(f)
          return Upload.LIST_IGNORE
        }}
        data-testid="directory-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{picked ? picked.name : t('exchange.import.pick')}</p>
        <p className="ant-upload-hint">{t('organizations.import.pickHint')}</p>
      </Upload.Dragger>
      {failure ? (
        <Alert
          type="error"
          showIcon
          title={failure}
          style={{ marginTop: 16 }}
          data-testid="directory-failure"
        />
      ) : null}
      {preview ? (
        <div style={{ marginTop: 16 }}>
          <ResultCounts result={preview} />
          {preview.dryRun && errors.length === 0 ? (
            <Alert
              type="success"
              showIcon
              title={t('organizations.import.ready')}
              style={{ marginTop: 16 }}
            />
          ) : null}
          {!preview.dryRun ? (
            <Alert type="success" showIcon title={t('exchange.import.imported')} style={{ marginTop: 16 }} />
          ) : null}
        </div>
      ) : null}
      <LineErrors errors={errors} />
      <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }} wrap>
        <Button
          disabled={!ready}
          loading={send.isPending && send.variables?.dryRun === true}
          onClick={() => ready && send.mutate({ file: ready, dryRun: true })}
          data-testid="directory-check"
        >
          {t('organizations.import.check')}
        </Button>
        <Button
          type="primary"
          disabled={!canImport}
          loading={send.isPending && send.variables?.dryRun === false}
          onClick={() => ready && send.mutate({ file: ready, dryRun: false })}
          data-testid="directory-run"
        >
          {t('organizations.import.run')}
        </Button>
      </Space>
    </Card>
  )
}
