/**
 * The controls list pages put in their FilterBar, each bound to a filter kept in the URL by
 * `useListParams`: pass the page's `list` and the control reads and sets its own key.
 */
import { DatePicker, Input, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import { DOCUMENT_TYPES } from '@common/document-types'
import { URGENCIES } from '@common/domain'
import { DATE_FORMAT } from '../lib/format.ts'

/** The part of `useListParams(...)` a control needs: the filters it reads and sets. */
export type FilterList<K extends string> = {
  filters: Partial<Record<K, string | undefined>>
  setFilters: (changes: Partial<Record<K, string | undefined | null>>) => void
}

/** A filter value from the URL if it is one of the allowed values (else no filter). */
export function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return list.includes(value as T) ? (value as T) : undefined
}

/** The search box (`q`): searches on Enter or the button, and follows the URL when it changes. */
export function ListSearch({
  list,
  placeholder,
  testId,
}: {
  list: FilterList<'q'>
  placeholder: string
  testId: string
}) {
  const q = list.filters.q
  return (
    <Input.Search
      key={q ?? ''}
      className="filter-search"
      allowClear
      defaultValue={q}
      placeholder={placeholder}
      onSearch={(value) => list.setFilters({ q: value.trim() })}
      data-testid={testId}
    />
  )
}

/** A clearable select bound to the filter `name`. */
export function SelectFilter<K extends string>({
  list,
  name,
  options,
  placeholder,
  width,
  isSearchable = false,
  testId,
}: {
  list: FilterList<K>
  name: K
  options: { value: string; label: string }[]
  placeholder: string
  width: number
  /** Type to narrow the options by their label (long lists). */
  isSearchable?: boolean
  testId: string
}) {
  return (
    <Select
      allowClear
      showSearch={isSearchable ? { optionFilterProp: 'label' } : undefined}
      value={list.filters[name]}
      onChange={(v?: string) => list.setFilters({ [name]: v } as Partial<Record<K, string | undefined>>)}
      options={options}
      placeholder={placeholder}
      style={{ width }}
      data-testid={testId}
    />
  )
}

/** Loại văn bản (`documentType`), searchable by name. */
export function DocumentTypeFilter({
  list,
  placeholder,
  width,
  testId,
}: {
  list: FilterList<'documentType'>
  placeholder: string
  width: number
  testId: string
}) {
  return (
    <SelectFilter
      list={list}
      name="documentType"
      options={DOCUMENT_TYPES.map((d) => ({ value: d.code, label: d.name }))}
      placeholder={placeholder}
      width={width}
      isSearchable
      testId={testId}
    />
  )
}

/** Độ khẩn (`urgency`). */
export function UrgencyFilter({ list, testId }: { list: FilterList<'urgency'>; testId: string }) {
  const { t } = useTranslation()
  return (
    <SelectFilter
      list={list}
      name="urgency"
      options={URGENCIES.map((u) => ({ value: u, label: t(`documentsIn.urgency.${u}`) }))}
      placeholder={t('documentsIn.fields.urgency')}
      width={150}
      testId={testId}
    />
  )
}

/** A date range (`from`, `to`, as YYYY-MM-DD); either end may stay open. */
export function DateRangeFilter({
  list,
  placeholder,
  testId,
}: {
  list: FilterList<'from' | 'to'>
  placeholder: [string, string]
  testId: string
}) {
  const { from, to } = list.filters
  return (
    <DatePicker.RangePicker
      format={DATE_FORMAT}
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      onChange={(range) =>
        list.setFilters({
          from: range?.[0]?.format('YYYY-MM-DD') ?? null,
          to: range?.[1]?.format('YYYY-MM-DD') ?? null,
        })
      }
      placeholder={placeholder}
      allowEmpty={[true, true]}
      data-testid={testId}
    />
  )
}
