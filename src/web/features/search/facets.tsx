/**
 * The facets beside the results (in a drawer on phones): for each of kind, type, sender, year,
 * signer, state, register and unit, the values found with their counts. Clicking a value filters
 * by it; clicking the active value removes the filter.
 */
import { useState } from 'react'
import { Alert, Button, Typography } from 'antd'
import { CheckOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { TSearchFacets } from '@common/contracts/search'
import { facetLabel, kindOf } from './labels.tsx'
import { FACET_KEYS, formatCount, type FacetKey, type SearchFilters } from './search-params.ts'

/** Values shown before "Xem thêm". */
const SHOWN = 6

type FacetValue = TSearchFacets[FacetKey][number]

function FacetGroup({
  facetKey,
  values,
  active,
  kind,
  onSelect,
}: {
  facetKey: FacetKey
  values: FacetValue[]
  active: string | undefined
  /** The kind filtered on: its states' names win where kinds share a state. */
  kind: string | undefined
  onSelect: (key: FacetKey, value: string | null) => void
}) {
  const { t, i18n } = useTranslation()
  const [isExpanded, setExpanded] = useState(false)
  // The active value stays visible even when the server no longer lists it.
  const all =
    active !== undefined && !values.some((v) => v.value === active)
      ? [{ value: active, label: active, count: 0 }, ...values]
      : values
  const activeIndex = all.findIndex((v) => v.value === active)
  const shown = isExpanded ? all : all.slice(0, Math.max(SHOWN, activeIndex + 1))
  return (
    <section className="search-facet" data-testid={`search-facet-${facetKey}`}>
      <Typography.Text strong className="search-facet-title">
        {t(`search.facets.${facetKey}`)}
      </Typography.Text>
      <ul className="search-facet-values">
        {shown.map((v) => {
          const isActive = v.value === active
          const label = facetLabel(t, facetKey, v.value, v.label, kindOf(kind))
          return (
            <li key={v.value}>
              <button
                type="button"
                className={isActive ? 'search-facet-value is-active' : 'search-facet-value'}
                onClick={() => onSelect(facetKey, isActive ? null : v.value)}
                aria-pressed={isActive}
                title={label}
                data-testid="search-facet-value"
                data-value={v.value}
              >
                <span className="search-facet-label">
                  {isActive ? <CheckOutlined /> : null} {label}
                </span>
                {v.count > 0 ? (
                  <span className="search-facet-count">{formatCount(v.count, i18n.language)}</span>
                ) : null}
              </button>
            </li>
          )
        })}
      </ul>
      {all.length > SHOWN && (isExpanded || shown.length < all.length) ? (
        <Button
          type="link"
          size="small"
          className="search-facet-more"
          onClick={() => setExpanded(!isExpanded)}
          data-testid="search-facet-more"
        >
          {isExpanded ? t('search.facets.less') : t('search.facets.more', { n: all.length - shown.length })}
        </Button>
      ) : null}
    </section>
  )
}

export function Facets({
  facets,
  isPartial,
  filters,
  onSelect,
}: {
  facets: TSearchFacets | undefined
  isPartial: boolean
  filters: SearchFilters
  onSelect: (key: FacetKey, value: string | null) => void
}) {
  const { t } = useTranslation()
  const groups = FACET_KEYS.filter((key) => (facets?.[key].length ?? 0) > 0 || filters[key] !== undefined)
  return (
    <div className="search-facets" data-testid="search-facets">
      {groups.length === 0 ? (
        <Typography.Text type="secondary">{t('search.facets.none')}</Typography.Text>
      ) : (
        groups.map((key) => (
          <FacetGroup
            key={key}
            facetKey={key}
            values={facets?.[key] ?? []}
            active={filters[key]}
            kind={filters.kind}
            onSelect={onSelect}
          />
        ))
      )}
      {isPartial ? (
        <Alert
          type="info"
          showIcon
          className="search-facets-partial"
          title={t('search.facets.partial')}
          data-testid="search-facets-partial"
        />
      ) : null}
    </div>
  )
}
