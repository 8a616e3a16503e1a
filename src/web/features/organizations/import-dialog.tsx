/**
 * Import organizations from CSV: pick a file, check it (dry run: counts and errors per line),
 * then import. The server imports all rows or none.
 */
import { useState } from 'react'
import { Alert, App, Button, Col, Modal, Row, Space, Statistic, Table, Upload } from 'antd'
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TOrganizationImportResult } from '@common/contracts/organizations'
import { api, ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { useIsMobile } from '../../lib/use-media.ts'
import { downloadText, readCsvFile, templateCsv } from './csv.ts'
import { ORGANIZATIONS_KEY } from './use-organizations.ts'

type Picked = { name: string; csv: string }
type LineError = { line: number; message: string }

/** CSV_INVALID details come as `{ path: 'line.<n>', message }`. */
function lineErrors(error: ApiError): LineError[] {
  return error.details.map((d) => ({
    line: Number(d.path.replace(/^.*line\./, '')) || 0,
    message: d.message,
  }))
}

export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const isMobile = useIsMobile()
  const queryClient = useQueryClient()
  const [picked, setPicked] = useState<Picked | null>(null)
  const [preview, setPreview] = useState<TOrganizationImportResult | null>(null)
  const [errors, setErrors] = useState<LineError[]>([])
  const [failure, setFailure] = useState<string | null>(null)

  function reset() {
    setPicked(null)
    setPreview(null)
    setErrors([])
    setFailure(null)
  }

  const check = useMutation({
    mutationFn: (csv: string) => api.organizations.importCsv(csv, true),
    onSuccess: (result) => {
      setPreview(result)
      setErrors(result.errors)
    },
    onError: (e) => {
      setPreview(null)
      if (e instanceof ApiError && e.code === 'CSV_INVALID' && e.details.length > 0) setErrors(lineErrors(e))
      setFailure(errorText(t, e))
    },
  })

  const run = useMutation({
    mutationFn: (csv: string) => api.organizations.importCsv(csv, false),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY })
      message.success(t('organizations.import.done', { created: result.created, updated: result.updated }))
      reset()
      onClose()
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'CSV_INVALID' && e.details.length > 0) setErrors(lineErrors(e))
      setFailure(errorText(t, e))
    },
  })

  async function pick(file: File) {
    setFailure(null)
    setPreview(null)
    setErrors([])
    const csv = await readCsvFile(file)
    setPicked({ name: file.name, csv })
    check.mutate(csv)
  }

  function downloadTemplate() {
    const csv = templateCsv([
      [
        '000.00.00.G99',
        t('organizations.import.sampleName'),
        t('organizations.import.sampleShortName'),
        'ministry',
        'vanthu@example.gov.vn',
        '024 0000 0000',
        t('organizations.import.sampleAddress'),
      ],
    ])
    downloadText(t('organizations.import.templateFileName'), csv)
  }

  const canImport = picked !== null && preview !== null && errors.length === 0 && !check.isPending

  return (
    <Modal
      open={open}
      title={t('organizations.import.title')}
      width={isMobile ? '100%' : 720}
      onCancel={() => {
        reset()
        onClose()
      }}
      destroyOnHidden
      footer={
        <Space wrap style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button icon={<DownloadOutlined />} onClick={downloadTemplate} data-testid="import-template">
            {t('organizations.import.template')}
          </Button>
          <Button
            disabled={!picked}
            loading={check.isPending}
            onClick={() => picked && check.mutate(picked.csv)}
            data-testid="import-check"
          >
            {t('organizations.import.check')}
          </Button>
          <Button
            type="primary"
            disabled={!canImport}
            loading={run.isPending}
            onClick={() => picked && run.mutate(picked.csv)}
            data-testid="import-run"
          >
            {t('organizations.import.run')}
          </Button>
        </Space>
      }
      data-testid="import-dialog"
    >
      <Alert type="info" showIcon title={t('organizations.import.help')} style={{ marginBottom: 16 }} />
      <Upload.Dragger
        accept=".csv,text/csv"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void pick(file)
          return Upload.LIST_IGNORE
        }}
        data-testid="import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{picked ? picked.name : t('organizations.import.pick')}</p>
        <p className="ant-upload-hint">{t('organizations.import.pickHint')}</p>
      </Upload.Dragger>

      {failure ? (
        <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} data-testid="import-failure" />
      ) : null}

      {preview ? (
        <div style={{ marginTop: 16 }} data-testid="import-preview">
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title={t('organizations.import.created')} value={preview.created} />
            </Col>
            <Col span={8}>
              <Statistic title={t('organizations.import.updated')} value={preview.updated} />
            </Col>
            <Col span={8}>
              <Statistic title={t('organizations.import.unchanged')} value={preview.unchanged} />
            </Col>
          </Row>
          {errors.length === 0 ? (
            <Alert
              type="success"
              showIcon
              title={t('organizations.import.ready')}
              style={{ marginTop: 16 }}
            />
          ) : null}
        </div>
      ) : null}

      {errors.length > 0 ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('organizations.import.hasErrors', { count: errors.length })}
            style={{ marginTop: 16, marginBottom: 8 }}
          />
          <Table<LineError>
            size="small"
            rowKey={(e) => `${e.line}-${e.message}`}
            dataSource={errors}
            pagination={errors.length > 10 ? { pageSize: 10 } : false}
            columns={[
              { title: t('organizations.import.line'), dataIndex: 'line', width: 90 },
              { title: t('organizations.import.error'), dataIndex: 'message' },
            ]}
            data-testid="import-errors"
          />
        </>
      ) : null}
    </Modal>
  )
}
