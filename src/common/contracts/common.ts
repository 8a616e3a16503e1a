import { z } from 'zod'

export const ZId = z.uuid({ error: 'Mã không hợp lệ' })
export const ZIdParams = z.object({ id: ZId }).strict()
export type TIdParams = z.infer<typeof ZIdParams>

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})

export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
}

export const ZOk = z.object({ ok: z.literal(true) })

/** Optional text from a form: trims, and turns '' into null. */
export const ZOptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null))

export const ZBooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true')

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    details: z.unknown().optional(),
  }),
})
