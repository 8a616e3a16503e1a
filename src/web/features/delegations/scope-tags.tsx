import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'

/** Delegation scopes as tags; an unknown scope shows its code. */
export function ScopeTags({ scopes }: { scopes: readonly string[] }) {
  const { t, i18n } = useTranslation()
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {scopes.map((s) => (
        <Tag key={s} color="cyan" style={{ marginInlineEnd: 0 }}>
          {i18n.exists(`delegationScopes.${s}`) ? t(`delegationScopes.${s}`) : s}
        </Tag>
      ))}
    </span>
  )
}
