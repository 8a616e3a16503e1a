/** Add a holiday or compensating working day, or edit one (its date stays; remove and add to move it). */
import { useState } from 'react'
import { App, DatePicker, Form, Input, Radio } from 'antd'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  ZCalendarDate,
  ZCalendarDayInput,
  type TCalendarDay,
  type TCalendarDayInput,
} from '@common/contracts/calendar'
import { ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { DATE_FORMAT } from '../../lib/format.ts'
import { applyServerError, clearErrorsOnChange, parseForm } from '../../lib/validation.ts'
import { FormDrawer } from '../../components/form-drawer.tsx'
import { CALENDAR_KEY, calendarApi, formatCalendarDate } from './calendar-api.ts'

type Values = { date?: Dayjs | null; kind?: TCalendarDay['kind']; name?: string }

/** What the drawer edits: an existing day, or a new one (maybe with its date already chosen). */
export type CalendarEditing = { day: TCalendarDay | null; date: string | null }

const ZForm = ZCalendarDayInput.extend({ date: ZCalendarDate })

export function CalendarDayForm({
  editing,
  onClose,
}: {
  editing: CalendarEditing | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const queryClient = useQueryClient()
  const [error, setError] = useState<string | null>(null)
  const day = editing?.day ?? null

  const save = useMutation({
    mutationFn: ({ date, ...body }: TCalendarDayInput & { date: string }) => calendarApi.set(date, body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: CALENDAR_KEY })
      message.success(t('calendar.saved', { date: formatCalendarDate(saved.date) }))
      onClose()
    },
    onError: (e) => {
      const onField = e instanceof ApiError && applyServerError(form, e, t)
      setError(onField ? null : errorText(t, e))
    },
  })

  function submit() {
    setError(null)
    const v = form.getFieldsValue()
    // The picker's wall-clock day is the day meant: format it, never convert it through a time zone.
    const body = { date: v.date ? v.date.format('YYYY-MM-DD') : '', kind: v.kind, name: v.name ?? '' }
    const parsed = parseForm(form, ZForm, body, t)
    if (parsed) save.mutate(parsed)
  }

  const initialDate = day?.date ?? editing?.date ?? null
  return (
    <FormDrawer
      open={editing !== null}
      title={day ? t('calendar.editTitle') : t('calendar.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      error={error}
      testId="calendar-form"
    >
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        requiredMark="optional"
        initialValues={{
          date: initialDate ? dayjs(initialDate) : null,
          kind: day?.kind ?? 'holiday',
          name: day?.name,
        }}
      >
        <Form.Item
          name="date"
          label={t('calendar.fields.date')}
          required
          extra={day ? t('calendar.dateFixedHelp') : undefined}
        >
          <DatePicker format={DATE_FORMAT} disabled={day !== null} data-testid="calendar-form-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.fields.kind')} required extra={t('calendar.kindHelp')}>
          <Radio.Group data-testid="calendar-form-kind">
            <Radio value="holiday">{t('calendar.kinds.holiday')}</Radio>
            <Radio value="working_day">{t('calendar.kinds.working_day')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="name" label={t('calendar.fields.name')} required>
          <Input
            maxLength={200}
            placeholder={t('calendar.namePlaceholder')}
            data-testid="calendar-form-name"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  )
}
