/**
 * The materials of a consultation: files uploaded here (drafts, annexes, references; via POST
 * /api/files like the other forms) or documents already in the system, each with its role.
 */
import { useState } from 'react'
import { Alert, Button, Select, Tag } from 'antd'
import { DeleteOutlined, FileTextOutlined, LinkOutlined } from '@ant-design/icons'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { MATERIAL_ROLES } from '@common/contracts/consultations'
import { docApi } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { useDebounced } from '../../lib/use-debounced.ts'
import { FileDrop } from '../documents-in/file-drop.tsx'
import { outApi } from '../documents-out/api.ts'
import type { MaterialRole, MaterialValue } from './form-values.ts'

const PICKABLE_ROLES = MATERIAL_ROLES.filter((r) => r !== 'revised_draft')

/** Existing documents (incoming and outgoing) found by number or subject. */
function DocumentPicker({ onPick }: { onPick: (m: MaterialValue) => void }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim())
  const found = useQuery({
    queryKey: ['consultations', 'material-search', q],
    queryFn: async () => {
      const [incoming, outgoing] = await Promise.all([
        docApi.documentsIn.list({ q: q || undefined, pageSize: 10 }).catch(() => ({ items: [] })),
        outApi.list({ q: q || undefined, pageSize: 10 }).catch(() => ({ items: [] })),
      ])
      return [
        ...incoming.items.map((d) => ({
          value: `documentIn:${d.id}`,
          title: [d.numberAndNotation, d.subject].filter(Boolean).join(' · '),
          label: `${t('consultations.materials.incoming')} · ${[d.numberAndNotation, d.subject].filter(Boolean).join(' · ')}`,
        })),
        ...outgoing.items.map((d) => ({
          value: `documentOut:${d.id}`,
          title: [d.numberAndNotation, d.subject].filter(Boolean).join(' · '),
          label: `${t('consultations.materials.outgoing')} · ${[d.numberAndNotation, d.subject].filter(Boolean).join(' · ')}`,
        })),
      ]
    },
    staleTime: 30_000,
  })
  return (
    <Select
      value={null}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={found.data ?? []}
      loading={found.isFetching}
      placeholder={t('consultations.materials.pickDocument')}
      suffixIcon={<LinkOutlined />}
      onChange={(v: string) => {
        const option = (found.data ?? []).find((o) => o.value === v)
        const [kind, documentId] = v.split(':') as ['documentIn' | 'documentOut', string]
        onPick({
          kind: 'document',
          documentKind: kind,
          documentId,
          title: option?.title ?? '',
          role: 'reference',
        })
        setSearch('')
      }}
      style={{ width: '100%' }}
      data-testid="cs-material-document"
    />
  )
}

export function MaterialsInput({
  value,
  onChange,
}: {
  value: MaterialValue[]
  onChange: (next: MaterialValue[]) => void
}) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const upload = useMutation({
    mutationFn: (files: File[]) => docApi.files.upload(files),
    onMutate: () => setError(null),
    onSuccess: ({ items }) => {
      // The first file is the draft when there is none yet; the rest are annexes.
      const hasDraft = value.some((m) => m.role === 'draft')
      onChange([
        ...value,
        ...items.map((f, i): MaterialValue => ({
          kind: 'file',
          fileId: f.id,
          filename: f.filename,
          mediaType: f.mediaType,
          role: !hasDraft && i === 0 ? 'draft' : 'annex',
        })),
      ])
    },
    onError: (e) => setError(errorText(t, e)),
  })
  const keyOf = (m: MaterialValue) => (m.kind === 'file' ? m.fileId : `${m.documentKind}:${m.documentId}`)
  const setRole = (i: number, role: MaterialRole) =>
    onChange(value.map((m, j) => (j === i ? { ...m, role } : m)))
  return (
    <div className="cs-materials" data-testid="cs-materials">
      <FileDrop
        onFiles={(files) => upload.mutate(files)}
        busy={upload.isPending}
        title={t('consultations.materials.drop')}
        compact
        testId="cs-material-file"
      />
      <div className="cs-muted" style={{ marginTop: 4 }}>
        {t('consultations.materials.dropHint')}
      </div>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
      <div style={{ marginTop: 8 }}>
        <DocumentPicker
          onPick={(m) => {
            if (!value.some((x) => keyOf(x) === keyOf(m))) onChange([...value, m])
          }}
        />
      </div>
      {value.map((m, i) => (
        <div key={keyOf(m)} className="cs-material-row" data-testid="cs-material-chosen">
          {m.kind === 'file' ? <FileTextOutlined /> : <LinkOutlined />}
          <span className="cs-material-name" title={m.kind === 'file' ? m.filename : m.title}>
            {m.kind === 'file' ? m.filename : m.title}
          </span>
          {m.kind === 'document' ? (
            <Tag>
              {t(`consultations.materials.${m.documentKind === 'documentIn' ? 'incoming' : 'outgoing'}`)}
            </Tag>
          ) : null}
          <Select
            size="small"
            value={m.role}
            onChange={(role: MaterialRole) => setRole(i, role)}
            options={PICKABLE_ROLES.map((r) => ({ value: r, label: t(`consultations.materialRoles.${r}`) }))}
            style={{ width: 120, flex: 'none' }}
            data-testid={`cs-material-role-${i}`}
          />
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('consultations.materials.remove')}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          />
        </div>
      ))}
    </div>
  )
}
