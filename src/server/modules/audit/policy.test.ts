import { describe, expect, it } from 'vitest'
import { ROLES, type Role } from '@common/domain'
import type { Actor } from '../../platform/context.ts'
import type { ChainReport } from '../../platform/events/verify.ts'
import { canReadAudit } from './policy.ts'
import { presentChainReport } from './present.ts'

function actor(roles: Role[]): Actor {
  return { id: 'a', username: 'a', fullName: 'A', organizationId: 'o', unitId: null, position: null, roles }
}

describe('audit policy', () => {
  it('lets only administrators read the audit log', () => {
    for (const role of ROLES) expect(canReadAudit(actor([role])), role).toBe(role === 'admin')
    expect(canReadAudit(actor(['clerk', 'admin']))).toBe(true)
    expect(canReadAudit(actor([]))).toBe(false)
  })
})

describe('chain report', () => {
  it('has firstBroken null when intact and the broken entry otherwise', () => {
    const intact: ChainReport = { isIntact: true, checked: 3, lastId: 3 }
    expect(presentChainReport(intact)).toEqual({ isIntact: true, checked: 3, firstBroken: null })
    const broken: ChainReport = {
      isIntact: false,
      checked: 1,
      firstBroken: { id: 2, reason: 'hash_mismatch', occurredAt: '2026-01-01T00:00:00.000Z', action: 'x' },
    }
    expect(presentChainReport(broken)).toEqual({
      isIntact: false,
      checked: 1,
      firstBroken: broken.firstBroken,
    })
  })
})
