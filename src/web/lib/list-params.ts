/** List pages keep page, page size and filters in the URL, so a filtered list can be shared and the Back button works. */
import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import type { TablePaginationConfig } from 'antd'
import type { TFunction } from 'i18next'

/** `keys` must be a constant (module-level) list. */
export function useListParams<K extends string>(keys: readonly K[], defaultPageSize = 20) {
  const [params, setParams] = useSearchParams()
  const page = Math.max(1, Number(params.get('page')) || 1)
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || defaultPageSize))
  const filters = useMemo(
    () =>
      Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Record<K, string | undefined>,
    [params, keys],
  )

  const setFilters = useCallback(
    (changes: Partial<Record<K, string | undefined | null>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          for (const [k, v] of Object.entries(changes) as [string, string | undefined | null][]) {
            if (v === undefined || v === null || v === '') next.delete(k)
            else next.set(k, v)
          }
          next.delete('page')
          return next
        },
        { replace: true },
      )
    },
    [setParams],
  )

  const setPage = useCallback(
    (nextPage: number, nextPageSize: number) => {
      setParams((current) => {
        const next = new URLSearchParams(current)
        if (nextPage > 1) next.set('page', String(nextPage))
        else next.delete('page')
        if (nextPageSize !== defaultPageSize) next.set('pageSize', String(nextPageSize))
        else next.delete('pageSize')
        return next
      })
    },
    [setParams, defaultPageSize],
  )

  return { page, pageSize, filters, setFilters, setPage }
}

/** The antd pagination of a server-paginated table. */
export function tablePagination(
  t: TFunction,
  state: { page: number; pageSize: number; setPage: (page: number, pageSize: number) => void },
  total: number | undefined,
): TablePaginationConfig {
  return {
    current: state.page,
    pageSize: state.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (n) => t('common.total', { total: n }),
    onChange: state.setPage,
  }
}

/** `data-testid` for props typed as plain HTML attributes (row props, button props). */
export function testId(id: string): Record<string, string> {
  return { 'data-testid': id }
}
