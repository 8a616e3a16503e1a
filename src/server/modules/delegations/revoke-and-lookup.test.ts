import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { delegations } from '../../platform/db/schema.ts'
import { activeDelegationsOf, hasDelegation } from './index.ts'
import { buildTestApp, type TestApp } from '../../test/harness.ts'
import { delegationEvents, MINUTE, office, window } from './delegations.test-support.ts'

let offset = 0
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock: () => new Date(Date.now() + offset) })
})
afterEach(() => {
  offset = 0
})
afterAll(async () => t.close())

describe('POST /api/delegations/:id/revoke', () => {
  it('lets the principal revoke once, records before and after, and refuses the delegate and strangers', async () => {
    const c = await office(t)
    const created = (
      await c.leader.post('/api/delegations', {
        principalId: c.people.leader.id,
        delegateId: c.people.secretary.id,
        scopes: ['all'],
        ...window(-1, 60),
      })
    ).json()
    const url = `/api/delegations/${created.id}/revoke`

    const byDelegate = await c.secretary.post(url)
    expect(byDelegate.statusCode).toBe(403)
    expect(byDelegate.json().error.code).toBe('NOT_ALLOWED')
    expect((await c.clerk.post(url)).statusCode).toBe(404)
    expect(
      (await c.leader.post('/api/delegations/00000000-0000-4000-8000-000000000000/revoke')).statusCode,
    ).toBe(404)

    const revoked = await c.leader.post(url)
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json()).toMatchObject({ status: 'revoked', abilities: { revoke: false } })
    const again = await c.leader.post(url)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('INVALID_TRANSITION')

    const recorded = await delegationEvents(t, created.id)
    expect(recorded.map((e) => e.action)).toEqual(['delegation.created', 'delegation.revoked'])
    expect(recorded[1]!.data).toMatchObject({
      before: { revokedAt: null },
      after: { revokedAt: expect.any(String) },
    })
    expect((await c.secretary.get('/api/auth/session')).json().actingFor).toEqual([])
  })

  it('lets an administrator revoke, but not an expired delegation', async () => {
    const c = await office(t)
    const created = (
      await c.admin.post('/api/delegations', {
        principalId: c.people.leader.id,
        delegateId: c.people.clerk.id,
        scopes: ['calendar.manage'],
        ...window(-1, 5),
      })
    ).json()
    offset = 10 * MINUTE
    expect((await c.admin.post(`/api/delegations/${created.id}/revoke`)).statusCode).toBe(409)
    offset = 0
    expect((await c.admin.post(`/api/delegations/${created.id}/revoke`)).json().status).toBe('revoked')
  })
})

describe('activeDelegationsOf and hasDelegation', () => {
  it('answers for the window, the scope (all covers every scope) and revocation', async () => {
    const c = await office(t)
    const now = new Date()
    const insert = (scopes: string[], startsAt: Date, endsAt: Date, revokedAt: Date | null = null) =>
      t.database.db.insert(delegations).values({
        principalId: c.people.leader.id,
        delegateId: c.people.secretary.id,
        scopes,
        startsAt,
        endsAt,
        revokedAt,
        createdBy: c.people.admin.id,
      })
    await insert(
      ['documentIn.direct'],
      new Date(now.getTime() - MINUTE),
      new Date(now.getTime() + 60 * MINUTE),
    )
    await insert(['all'], new Date(now.getTime() + 60 * MINUTE), new Date(now.getTime() + 120 * MINUTE))
    await insert(
      ['calendar.manage'],
      new Date(now.getTime() - MINUTE),
      new Date(now.getTime() + 60 * MINUTE),
      now,
    )

    const ask = (scope: 'documentIn.direct' | 'calendar.manage' | 'documentOut.approve', at: Date) =>
      hasDelegation(t.database.db, {
        delegateId: c.people.secretary.id,
        principalId: c.people.leader.id,
        scope,
        now: at,
      })
    expect(await ask('documentIn.direct', now)).toBe(true)
    expect(await ask('calendar.manage', now)).toBe(false)
    expect(await ask('documentOut.approve', now)).toBe(false)
    expect(await ask('documentOut.approve', new Date(now.getTime() + 90 * MINUTE))).toBe(true)
    expect(await ask('documentIn.direct', new Date(now.getTime() + 120 * MINUTE))).toBe(false)
    expect(
      await hasDelegation(t.database.db, {
        delegateId: c.people.leader.id,
        principalId: c.people.secretary.id,
        scope: 'documentIn.direct',
        now,
      }),
    ).toBe(false)

    const acting = await activeDelegationsOf(t.database.db, c.people.secretary.id, now)
    expect(acting).toEqual([
      {
        principalId: c.people.leader.id,
        principalName: c.people.leader.fullName,
        scopes: ['documentIn.direct'],
        endsAt: expect.any(String),
      },
    ])
    expect(await activeDelegationsOf(t.database.db, c.people.leader.id, now)).toEqual([])
  })
})
