import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { TOrganizationListQuery } from '@common/contracts/organizations'
import { api } from '../../lib/api.ts'

export const ORGANIZATIONS_KEY = ['organizations'] as const

type Query = { [K in keyof TOrganizationListQuery]?: TOrganizationListQuery[K] | undefined }

export function useOrganizationList(query: Query, enabled = true) {
  return useQuery({
    queryKey: [...ORGANIZATIONS_KEY, 'list', query],
    queryFn: () => api.organizations.list(query),
    placeholderData: keepPreviousData,
    enabled,
  })
}

/** Our own organization (kind 'own'): users placed in it get a unit. */
export function useOwnOrganization() {
  return useQuery({
    queryKey: [...ORGANIZATIONS_KEY, 'own'],
    queryFn: async () =>
      (await api.organizations.list({ kind: 'own', pageSize: 5 })).items.find((o) => o.isOwn) ?? null,
    staleTime: 5 * 60_000,
  })
}
