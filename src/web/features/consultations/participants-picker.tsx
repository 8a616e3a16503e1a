/**
 * Choosing the members asked: tick a group ("Các bộ, ngành", "Các tỉnh ĐBSCL", …) to add all its
 * members (untick to take them out again), and add or remove members one by one. The value is the
 * list of member ids the contract takes; groups are only a way of picking.
 */
import { Alert, Checkbox, Select, Skeleton, Tag, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../lib/errors.ts'
import { consultApi } from './api.ts'
import { GROUPS_KEY } from './keys.ts'

export function useParticipantGroups() {
  return useQuery({ queryKey: GROUPS_KEY, queryFn: consultApi.groups, staleTime: 5 * 60_000 })
}

export function ParticipantsPicker({
  value = [],
  onChange,
}: {
  value?: string[]
  onChange?: (ids: string[]) => void
}) {
  const { t } = useTranslation()
  const groups = useParticipantGroups()
  if (groups.isPending) return <Skeleton active paragraph={{ rows: 2 }} />
  if (groups.isError) return <Alert type="error" showIcon title={errorText(t, groups.error)} />
  const chosen = new Set(value)
  const setGroup = (memberIds: string[], on: boolean) => {
    const next = new Set(value)
    for (const m of memberIds) {
      if (on) next.add(m)
      else next.delete(m)
    }
    // Keep the members' own order so the list reads the same whatever was ticked first.
    onChange?.(groups.data.members.map((m) => m.id).filter((m) => next.has(m)))
  }
  return (
    <div className="cs-participants" data-testid="cs-participants">
      <div className="cs-groups">
        {groups.data.groups.map((g) => {
          const inGroup = g.memberIds.filter((m) => chosen.has(m)).length
          return (
            <Checkbox
              key={g.key}
              checked={g.memberIds.length > 0 && inGroup === g.memberIds.length}
              indeterminate={inGroup > 0 && inGroup < g.memberIds.length}
              disabled={g.memberIds.length === 0}
              onChange={(e) => setGroup(g.memberIds, e.target.checked)}
              data-testid={`cs-group-${g.key}`}
            >
              {g.label} <span className="cs-muted">({g.memberIds.length})</span>
            </Checkbox>
          )
        })}
      </div>
      <Select
        mode="multiple"
        value={value}
        onChange={(ids: string[]) => onChange?.(ids)}
        showSearch={{ optionFilterProp: 'search' }}
        placeholder={t('consultations.form.pickMembers')}
        options={groups.data.members.map((m) => ({
          value: m.id,
          search: [m.fullName, m.organizationName, m.position].filter(Boolean).join(' '),
          label: (
            <span data-testid={`cs-member-option-${m.id}`}>
              {m.fullName}
              {m.organizationName ? <span className="cs-muted"> · {m.organizationName}</span> : null}
            </span>
          ),
        }))}
        maxTagCount="responsive"
        style={{ width: '100%', marginTop: 8 }}
        data-testid="cs-participants-select"
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
        {t('consultations.form.participantsCount', { count: value.length })}
        {value.length > 0 ? (
          <Tag style={{ marginInlineStart: 8 }} color="blue">
            {
              groups.data.members
                .filter((m) => chosen.has(m.id))
                .map((m) => m.organizationName)
                .filter((o, i, all) => o && all.indexOf(o) === i).length
            }{' '}
            {t('consultations.form.organizations')}
          </Tag>
        ) : null}
      </Typography.Text>
    </div>
  )
}
