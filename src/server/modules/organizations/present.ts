/** Rows to contract shapes, with the actor's abilities on each record; and what the audit log keeps. */
import type { TOrganization, TUnit } from '@common/contracts/organizations'
import type { OrganizationKind } from '@common/domain'
import type { Actor } from '../../platform/context.ts'
import { organizationAbilities, unitAbilities } from './policy.ts'
import type { OrganizationRow, UnitRow } from './queries.ts'

export function presentOrganization(actor: Actor, o: OrganizationRow): TOrganization {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    shortName: o.shortName,
    kind: o.kind as OrganizationKind,
    isOwn: o.isOwn,
    email: o.email,
    phone: o.phone,
    address: o.address,
    endpoint: o.endpoint,
    certificatePem: o.certificatePem,
    isActive: o.isActive,
    userCount: o.userCount,
    abilities: organizationAbilities(actor, o),
  }
}

export function presentUnit(actor: Actor, u: UnitRow): TUnit {
  return {
    id: u.id,
    parentId: u.parentId,
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    sortOrder: u.sortOrder,
    isActive: u.isActive,
    userCount: u.userCount,
    abilities: unitAbilities(actor, u),
  }
}

type OrganizationFields = Pick<
  OrganizationRow,
  | 'code'
  | 'name'
  | 'shortName'
  | 'kind'
  | 'isOwn'
  | 'email'
  | 'phone'
  | 'address'
  | 'endpoint'
  | 'certificatePem'
  | 'isActive'
>

/** An organization's fields worth keeping in the audit log. */
export function auditOrganization(o: OrganizationFields) {
  return {
    code: o.code,
    name: o.name,
    shortName: o.shortName,
    kind: o.kind,
    isOwn: o.isOwn,
    email: o.email,
    phone: o.phone,
    address: o.address,
    endpoint: o.endpoint,
    hasCertificate: !!o.certificatePem,
    isActive: o.isActive,
  }
}

/** A unit's fields worth keeping in the audit log. */
export function auditUnit(
  u: Pick<UnitRow, 'organizationId' | 'parentId' | 'code' | 'name' | 'shortName' | 'sortOrder' | 'isActive'>,
) {
  return {
    organizationId: u.organizationId,
    parentId: u.parentId,
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    sortOrder: u.sortOrder,
    isActive: u.isActive,
  }
}
