/**
 * The typed client of /api/search (issue 6, tra cứu). Shapes come from the contract; this file
 * only knows URLs, on top of web/lib's `request` (error codes as ApiError).
 */
import type {
  THighlightQuery,
  THighlightResult,
  TSearchResult,
  TSuggestResult,
} from '@common/contracts/search'
import { request } from '../../lib/api.ts'
import type { SearchApiQuery } from './search-params.ts'

export const SEARCH_KEY = ['search'] as const

export const searchApi = {
  search: (query: SearchApiQuery) => request<TSearchResult>('GET', '/api/search', { query }),
  suggest: (q: string, limit = 8) =>
    request<TSuggestResult>('GET', '/api/search/suggest', { query: { q, limit } }),
  highlight: (query: THighlightQuery) => request<THighlightResult>('GET', '/api/search/highlight', { query }),
}
