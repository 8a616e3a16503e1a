import { describe, expect, it } from 'vitest'
import { canSeeNotification, recipientsOf } from './policy.ts'

const snapshot = {
  principalId: 'leader',
  principalName: 'Lê Văn Lãnh Đạo',
  delegateId: 'secretary',
  delegateName: 'Trần Thị Thư Ký',
  scopes: ['all'],
  startsAt: '2026-03-10T00:00:00.000Z',
  endsAt: '2026-03-12T00:00:00.000Z',
  note: null,
  revokedAt: null,
}

describe('who is notified', () => {
  it('tells the principal and the delegate about a delegation an administrator made', () => {
    const r = recipientsOf({
      action: 'delegation.created',
      actorId: 'admin',
      targetId: 'd1',
      data: { after: snapshot },
    })
    expect(r.map((x) => [x.userId, x.kind, x.data.role])).toEqual([
      ['leader', 'delegation.created', 'principal'],
      ['secretary', 'delegation.created', 'delegate'],
    ])
    expect(r[0]!.data).toMatchObject({
      delegationId: 'd1',
      principalName: 'Lê Văn Lãnh Đạo',
      delegateName: 'Trần Thị Thư Ký',
      scopes: ['all'],
    })
  })

  it('never tells the actor about their own action', () => {
    const created = recipientsOf({
      action: 'delegation.created',
      actorId: 'leader',
      targetId: 'd1',
      data: { after: snapshot },
    })
    expect(created.map((x) => x.userId)).toEqual(['secretary'])
    const revoked = recipientsOf({
      action: 'delegation.revoked',
      actorId: 'leader',
      targetId: 'd1',
      data: { before: snapshot, after: snapshot },
    })
    expect(revoked.map((x) => [x.userId, x.kind])).toEqual([['secretary', 'delegation.revoked']])
  })

  it('tells a user their password was reset, and no one about other actions', () => {
    expect(
      recipientsOf({ action: 'user.passwordReset', actorId: 'admin', targetId: 'u1', data: {} }),
    ).toEqual([{ userId: 'u1', kind: 'user.passwordReset', data: {} }])
    expect(
      recipientsOf({ action: 'user.passwordReset', actorId: 'admin', targetId: null, data: {} }),
    ).toEqual([])
    expect(
      recipientsOf({ action: 'organization.created', actorId: 'admin', targetId: 'o1', data: {} }),
    ).toEqual([])
  })

  it('throws on a delegation event without its snapshot (a programming error, not silence)', () => {
    expect(() =>
      recipientsOf({ action: 'delegation.created', actorId: 'admin', targetId: 'd1', data: {} }),
    ).toThrow()
  })
})

describe('who sees a notification', () => {
  it('is its owner only', () => {
    expect(canSeeNotification({ id: 'u1' }, { userId: 'u1' })).toBe(true)
    expect(canSeeNotification({ id: 'admin' }, { userId: 'u1' })).toBe(false)
  })
})
