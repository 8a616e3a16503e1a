/** Pick an organization by typing part of its name, short name or code (searched on the server). */
import { useMemo, useState } from 'react'
import { Select } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TOrganization } from '@common/contracts/organizations'
import { api } from '../../lib/api.ts'
import { useDebounced } from '../../lib/use-debounced.ts'
import { ORGANIZATIONS_KEY, useOrganizationList } from './use-organizations.ts'

export type OrganizationRef = { id: string; name: string }

export function OrganizationSelect({
  value,
  onChange,
  initial,
  placeholder,
  testId,
  allowClear = false,
  style,
}: {
  value?: string | null
  onChange?: (value: string | undefined, organization: TOrganization | undefined) => void
  /** The current choice's name, shown before any search has run. */
  initial?: OrganizationRef | null
  placeholder?: string
  testId?: string
  allowClear?: boolean
  style?: React.CSSProperties
}) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim())
  const list = useOrganizationList({ q: q || undefined, isActive: true, pageSize: 30 })
  const items = list.data?.items ?? []
  // A value from the URL or a record may not be among the search results: load its name.
  const isKnown = !value || initial?.id === value || items.some((o) => o.id === value)
  const current = useQuery({
    queryKey: [...ORGANIZATIONS_KEY, 'one', value],
    queryFn: () => api.organizations.get(value!),
    enabled: !isKnown && !list.isFetching,
    staleTime: 5 * 60_000,
  })
  const options = useMemo(() => {
    const opts = items.map((o) => ({
      value: o.id,
      label: o.shortName ? `${o.name} (${o.shortName})` : o.name,
    }))
    const extra = initial && value === initial.id ? initial : current.data?.id === value ? current.data : null
    if (extra && !opts.some((o) => o.value === extra.id)) opts.unshift({ value: extra.id, label: extra.name })
    return opts
  }, [items, initial, value, current.data])

  return (
    <Select
      value={value ?? undefined}
      onChange={(id?: string) =>
        onChange?.(
          id,
          items.find((o) => o.id === id),
        )
      }
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      allowClear={allowClear}
      placeholder={placeholder ?? t('users.fields.organization')}
      notFoundContent={list.isFetching ? t('common.loading') : t('common.noMatch')}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  )
}
