import { z } from 'zod'
import { DELEGATION_SCOPES } from '../domain.ts'
import { ZId, ZOptionalText } from './common.ts'

export const ZDelegation = z.object({
  id: z.string(),
  principalId: z.string(),
  principalName: z.string(),
  delegateId: z.string(),
  delegateName: z.string(),
  scopes: z.array(z.enum(DELEGATION_SCOPES)),
  startsAt: z.string(),
  endsAt: z.string(),
  note: z.string().nullable(),
  status: z.enum(['scheduled', 'active', 'expired', 'revoked']),
  createdByName: z.string(),
  createdAt: z.string(),
  abilities: z.object({ revoke: z.boolean() }),
})
export type TDelegation = z.infer<typeof ZDelegation>
export const ZDelegationList = z.object({ items: z.array(ZDelegation) })

export const ZDelegationListQuery = z
  .object({
    status: z.enum(['scheduled', 'active', 'expired', 'revoked']).optional(),
    userId: ZId.optional(),
  })
  .strict()

export const ZDelegationInput = z
  .object({
    principalId: ZId,
    delegateId: ZId,
    scopes: z.array(z.enum(DELEGATION_SCOPES)).min(1, { error: 'Chọn ít nhất một phạm vi' }),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    note: ZOptionalText(500),
  })
  .strict()
  .refine((v) => new Date(v.endsAt) > new Date(v.startsAt), {
    error: 'Thời điểm kết thúc phải sau thời điểm bắt đầu',
    path: ['endsAt'],
  })
  .refine((v) => v.principalId !== v.delegateId, {
    error: 'Không thể ủy quyền cho chính mình',
    path: ['delegateId'],
  })
export type TDelegationInput = z.infer<typeof ZDelegationInput>
