/**
 * Inputs of the routing forms: a deadline (a date, or a number of working days), one assignee
 * (a unit or a person, with its deadline) and a leader picker. Values are already in the
 * contract's shape (ZDeadline, ZAssignee), so the form can be checked with the contract schemas.
 */
import { useMemo, useState } from 'react'
import { DatePicker, InputNumber, Radio, Select } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import { docApi } from '../../lib/api.ts'
import { DATE_FORMAT } from '../../lib/format.ts'
import { useDebounced } from '../../lib/use-debounced.ts'
import { UserPicker } from '../users/user-picker.tsx'
import { UnitTreeSelect } from '../units/unit-tree-select.tsx'

export type DeadlineValue = { date: string } | { workingDays: number } | null
export type AssigneeValue = { userId?: string | null; unitId?: string | null; deadline?: DeadlineValue }

export function DeadlineInput({
  value,
  onChange,
  testId,
  defaultMode = 'days',
}: {
  value?: DeadlineValue
  onChange?: (value: DeadlineValue) => void
  testId: string
  defaultMode?: 'date' | 'days'
}) {
  const { t } = useTranslation()
  const [mode, setMode] = useState<'date' | 'days'>(
    value && 'date' in value ? 'date' : value && 'workingDays' in value ? 'days' : defaultMode,
  )
  return (
    <div className="doc-deadline">
      <Radio.Group
        size="small"
        optionType="button"
        value={mode}
        onChange={(e) => {
          setMode(e.target.value as 'date' | 'days')
          onChange?.(null)
        }}
        options={[
          {
            value: 'days',
            label: <span data-testid={`${testId}-mode-days`}>{t('documentsIn.deadline.days')}</span>,
          },
          {
            value: 'date',
            label: <span data-testid={`${testId}-mode-date`}>{t('documentsIn.deadline.date')}</span>,
          },
        ]}
        data-testid={`${testId}-mode`}
      />
      {mode === 'date' ? (
        <DatePicker
          size="small"
          format={DATE_FORMAT}
          value={value && 'date' in value ? dayjs(value.date) : null}
          onChange={(d) => onChange?.(d ? { date: d.format('YYYY-MM-DD') } : null)}
          disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          placeholder={t('documentsIn.deadline.pickDate')}
          data-testid={`${testId}-date`}
        />
      ) : (
        <InputNumber
          size="small"
          min={0}
          max={365}
          precision={0}
          value={value && 'workingDays' in value ? value.workingDays : null}
          onChange={(n) => onChange?.(typeof n === 'number' ? { workingDays: n } : null)}
          placeholder={t('documentsIn.deadline.daysPlaceholder')}
          suffix={t('documentsIn.deadline.daysSuffix')}
          style={{ width: 200 }}
          data-testid={`${testId}-days`}
        />
      )}
    </div>
  )
}

export function AssigneeInput({
  value,
  onChange,
  testId,
  kinds = ['unit', 'user'],
  withDeadline = true,
}: {
  value?: AssigneeValue
  onChange?: (value: AssigneeValue) => void
  testId: string
  kinds?: ('unit' | 'user')[]
  withDeadline?: boolean
}) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<'unit' | 'user'>(
    value?.userId ? 'user' : value?.unitId ? 'unit' : kinds[0]!,
  )
  const current = value ?? {}
  return (
    <div className="doc-assignee-fields" data-testid={testId}>
      {kinds.length > 1 ? (
        <Radio.Group
          size="small"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as 'unit' | 'user')
            onChange?.({ ...current, userId: null, unitId: null })
          }}
        >
          <Radio value="unit">
            <span data-testid={`${testId}-kind-unit`}>{t('documentsIn.assignee.unit')}</span>
          </Radio>
          <Radio value="user">
            <span data-testid={`${testId}-kind-user`}>{t('documentsIn.assignee.user')}</span>
          </Radio>
        </Radio.Group>
      ) : null}
      {kind === 'unit' ? (
        <UnitTreeSelect
          value={current.unitId ?? undefined}
          onChange={(unitId) => onChange?.({ ...current, unitId: unitId ?? null, userId: null })}
          placeholder={t('documentsIn.assignee.pickUnit')}
          testId={`${testId}-unit`}
        />
      ) : (
        <UserPicker
          value={current.userId ?? undefined}
          onChange={(userId) => onChange?.({ ...current, userId: userId ?? null, unitId: null })}
          allowClear
          testId={`${testId}-user`}
        />
      )}
      {withDeadline ? (
        <DeadlineInput
          value={current.deadline ?? null}
          onChange={(deadline) => onChange?.({ ...current, deadline })}
          testId={`${testId}-deadline`}
        />
      ) : null}
    </div>
  )
}

/** Pick a committee leader (users with the role 'leader'). */
export function LeaderPicker({
  value,
  onChange,
  testId,
}: {
  value?: string
  onChange?: (value: string | undefined) => void
  testId: string
}) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim())
  const people = useQuery({
    queryKey: ['user-options', 'leaders', q],
    queryFn: () => docApi.people.options(q || undefined, 50),
    staleTime: 60_000,
  })
  const options = useMemo(
    () =>
      (people.data?.items ?? [])
        .filter((u) => u.roles.includes('leader'))
        .map((u) => ({ value: u.id, label: u.fullName, detail: u.position ?? u.unitName ?? '' })),
    [people.data],
  )
  return (
    <Select
      value={value}
      onChange={(id?: string) => onChange?.(id)}
      options={options}
      optionRender={(o) => (
        <div>
          <div>{o.data.label}</div>
          {o.data.detail ? <div className="doc-muted">{o.data.detail}</div> : null}
        </div>
      )}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={people.isFetching}
      placeholder={t('documentsIn.submit.pickLeader')}
      notFoundContent={people.isFetching ? t('common.loading') : t('common.noMatch')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  )
}
