import { z } from 'zod'
import { ZBooleanQuery, ZId, ZPage, ZPageQuery } from './common.ts'

export const ZAuditEvent = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  principalId: z.string().nullable(),
  principalName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
})
export type TAuditEvent = z.infer<typeof ZAuditEvent>

export const ZAuditQuery = ZPageQuery.extend({
  action: z.string().trim().max(100).optional(),
  actorId: ZId.optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: z.string().trim().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
}).strict()
export type TAuditQuery = z.infer<typeof ZAuditQuery>
export const ZAuditPage = ZPage(ZAuditEvent)

export const ZChainReport = z.object({
  isIntact: z.boolean(),
  checked: z.number().int(),
  firstBroken: z
    .object({
      id: z.number().int(),
      reason: z.enum(['hash_mismatch', 'link_mismatch', 'head_mismatch']),
      occurredAt: z.string(),
      action: z.string(),
    })
    .nullable(),
})
export type TChainReport = z.infer<typeof ZChainReport>

export const ZLoginAttempt = z.object({
  id: z.number().int(),
  username: z.string(),
  userId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  isSuccess: z.boolean(),
  reason: z.string().nullable(),
  at: z.string(),
})
export type TLoginAttempt = z.infer<typeof ZLoginAttempt>
export const ZLoginAttemptQuery = ZPageQuery.extend({
  username: z.string().trim().max(100).optional(),
  ip: z.string().trim().max(100).optional(),
  isSuccess: ZBooleanQuery.optional(),
}).strict()
export type TLoginAttemptQuery = z.infer<typeof ZLoginAttemptQuery>
export const ZLoginAttemptPage = ZPage(ZLoginAttempt)

/** The distinct action names in the log, for the filter dropdown. */
export const ZAuditActionList = z.object({ items: z.array(z.string()) })
export type TAuditActionList = z.infer<typeof ZAuditActionList>
