/**
 * Quy trình duyệt: per document type, the steps a draft climbs (unit head, office chief, a fixed
 * reviewer, then the signer). Types without their own chain use the default.
 */
import { useState } from 'react'
import { Alert, App, Button, Card, Empty, Select, Space, Tag } from 'antd'
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ZApprovalChainInput } from '@common/contracts/documents-out'
import { DOCUMENT_TYPES } from '@common/document-types'
import { APPROVAL_STEP_KINDS, type ApprovalStepKind } from '@common/domain'
import { PageHeader } from '../../components/page-header.tsx'
import { errorText } from '../../lib/errors.ts'
import { UserPicker } from '../users/user-picker.tsx'
import { signatureApi, type TApprovalChain } from './api.ts'
import './signatures.css'

const KEY = ['signing', 'chains'] as const
type Step = { kind: ApprovalStepKind; userId: string | null; userName?: string | null }

function Editor({ documentType, chain }: { documentType: string; chain: TApprovalChain | undefined }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [steps, setSteps] = useState<Step[]>(
    chain?.steps.map((s) => ({ kind: s.kind, userId: s.userId, userName: s.userName })) ?? [],
  )
  const [problem, setProblem] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: (body: Parameters<typeof signatureApi.chains.save>[1]) =>
      signatureApi.chains.save(documentType, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: KEY })
      message.success(t('signatures.chains.saved'))
    },
    onError: (e) => setProblem(errorText(t, e)),
  })
  function submit() {
    setProblem(null)
    const parsed = ZApprovalChainInput.safeParse({
      steps: steps.map((s) => ({ kind: s.kind, userId: s.kind === 'user' ? s.userId : null })),
    })
    if (!parsed.success) setProblem(parsed.error.issues[0]?.message ?? t('validation.required'))
    else save.mutate(parsed.data)
  }
  const move = (i: number, d: number) => {
    const next = [...steps]
    const [s] = next.splice(i, 1)
    next.splice(i + d, 0, s!)
    setSteps(next)
  }
  return (
    <div>
      {chain?.isBuiltIn ? (
        <Alert type="info" showIcon title={t('signatures.chains.builtIn')} style={{ marginBottom: 12 }} />
      ) : null}
      <div className="sig-chain-steps" data-testid="chain-steps">
        {steps.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
        {steps.map((s, i) => (
          <div key={i} className="sig-chain-step">
            <Tag>{i + 1}</Tag>
            <Select<ApprovalStepKind>
              value={s.kind}
              onChange={(kind) => setSteps(steps.map((x, j) => (j === i ? { ...x, kind } : x)))}
              options={APPROVAL_STEP_KINDS.map((k) => ({
                value: k,
                label: t(`documentsOut.stepKinds.${k}`),
              }))}
              style={{ width: 220 }}
            />
            {s.kind === 'user' ? (
              <UserPicker
                value={s.userId}
                initial={s.userId && s.userName ? { id: s.userId, fullName: s.userName } : null}
                onChange={(userId) =>
                  setSteps(steps.map((x, j) => (j === i ? { ...x, userId: userId ?? null } : x)))
                }
                style={{ width: 240 }}
              />
            ) : null}
            <Button
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={t('signatures.chains.up')}
            />
            <Button
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={i === steps.length - 1}
              onClick={() => move(i, 1)}
              aria-label={t('signatures.chains.down')}
            />
            <Button
              size="small"
              danger
              type="text"
              icon={<DeleteOutlined />}
              onClick={() => setSteps(steps.filter((_, j) => j !== i))}
              aria-label={t('signatures.chains.remove')}
            />
          </div>
        ))}
      </div>
      <Space style={{ marginTop: 12 }} wrap>
        <Button
          icon={<PlusOutlined />}
          type="dashed"
          onClick={() => setSteps([...steps, { kind: 'unit_head', userId: null }])}
        >
          {t('signatures.chains.addStep')}
        </Button>
        <Button type="primary" loading={save.isPending} onClick={submit} data-testid="chain-save">
          {t('common.save')}
        </Button>
      </Space>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} /> : null}
    </div>
  )
}

export function ApprovalChainsPage() {
  const { t } = useTranslation()
  const [documentType, setDocumentType] = useState('default')
  const chains = useQuery({ queryKey: KEY, queryFn: signatureApi.chains.list })
  const chain =
    chains.data?.items.find((c) => c.documentType === documentType) ??
    chains.data?.items.find((c) => c.documentType === 'default')
  return (
    <>
      <PageHeader title={t('signatures.chains.title')} subtitle={t('signatures.chains.subtitle')} />
      {chains.isError ? (
        <Alert type="error" showIcon title={errorText(t, chains.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Card size="small">
        <Space wrap style={{ marginBottom: 16 }}>
          <span>{t('signatures.chains.documentType')}</span>
          <Select
            value={documentType}
            onChange={setDocumentType}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 260 }}
            options={[
              { value: 'default', label: t('signatures.chains.default') },
              ...DOCUMENT_TYPES.filter((d) => d.group === 'administrative').map((d) => ({
                value: d.code,
                label: chains.data?.items.some((c) => c.documentType === d.code && !c.isBuiltIn)
                  ? `${d.name} ✓`
                  : d.name,
              })),
            ]}
            data-testid="chain-type"
          />
        </Space>
        {chains.isPending ? null : (
          <Editor key={`${documentType}-${chains.dataUpdatedAt}`} documentType={documentType} chain={chain} />
        )}
      </Card>
    </>
  )
}
