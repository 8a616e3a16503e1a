/**
 * The directory of agencies for the exchange: codes (QĐ 20/2020), names, e-mail, the endpoint of
 * agencies running this system (direct delivery) and the certificate their packages are signed
 * with. Synchronised from the axis's agency list when the adapter is configured; imported from a
 * JSON or CSV file otherwise. Upserts by code; a dry run reports what would change, line by line.
 */
import { inArray } from 'drizzle-orm'
import { parse } from 'csv-parse/sync'
import type { TDirectoryImportResult } from '@common/contracts/exchange'
import { ORGANIZATION_CODE_PATTERN } from '@common/domain'
import type { Ctx } from '../../platform/context.ts'
import { organizations } from '../../platform/db/schema.ts'
import { AppError } from '../../platform/errors.ts'
import { recordEvent } from '../../platform/events/record.ts'
import type { AgencyEntry } from '../../platform/exchange-transport/index.ts'
import { readCertificate } from '../../platform/signing/index.ts'
import { EXCHANGE_EVENTS, EXCHANGE_TARGET } from './events.ts'

export type DirectoryEntry = {
  code: string
  name: string
  email?: string | null | undefined
  endpoint?: string | null | undefined
  certificatePem?: string | null | undefined
}

/** CSV with a header row: code,name,email,endpoint,certificate_pem (Vietnamese ma_dinh_danh, ten accepted). */
export function entriesFromCsv(csv: string): { line: number; entry: DirectoryEntry }[] {
  let records: Record<string, string>[]
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as Record<string, string>[]
  } catch (err) {
    throw new AppError('CSV_INVALID', {
      message: 'CSV',
      details: [
        { path: 'csv', message: `Không đọc được tệp CSV: ${err instanceof Error ? err.message : ''}` },
      ],
    })
  }
  return records.map((r, i) => ({
    line: i + 2,
    entry: {
      code: r.code ?? r.ma_dinh_danh ?? '',
      name: r.name ?? r.ten ?? '',
      email: r.email || null,
      endpoint: r.endpoint || r.dia_chi_lien_thong || null,
      certificatePem: r.certificate_pem || r.chung_thu || null,
    },
  }))
}

function check(entry: DirectoryEntry): string | null {
  if (!ORGANIZATION_CODE_PATTERN.test(entry.code.trim().toUpperCase()))
    return `Mã định danh "${entry.code}" không đúng dạng 000.00.00.G38`
  if (entry.name.trim().length < 2) return 'Thiếu tên cơ quan'
  if (entry.endpoint && !/^https?:\/\/[^\s]+$/.test(entry.endpoint))
    return 'Địa chỉ liên thông phải là URL http(s)'
  if (entry.certificatePem) {
    try {
      readCertificate(Buffer.from(entry.certificatePem))
    } catch {
      return 'Không đọc được chứng thư số (PEM X.509)'
    }
  }
  return null
}

/** Apply (or, with dryRun, only count) the entries. `synced` marks entries that came from the axis. */
export async function importDirectory(
  ctx: Ctx,
  lines: { line: number; entry: DirectoryEntry }[],
  options: { dryRun: boolean; source: 'import' | 'axis' },
): Promise<TDirectoryImportResult> {
  const result: TDirectoryImportResult = {
    dryRun: options.dryRun,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
  }
  const valid: { line: number; entry: DirectoryEntry }[] = []
  for (const l of lines) {
    const problem = check(l.entry)
    if (problem) result.errors.push({ line: l.line, message: problem })
    else valid.push({ line: l.line, entry: { ...l.entry, code: l.entry.code.trim().toUpperCase() } })
  }
  const existing = new Map<string, typeof organizations.$inferSelect>()
  const codes = [...new Set(valid.map((v) => v.entry.code))]
  for (let i = 0; i < codes.length; i += 1000) {
    const rows = await ctx.tx
      .select()
      .from(organizations)
      .where(inArray(organizations.code, codes.slice(i, i + 1000)))
    for (const r of rows) existing.set(r.code!, r)
  }
  const created: string[] = []
  const updated: string[] = []
  for (const { entry } of valid) {
    const before = existing.get(entry.code)
    const values = {
      name: entry.name.trim(),
      email: entry.email || before?.email || null,
      endpoint: entry.endpoint === undefined ? (before?.endpoint ?? null) : entry.endpoint || null,
      certificatePem:
        entry.certificatePem === undefined ? (before?.certificatePem ?? null) : entry.certificatePem || null,
    }
    if (!before) {
      created.push(entry.code)
      if (!options.dryRun)
        await ctx.tx.insert(organizations).values({
          code: entry.code,
          kind: 'other',
          ...values,
          syncedAt: options.source === 'axis' ? ctx.now : null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
      continue
    }
    if (before.isOwn) continue
    const isSame =
      before.name === values.name &&
      before.email === values.email &&
      before.endpoint === values.endpoint &&
      before.certificatePem === values.certificatePem
    if (isSame) {
      result.unchanged += 1
      continue
    }
    updated.push(entry.code)
    if (!options.dryRun)
      await ctx.tx
        .update(organizations)
        .set({ ...values, ...(options.source === 'axis' ? { syncedAt: ctx.now } : {}), updatedAt: ctx.now })
        .where(inArray(organizations.id, [before.id]))
  }
  result.created = created.length
  result.updated = updated.length
  if (!options.dryRun && (created.length || updated.length))
    await recordEvent(ctx, {
      action: options.source === 'axis' ? EXCHANGE_EVENTS.directorySynced : EXCHANGE_EVENTS.directoryImported,
      targetType: EXCHANGE_TARGET,
      targetId: null,
      data: {
        created: created.length,
        updated: updated.length,
        unchanged: result.unchanged,
        errors: result.errors.length,
        // The codes, bounded: a sync of the national list touches tens of thousands.
        createdCodes: created.slice(0, 200),
        updatedCodes: updated.slice(0, 200),
      },
    })
  return result
}

export function entriesFromAxis(list: AgencyEntry[]) {
  return list.map((a, i) => ({
    line: i + 1,
    entry: {
      code: a.code,
      name: a.name,
      email: a.email,
      endpoint: a.endpoint,
      certificatePem: a.certificatePem,
    },
  }))
}
