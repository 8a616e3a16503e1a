/**
 * Lấy ý kiến: the boxes (to answer, managed, all), a state filter and a search, kept in the URL;
 * each row shows the deadline with its countdown, the answers so far and the user's own answer.
 */
import { Button, Progress, Tabs, type TableColumnsType } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import {
  CONSULTATION_STATES,
  type ConsultationState,
  type TConsultationListItem,
} from '@common/contracts/consultations'
import { PageHeader } from '../../components/page-header.tsx'
import { countActive, FilterBar } from '../../components/filter-bar.tsx'
import { ListSearch, oneOf, SelectFilter } from '../../components/list-filters.tsx'
import { ListTable } from '../../components/list-table.tsx'
import { ListLoadError } from '../../components/load-error.tsx'
import { tablePagination, useListParams } from '../../lib/list-params.ts'
import { useRequiredSession } from '../../lib/session.ts'
import { consultApi } from './api.ts'
import { CONSULTATIONS_KEY } from './keys.ts'
import { ConsultationStateTag, DeadlineTag, ResponseStateTag } from './labels.tsx'
import { isWaitingOnMe } from './nav-badge.tsx'
import { CONSULT_PATHS, consultationPath } from './paths.ts'
import { useConsultationRoles } from './roles.ts'
import './consultations.css'

const FILTERS = ['box', 'q', 'state'] as const
const BOXES = ['to_answer', 'managed', 'all'] as const
type Box = (typeof BOXES)[number]

function AnsweredBar({ item }: { item: TConsultationListItem }) {
  const { t } = useTranslation()
  const { answered, participants } = item.counts
  return (
    <div className="cs-answered" title={t('consultations.list.answeredOf', { answered, participants })}>
      <Progress
        percent={participants > 0 ? Math.round((answered / participants) * 100) : 0}
        size="small"
        showInfo={false}
        style={{ margin: 0, flex: 1, minWidth: 60 }}
      />
      <span className="cs-muted">
        {answered}/{participants}
      </span>
    </div>
  )
}

function ConsultationTable({
  rows,
  loading,
  pagination,
}: {
  rows: TConsultationListItem[]
  loading: boolean
  pagination: ReturnType<typeof tablePagination>
}) {
  const { t } = useTranslation()
  const cardColumns: TableColumnsType<TConsultationListItem> = [
    {
      key: 'card',
      render: (_, r) => (
        <div className="cs-card-row">
          <div className="cs-card-head">
            <ConsultationStateTag state={r.state} />
            <ResponseStateTag state={r.myResponseState} />
          </div>
          <Link to={consultationPath(r.id)} className="cs-title-link">
            {r.title}
          </Link>
          <DeadlineTag deadline={r.deadline} state={r.state} pastDeadline={r.pastDeadline} />
          {r.state === 'open' || r.state === 'closed' ? <AnsweredBar item={r} /> : null}
        </div>
      ),
    },
  ]
  const columns: TableColumnsType<TConsultationListItem> = [
    {
      title: t('consultations.fields.title'),
      key: 'title',
      render: (_, r) => (
        <Link to={consultationPath(r.id)} onClick={(e) => e.stopPropagation()} className="cs-title-link">
          {r.title}
        </Link>
      ),
    },
    {
      title: t('consultations.fields.deadline'),
      key: 'deadline',
      width: 230,
      render: (_, r) => <DeadlineTag deadline={r.deadline} state={r.state} pastDeadline={r.pastDeadline} />,
    },
    {
      title: t('consultations.list.answered'),
      key: 'answered',
      width: 150,
      responsive: ['lg'],
      render: (_, r) => (r.state === 'open' || r.state === 'closed' ? <AnsweredBar item={r} /> : null),
    },
    {
      title: t('consultations.list.myAnswer'),
      key: 'mine',
      width: 150,
      render: (_, r) => <ResponseStateTag state={r.myResponseState} />,
    },
    {
      title: t('common.status'),
      key: 'state',
      width: 120,
      render: (_, r) => <ConsultationStateTag state={r.state} />,
    },
  ]
  return (
    <ListTable<TConsultationListItem>
      rows={rows}
      loading={loading}
      pagination={pagination}
      columns={columns}
      cardColumns={cardColumns}
      pathOf={(r) => consultationPath(r.id)}
      rowAttributes={(r) => ({
        'data-testid': `cs-row-${r.id}`,
        'data-state': r.state,
        'data-waiting': isWaitingOnMe(r) ? 'true' : 'false',
      })}
      rowClassName={(r) => (isWaitingOnMe(r) ? 'cs-row-waiting' : undefined)}
      testId="consultations-table"
    />
  )
}

export function ConsultationsPage() {
  const { t } = useTranslation()
  useRequiredSession()
  const roles = useConsultationRoles()
  const list = useListParams(FILTERS)
  const f = list.filters
  const boxes = BOXES.filter(
    // Officers answer nothing: their boxes are what they manage and everything.
    (b) => (b === 'to_answer' ? roles.isAnswerer : b === 'managed' ? roles.isManager : roles.isOfficer),
  )
  const defaultBox: Box = roles.isOfficer ? 'managed' : 'to_answer'
  const box: Box =
    oneOf(boxes, f.box) ?? (boxes.includes(defaultBox) ? defaultBox : (boxes[0] ?? 'to_answer'))
  const query = useQuery({
    queryKey: [...CONSULTATIONS_KEY, 'list', box, f.q, f.state, list.page, list.pageSize],
    queryFn: () =>
      consultApi.list({
        box,
        q: f.q || undefined,
        state: oneOf<ConsultationState>(CONSULTATION_STATES, f.state),
        page: list.page,
        pageSize: list.pageSize,
      }),
    placeholderData: keepPreviousData,
  })
  return (
    <>
      <PageHeader
        title={t('consultations.nav')}
        subtitle={t('consultations.list.subtitle')}
        extra={
          roles.isOfficer ? (
            <Link to={CONSULT_PATHS.create}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="consultations-create">
                {t('consultations.form.createTitle')}
              </Button>
            </Link>
          ) : null
        }
      />
      {boxes.length > 1 ? (
        <Tabs
          activeKey={box}
          onChange={(k) => list.setFilters({ box: k === defaultBox ? null : k })}
          items={boxes.map((k) => ({
            key: k,
            label: <span data-testid={`cs-box-${k}`}>{t(`consultations.boxes.${k}`)}</span>,
          }))}
        />
      ) : null}
      <FilterBar
        active={countActive(f.state)}
        search={
          <ListSearch
            list={list}
            placeholder={t('consultations.list.searchPlaceholder')}
            testId="consultations-search"
          />
        }
      >
        <SelectFilter
          list={list}
          name="state"
          options={CONSULTATION_STATES.map((s) => ({ value: s, label: t(`consultations.states.${s}`) }))}
          placeholder={t('common.status')}
          width={170}
          testId="consultations-filter-state"
        />
      </FilterBar>
      <ListLoadError query={query} />
      <ConsultationTable
        rows={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={tablePagination(t, list, query.data?.total)}
      />
    </>
  )
}
