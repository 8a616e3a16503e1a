/** Steps shared by the organization actions: form input to columns, and the unique code. */
import type { TOrganizationInput } from '@common/contracts/organizations'
import type { Executor } from '../../../platform/db/client.ts'
import { AppError } from '../../../platform/errors.ts'
import { readCertificate } from '../../../platform/signing/index.ts'
import { findOrganizationByCode } from '../queries.ts'
import { organizationCodeTaken, type OrganizationPatch } from '../store.ts'

type FormFields = Omit<TOrganizationInput, 'kind'> & { kind: string }

/** Form input to column values: fields left out stay out; '' and null clear a field. */
export function organizationPatch(input: Partial<FormFields>): OrganizationPatch {
  const patch: OrganizationPatch = {}
  if (input.code !== undefined) patch.code = input.code || null
  if (input.name !== undefined) patch.name = input.name
  if (input.shortName !== undefined) patch.shortName = input.shortName
  if (input.kind !== undefined) patch.kind = input.kind
  if (input.email !== undefined) patch.email = input.email || null
  if (input.phone !== undefined) patch.phone = input.phone
  if (input.address !== undefined) patch.address = input.address
  if (input.endpoint !== undefined) patch.endpoint = input.endpoint || null
  if (input.certificatePem !== undefined) {
    if (input.certificatePem) assertCertificate(input.certificatePem)
    patch.certificatePem = input.certificatePem || null
  }
  return patch
}

/** The keys of `patch` whose value differs from the record's. */
export function changedKeys<T extends object>(record: T, patch: Partial<T>): (keyof T)[] {
  return (Object.keys(patch) as (keyof T)[]).filter((k) => patch[k] !== undefined && patch[k] !== record[k])
}

/** An organization code names one agency only (it is its address on the national exchange axis). */
export async function assertCodeFree(
  db: Executor,
  code: string | null | undefined,
  exceptId: string | null,
): Promise<void> {
  if (!code) return
  const holder = await findOrganizationByCode(db, code)
  if (holder && holder.id !== exceptId) throw organizationCodeTaken(code)
}

/** A pasted exchange certificate must be an X.509 certificate we can read. */
function assertCertificate(pem: string): void {
  try {
    readCertificate(Buffer.from(pem))
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      message: 'certificatePem',
      details: [{ path: 'certificatePem', message: 'Không đọc được chứng thư số (PEM X.509)' }],
    })
  }
}
