import { TreeSelect } from 'antd'
import { useTranslation } from 'react-i18next'
import { buildUnitTree, unitTreeOptions, useUnits } from './unit-tree.ts'

/** Pick a unit of our organization from the tree (searchable). */
export function UnitTreeSelect({
  value,
  onChange,
  exclude,
  placeholder,
  testId,
  allowClear = true,
}: {
  value?: string | null
  onChange?: (value: string | undefined) => void
  exclude?: Set<string>
  placeholder?: string
  testId?: string
  allowClear?: boolean
}) {
  const { t } = useTranslation()
  const units = useUnits()
  const tree = unitTreeOptions(buildUnitTree(units.data?.items ?? []), exclude)
  return (
    <TreeSelect
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v)}
      treeData={tree}
      treeDefaultExpandAll
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={units.isPending}
      placeholder={placeholder ?? t('users.fields.unit')}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  )
}
