/**
 * The search page keeps its whole state in the URL query string (shareable, the Back button
 * works): the query, the filters, the sort and the page. These pure helpers read and write it,
 * build the API query, and build the links from a result to its document page (?hl=).
 */
import {
  SEARCH_KINDS,
  SEARCH_SORTS,
  ZSearchQuery,
  type SearchKind,
  type SearchSort,
} from '@common/contracts/search'
import { CONSULT_PATHS } from '../consultations/paths.ts'
import { SEARCH_PATH } from './paths.ts'

/** Filters of the search, named as in the API query and in the facets. */
export const SEARCH_FILTER_KEYS = [
  'kind',
  'documentType',
  'sender',
  'signer',
  'year',
  'registerId',
  'unitId',
  'state',
  'from',
  'to',
] as const
export type SearchFilterKey = (typeof SEARCH_FILTER_KEYS)[number]

/** The facets the server returns, in the order the page shows them. */
export const FACET_KEYS = [
  'kind',
  'documentType',
  'sender',
  'year',
  'signer',
  'state',
  'registerId',
  'unitId',
] as const satisfies readonly SearchFilterKey[]
export type FacetKey = (typeof FACET_KEYS)[number]

export type SearchFilters = Partial<Record<SearchFilterKey, string>>

export type SearchState = {
  q: string
  filters: SearchFilters
  sort: SearchSort
  page: number
}

export const PAGE_SIZE = 20
/** The contract's last page: deeper pages are not served (refine the query instead). */
export const MAX_PAGE = 50

const FIELD = ZSearchQuery.shape

/** A value the contract accepts for this filter, as text; undefined when it would be refused. */
function validFilter(key: SearchFilterKey, raw: string | null): string | undefined {
  if (raw === null) return undefined
  const value = raw.trim()
  if (value === '') return undefined
  const parsed = FIELD[key].safeParse(value)
  return parsed.success && parsed.data !== undefined ? value : undefined
}

/**
 * The state from the URL. Values the server would refuse (a year of "abc", an unknown kind, a
 * page past the last) are dropped rather than sent, so a mistyped link still searches.
 */
export function parseSearchParams(params: URLSearchParams): SearchState {
  const filters: SearchFilters = {}
  for (const key of SEARCH_FILTER_KEYS) {
    const value = validFilter(key, params.get(key))
    if (value !== undefined) filters[key] = value
  }
  const sortRaw = params.get('sort')
  const sort = (SEARCH_SORTS as readonly string[]).includes(sortRaw ?? '')
    ? (sortRaw as SearchSort)
    : 'relevance'
  const page = Number(params.get('page'))
  return {
    q: (params.get('q') ?? '').trim().slice(0, 300),
    filters,
    sort,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  }
}

/** The URL query string of a state: only what differs from the defaults, in a stable order. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams()
  const q = state.q.trim()
  if (q) params.set('q', q)
  for (const key of SEARCH_FILTER_KEYS) {
    const value = state.filters[key]
    if (value !== undefined && value !== '') params.set(key, value)
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort)
  if (state.page > 1) params.set('page', String(state.page))
  return params
}

/** The /search link of a state (e.g. from the header box). */
export function searchHref(state: Partial<SearchState> & { q: string }): string {
  const params = toSearchParams({ filters: {}, sort: 'relevance', page: 1, ...state })
  const s = params.toString()
  return s ? `${SEARCH_PATH}?${s}` : SEARCH_PATH
}

/** Set (or, with an empty value, remove) one filter; any change of filter goes back to page 1. */
export function withFilter(
  state: SearchState,
  key: SearchFilterKey,
  value: string | null | undefined,
): SearchState {
  const filters = { ...state.filters }
  if (value === null || value === undefined || value.trim() === '') delete filters[key]
  else filters[key] = value
  return { ...state, filters, page: 1 }
}

/** The filters set, in display order. */
export function activeFilters(state: SearchState): { key: SearchFilterKey; value: string }[] {
  return SEARCH_FILTER_KEYS.flatMap((key) => {
    const value = state.filters[key]
    return value === undefined ? [] : [{ key, value }]
  })
}

/** Whether there is anything to search for: a query or at least one filter. */
export function hasCriteria(state: SearchState): boolean {
  return state.q.trim() !== '' || activeFilters(state).length > 0
}

export type SearchApiQuery = {
  q: string
  kind?: SearchKind
  documentType?: string
  sender?: string
  signer?: string
  year?: number
  registerId?: string
  unitId?: string
  state?: string
  from?: string
  to?: string
  sort: SearchSort
  page: number
  pageSize: number
}

/** The GET /api/search query of a state. */
export function toApiQuery(state: SearchState, pageSize = PAGE_SIZE): SearchApiQuery {
  const f = state.filters
  const query: SearchApiQuery = { q: state.q.trim(), sort: state.sort, page: state.page, pageSize }
  if (f.kind && (SEARCH_KINDS as readonly string[]).includes(f.kind)) query.kind = f.kind as SearchKind
  if (f.year) query.year = Number(f.year)
  for (const key of [
    'documentType',
    'sender',
    'signer',
    'registerId',
    'unitId',
    'state',
    'from',
    'to',
  ] as const) {
    const value = f[key]
    if (value) query[key] = value
  }
  return query
}

const KIND_PATHS: Record<SearchKind, string> = {
  documentIn: '/documents-in',
  documentOut: '/documents-out',
  consultation: CONSULT_PATHS.list,
}

/**
 * Where a hit opens, with ?hl=<query> so its page shows the matching passages. The server's
 * `path` is used only when it is a path of this application (never another origin).
 */
export function hitHref(hit: { kind: SearchKind; id: string; path: string }, q: string): string {
  const isLocal = /^\/(?![/\\])/.test(hit.path) && !/[\s]/.test(hit.path)
  const base = isLocal ? hit.path : `${KIND_PATHS[hit.kind]}/${encodeURIComponent(hit.id)}`
  const query = q.trim()
  if (!query) return base
  const separator = base.includes('?') ? '&' : '?'
  return `${base}${separator}hl=${encodeURIComponent(query)}`
}

/** "12.000" in Vietnamese, "12,000" in English. */
export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'vi-VN').format(n)
}

/** The time a search took, in seconds with two decimals ("0,04" in Vietnamese). */
export function formatSeconds(ms: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'vi-VN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(Math.max(0, ms) / 1000)
}

/** The plain text of a highlighted snippet (for titles, tooltips and tests). */
export function snippetText(parts: readonly { text: string }[]): string {
  return parts.map((p) => p.text).join('')
}
