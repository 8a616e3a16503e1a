import { describe, expect, it } from 'vitest'
import type { Role } from '@common/domain'
import type { Actor } from '../../platform/context.ts'
import { AppError } from '../../platform/errors.ts'
import {
  assertCanRevokeDelegation,
  canCreateDelegation,
  canRevokeDelegation,
  canSeeDelegation,
  delegationStatus,
  findDuplicate,
  scopesCover,
  scopesOverlap,
  seesAllDelegations,
} from './policy.ts'

function actor(id: string, roles: Role[]): Actor {
  return { id, username: id, fullName: id, organizationId: 'o', unitId: null, position: null, roles }
}
const admin = actor('admin', ['admin'])
const leader = actor('leader', ['leader'])
const secretary = actor('secretary', ['secretary'])
const otherLeader = actor('other', ['leader'])
const now = new Date('2026-03-10T08:00:00Z')
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000)
const d = {
  principalId: 'leader',
  delegateId: 'secretary',
  scopes: ['documentIn.direct'],
  startsAt: hours(-1),
  endsAt: hours(5),
  revokedAt: null,
}

function codeOf(fn: () => void): string | undefined {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError) return err.code
    throw err
  }
  return undefined
}

describe('delegation status', () => {
  it('runs over [startsAt, endsAt) unless revoked', () => {
    expect(delegationStatus(d, now)).toBe('active')
    expect(delegationStatus(d, d.startsAt)).toBe('active')
    expect(delegationStatus(d, d.endsAt)).toBe('expired')
    expect(delegationStatus(d, hours(-2))).toBe('scheduled')
    expect(delegationStatus({ ...d, revokedAt: now }, now)).toBe('revoked')
    expect(delegationStatus({ ...d, revokedAt: hours(-3) }, hours(-2))).toBe('revoked')
  })
})

describe('delegation policy', () => {
  it('lets administrators delegate for anyone, leaders only for themselves, others not at all', () => {
    expect(canCreateDelegation(admin, 'leader')).toBe(true)
    expect(canCreateDelegation(leader, 'leader')).toBe(true)
    expect(canCreateDelegation(leader, 'other')).toBe(false)
    expect(canCreateDelegation(actor('cm', ['committee_member']), 'cm')).toBe(true)
    for (const role of [
      'secretary',
      'clerk',
      'specialist',
      'unit_head',
      'partner',
      'focal_point',
    ] as Role[]) {
      expect(canCreateDelegation(actor('x', [role]), 'x'), role).toBe(false)
    }
    expect(canCreateDelegation(actor('x', []), 'x')).toBe(false)
  })

  it('shows a delegation to administrators, its principal and its delegate only', () => {
    expect(seesAllDelegations(admin)).toBe(true)
    expect(seesAllDelegations(leader)).toBe(false)
    expect(canSeeDelegation(admin, d)).toBe(true)
    expect(canSeeDelegation(leader, d)).toBe(true)
    expect(canSeeDelegation(secretary, d)).toBe(true)
    expect(canSeeDelegation(otherLeader, d)).toBe(false)
  })

  it('lets the principal or an administrator revoke while scheduled or active', () => {
    expect(canRevokeDelegation(leader, d, now)).toBe(true)
    expect(canRevokeDelegation(admin, d, hours(-2))).toBe(true)
    expect(canRevokeDelegation(secretary, d, now)).toBe(false)
    expect(canRevokeDelegation(otherLeader, d, now)).toBe(false)
    expect(canRevokeDelegation(leader, d, hours(6))).toBe(false)
    expect(canRevokeDelegation(admin, { ...d, revokedAt: now }, now)).toBe(false)
    expect(codeOf(() => assertCanRevokeDelegation(secretary, d, now))).toBe('NOT_ALLOWED')
    expect(codeOf(() => assertCanRevokeDelegation(leader, d, hours(6)))).toBe('INVALID_TRANSITION')
    expect(codeOf(() => assertCanRevokeDelegation(leader, d, now))).toBeUndefined()
  })
})

describe('scopes', () => {
  it("treats 'all' as covering every scope", () => {
    expect(scopesCover(['all'], 'documentOut.approve')).toBe(true)
    expect(scopesCover(['documentIn.direct'], 'documentIn.direct')).toBe(true)
    expect(scopesCover(['documentIn.direct'], 'documentOut.approve')).toBe(false)
    expect(scopesCover([], 'documentIn.direct')).toBe(false)
    expect(scopesOverlap(['all'], ['calendar.manage'])).toBe(true)
    expect(scopesOverlap(['calendar.manage'], ['documentIn.direct'])).toBe(false)
  })

  it('finds an unrevoked, overlapping delegation between the same people sharing a scope', () => {
    const existing = [{ ...d, id: 'd1' }]
    expect(findDuplicate(existing, { ...d, startsAt: hours(4), endsAt: hours(8) })?.id).toBe('d1')
    expect(findDuplicate(existing, { ...d, scopes: ['all'] })?.id).toBe('d1')
    expect(findDuplicate(existing, { ...d, startsAt: hours(5), endsAt: hours(8) })).toBeUndefined()
    expect(findDuplicate(existing, { ...d, scopes: ['calendar.manage'] })).toBeUndefined()
    expect(findDuplicate(existing, { ...d, delegateId: 'someone' })).toBeUndefined()
    expect(findDuplicate([{ ...d, id: 'd2', revokedAt: now }], d)).toBeUndefined()
  })
})
