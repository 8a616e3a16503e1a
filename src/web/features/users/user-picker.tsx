/** Pick a person by typing part of their name or username (/api/users/options). */
import { useMemo, useState } from 'react'
import { Select } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../lib/api.ts'
import { useDebounced } from '../../lib/use-debounced.ts'

export type UserRef = { id: string; fullName: string }

/** Names of people seen in this tab, so a chosen value keeps its label when the search changes. */
const seenNames = new Map<string, string>()

export function UserPicker({
  value,
  onChange,
  initial,
  placeholder,
  testId,
  allowClear = false,
  style,
}: {
  value?: string | null
  onChange?: (value: string | undefined) => void
  initial?: UserRef | null
  placeholder?: string
  testId?: string
  allowClear?: boolean
  style?: React.CSSProperties
}) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim())
  const options = useQuery({
    queryKey: ['user-options', q],
    queryFn: () => api.users.options(q || undefined),
    staleTime: 30_000,
  })
  const items = useMemo(() => {
    const opts = (options.data?.items ?? []).map((u) => {
      seenNames.set(u.id, u.fullName)
      return {
        value: u.id,
        label: u.fullName,
        detail: [u.position, u.unitName ?? u.organizationName].filter(Boolean).join(' · '),
      }
    })
    const name = value ? (initial?.id === value ? initial.fullName : seenNames.get(value)) : undefined
    if (value && !opts.some((o) => o.value === value)) {
      opts.unshift({ value, label: name ?? t('common.selectedUser'), detail: '' })
    }
    return opts
  }, [options.data, initial, value, t])

  return (
    <Select
      value={value ?? undefined}
      onChange={(id?: string) => onChange?.(id)}
      options={items}
      optionRender={(o) => (
        <div>
          <div>{o.data.label}</div>
          {o.data.detail ? (
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.5)' }}>{o.data.detail}</div>
          ) : null}
        </div>
      )}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={options.isFetching}
      allowClear={allowClear}
      placeholder={placeholder ?? t('common.pickUser')}
      notFoundContent={options.isFetching ? t('common.loading') : t('common.noMatch')}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  )
}
