/** Create a unit (optionally under a parent) or edit one. */
import { useState } from 'react'
import { App, Form, Input, InputNumber } from 'antd'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  ZUnitInput,
  ZUnitUpdate,
  type TUnit,
  type TUnitInput,
  type TUnitUpdate,
} from '@common/contracts/organizations'
import { api, ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { applyServerError, parseForm, clearErrorsOnChange } from '../../lib/validation.ts'
import { FormDrawer } from '../../components/form-drawer.tsx'
import { subtreeIds, UNITS_KEY, useUnits } from './unit-tree.ts'
import { UnitTreeSelect } from './unit-tree-select.tsx'

type Values = {
  parentId?: string
  code?: string
  name?: string
  shortName?: string
  sortOrder?: number | null
}

export type UnitEditing = { unit: TUnit | null; parentId: string | null }

export function UnitForm({ editing, onClose }: { editing: UnitEditing | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const queryClient = useQueryClient()
  const units = useUnits()
  const [error, setError] = useState<string | null>(null)
  const unit = editing?.unit ?? null

  const save = useMutation({
    mutationFn: (body: TUnitUpdate) =>
      unit ? api.units.update(unit.id, body) : api.units.create(body as TUnitInput),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: UNITS_KEY })
      message.success(t(unit ? 'units.updated' : 'units.created', { name: saved.name }))
      onClose()
    },
    onError: (e) => {
      const onField =
        e instanceof ApiError &&
        applyServerError(form, e, t, {
          UNIT_CYCLE: 'parentId',
          CONFLICT: { field: 'code', messageKey: 'units.codeTaken' },
        })
      setError(onField ? null : errorText(t, e))
    },
  })

  function submit() {
    setError(null)
    const v = form.getFieldsValue()
    const body = {
      parentId: v.parentId ?? null,
      code: v.code ?? '',
      name: v.name ?? '',
      shortName: v.shortName,
      sortOrder: typeof v.sortOrder === 'number' ? v.sortOrder : 0,
    }
    const parsed = unit ? parseForm(form, ZUnitUpdate, body, t) : parseForm(form, ZUnitInput, body, t)
    if (parsed) save.mutate(parsed)
  }

  const exclude = unit ? subtreeIds(units.data?.items ?? [], unit.id) : undefined

  return (
    <FormDrawer
      open={editing !== null}
      title={unit ? t('units.editTitle') : t('units.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      error={error}
      testId="unit-form"
    >
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        requiredMark="optional"
        initialValues={
          unit
            ? {
                parentId: unit.parentId ?? undefined,
                code: unit.code,
                name: unit.name,
                shortName: unit.shortName ?? undefined,
                sortOrder: unit.sortOrder,
              }
            : { parentId: editing?.parentId ?? undefined, sortOrder: 0 }
        }
      >
        <Form.Item name="parentId" label={t('units.fields.parent')} extra={t('units.parentHelp')}>
          <UnitTreeSelect exclude={exclude} placeholder={t('units.noParent')} testId="unit-form-parent" />
        </Form.Item>
        <Form.Item name="name" label={t('units.fields.name')} required>
          <Input data-testid="unit-form-name" />
        </Form.Item>
        <Form.Item name="code" label={t('units.fields.code')} required extra={t('units.codeHelp')}>
          <Input data-testid="unit-form-code" />
        </Form.Item>
        <Form.Item name="shortName" label={t('units.fields.shortName')}>
          <Input data-testid="unit-form-shortName" />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('units.fields.sortOrder')}>
          <InputNumber min={0} max={10000} style={{ width: 160 }} data-testid="unit-form-sortOrder" />
        </Form.Item>
      </Form>
    </FormDrawer>
  )
}
