/**
 * The table of a server-paginated list page: one card column and no header on phones, the full
 * columns on wider screens; clicking a row opens the record.
 */
import { Table, type TableColumnsType, type TablePaginationConfig } from 'antd'
import { useNavigate } from 'react-router'
import { useIsMobile } from '../lib/use-media.ts'

export function ListTable<T extends { id: string }>({
  rows,
  loading,
  pagination,
  columns,
  cardColumns,
  pathOf,
  rowAttributes,
  rowStyle,
  rowClassName,
  testId,
}: {
  rows: T[]
  loading: boolean
  pagination: TablePaginationConfig
  columns: TableColumnsType<T>
  /** The columns on phones (usually one card). */
  cardColumns: TableColumnsType<T>
  /** Where a click on the row goes. */
  pathOf: (row: T) => string
  /** `data-*` attributes of a row (its `data-testid` and what tests check). */
  rowAttributes: (row: T) => Record<string, string | undefined>
  rowStyle?: (row: T) => React.CSSProperties
  rowClassName?: (row: T) => string | undefined
  testId: string
}) {
  const navigate = useNavigate()
  const isMobile = useIsMobile()
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      dataSource={rows}
      loading={loading}
      pagination={pagination}
      columns={isMobile ? cardColumns : columns}
      showHeader={!isMobile}
      onRow={(r) =>
        ({
          ...rowAttributes(r),
          className: rowClassName?.(r),
          style: { cursor: 'pointer', ...rowStyle?.(r) },
          onClick: () => void navigate(pathOf(r)),
        }) as React.HTMLAttributes<HTMLElement>
      }
      data-testid={testId}
    />
  )
}
