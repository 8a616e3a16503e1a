/**
 * Tra cứu: one query over every document the user may see. The whole state (query, filters,
 * order, page) lives in the URL, so a search can be shared and the Back button steps through it.
 * Facets sit beside the results (in a drawer on phones); an advanced form sets every condition.
 */
import { useEffect, useMemo, useState } from 'react'
import { Alert, Badge, Button, Col, Drawer, Input, Pagination, Row, Select, Skeleton, Typography } from 'antd'
import { FilterOutlined, SlidersOutlined } from '@ant-design/icons'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { SEARCH_SORTS, type SearchSort } from '@common/contracts/search'
import { PageHeader } from '../../components/page-header.tsx'
import { ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { useIsMobile } from '../../lib/use-media.ts'
import { AdvancedSearch } from './advanced-form.tsx'
import { SEARCH_KEY, searchApi } from './api.ts'
import { Facets } from './facets.tsx'
import { ActiveFilters, HitList, ResultCount, Understood } from './results.tsx'
import { SearchHelp } from './search-help.tsx'
import {
  MAX_PAGE,
  PAGE_SIZE,
  activeFilters,
  hasCriteria,
  parseSearchParams,
  toApiQuery,
  toSearchParams,
  withFilter,
  type SearchState,
} from './search-params.ts'
import { SearchTips } from './search-tips.tsx'
import './search.css'

/** The server's words for a refused query (the contract's own Vietnamese messages), if any. */
function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const issues = error instanceof ApiError && error.status < 500 ? error.details : []
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={errorText(t, error)}
      description={
        issues.length > 0 ? (
          <ul className="search-error-issues">
            {issues.map((i) => (
              <li key={`${i.path}:${i.message}`}>{i.message}</li>
            ))}
          </ul>
        ) : error instanceof ApiError && error.status < 500 ? (
          t('search.error.fix')
        ) : undefined
      }
      data-testid="search-error"
    />
  )
}

function QueryBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation()
  const [text, setText] = useState(value)
  // The box follows the URL (Back, a link, the header box).
  useEffect(() => {
    setText(value)
  }, [value])
  return (
    <Input.Search
      size="large"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(q) => onSearch(q.trim())}
      enterButton={t('search.page.submit')}
      allowClear
      maxLength={300}
      placeholder={t('search.page.placeholder')}
      aria-label={t('search.page.placeholder')}
      className="search-query"
      data-testid="search-query"
    />
  )
}

export function SearchPage() {
  const { t } = useTranslation()
  const isMobile = useIsMobile()
  const [params, setParams] = useSearchParams()
  const state = useMemo(() => parseSearchParams(params), [params])
  const [isAdvancedOpen, setAdvancedOpen] = useState(false)
  const [isFacetsOpen, setFacetsOpen] = useState(false)
  const isActive = hasCriteria(state)
  const apiQuery = toApiQuery(state)
  const query = useQuery({
    queryKey: [...SEARCH_KEY, 'results', apiQuery],
    queryFn: () => searchApi.search(apiQuery),
    enabled: isActive,
    placeholderData: keepPreviousData,
  })

  const go = (next: SearchState) => setParams(toSearchParams(next))
  const setFilter = (key: Parameters<typeof withFilter>[1], value: string | null) => {
    go(withFilter(state, key, value))
    setFacetsOpen(false)
  }
  // A new page of results starts at the top. (Chromium's scrollTo returns a promise: not a cleanup.)
  useEffect(() => {
    window.scrollTo({ top: 0 })
  }, [state.page])

  const result = query.data
  const facets = (
    <Facets
      facets={result?.facets}
      isPartial={result?.facetsArePartial ?? false}
      filters={state.filters}
      onSelect={setFilter}
    />
  )
  const lastPage = result ? Math.min(MAX_PAGE, Math.ceil(result.total / PAGE_SIZE)) : 1
  const activeCount = activeFilters(state).length

  return (
    <>
      <PageHeader
        title={t('search.page.title')}
        subtitle={t('search.page.subtitle')}
        extra={<SearchHelp />}
      />
      <div className="search-bar">
        <QueryBox value={state.q} onSearch={(q) => go({ ...state, q, page: 1 })} />
        <Button
          type={isAdvancedOpen ? 'primary' : 'default'}
          ghost={isAdvancedOpen}
          icon={<SlidersOutlined />}
          size="large"
          onClick={() => setAdvancedOpen(!isAdvancedOpen)}
          aria-expanded={isAdvancedOpen}
          data-testid="search-advanced-toggle"
        >
          {isMobile ? null : t('search.advanced.toggle')}
        </Button>
      </div>
      {isAdvancedOpen ? (
        <AdvancedSearch
          key={params.toString()}
          state={state}
          onSubmit={(next) => {
            go(next)
            setAdvancedOpen(false)
          }}
        />
      ) : null}
      {!isActive ? (
        <SearchTips title={t('search.empty.start')} />
      ) : (
        <Row gutter={24} className="search-layout">
          {isMobile ? null : (
            <Col md={8} lg={6}>
              <Typography.Title level={5} className="search-facets-heading">
                {t('search.facets.title')}
              </Typography.Title>
              {facets}
            </Col>
          )}
          <Col xs={24} md={16} lg={18}>
            <div className="search-toolbar">
              <div className="search-toolbar-count">{result ? <ResultCount result={result} /> : null}</div>
              {isMobile ? (
                <Badge count={activeCount} size="small" color="#0f8b8d">
                  <Button
                    icon={<FilterOutlined />}
                    onClick={() => setFacetsOpen(true)}
                    data-testid="search-facets-open"
                  >
                    {t('search.facets.open')}
                  </Button>
                </Badge>
              ) : null}
              <Select<SearchSort>
                value={state.sort}
                onChange={(sort) => go({ ...state, sort, page: 1 })}
                options={SEARCH_SORTS.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
                aria-label={t('search.sort.label')}
                style={{ width: 150 }}
                data-testid="search-sort"
              />
            </div>
            {result ? <Understood understood={result.understood} /> : null}
            <ActiveFilters
              state={state}
              facets={result?.facets}
              onRemove={(key) => setFilter(key, null)}
              onClear={() => go({ ...state, filters: {}, page: 1 })}
            />
            {query.isError ? <ErrorAlert error={query.error} /> : null}
            {query.isPending ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : result && result.items.length === 0 ? (
              <SearchTips title={t('search.empty.none')} hint={t('search.empty.noneHint')} />
            ) : result ? (
              <div className={query.isFetching ? 'search-results is-stale' : 'search-results'}>
                <HitList hits={result.items} q={state.q} />
                {lastPage > 1 ? (
                  <Pagination
                    className="search-pagination"
                    current={state.page}
                    pageSize={PAGE_SIZE}
                    total={Math.min(result.total, MAX_PAGE * PAGE_SIZE)}
                    showSizeChanger={false}
                    simple={isMobile}
                    onChange={(page) => go({ ...state, page })}
                    data-testid="search-pagination"
                  />
                ) : null}
                {state.page >= MAX_PAGE && result.total > MAX_PAGE * PAGE_SIZE ? (
                  <Alert type="info" showIcon title={t('search.results.deepPages', { max: MAX_PAGE })} />
                ) : null}
              </div>
            ) : null}
          </Col>
        </Row>
      )}
      {isMobile ? (
        <Drawer
          placement="bottom"
          size="80%"
          open={isFacetsOpen}
          onClose={() => setFacetsOpen(false)}
          title={t('search.facets.title')}
          data-testid="search-facets-drawer"
        >
          {facets}
        </Drawer>
      ) : null}
    </>
  )
}
