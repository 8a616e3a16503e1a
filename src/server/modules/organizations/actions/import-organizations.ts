/**
 * An administrator loads the directory from a CSV file, upserting by organization code. Each row
 * is checked with the same schema as the form. A dry run changes nothing and reports what would
 * happen. A real run is all or nothing: with any row error nothing is imported and the action
 * throws CSV_INVALID listing the errors (a half-imported directory is harder to fix than a file).
 * On update, an empty cell keeps the current value: the file never erases what an administrator typed.
 */
import { z } from 'zod'
import {
  ZOrganizationCode,
  ZOrganizationInput,
  type TOrganizationImport,
  type TOrganizationImportResult,
} from '@common/contracts/organizations'
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import {
  CSV_FIELD_LABELS,
  CSV_FIELDS,
  normalizeKind,
  parseOrganizationCsv,
  type CsvField,
  type CsvRow,
} from '../csv.ts'
import { assertCanCreateOrganization } from '../policy.ts'
import { auditOrganization } from '../present.ts'
import { findOrganizationsByCodes, type OrganizationRow } from '../queries.ts'
import { insertOrganization, updateOrganizationRow, type OrganizationPatch } from '../store.ts'
import { changedKeys, organizationPatch } from './organization-rules.ts'

type RowError = { line: number; message: string }
type Plan =
  | { line: number; op: 'create'; values: OrganizationPatch & { name: string; kind: string } }
  | { line: number; op: 'update'; before: OrganizationRow; values: OrganizationPatch }
  | { line: number; op: 'unchanged' }

const KIND_HINT =
  'ministry (bộ), province (tỉnh), government (chính phủ), international (quốc tế), other (khác)'
const viLocale = z.locales.vi()

/** Short Vietnamese messages for the issues a CSV row usually has; zod's Vietnamese locale for the rest. */
const rowErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'too_small' && issue.origin === 'string')
    return `cần ít nhất ${String(issue.minimum)} ký tự`
  if (issue.code === 'too_big' && issue.origin === 'string') return `tối đa ${String(issue.maximum)} ký tự`
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'địa chỉ email không hợp lệ'
  if (issue.code === 'invalid_value' && issue.path?.[0] === 'kind')
    return `không hợp lệ, dùng một trong: ${KIND_HINT}`
  return viLocale.localeError(issue)
}

function rowMessage(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const field = i.path[0] as CsvField | undefined
      return field && field in CSV_FIELD_LABELS ? `${CSV_FIELD_LABELS[field]}: ${i.message}` : i.message
    })
    .join('; ')
}

/** The form candidate of one row: present non-empty cells, over the existing record when there is one. */
function candidateOf(row: CsvRow, existing: OrganizationRow | undefined): Record<string, unknown> {
  const base: Record<string, unknown> = existing
    ? {
        code: existing.code,
        name: existing.name,
        shortName: existing.shortName,
        kind: existing.kind,
        email: existing.email,
        phone: existing.phone,
        address: existing.address,
      }
    : { kind: 'other' }
  for (const field of CSV_FIELDS) {
    const cell = row.cells[field]?.trim()
    if (cell) base[field] = field === 'kind' ? normalizeKind(cell) : cell
  }
  return base
}

function planRow(
  row: CsvRow,
  existingByCode: Map<string, OrganizationRow>,
  seen: Map<string, number>,
): Plan | RowError {
  const { line } = row
  if (row.problem) return { line, message: row.problem }
  if (!row.cells.code?.trim())
    return { line, message: `${CSV_FIELD_LABELS.code}: bắt buộc khi nhập từ tệp (dùng để đối chiếu)` }
  const code = ZOrganizationCode.safeParse(row.cells.code)
  const existing = code.success ? existingByCode.get(code.data) : undefined
  const parsed = ZOrganizationInput.safeParse(candidateOf(row, existing), { error: rowErrorMap })
  if (!parsed.success) return { line, message: rowMessage(parsed.error) }
  const normalizedCode = parsed.data.code!
  const firstLine = seen.get(normalizedCode)
  if (firstLine !== undefined) {
    return { line, message: `${CSV_FIELD_LABELS.code}: ${normalizedCode} trùng với dòng ${firstLine}` }
  }
  seen.set(normalizedCode, line)
  const values = organizationPatch(parsed.data)
  if (!existing) {
    return { line, op: 'create', values: { ...values, name: parsed.data.name, kind: parsed.data.kind } }
  }
  if (existing.isOwn) {
    return { line, message: 'Không sửa thông tin cơ quan của mình qua tệp; hãy dùng màn hình quản trị' }
  }
  return changedKeys(existing, values).length === 0
    ? { line, op: 'unchanged' }
    : { line, op: 'update', before: existing, values }
}

/** Write one planned row and its audit event (imports record the source and the line). */
async function applyPlan(ctx: Ctx, plan: Plan): Promise<void> {
  if (plan.op === 'create') {
    const id = await insertOrganization(ctx.tx, {
      ...plan.values,
      isOwn: false,
      isActive: true,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    const after = auditOrganization({
      code: null,
      shortName: null,
      email: null,
      phone: null,
      address: null,
      endpoint: null,
      ...plan.values,
      certificatePem: plan.values.certificatePem ?? null,
      isOwn: false,
      isActive: true,
    })
    await recordEvent(ctx, {
      action: 'organization.created',
      targetType: 'organization',
      targetId: id,
      data: { after, source: 'import', line: plan.line },
    })
  } else if (plan.op === 'update') {
    await updateOrganizationRow(ctx.tx, plan.before.id, { ...plan.values, updatedAt: ctx.now })
    await recordEvent(ctx, {
      action: 'organization.updated',
      targetType: 'organization',
      targetId: plan.before.id,
      data: {
        before: auditOrganization(plan.before),
        after: auditOrganization({ ...plan.before, ...plan.values }),
        source: 'import',
        line: plan.line,
      },
    })
  }
}

/** Plan every row, then (unless a dry run, and only without errors) write them all. */
export async function importOrganizations(
  ctx: Ctx,
  input: TOrganizationImport,
): Promise<TOrganizationImportResult> {
  assertCanCreateOrganization(ctx.actor)
  const { rows } = parseOrganizationCsv(input.csv)
  const codes = rows.flatMap((r) => {
    const code = ZOrganizationCode.safeParse(r.cells.code ?? '')
    return code.success ? [code.data] : []
  })
  const existingByCode = new Map((await findOrganizationsByCodes(ctx.tx, codes)).map((o) => [o.code!, o]))
  const seen = new Map<string, number>()
  const plans: Plan[] = []
  const errors: RowError[] = []
  for (const row of rows) {
    const outcome = planRow(row, existingByCode, seen)
    if ('message' in outcome) errors.push(outcome)
    else plans.push(outcome)
  }
  const counts = {
    created: plans.filter((p) => p.op === 'create').length,
    updated: plans.filter((p) => p.op === 'update').length,
    unchanged: plans.filter((p) => p.op === 'unchanged').length,
  }
  if (input.dryRun) return { dryRun: true, ...counts, errors }
  if (errors.length > 0) {
    throw new AppError('CSV_INVALID', {
      message: `${errors.length} dòng có lỗi; chưa nhập dòng nào. Sửa tệp rồi nhập lại.`,
      details: errors.map((e) => ({ path: `line.${e.line}`, message: e.message })),
    })
  }

  for (const plan of plans) await applyPlan(ctx, plan)
  await recordEvent(ctx, {
    action: 'organization.imported',
    targetType: 'organization',
    data: { ...counts, rows: rows.length },
  })
  return { dryRun: false, ...counts, errors: [] }
}
