/** The audit log: who did what, when, on whose behalf, with the recorded data. */
import {
  Alert,
  DatePicker,
  Descriptions,
  Select,
  Table,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TAuditEvent } from '@common/contracts/audit'
import { api } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { formatDateTime, wallClockToIso } from '../../lib/format.ts'
import { tablePagination, testId, useListParams } from '../../lib/list-params.ts'
import { UserPicker } from '../users/user-picker.tsx'
import { actionLabel, KNOWN_TARGET_TYPES, targetTypeLabel } from './audit-labels.ts'
import { countActive, FilterBar, useTableScroll } from '../../components/filter-bar.tsx'

const FILTERS = ['action', 'actorId', 'targetType', 'targetId', 'from', 'to'] as const
const DAY = 'YYYY-MM-DD'

function Json({ value }: { value: unknown }) {
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>
}

function EventDetails({ event }: { event: TAuditEvent }) {
  const { t } = useTranslation()
  const { before, after, ...rest } = event.data
  const hasDiff = before !== undefined || after !== undefined
  return (
    <div className="audit-details" data-testid="audit-event-details">
      {hasDiff ? (
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
            gap: 12,
            marginBottom: 12,
          }}
        >
          <div>
            <Typography.Text strong>{t('audit.before')}</Typography.Text>
            <Json value={before ?? null} />
          </div>
          <div>
            <Typography.Text strong>{t('audit.after')}</Typography.Text>
            <Json value={after ?? null} />
          </div>
        </div>
      ) : null}
      {Object.keys(rest).length > 0 ? (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text strong>{hasDiff ? t('audit.otherData') : t('audit.data')}</Typography.Text>
          <Json value={rest} />
        </div>
      ) : null}
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'id', label: t('audit.fields.id'), children: event.id },
          {
            key: 'target',
            label: t('audit.fields.targetId'),
            children: event.targetId ? <code>{event.targetId}</code> : '',
          },
          { key: 'ua', label: t('audit.fields.userAgent'), children: event.userAgent ?? '' },
          {
            key: 'hash',
            label: t('audit.fields.hash'),
            children: <code style={{ wordBreak: 'break-all' }}>{event.hash}</code>,
          },
        ]}
      />
    </div>
  )
}

export function AuditEvents() {
  const { t, i18n } = useTranslation()
  const list = useListParams(FILTERS)
  const scroll = useTableScroll()
  const f = list.filters
  const from = f.from && dayjs(f.from, DAY).isValid() ? dayjs(f.from, DAY) : null
  const to = f.to && dayjs(f.to, DAY).isValid() ? dayjs(f.to, DAY) : null

  const actions = useQuery({
    queryKey: ['audit', 'actions'],
    queryFn: api.audit.actions,
    staleTime: 5 * 60_000,
  })
  const query = useQuery({
    queryKey: ['audit', 'events', f, list.page, list.pageSize],
    queryFn: () =>
      api.audit.events({
        action: f.action,
        actorId: f.actorId,
        targetType: f.targetType,
        targetId: f.targetId,
        from: from ? wallClockToIso(from.startOf('day')) : undefined,
        to: to ? wallClockToIso(to.endOf('day')) : undefined,
        page: list.page,
        pageSize: list.pageSize,
      }),
    placeholderData: keepPreviousData,
  })

  const columns: TableColumnsType<TAuditEvent> = [
    {
      title: t('audit.fields.time'),
      dataIndex: 'occurredAt',
      width: 170,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v, true)}</span>,
    },
    {
      title: t('audit.fields.actor'),
      key: 'actor',
      render: (_, e) => (
        <div>
          <div>{e.actorName ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>}</div>
          {e.principalId && e.principalId !== e.actorId ? (
            <div style={{ fontSize: 12, color: '#0f8b8d' }} data-testid="audit-on-behalf">
              {t('audit.onBehalfOf', { name: e.principalName ?? e.principalId })}
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('audit.fields.action'),
      dataIndex: 'action',
      render: (a: string) => (
        <div>
          <div>{actionLabel(t, i18n, a)}</div>
          <code style={{ fontSize: 11, color: 'rgba(0,0,0,0.45)' }}>{a}</code>
        </div>
      ),
    },
    {
      title: t('audit.fields.target'),
      key: 'target',
      responsive: ['md'],
      render: (_, e) => (
        <div>
          <div>{targetTypeLabel(t, i18n, e.targetType)}</div>
          {e.targetId ? (
            <Tooltip title={e.targetId}>
              <code style={{ fontSize: 11, color: 'rgba(0,0,0,0.45)' }}>{e.targetId.slice(0, 8)}</code>
            </Tooltip>
          ) : null}
        </div>
      ),
    },
    {
      title: t('audit.fields.ip'),
      dataIndex: 'ip',
      responsive: ['lg'],
      render: (ip: string | null) => (ip ? <code>{ip}</code> : ''),
    },
  ]

  const actionItems = actions.data?.items ?? []

  return (
    <>
      <FilterBar active={countActive(f.action, f.actorId, f.targetType, f.from, f.to)}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={f.action}
          placeholder={t('audit.fields.action')}
          onChange={(value?: string) => list.setFilters({ action: value })}
          options={actionItems.map((a) => ({ value: a, label: actionLabel(t, i18n, a) }))}
          loading={actions.isPending}
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
          data-testid="audit-filter-action"
        />
        <UserPicker
          value={f.actorId}
          allowClear
          placeholder={t('audit.fields.actor')}
          onChange={(id) => list.setFilters({ actorId: id })}
          style={{ width: 220 }}
          testId="audit-filter-actor"
        />
        <Select
          allowClear
          value={f.targetType}
          placeholder={t('audit.fields.targetType')}
          onChange={(value?: string) => list.setFilters({ targetType: value })}
          options={KNOWN_TARGET_TYPES.map((type) => ({ value: type, label: targetTypeLabel(t, i18n, type) }))}
          data-testid="audit-filter-target-type"
        />
        <DatePicker.RangePicker
          value={[from, to]}
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            list.setFilters({ from: range?.[0]?.format(DAY) ?? null, to: range?.[1]?.format(DAY) ?? null })
          }
          style={{ width: 280 }}
          data-testid="audit-filter-period"
        />
      </FilterBar>
      {query.isError ? (
        <Alert type="error" showIcon title={errorText(t, query.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<TAuditEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={tablePagination(t, list, query.data?.total)}
        expandable={{ expandedRowRender: (e) => <EventDetails event={e} /> }}
        onRow={(e) => testId(`audit-row-${e.id}`)}
        scroll={scroll}
        data-testid="audit-table"
      />
    </>
  )
}
