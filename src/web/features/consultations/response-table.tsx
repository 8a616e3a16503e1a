/**
 * The response table (bảng tổng hợp, tiếp thu, giải trình): every section comment with its author,
 * grouped by the draft's sections; officers record how each was handled (Tiếp thu / Tiếp thu một
 * phần / Giải trình / Ghi nhận), why, and the revised text, saved together with PATCH.
 */
import { useEffect, useMemo, useState } from 'react'
import { Alert, App, Button, Empty, Input, Select, Tag, Typography } from 'antd'
import { SaveOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  DISPOSITIONS,
  type Disposition,
  type TConsultationSummary,
  type TResponseTableRow,
} from '@common/contracts/consultations'
import { serverErrorText } from './server-error.ts'
import { consultApi } from './api.ts'
import { summaryKey } from './keys.ts'

type Edit = { disposition: Disposition | null; explanation: string; revisedText: string }

const DISPOSITION_COLORS: Record<Disposition, string> = {
  accepted: 'green',
  partly_accepted: 'cyan',
  explained: 'orange',
  noted: 'default',
}

function editOf(r: TResponseTableRow): Edit {
  return { disposition: r.disposition, explanation: r.explanation ?? '', revisedText: r.revisedText ?? '' }
}

function same(a: Edit, b: Edit): boolean {
  return a.disposition === b.disposition && a.explanation === b.explanation && a.revisedText === b.revisedText
}

/** Rows grouped by section, in the order the server gives (the draft's order). */
function groupsOf(rows: TResponseTableRow[]): { key: string; label: string; rows: TResponseTableRow[] }[] {
  const out: { key: string; label: string; rows: TResponseTableRow[] }[] = []
  for (const r of rows) {
    const key = `${r.questionKey}/${r.sectionKey ?? ''}`
    const last = out.at(-1)
    if (last && last.key === key) last.rows.push(r)
    else out.push({ key, label: r.sectionLabel ?? '', rows: [r] })
  }
  return out
}

export function ResponseTable({
  consultationId,
  summary,
  editable,
}: {
  consultationId: string
  summary: TConsultationSummary
  editable: boolean
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const rows = summary.responseTable
  const [edits, setEdits] = useState<Record<string, Edit>>({})
  const [error, setError] = useState<string | null>(null)
  useEffect(() => setEdits({}), [summary.generatedAt])
  const changed = useMemo(
    () => rows.filter((r) => edits[r.id] && !same(edits[r.id]!, editOf(r))),
    [rows, edits],
  )
  const save = useMutation({
    mutationFn: () =>
      consultApi.dispositions(consultationId, {
        rows: changed.map((r) => {
          const e = edits[r.id]!
          return {
            id: r.id,
            disposition: e.disposition,
            explanation: e.explanation.trim() || null,
            revisedText: e.revisedText.trim() || null,
          }
        }),
      }),
    onMutate: () => setError(null),
    onSuccess: (updated) => {
      queryClient.setQueryData(summaryKey(consultationId), updated)
      setEdits({})
      message.success(t('consultations.table.saved'))
    },
    onError: (e) => setError(serverErrorText(t, e)),
  })
  if (rows.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.table.empty')} />
  const value = (r: TResponseTableRow) => edits[r.id] ?? editOf(r)
  const set = (r: TResponseTableRow, patch: Partial<Edit>) =>
    setEdits((prev) => ({ ...prev, [r.id]: { ...value(r), ...patch } }))
  let n = 0
  return (
    <div data-testid="cs-response-table">
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="cs-table-error"
        />
      ) : null}
      {editable ? (
        <div className="cs-table-toolbar">
          <Typography.Text type="secondary">{t('consultations.table.help')}</Typography.Text>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={changed.length === 0}
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="cs-table-save"
          >
            {t('consultations.table.save', { count: changed.length })}
          </Button>
        </div>
      ) : null}
      <div className="cs-rtable" role="table">
        <div className="cs-rtable-head" role="row">
          <span role="columnheader">#</span>
          <span role="columnheader">{t('consultations.table.comment')}</span>
          <span role="columnheader">{t('consultations.table.disposition')}</span>
          <span role="columnheader">{t('consultations.table.explanation')}</span>
        </div>
        {groupsOf(rows).map((g) => (
          <div key={g.key} className="cs-rtable-group" role="rowgroup">
            <div className="cs-rtable-section" role="row">
              {g.label || t('consultations.table.general')}
            </div>
            {g.rows.map((r) => {
              n += 1
              const v = value(r)
              return (
                <div key={r.id} className="cs-rtable-row" role="row" data-testid={`cs-table-row-${n}`}>
                  <span className="cs-rtable-n">{n}</span>
                  <div className="cs-rtable-comment">
                    <div className="cs-prewrap">{r.comment}</div>
                    <div className="cs-muted">
                      {r.member.fullName}
                      {r.member.organizationName ? ` · ${r.member.organizationName}` : ''}
                    </div>
                  </div>
                  <div>
                    {editable ? (
                      <Select
                        allowClear
                        value={v.disposition ?? undefined}
                        onChange={(d?: Disposition) => set(r, { disposition: d ?? null })}
                        options={DISPOSITIONS.map((d) => ({
                          value: d,
                          label: t(`consultations.dispositions.${d}`),
                        }))}
                        placeholder={t('consultations.table.pickDisposition')}
                        style={{ width: '100%' }}
                        data-testid={`cs-table-row-${n}-disposition`}
                      />
                    ) : v.disposition ? (
                      <Tag color={DISPOSITION_COLORS[v.disposition]}>
                        {t(`consultations.dispositions.${v.disposition}`)}
                      </Tag>
                    ) : (
                      <span className="cs-muted">—</span>
                    )}
                  </div>
                  <div className="cs-rtable-explain">
                    {editable ? (
                      <>
                        <Input.TextArea
                          value={v.explanation}
                          onChange={(e) => set(r, { explanation: e.target.value })}
                          autoSize={{ minRows: 1, maxRows: 6 }}
                          placeholder={t('consultations.table.explanationPlaceholder')}
                          data-testid={`cs-table-row-${n}-explanation`}
                        />
                        <Input.TextArea
                          value={v.revisedText}
                          onChange={(e) => set(r, { revisedText: e.target.value })}
                          autoSize={{ minRows: 1, maxRows: 6 }}
                          placeholder={t('consultations.table.revisedPlaceholder')}
                          style={{ marginTop: 6 }}
                          data-testid={`cs-table-row-${n}-revised`}
                        />
                      </>
                    ) : (
                      <>
                        {v.explanation ? <div className="cs-prewrap">{v.explanation}</div> : null}
                        {v.revisedText ? (
                          <div className="cs-revised">
                            <span className="cs-muted">{t('consultations.table.revised')}: </span>
                            <span className="cs-prewrap">{v.revisedText}</span>
                          </div>
                        ) : null}
                      </>
                    )}
                  </div>
                </div>
              )
            })}
          </div>
        ))}
      </div>
    </div>
  )
}
