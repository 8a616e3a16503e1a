/**
 * Pieces of the results column: the count line, how the query was read ("Tìm theo: …"), the
 * active filters as removable tags, and the hits themselves.
 */
import { Tag, Typography } from 'antd'
import { CloseOutlined } from '@ant-design/icons'
import { Link, useLocation } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { TSearchFacets, TSearchHit, TSearchResult } from '@common/contracts/search'
import { formatDate } from '../../lib/format.ts'
import { HitStateTag, KindTag, facetLabel, kindOf, typeName } from './labels.tsx'
import {
  activeFilters,
  formatCount,
  formatSeconds,
  hitHref,
  type SearchFilterKey,
  type SearchFilters,
  type SearchState,
} from './search-params.ts'
import { Snippet } from './snippet.tsx'

/** "Khoảng 12.000 kết quả (0,08 giây)" or "12 kết quả (0,02 giây)". */
export function ResultCount({ result }: { result: TSearchResult }) {
  const { t, i18n } = useTranslation()
  const count = formatCount(result.total, i18n.language)
  const text = result.totalIsEstimate
    ? t('search.results.countEstimate', { n: count })
    : result.total === 1
      ? t('search.results.countOne')
      : t('search.results.count', { n: count })
  return (
    <Typography.Text type="secondary" data-testid="search-count" data-total={result.total}>
      {text} {t('search.results.took', { seconds: formatSeconds(result.tookMs, i18n.language) })}
    </Typography.Text>
  )
}

/** How the server read the query: the words, phrases, numbers and exclusions it looked for. */
export function Understood({ understood }: { understood: TSearchResult['understood'] }) {
  const { t } = useTranslation()
  const groups = [
    { key: 'words', items: understood.words, render: (s: string) => s },
    { key: 'phrases', items: understood.phrases, render: (s: string) => `“${s}”` },
    { key: 'numbers', items: understood.numbers, render: (s: string) => s },
    { key: 'excluded', items: understood.excluded, render: (s: string) => `−${s}` },
  ] as const
  const shown = groups.filter((g) => g.items.length > 0)
  if (shown.length === 0) return null
  return (
    <div className="search-understood" data-testid="search-understood">
      <span className="search-understood-label">{t('search.understood.label')}</span>
      {shown.map((g) => (
        <span key={g.key} className="search-understood-group" data-testid={`search-understood-${g.key}`}>
          <span className="search-understood-kind">{t(`search.understood.${g.key}`)}</span>
          {g.items.map((item) => (
            <Tag key={item} className={g.key === 'excluded' ? 'search-term is-excluded' : 'search-term'}>
              {g.render(item)}
            </Tag>
          ))}
        </span>
      ))}
    </div>
  )
}

function filterLabel(
  t: ReturnType<typeof useTranslation>['t'],
  key: SearchFilterKey,
  value: string,
  facets: TSearchFacets | undefined,
  filters: SearchFilters,
): string {
  if (key === 'from') return t('search.filters.from', { date: formatDate(value) })
  if (key === 'to') return t('search.filters.to', { date: formatDate(value) })
  const server = facets?.[key].find((v) => v.value === value)?.label
  return `${t(`search.facets.${key}`)}: ${facetLabel(t, key, value, server, kindOf(filters.kind))}`
}

export function ActiveFilters({
  state,
  facets,
  onRemove,
  onClear,
}: {
  state: SearchState
  facets: TSearchFacets | undefined
  onRemove: (key: SearchFilterKey) => void
  onClear: () => void
}) {
  const { t } = useTranslation()
  const active = activeFilters(state)
  if (active.length === 0) return null
  return (
    <div className="search-active" data-testid="search-active-filters">
      {active.map(({ key, value }) => {
        const label = filterLabel(t, key, value, facets, state.filters)
        return (
          <Tag
            key={key}
            closable
            onClose={(e) => {
              e.preventDefault()
              onRemove(key)
            }}
            closeIcon={<CloseOutlined aria-label={t('search.filters.remove', { label })} />}
            className="search-active-tag"
            data-testid={`search-active-${key}`}
          >
            {label}
          </Tag>
        )
      })}
      {active.length > 1 ? (
        <Typography.Link onClick={onClear} data-testid="search-clear-filters">
          {t('search.filters.clearAll')}
        </Typography.Link>
      ) : null}
    </div>
  )
}

function HitMeta({ hit }: { hit: TSearchHit }) {
  const { t } = useTranslation()
  const parts = [
    hit.numberAndNotation ? (
      <span key="number" className="search-hit-number" data-testid="search-hit-number">
        {hit.numberAndNotation}
      </span>
    ) : null,
    hit.documentType ? <span key="type">{typeName(hit.documentType)}</span> : null,
    hit.senderName ? (
      <span key="sender" title={t(`search.fields.sender.${hit.kind}`)} data-testid="search-hit-sender">
        {hit.senderName}
      </span>
    ) : null,
    hit.signerName ? (
      <span key="signer" data-testid="search-hit-signer">
        {t('search.fields.signer')}: {hit.signerName}
      </span>
    ) : null,
    hit.date ? (
      <span key="date" data-testid="search-hit-date">
        {formatDate(hit.date)}
      </span>
    ) : null,
  ].filter(Boolean)
  return (
    <div className="search-hit-meta">
      <HitStateTag kind={hit.kind} state={hit.state} />
      {parts.map((p, i) => (
        <span key={i} className="search-hit-meta-part">
          {p}
        </span>
      ))}
    </div>
  )
}

export function HitList({ hits, q }: { hits: TSearchHit[]; q: string }) {
  const { t } = useTranslation()
  const location = useLocation()
  // The document page's "back to the results" returns to this exact search (filters, page).
  const from = `${location.pathname}${location.search}`
  return (
    <ol className="search-hits" data-testid="search-hits">
      {hits.map((hit) => (
        <li
          key={`${hit.kind}:${hit.id}`}
          className="search-hit"
          data-testid="search-hit"
          data-id={hit.id}
          data-kind={hit.kind}
        >
          <div className="search-hit-head">
            <KindTag kind={hit.kind} />
            <Link
              to={hitHref(hit, q)}
              state={{ searchFrom: from }}
              className="search-hit-title"
              data-testid="search-hit-link"
            >
              {hit.title.length > 0 ? <Snippet parts={hit.title} /> : t('search.results.untitled')}
            </Link>
          </div>
          <HitMeta hit={hit} />
          {hit.snippet.length > 0 ? (
            <div className="search-hit-snippet" data-testid="search-hit-snippet">
              <Snippet parts={hit.snippet} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
