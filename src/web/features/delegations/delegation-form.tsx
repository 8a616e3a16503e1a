/** Create a delegation: who acts for whom, for what, and from when to when (Vietnam time). */
import { useState } from 'react'
import { App, Checkbox, DatePicker, Form, Input } from 'antd'
import type { Dayjs } from 'dayjs'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { DELEGATION_SCOPES } from '@common/domain'
import { ZDelegationInput, type TDelegationInput } from '@common/contracts/delegations'
import { api, ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { DATE_TIME_FORMAT, vietnamNowForPicker, wallClockToIso } from '../../lib/format.ts'
import { applyServerError, parseForm, clearErrorsOnChange } from '../../lib/validation.ts'
import { FormDrawer } from '../../components/form-drawer.tsx'
import { UserPicker, type UserRef } from '../users/user-picker.tsx'

type Values = {
  principalId?: string
  delegateId?: string
  scopes?: string[]
  period?: [Dayjs | null, Dayjs | null] | null
  note?: string
  startsAt?: string
  endsAt?: string
}

export const DELEGATIONS_KEY = ['delegations'] as const

export function DelegationForm({
  open,
  principal,
  onClose,
}: {
  open: boolean
  principal: UserRef | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const queryClient = useQueryClient()
  const [error, setError] = useState<string | null>(null)
  const scopes = Form.useWatch('scopes', form) ?? []
  const isAll = scopes.includes('all')

  const save = useMutation({
    mutationFn: (body: TDelegationInput) => api.delegations.create(body),
    onSuccess: (d) => {
      void queryClient.invalidateQueries({ queryKey: DELEGATIONS_KEY })
      message.success(t('delegations.created', { principal: d.principalName, delegate: d.delegateName }))
      onClose()
    },
    onError: (e) => {
      const onField =
        e instanceof ApiError &&
        applyServerError(form, e, t, {
          CONFLICT: { field: 'delegateId', messageKey: 'delegations.overlap' },
        })
      setError(onField ? null : errorText(t, e))
    },
  })

  function submit() {
    setError(null)
    const v = form.getFieldsValue()
    const [start, end] = v.period ?? [null, null]
    const body = {
      principalId: principal?.id ?? v.principalId ?? '',
      delegateId: v.delegateId ?? '',
      scopes: v.scopes?.includes('all') ? ['all'] : (v.scopes ?? []),
      startsAt: start ? wallClockToIso(start) : '',
      endsAt: end ? wallClockToIso(end) : '',
      note: v.note,
    }
    const parsed = parseForm(form, ZDelegationInput, body, t)
    if (!parsed) {
      // Start and end share one range field: show their messages on it.
      const periodErrors = [...form.getFieldError('startsAt'), ...form.getFieldError('endsAt')]
      if (periodErrors.length > 0) form.setFields([{ name: 'period', errors: periodErrors }])
      return
    }
    save.mutate(parsed)
  }

  const now = vietnamNowForPicker().startOf('hour').add(1, 'hour')

  return (
    <FormDrawer
      open={open}
      title={t('delegations.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      error={error}
      submitLabel={t('delegations.createSubmit')}
      testId="delegation-form"
    >
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ scopes: ['all'], period: [now, now.add(7, 'day')] }}
      >
        {principal ? (
          <Form.Item label={t('delegations.fields.principal')}>
            <Input value={principal.fullName} disabled data-testid="delegation-form-principal-fixed" />
          </Form.Item>
        ) : (
          <Form.Item
            name="principalId"
            label={t('delegations.fields.principal')}
            required
            extra={t('delegations.principalHelp')}
          >
            <UserPicker testId="delegation-form-principal" />
          </Form.Item>
        )}
        <Form.Item
          name="delegateId"
          label={t('delegations.fields.delegate')}
          required
          extra={t('delegations.delegateHelp')}
        >
          <UserPicker testId="delegation-form-delegate" />
        </Form.Item>
        <Form.Item name="scopes" label={t('delegations.fields.scopes')} required>
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            data-testid="delegation-form-scopes"
          >
            {DELEGATION_SCOPES.map((s) => (
              <Checkbox
                key={s}
                value={s}
                disabled={isAll && s !== 'all'}
                data-testid={`delegation-scope-${s}`}
              >
                {t(`delegationScopes.${s}`)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        {/* Hidden fields receive the zod issues for startsAt/endsAt; the range shows them. */}
        <Form.Item name="startsAt" hidden>
          <Input />
        </Form.Item>
        <Form.Item name="endsAt" hidden>
          <Input />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('delegations.fields.period')}
          required
          extra={t('delegations.periodHelp')}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format={DATE_TIME_FORMAT}
            style={{ width: '100%' }}
            placeholder={[t('delegations.fields.startsAt'), t('delegations.fields.endsAt')]}
            data-testid="delegation-form-period"
          />
        </Form.Item>
        <Form.Item name="note" label={t('delegations.fields.note')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            showCount
            data-testid="delegation-form-note"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  )
}
