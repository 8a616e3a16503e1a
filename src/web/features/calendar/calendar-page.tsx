/** Quản trị › Lịch ngày nghỉ: public holidays and compensating working days, by year. */
import { useMemo, useState } from 'react'
import {
  Alert,
  App,
  Button,
  Calendar,
  Card,
  Col,
  Grid,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  type TableColumnsType,
} from 'antd'
import { DeleteOutlined, EditOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, type TCalendarDay } from '@common/contracts/calendar'
import { PageHeader } from '../../components/page-header.tsx'
import { errorText } from '../../lib/errors.ts'
import { testId } from '../../lib/list-params.ts'
import { CALENDAR_KEY, calendarApi, formatCalendarDate, useCalendarDays, weekdayOf } from './calendar-api.ts'
import { CalendarDayForm, type CalendarEditing } from './calendar-day-form.tsx'
import './calendar.css'

const WEEKDAY_KEYS = [
  'calendar.weekdays.sun',
  'calendar.weekdays.mon',
  'calendar.weekdays.tue',
  'calendar.weekdays.wed',
  'calendar.weekdays.thu',
  'calendar.weekdays.fri',
  'calendar.weekdays.sat',
] as const

function KindTag({ kind }: { kind: TCalendarDay['kind'] }) {
  const { t } = useTranslation()
  return kind === 'holiday' ? (
    <Tag color="red">{t('calendar.kinds.holiday')}</Tag>
  ) : (
    <Tag color="blue">{t('calendar.kinds.working_day')}</Tag>
  )
}

function YearPicker({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const { t } = useTranslation()
  const current = new Date().getFullYear()
  const options = Array.from({ length: 12 }, (_, i) => current - 2 + i).map((y) => ({
    value: y,
    label: String(y),
  }))
  return (
    <Space.Compact>
      <Button
        icon={<LeftOutlined />}
        aria-label={t('calendar.previousYear')}
        disabled={year <= CALENDAR_MIN_YEAR}
        onClick={() => onChange(year - 1)}
      />
      <Select
        value={year}
        options={
          options.some((o) => o.value === year) ? options : [...options, { value: year, label: String(year) }]
        }
        onChange={onChange}
        style={{ width: 96 }}
        aria-label={t('calendar.year')}
        data-testid="calendar-year"
      />
      <Button
        icon={<RightOutlined />}
        aria-label={t('calendar.nextYear')}
        disabled={year >= CALENDAR_MAX_YEAR}
        onClick={() => onChange(year + 1)}
      />
    </Space.Compact>
  )
}

export function CalendarPage() {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const queryClient = useQueryClient()
  const [year, setYear] = useState(() => new Date().getFullYear())
  const [month, setMonth] = useState<Dayjs>(() => dayjs())
  const [editing, setEditing] = useState<CalendarEditing | null>(null)
  const screens = Grid.useBreakpoint()
  const days = useCalendarDays(year)
  const items = useMemo(() => days.data?.items ?? [], [days.data])
  const byDate = useMemo(() => new Map(items.map((d) => [d.date, d])), [items])
  const canManage = days.data?.abilities.manage ?? false
  const holidayCount = items.filter((d) => d.kind === 'holiday').length
  const workedCount = items.filter((d) => d.kind === 'working_day').length

  const remove = useMutation({
    mutationFn: (day: TCalendarDay) => calendarApi.remove(day.date),
    onSuccess: (_, day) => {
      void queryClient.invalidateQueries({ queryKey: CALENDAR_KEY })
      message.success(t('calendar.removed', { date: formatCalendarDate(day.date) }))
    },
    onError: (e) => message.error(errorText(t, e)),
  })

  function confirmRemove(day: TCalendarDay) {
    modal.confirm({
      title: t('calendar.removeConfirmTitle'),
      content: t('calendar.removeConfirm', { date: formatCalendarDate(day.date), name: day.name }),
      okText: t('calendar.remove'),
      okButtonProps: { danger: true, ...testId('confirm-ok') },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(day),
    })
  }

  function changeYear(next: number) {
    setYear(next)
    setMonth((m) => m.year(next))
  }

  const columns: TableColumnsType<TCalendarDay> = [
    {
      title: t('calendar.fields.date'),
      dataIndex: 'date',
      width: 120,
      render: (date: string) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatCalendarDate(date)}</span>
      ),
    },
    {
      title: t('calendar.fields.weekday'),
      key: 'weekday',
      width: 110,
      responsive: ['sm'],
      render: (_, d) => t(WEEKDAY_KEYS[weekdayOf(d.date)]!),
    },
    {
      title: t('calendar.fields.kind'),
      dataIndex: 'kind',
      width: 150,
      responsive: ['md'],
      render: (k: TCalendarDay['kind']) => <KindTag kind={k} />,
    },
    {
      title: t('calendar.fields.name'),
      dataIndex: 'name',
      // On phones the kind column is hidden: its tag goes with the name.
      render: (name: string, d) =>
        screens.md === false ? (
          <>
            <div>{name}</div>
            <KindTag kind={d.kind} />
          </>
        ) : (
          name
        ),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, d: TCalendarDay) => (
              <Space size={4}>
                {d.abilities.update ? (
                  <Tooltip title={t('common.edit')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<EditOutlined />}
                      aria-label={t('common.edit')}
                      onClick={() => setEditing({ day: d, date: d.date })}
                      data-testid="calendar-edit"
                    />
                  </Tooltip>
                ) : null}
                {d.abilities.remove ? (
                  <Tooltip title={t('calendar.remove')}>
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('calendar.remove')}
                      onClick={() => confirmRemove(d)}
                      data-testid="calendar-remove"
                    />
                  </Tooltip>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ]

  function cell(value: Dayjs) {
    const day = byDate.get(value.format('YYYY-MM-DD'))
    if (!day) return null
    return (
      <Tooltip title={day.name}>
        <div
          className={`calendar-mark calendar-mark-${day.kind}`}
          data-testid={`calendar-cell-${day.date}`}
        />
      </Tooltip>
    )
  }

  return (
    <>
      <PageHeader
        title={t('nav.calendar')}
        subtitle={t('calendar.subtitle')}
        extra={
          <Space wrap>
            <YearPicker year={year} onChange={changeYear} />
            {canManage ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ day: null, date: null })}
                data-testid="calendar-create"
              >
                {t('calendar.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Alert
        type="info"
        showIcon
        title={t('calendar.help')}
        style={{ marginBottom: 16 }}
        data-testid="calendar-help"
      />
      {days.isError ? (
        <Alert type="error" showIcon title={errorText(t, days.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title={t('calendar.listTitle', { year })}
            extra={
              <Space size={4} wrap>
                <Tag color="red">{t('calendar.holidayCount', { count: holidayCount })}</Tag>
                <Tag color="blue">{t('calendar.workedCount', { count: workedCount })}</Tag>
              </Space>
            }
          >
            <Table<TCalendarDay>
              rowKey="date"
              size="small"
              columns={columns}
              dataSource={items}
              loading={days.isFetching}
              pagination={false}
              locale={{ emptyText: t('calendar.empty', { year }) }}
              // A row shows its month on the month view.
              onRow={(d) => ({ ...testId(`calendar-row-${d.date}`), onClick: () => setMonth(dayjs(d.date)) })}
              data-testid="calendar-table"
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('calendar.monthTitle')}>
            <Calendar
              fullscreen={false}
              value={month}
              validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
              onPanelChange={(value) => setMonth(value)}
              onSelect={(value, info) => {
                setMonth(value)
                if (info.source !== 'date' || !canManage) return
                const date = value.format('YYYY-MM-DD')
                const day = byDate.get(date) ?? null
                setEditing({ day, date })
              }}
              cellRender={(value, info) => (info.type === 'date' ? cell(value) : info.originNode)}
              data-testid="calendar-month"
            />
            <Space size={12} wrap style={{ marginTop: 8 }}>
              <span>
                <span className="calendar-mark calendar-mark-holiday calendar-legend" />{' '}
                {t('calendar.kinds.holiday')}
              </span>
              <span>
                <span className="calendar-mark calendar-mark-working_day calendar-legend" />{' '}
                {t('calendar.kinds.working_day')}
              </span>
            </Space>
          </Card>
        </Col>
      </Row>
      <CalendarDayForm
        key={editing ? `${editing.day?.date ?? 'new'}-${editing.date ?? ''}` : 'closed'}
        editing={editing}
        onClose={() => setEditing(null)}
      />
    </>
  )
}
