import { z } from 'zod'
import { ORGANIZATION_CODE_PATTERN, ORGANIZATION_KINDS } from '../domain.ts'
import { ZBooleanQuery, ZId, ZOptionalText, ZPage, ZPageQuery } from './common.ts'

export const ZOrganizationCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(ORGANIZATION_CODE_PATTERN, { error: 'Mã định danh có dạng 000.00.00.G38' })

export const ZOrganization = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(ORGANIZATION_KINDS),
  isOwn: z.boolean(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  endpoint: z.string().nullable(),
  /** The agency's exchange certificate (PEM) that signs its edXML packages. */
  certificatePem: z.string().nullable(),
  isActive: z.boolean(),
  userCount: z.number().int(),
  abilities: z.object({ update: z.boolean(), disable: z.boolean() }),
})
export type TOrganization = z.infer<typeof ZOrganization>

export const ZOrganizationListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  isActive: ZBooleanQuery.optional(),
}).strict()
export type TOrganizationListQuery = z.infer<typeof ZOrganizationListQuery>
export const ZOrganizationPage = ZPage(ZOrganization)

export const ZOrganizationInput = z
  .object({
    code: ZOrganizationCode.nullish(),
    name: z.string().trim().min(2).max(300),
    shortName: ZOptionalText(100),
    kind: z.enum(ORGANIZATION_KINDS).exclude(['own']),
    email: z.email().nullish().or(z.literal('')),
    phone: ZOptionalText(50),
    address: ZOptionalText(500),
    endpoint: z.url().nullish().or(z.literal('')),
    certificatePem: z
      .string()
      .trim()
      .max(20_000)
      .regex(/^(-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----)?$/, {
        error: 'Dán chứng thư số dạng PEM (-----BEGIN CERTIFICATE----- …)',
      })
      .nullish(),
  })
  .strict()
export type TOrganizationInput = z.infer<typeof ZOrganizationInput>

export const ZOrganizationUpdate = ZOrganizationInput.partial()
  .extend({ isActive: z.boolean().optional() })
  .strict()
export type TOrganizationUpdate = z.infer<typeof ZOrganizationUpdate>

/**
 * CSV import: columns code,name,short_name,kind,email,phone,address (header row required;
 * Vietnamese headers ma_dinh_danh, ten, ten_viet_tat, loai, dien_thoai, dia_chi also accepted).
 * Upserts by code. A dry run answers 200 with the counts and the row errors. A real run is all or
 * nothing: with any row error it imports nothing and answers 400 CSV_INVALID whose details are
 * `{ path: 'line.<n>', message }` per error.
 */
export const ZOrganizationImport = z
  .object({ csv: z.string().min(1).max(2_000_000), dryRun: z.boolean().default(true) })
  .strict()
export type TOrganizationImport = z.infer<typeof ZOrganizationImport>

export const ZOrganizationImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
})
export type TOrganizationImportResult = z.infer<typeof ZOrganizationImportResult>

export const ZUnit = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
  userCount: z.number().int(),
  abilities: z.object({ update: z.boolean(), disable: z.boolean() }),
})
export type TUnit = z.infer<typeof ZUnit>
export const ZUnitList = z.object({ items: z.array(ZUnit) })

const unitFields = {
  parentId: ZId.nullish(),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,30}$/, { error: 'Mã đơn vị gồm 1–30 ký tự chữ, số, dấu chấm, gạch' }),
  name: z.string().trim().min(2).max(300),
  shortName: ZOptionalText(50),
  sortOrder: z.number().int().min(0).max(10_000),
}

export const ZUnitInput = z.object({ ...unitFields, sortOrder: unitFields.sortOrder.default(0) }).strict()
export type TUnitInput = z.infer<typeof ZUnitInput>
/** No defaults here: a field left out of a PATCH keeps its value (a default would reset sortOrder to 0). */
export const ZUnitUpdate = z
  .object(unitFields)
  .partial()
  .extend({ isActive: z.boolean().optional() })
  .strict()
export type TUnitUpdate = z.infer<typeof ZUnitUpdate>
