/**
 * The filters above a list. On phones only the search box shows, with a "Bộ lọc" button
 * (and the number of active filters) that unfolds the others.
 */
import { Children, useState, type ReactNode } from 'react'
import { Badge, Button } from 'antd'
import { FilterOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useIsMobile } from '../lib/use-media.ts'

export function FilterBar({
  search,
  active = 0,
  children,
}: {
  search?: ReactNode
  active?: number
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const isMobile = useIsMobile()
  const [open, setOpen] = useState(false)
  const hasExtra = Children.count(children) > 0
  if (!isMobile) {
    return (
      <div className="filter-bar">
        {search}
        {children}
      </div>
    )
  }
  return (
    <div className={open ? 'filter-bar' : 'filter-bar is-collapsed'}>
      <div className="filter-bar-row">
        {search ?? <span style={{ flex: 1 }} />}
        {hasExtra ? (
          <Badge count={active} size="small" color="#0f8b8d">
            <Button
              className="filter-bar-toggle"
              icon={<FilterOutlined />}
              onClick={() => setOpen(!open)}
              aria-expanded={open}
              data-testid="filter-toggle"
            >
              {t('common.filters')}
            </Button>
          </Badge>
        ) : null}
      </div>
      {Children.map(children, (child) => (
        <div className="filter-extra" style={{ width: '100%' }}>
          {child}
        </div>
      ))}
    </div>
  )
}

/** How many of the given filter values are set. */
export function countActive(...values: (string | undefined | null)[]): number {
  return values.filter((v) => v !== undefined && v !== null && v !== '').length
}

/** Tables scroll sideways on phones; on wider screens columns wrap instead. */
export function useTableScroll(): { x: 'max-content' } | undefined {
  return useIsMobile() ? { x: 'max-content' } : undefined
}
