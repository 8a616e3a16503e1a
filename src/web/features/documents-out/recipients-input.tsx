/**
 * Nơi nhận: internal units and people, organizations of the directory and e-mail addresses, each
 * row in the contract's ZRecipientInput shape (the name is filled by the server when omitted).
 */
import { Button, Input, Space, Tag } from 'antd'
import {
  ApartmentOutlined,
  BankOutlined,
  DeleteOutlined,
  MailOutlined,
  UserOutlined,
} from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { TRecipientInput } from '@common/contracts/documents-out'
import type { OutgoingRecipientKind } from '@common/domain'
import { OrganizationSelect } from '../organizations/organization-select.tsx'
import { UnitTreeSelect } from '../units/unit-tree-select.tsx'
import { UserPicker } from '../users/user-picker.tsx'

export type RecipientValue = Partial<TRecipientInput> & { kind: OutgoingRecipientKind }

const ICONS: Record<OutgoingRecipientKind, React.ReactNode> = {
  unit: <ApartmentOutlined />,
  user: <UserOutlined />,
  organization: <BankOutlined />,
  email: <MailOutlined />,
}

function RecipientRow({
  value,
  onChange,
  testId,
}: {
  value: RecipientValue
  onChange: (value: RecipientValue) => void
  testId: string
}) {
  const { t } = useTranslation()
  switch (value.kind) {
    case 'unit':
      return (
        <UnitTreeSelect
          value={value.unitId ?? null}
          onChange={(unitId) => onChange({ ...value, unitId: unitId ?? null })}
          placeholder={t('documentsOut.recipients.pickUnit')}
          testId={testId}
        />
      )
    case 'user':
      return (
        <UserPicker
          value={value.userId ?? null}
          onChange={(userId) => onChange({ ...value, userId: userId ?? null })}
          placeholder={t('documentsOut.recipients.pickUser')}
          testId={testId}
          style={{ width: '100%' }}
        />
      )
    case 'organization':
      return (
        <OrganizationSelect
          value={value.organizationId ?? null}
          onChange={(organizationId, org) =>
            onChange({
              ...value,
              organizationId: organizationId ?? null,
              name: org?.name ?? value.name ?? null,
            })
          }
          placeholder={t('documentsOut.recipients.pickOrganization')}
          testId={testId}
          style={{ width: '100%' }}
        />
      )
    case 'email':
      return (
        <Input
          type="email"
          value={value.email ?? ''}
          onChange={(e) => onChange({ ...value, email: e.target.value.trim() || null })}
          placeholder={t('documentsOut.recipients.emailPlaceholder')}
          data-testid={testId}
        />
      )
  }
}

export function RecipientsInput({
  value = [],
  onChange,
  testId,
}: {
  value?: RecipientValue[]
  onChange?: (value: RecipientValue[]) => void
  testId: string
}) {
  const { t } = useTranslation()
  const set = (next: RecipientValue[]) => onChange?.(next)
  return (
    <div className="out-recipients" data-testid={testId}>
      {value.map((r, i) => (
        <div key={i} className="out-recipient-row">
          <Tag icon={ICONS[r.kind]} className="out-recipient-kind">
            {t(`documentsOut.recipients.kinds.${r.kind}`)}
          </Tag>
          <div style={{ flex: 1, minWidth: 0 }}>
            <RecipientRow
              value={r}
              onChange={(v) => set(value.map((x, j) => (j === i ? v : x)))}
              testId={`${testId}-${i}`}
            />
          </div>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('documentsOut.recipients.remove')}
            onClick={() => set(value.filter((_, j) => j !== i))}
            data-testid={`${testId}-${i}-remove`}
          />
        </div>
      ))}
      <Space wrap size={6}>
        {(['unit', 'user', 'organization', 'email'] as const).map((kind) => (
          <Button
            key={kind}
            size="small"
            type="dashed"
            icon={ICONS[kind]}
            onClick={() => set([...value, { kind }])}
            data-testid={`${testId}-add-${kind}`}
          >
            {t(`documentsOut.recipients.add.${kind}`)}
          </Button>
        ))}
      </Space>
    </div>
  )
}

/** Recipients as the contract wants them: only the fields of their kind. */
export function recipientsBody(values: RecipientValue[]): TRecipientInput[] {
  return values.map((r) => ({
    kind: r.kind,
    unitId: r.kind === 'unit' ? (r.unitId ?? null) : null,
    userId: r.kind === 'user' ? (r.userId ?? null) : null,
    organizationId: r.kind === 'organization' ? (r.organizationId ?? null) : null,
    email: r.kind === 'email' ? (r.email ?? null) : null,
    name: r.kind === 'organization' ? (r.name ?? null) : null,
  }))
}
