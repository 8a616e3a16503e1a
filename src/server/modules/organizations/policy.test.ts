import { describe, expect, it } from 'vitest'
import type { Role } from '@common/domain'
import type { Actor } from '../../platform/context.ts'
import { AppError } from '../../platform/errors.ts'
import {
  assertCanChangeOrganization,
  assertUnitMayBeDisabled,
  canCreateOrganization,
  canCreateUnit,
  canOnOrganization,
  canOnUnit,
  organizationAbilities,
  unitAbilities,
  wouldCreateCycle,
} from './policy.ts'

function actor(roles: Role[]): Actor {
  return { id: 'a1', username: 'a', fullName: 'A', organizationId: 'o1', unitId: null, position: null, roles }
}
const admin = actor(['admin'])
const external = { id: 'o2', isOwn: false, isActive: true }
const own = { id: 'o1', isOwn: true, isActive: true }
const unit = { id: 'u1', isActive: true, activeChildCount: 0, userCount: 0 }

function codeOf(fn: () => void): string | undefined {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError) return err.code
    throw err
  }
  return undefined
}

describe('organization policy', () => {
  it('lets only administrators create, update and disable', () => {
    expect(canCreateOrganization(admin)).toBe(true)
    expect(organizationAbilities(admin, external)).toEqual({ update: true, disable: true })
    for (const role of [
      'clerk',
      'leader',
      'specialist',
      'secretary',
      'committee_member',
      'partner',
    ] as Role[]) {
      expect(canCreateOrganization(actor([role]))).toBe(false)
      expect(organizationAbilities(actor([role]), external)).toEqual({ update: false, disable: false })
    }
  })

  it('denies by default: no roles, unknown action', () => {
    expect(canCreateOrganization(actor([]))).toBe(false)
    expect(canOnOrganization(admin, 'delete' as never, external)).toBe(false)
  })

  it('never disables our own organization, nor an already disabled one', () => {
    expect(canOnOrganization(admin, 'disable', own)).toBe(false)
    expect(canOnOrganization(admin, 'update', own)).toBe(true)
    expect(canOnOrganization(admin, 'disable', { ...external, isActive: false })).toBe(false)
  })

  it('refuses a change of kind or a disable of our own organization with precise codes', () => {
    expect(codeOf(() => assertCanChangeOrganization(admin, own, { kind: 'ministry' }))).toBe(
      'VALIDATION_FAILED',
    )
    expect(codeOf(() => assertCanChangeOrganization(admin, own, { isActive: false }))).toBe('NOT_ALLOWED')
    expect(
      codeOf(() => assertCanChangeOrganization(admin, own, { name: 'Ủy ban', phone: '024' })),
    ).toBeUndefined()
    expect(
      codeOf(() => assertCanChangeOrganization(admin, external, { kind: 'province', isActive: false })),
    ).toBeUndefined()
    expect(codeOf(() => assertCanChangeOrganization(actor(['clerk']), external, { name: 'X Y' }))).toBe(
      'NOT_ALLOWED',
    )
  })
})

describe('unit policy', () => {
  it('lets only administrators manage units', () => {
    expect(canCreateUnit(admin)).toBe(true)
    expect(unitAbilities(admin, unit)).toEqual({ update: true, disable: true })
    expect(canCreateUnit(actor(['unit_head']))).toBe(false)
    expect(unitAbilities(actor(['unit_head', 'leader']), unit)).toEqual({ update: false, disable: false })
    expect(canOnUnit(admin, 'move' as never, unit)).toBe(false)
  })

  it('does not offer disabling a unit with active sub-units or users', () => {
    expect(canOnUnit(admin, 'disable', { ...unit, activeChildCount: 1 })).toBe(false)
    expect(canOnUnit(admin, 'disable', { ...unit, userCount: 2 })).toBe(false)
    expect(canOnUnit(admin, 'disable', { ...unit, isActive: false })).toBe(false)
    expect(codeOf(() => assertUnitMayBeDisabled({ ...unit, activeChildCount: 1 }))).toBe('UNIT_HAS_CHILDREN')
    expect(codeOf(() => assertUnitMayBeDisabled({ ...unit, userCount: 1 }))).toBe('CONFLICT')
    expect(codeOf(() => assertUnitMayBeDisabled(unit))).toBeUndefined()
  })

  it('detects a cycle when the new parent chain contains the unit', () => {
    expect(wouldCreateCycle('u1', ['u1'])).toBe(true)
    expect(wouldCreateCycle('u1', ['u3', 'u2', 'u1', 'root'])).toBe(true)
    expect(wouldCreateCycle('u1', ['u3', 'u2', 'root'])).toBe(false)
    expect(wouldCreateCycle('u1', [])).toBe(false)
  })
})
