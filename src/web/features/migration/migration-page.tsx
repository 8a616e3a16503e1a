/**
 * Quản trị › Chuyển đổi dữ liệu (issue 6): the administrator chooses the kind (văn bản đến / đi)
 * and the register, picks the export of the previous system (CSV or .xlsx) and, optionally, the
 * zip of its files; "Kiểm tra thử" runs a dry run whose problems are listed by row and column
 * (and downloadable); after fixing the file, "Nhập dữ liệu" imports it. Progress is polled every
 * second; the history lists every run.
 */
import { useEffect, useState } from 'react'
import { Alert, App, Button, Card, Col, Form, Radio, Row, Select, Space, Typography, Upload } from 'antd'
import { CloudUploadOutlined, ExperimentOutlined, FileZipOutlined, InboxOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { MigrationKind, MigrationMode, TMigrationRun } from '@common/contracts/migration'
import { PageHeader } from '../../components/page-header.tsx'
import { ApiError, docApi } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { useRequiredSession } from '../../lib/session.ts'
import { DOCUMENTS_IN_KEY, REGISTERS_KEY } from '../documents-in/keys.ts'
import { useUnits } from '../units/unit-tree.ts'
import { migrationApi } from './api.ts'
import { ColumnMapping } from './column-mapping.tsx'
import { MIGRATION_RUNS_KEY, runKey } from './keys.ts'
import { RunPanel } from './run-panel.tsx'
import { RunsHistory } from './runs-history.tsx'
import '../documents-in/documents-in.css'

/** Errors whose server text is already the Vietnamese explanation of this run's problem. */
const SERVER_WORDED = [
  'MIGRATION_FILE_INVALID',
  'MIGRATION_RUN_ACTIVE',
  'VALIDATION_FAILED',
  'INVALID_TRANSITION',
]

function useErrorText() {
  const { t, i18n } = useTranslation()
  return (error: unknown): string => {
    if (error instanceof ApiError && error.code === 'FILE_TYPE_NOT_ALLOWED')
      return t('migration.errors.sourceType')
    if (error instanceof ApiError && SERVER_WORDED.includes(error.code) && i18n.language.startsWith('vi'))
      return error.details[0]?.message ?? error.message
    return errorText(t, error)
  }
}

type Picked = { file: File; uploadedId: string | null }

function FilePick({
  testId,
  accept,
  picked,
  onPick,
  icon,
  title,
  hint,
}: {
  testId: string
  accept: string
  picked: Picked | null
  onPick: (file: File | null) => void
  icon: React.ReactNode
  title: string
  hint: string
}) {
  return (
    <div data-testid={testId}>
      <Upload.Dragger
        accept={accept}
        multiple={false}
        maxCount={1}
        beforeUpload={(file) => {
          onPick(file)
          return false
        }}
        onRemove={() => onPick(null)}
        fileList={picked ? [{ uid: picked.file.name, name: picked.file.name, status: 'done' }] : []}
      >
        <p className="ant-upload-drag-icon">{icon}</p>
        <p className="ant-upload-text">{title}</p>
        <p className="ant-upload-hint">{hint}</p>
      </Upload.Dragger>
    </div>
  )
}

export function MigrationPage() {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const session = useRequiredSession()
  const queryClient = useQueryClient()
  const describe = useErrorText()
  const [kind, setKind] = useState<MigrationKind>('incoming')
  const [registerId, setRegisterId] = useState<string | undefined>()
  /** Undefined: the default unit (see ZCreateMigrationRun.unitId). */
  const [unitId, setUnitId] = useState<string | undefined>()
  const [source, setSource] = useState<Picked | null>(null)
  const [archive, setArchive] = useState<Picked | null>(null)
  const [runId, setRunId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const registers = useQuery({
    queryKey: [...REGISTERS_KEY, kind],
    queryFn: () => docApi.registers.list(kind),
    staleTime: 60_000,
  })
  const registerOptions = (registers.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))
  useEffect(() => {
    const items = registers.data?.items ?? []
    if (!registerId || !items.some((r) => r.id === registerId))
      setRegisterId(items.find((r) => r.isActive)?.id ?? items[0]?.id)
  }, [registers.data, registerId])

  const units = useUnits()
  const collator = new Intl.Collator('vi')
  const unitOptions = (units.data?.items ?? [])
    .filter((u) => u.isActive)
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((u) => ({ value: u.id, label: u.name }))

  const run = useQuery({
    queryKey: runKey(runId ?? ''),
    queryFn: () => migrationApi.runs.get(runId!),
    enabled: runId !== null,
    refetchInterval: (q) =>
      q.state.data && ['queued', 'running'].includes(q.state.data.status) ? 1000 : false,
  })
  useEffect(() => {
    if (run.data?.status === 'done' && run.data.mode === 'import')
      void queryClient.invalidateQueries({ queryKey: DOCUMENTS_IN_KEY })
    if (run.data && !['queued', 'running'].includes(run.data.status))
      void queryClient.invalidateQueries({ queryKey: MIGRATION_RUNS_KEY })
  }, [run.data?.status, run.data?.mode, run.data, queryClient])

  const show = (r: TMigrationRun) => {
    queryClient.setQueryData(runKey(r.id), r)
    setRunId(r.id)
    void queryClient.invalidateQueries({ queryKey: MIGRATION_RUNS_KEY })
  }

  const start = useMutation({
    mutationFn: async (mode: MigrationMode) => {
      if (!registerId) throw new Error(t('migration.required.register'))
      if (!source) throw new Error(t('migration.required.source'))
      // Upload once per chosen file: the dry run and the import of the same file share it.
      let sourceFileId = source.uploadedId
      if (!sourceFileId) {
        sourceFileId = (await docApi.files.upload([source.file])).items[0]!.id
        setSource({ file: source.file, uploadedId: sourceFileId })
      }
      let archiveFileId = archive?.uploadedId ?? null
      if (archive && !archiveFileId) {
        archiveFileId = (await migrationApi.uploadArchive(archive.file, session.csrfToken)).id
        setArchive({ file: archive.file, uploadedId: archiveFileId })
      }
      return migrationApi.runs.create({
        kind,
        mode,
        registerId,
        sourceFileId,
        archiveFileId,
        unitId: unitId ?? null,
      })
    },
    onMutate: () => setError(null),
    onSuccess: show,
    onError: (e) => setError(e instanceof ApiError ? describe(e) : e.message),
  })

  const control = useMutation({
    mutationFn: (action: 'cancel' | 'resume') => migrationApi.runs[action](runId!),
    onSuccess: show,
    onError: (e) => setError(describe(e)),
  })

  const confirmImport = () => {
    const register = registerOptions.find((r) => r.value === registerId)?.label ?? ''
    modal.confirm({
      title: t('migration.actions.importConfirmTitle'),
      content: t('migration.actions.importConfirm', { register }),
      okText: t('migration.actions.import'),
      cancelText: t('common.cancel'),
      onOk: () => start.mutate('import'),
    })
  }

  const isReady = !!registerId && !!source
  return (
    <div data-testid="migration-page">
      <PageHeader title={t('migration.title')} subtitle={t('migration.subtitle')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('migration.form.title')}>
          <Form layout="vertical">
            <Row gutter={16}>
              <Col xs={24} md={10}>
                <Form.Item label={t('migration.form.kind')}>
                  <Radio.Group
                    value={kind}
                    optionType="button"
                    buttonStyle="solid"
                    onChange={(e) => {
                      setKind(e.target.value as MigrationKind)
                      setRegisterId(undefined)
                    }}
                    options={[
                      { value: 'incoming', label: t('migration.kinds.incoming') },
                      { value: 'outgoing', label: t('migration.kinds.outgoing') },
                    ]}
                    data-testid="migration-kind"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={14}>
                <Form.Item label={t('migration.form.register')} required>
                  <Select
                    value={registerId}
                    onChange={setRegisterId}
                    options={registerOptions}
                    loading={registers.isLoading}
                    placeholder={t('migration.form.registerPlaceholder')}
                    notFoundContent={t('migration.noRegister', { kind: t(`migration.kinds.${kind}`) })}
                    data-testid="migration-register"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={14}>
                <Form.Item label={t('migration.form.unit')} extra={t(`migration.form.unitHint_${kind}`)}>
                  <Select
                    value={unitId}
                    onChange={setUnitId}
                    options={unitOptions}
                    loading={units.isLoading}
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('migration.form.unitDefault')}
                    data-testid="migration-unit"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item label={t('migration.form.source')} required>
                  <FilePick
                    testId="migration-source"
                    accept=".csv,.xlsx"
                    picked={source}
                    onPick={(file) => setSource(file ? { file, uploadedId: null } : null)}
                    icon={<InboxOutlined />}
                    title={t('migration.form.chooseSource')}
                    hint={t('migration.form.sourceHint')}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('migration.form.archive')}>
                  <FilePick
                    testId="migration-archive"
                    accept=".zip"
                    picked={archive}
                    onPick={(file) => setArchive(file ? { file, uploadedId: null } : null)}
                    icon={<FileZipOutlined />}
                    title={t('migration.form.chooseArchive')}
                    hint={t('migration.form.archiveHint')}
                  />
                </Form.Item>
              </Col>
            </Row>
          </Form>
          {error ? (
            <Alert
              type="error"
              showIcon
              title={error}
              style={{ marginBottom: 16 }}
              data-testid="migration-form-error"
            />
          ) : null}
          <Space wrap>
            <Button
              icon={<ExperimentOutlined />}
              disabled={!isReady}
              loading={start.isPending && start.variables === 'dry_run'}
              onClick={() => start.mutate('dry_run')}
              data-testid="migration-dry-run"
            >
              {t('migration.actions.dryRun')}
            </Button>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={!isReady}
              loading={start.isPending && start.variables === 'import'}
              onClick={confirmImport}
              data-testid="migration-import"
            >
              {t('migration.actions.import')}
            </Button>
            <Typography.Text type="secondary">{t('migration.form.advice')}</Typography.Text>
          </Space>
        </Card>
        {run.data ? (
          <RunPanel
            run={run.data}
            isBusy={control.isPending}
            onCancel={() => control.mutate('cancel')}
            onResume={() => control.mutate('resume')}
          />
        ) : null}
        <ColumnMapping kind={kind} />
        <RunsHistory selectedId={runId} onOpen={setRunId} />
      </Space>
    </div>
  )
}
