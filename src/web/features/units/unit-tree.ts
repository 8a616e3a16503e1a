/** Units come as a flat list with parentId; the UI shows them as a tree sorted by order, then name (Vietnamese collation). */
import { useQuery } from '@tanstack/react-query'
import type { TUnit } from '@common/contracts/organizations'
import { api } from '../../lib/api.ts'

export const UNITS_KEY = ['units'] as const

export function useUnits(enabled = true) {
  return useQuery({ queryKey: UNITS_KEY, queryFn: api.units.list, enabled, staleTime: 60_000 })
}

export type UnitNode = TUnit & { children?: UnitNode[]; depth: number }

const collator = new Intl.Collator('vi')

export function buildUnitTree(units: readonly TUnit[]): UnitNode[] {
  const ids = new Set(units.map((u) => u.id))
  const byParent = new Map<string | null, TUnit[]>()
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null
    const list = byParent.get(parent) ?? []
    list.push(u)
    byParent.set(parent, list)
  }
  const build = (parent: string | null, depth: number, seen: Set<string>): UnitNode[] =>
    (byParent.get(parent) ?? [])
      .filter((u) => !seen.has(u.id))
      .sort((a, b) => a.sortOrder - b.sortOrder || collator.compare(a.name, b.name))
      .map((u) => {
        const children = build(u.id, depth + 1, new Set([...seen, u.id]))
        return { ...u, depth, ...(children.length > 0 ? { children } : {}) }
      })
  return build(null, 0, new Set())
}

/** The ids of a unit and everything below it (a unit cannot move under itself). */
export function subtreeIds(units: readonly TUnit[], rootId: string): Set<string> {
  const result = new Set([rootId])
  let grew = true
  while (grew) {
    grew = false
    for (const u of units) {
      if (u.parentId && result.has(u.parentId) && !result.has(u.id)) {
        result.add(u.id)
        grew = true
      }
    }
  }
  return result
}

export type UnitTreeOption = { value: string; title: string; disabled?: boolean; children?: UnitTreeOption[] }

/** Options for an antd TreeSelect; inactive units and `exclude` are not selectable. */
export function unitTreeOptions(
  nodes: readonly UnitNode[],
  exclude: Set<string> = new Set(),
  withInactive = false,
): UnitTreeOption[] {
  return nodes
    .filter((n) => withInactive || n.isActive)
    .map((n) => ({
      value: n.id,
      title: n.name,
      ...(exclude.has(n.id) ? { disabled: true } : {}),
      ...(n.children ? { children: unitTreeOptions(n.children, exclude, withInactive) } : {}),
    }))
}
