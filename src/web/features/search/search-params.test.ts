/**
 * The search page's URL state without a browser: reading and writing the query string, the API
 * query built from it, links from a hit to its document page, and the counts as shown.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ZSearchQuery } from '@common/contracts/search'
import {
  SEARCH_FILTER_KEYS,
  activeFilters,
  formatCount,
  formatSeconds,
  hasCriteria,
  hitHref,
  parseSearchParams,
  searchHref,
  snippetText,
  toApiQuery,
  toSearchParams,
  withFilter,
  type SearchState,
} from './search-params.ts'

const UNIT = '0b9a6f1e-2f7c-4a58-9d1e-3c4b5a6d7e8f'
const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs))

describe('search URL state', () => {
  it('reads the query, filters, sort and page from the query string', () => {
    const state = parse(
      `q=${encodeURIComponent('quyet dinh "luu vuc"')}&year=2026&sender=${encodeURIComponent('Bộ Tài chính')}&sort=date_desc&page=3&unitId=${UNIT}`,
    )
    expect(state).toEqual({
      q: 'quyet dinh "luu vuc"',
      filters: { year: '2026', sender: 'Bộ Tài chính', unitId: UNIT },
      sort: 'date_desc',
      page: 3,
    })
  })

  it('drops what the server would refuse instead of failing the whole search', () => {
    const state = parse('q=x&year=abc&kind=dossier&from=03/12/2026&unitId=42&sort=best&page=-2')
    expect(state).toEqual({ q: 'x', filters: {}, sort: 'relevance', page: 1 })
    expect(parse('page=999').page).toBe(50)
  })

  it('writes only what differs from the defaults, so links stay short', () => {
    const base: SearchState = { q: '  ', filters: {}, sort: 'relevance', page: 1 }
    expect(toSearchParams(base).toString()).toBe('')
    expect(searchHref({ q: 'xâm nhập mặn' })).toBe('/search?q=x%C3%A2m+nh%E1%BA%ADp+m%E1%BA%B7n')
    expect(searchHref({ q: '' })).toBe('/search')
  })

  it('round-trips any valid state through the URL', () => {
    const filterValue = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== '')
    fc.assert(
      fc.property(
        fc.record({
          q: fc.string({ maxLength: 40 }).map((s) => s.trim()),
          sender: fc.option(filterValue, { nil: undefined }),
          signer: fc.option(filterValue, { nil: undefined }),
          year: fc.option(fc.integer({ min: 1945, max: 2100 }).map(String), { nil: undefined }),
          kind: fc.option(fc.constantFrom('documentIn', 'documentOut'), { nil: undefined }),
          sort: fc.constantFrom('relevance', 'date_desc', 'date_asc' as const),
          page: fc.integer({ min: 1, max: 50 }),
        }),
        ({ q, sort, page, ...rest }) => {
          const filters = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
          const state: SearchState = { q, filters, sort, page }
          expect(parseSearchParams(new URLSearchParams(toSearchParams(state).toString()))).toEqual(state)
        },
      ),
    )
  })

  it('setting or removing a filter goes back to the first page', () => {
    const state: SearchState = { q: 'man', filters: { year: '2025' }, sort: 'relevance', page: 4 }
    const withSender = withFilter(state, 'sender', 'Bộ Nông nghiệp và Môi trường')
    expect(withSender).toEqual({
      q: 'man',
      filters: { year: '2025', sender: 'Bộ Nông nghiệp và Môi trường' },
      sort: 'relevance',
      page: 1,
    })
    expect(withFilter(withSender, 'year', null).filters).toEqual({ sender: 'Bộ Nông nghiệp và Môi trường' })
    expect(state.filters).toEqual({ year: '2025' })
    expect(activeFilters(withSender).map((f) => f.key)).toEqual(['sender', 'year'])
  })

  it('knows when there is nothing to search for', () => {
    expect(hasCriteria(parse(''))).toBe(false)
    expect(hasCriteria(parse('q=%20%20'))).toBe(false)
    expect(hasCriteria(parse('year=2026'))).toBe(true)
    expect(hasCriteria(parse('q=mekong'))).toBe(true)
  })

  it('builds an API query the contract accepts', () => {
    const state = parse(
      `q=123/QĐ&kind=documentOut&year=2026&from=2026-01-01&to=2026-12-31&sort=date_asc&page=2`,
    )
    const query = toApiQuery(state)
    expect(query).toEqual({
      q: '123/QĐ',
      kind: 'documentOut',
      year: 2026,
      from: '2026-01-01',
      to: '2026-12-31',
      sort: 'date_asc',
      page: 2,
      pageSize: 20,
    })
    expect(ZSearchQuery.safeParse(query).success).toBe(true)
    for (const key of SEARCH_FILTER_KEYS) expect(Object.keys(ZSearchQuery.shape)).toContain(key)
  })
})

describe('links and figures', () => {
  const hit = { kind: 'documentIn' as const, id: UNIT, path: `/documents-in/${UNIT}` }

  it('opens a hit on its page with the query to highlight', () => {
    expect(hitHref(hit, 'xam nhap "man"')).toBe(`/documents-in/${UNIT}?hl=xam%20nhap%20%22man%22`)
    expect(hitHref(hit, '  ')).toBe(`/documents-in/${UNIT}`)
  })

  it('never follows a path to another origin', () => {
    for (const path of [
      'https://evil.example/x',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      expect(hitHref({ ...hit, kind: 'documentOut', path }, 'a')).toBe(`/documents-out/${UNIT}?hl=a`)
      expect(hitHref({ ...hit, kind: 'consultation', path }, 'a')).toBe(`/consultations/${UNIT}?hl=a`)
    }
  })

  it('shows counts and times the Vietnamese way', () => {
    expect(formatCount(12000, 'vi')).toBe('12.000')
    expect(formatCount(12000, 'en')).toBe('12,000')
    expect(formatSeconds(43, 'vi')).toBe('0,04')
    expect(formatSeconds(1250, 'en')).toBe('1.25')
    expect(snippetText([{ text: 'Quyết định ' }, { text: 'lưu vực' }])).toBe('Quyết định lưu vực')
  })
})
