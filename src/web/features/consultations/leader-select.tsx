/** Picking a leader of the committee (to approve a consultation, or to receive the summary). */
import { useState } from 'react'
import { Select } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { docApi } from '../../lib/api.ts'
import { useDebounced } from '../../lib/use-debounced.ts'
import { useRequiredSession } from '../../lib/session.ts'

export function LeaderSelect({
  value,
  onChange,
  testId,
}: {
  value?: string
  onChange?: (id: string) => void
  testId: string
}) {
  const { t } = useTranslation()
  const session = useRequiredSession()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim())
  const found = useQuery({
    queryKey: ['consultations', 'leaders', q],
    queryFn: () => docApi.people.options(q || undefined, 50),
    staleTime: 60_000,
  })
  const leaders = (found.data?.items ?? []).filter(
    (u) => u.roles.includes('leader') && u.organizationName === session.user.organizationName,
  )
  return (
    <Select
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={found.isFetching}
      options={leaders.map((u) => ({
        value: u.id,
        label: [u.fullName, u.position].filter(Boolean).join(' · '),
      }))}
      placeholder={t('consultations.actions.pickLeader')}
      notFoundContent={found.isFetching ? undefined : t('common.noMatch')}
      data-testid={testId}
    />
  )
}
