import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { makeUser } from '../../test/factories.ts'
import { buildTestApp, type Client, type TestApp } from '../../test/harness.ts'
import { delegationEvents, delegationsOf, MINUTE, office, window } from './delegations.test-support.ts'

let offset = 0
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock: () => new Date(Date.now() + offset) })
})
afterEach(() => {
  offset = 0
})
afterAll(async () => t.close())

describe('POST /api/delegations', () => {
  it('lets a leader delegate to their secretary; the event keeps the snapshot; the session shows whom she acts for', async () => {
    const c = await office(t)
    const res = await c.leader.post('/api/delegations', {
      principalId: c.people.leader.id,
      delegateId: c.people.secretary.id,
      scopes: ['documentIn.direct', 'documentIn.direct', 'calendar.manage'],
      ...window(-1, 120),
      note: 'Đi công tác Viêng Chăn',
    })
    expect(res.statusCode, res.body).toBe(201)
    const body = res.json()
    expect(body).toMatchObject({
      principalName: c.people.leader.fullName,
      delegateName: c.people.secretary.fullName,
      createdByName: c.people.leader.fullName,
      scopes: ['documentIn.direct', 'calendar.manage'],
      status: 'active',
      abilities: { revoke: true },
    })
    const recorded = await delegationEvents(t, body.id)
    expect(recorded.map((e) => e.action)).toEqual(['delegation.created'])
    expect(recorded[0]!.actorId).toBe(c.people.leader.id)
    expect(recorded[0]!.data).toMatchObject({
      after: { principalId: c.people.leader.id, delegateId: c.people.secretary.id, revokedAt: null },
    })

    const session = (await c.secretary.get('/api/auth/session')).json()
    expect(session.actingFor).toEqual([
      {
        principalId: c.people.leader.id,
        principalName: c.people.leader.fullName,
        scopes: ['documentIn.direct', 'calendar.manage'],
        endsAt: body.endsAt,
      },
    ])
  })

  it('lets an administrator delegate for anyone', async () => {
    const c = await office(t)
    const res = await c.admin.post('/api/delegations', {
      principalId: c.people.leader.id,
      delegateId: c.people.clerk.id,
      scopes: ['all'],
      ...window(10, 60),
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ status: 'scheduled', createdByName: c.people.admin.fullName })
  })

  it("refuses a leader delegating someone else's authority, and users without the ability", async () => {
    const c = await office(t)
    const other = await makeUser(t.database.db, {
      roles: ['leader'],
      organizationId: c.people.leader.organizationId,
    })
    const cases: [Client, string][] = [
      [c.leader, other.id],
      [c.secretary, c.people.secretary.id],
      [c.clerk, c.people.clerk.id],
    ]
    for (const [client, principalId] of cases) {
      const delegateId = principalId === c.people.leader.id ? c.people.clerk.id : c.people.leader.id
      const res = await client.post('/api/delegations', {
        principalId,
        delegateId,
        scopes: ['all'],
        ...window(0, 60),
      })
      expect(res.statusCode).toBe(403)
      expect(res.json().error.code).toBe('NOT_ALLOWED')
    }
    expect(await delegationsOf(t, other.id)).toHaveLength(0)
    expect(await delegationsOf(t, c.people.secretary.id)).toHaveLength(0)
  })

  it('refuses bad input with a message and creates nothing', async () => {
    const c = await office(t)
    const disabled = await makeUser(t.database.db, {
      roles: ['secretary'],
      organizationId: c.people.leader.organizationId,
      isActive: false,
    })
    const base = {
      principalId: c.people.leader.id,
      delegateId: c.people.secretary.id,
      scopes: ['all'],
      ...window(0, 60),
    }
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, ...window(60, 0) }, 'endsAt'],
      [{ ...base, delegateId: c.people.leader.id }, 'delegateId'],
      [{ ...base, scopes: [] }, 'scopes'],
      [{ ...base, scopes: ['everything'] }, 'scopes'],
      [{ ...base, startsAt: 'tomorrow' }, 'startsAt'],
      [{ ...base, extra: true }, ''],
      [{ ...base, delegateId: '00000000-0000-4000-8000-000000000000' }, 'delegateId'],
      [{ ...base, delegateId: disabled.id }, 'delegateId'],
      [{ ...base, ...window(-120, -60) }, 'endsAt'],
    ]
    for (const [body, path] of cases) {
      const res = await c.leader.post('/api/delegations', body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().error.message.length).toBeGreaterThan(0)
      if (path) expect(JSON.stringify(res.json().error.details)).toContain(path)
    }
    expect(await delegationsOf(t, c.people.leader.id)).toHaveLength(0)
  })

  it('refuses a duplicate: same people, overlapping time, a shared scope', async () => {
    const c = await office(t)
    const base = { principalId: c.people.leader.id, delegateId: c.people.secretary.id }
    expect(
      (await c.leader.post('/api/delegations', { ...base, scopes: ['documentIn.direct'], ...window(0, 60) }))
        .statusCode,
    ).toBe(201)
    const dup = await c.leader.post('/api/delegations', { ...base, scopes: ['all'], ...window(30, 90) })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().error.code).toBe('CONFLICT')
    expect(
      (await c.leader.post('/api/delegations', { ...base, scopes: ['calendar.manage'], ...window(30, 90) }))
        .statusCode,
    ).toBe(201)
    expect(
      (await c.leader.post('/api/delegations', { ...base, scopes: ['documentIn.direct'], ...window(60, 90) }))
        .statusCode,
    ).toBe(201)
  })
})

describe('GET /api/delegations', () => {
  it('shows people their own delegations, administrators all, and computes status from the clock', async () => {
    const c = await office(t)
    const created = (
      await c.leader.post('/api/delegations', {
        principalId: c.people.leader.id,
        delegateId: c.people.secretary.id,
        scopes: ['documentIn.direct'],
        ...window(10, 20),
      })
    ).json()
    const ids = async (client: Client, query = '') =>
      ((await client.get(`/api/delegations${query}`)).json().items as { id: string }[]).map((d) => d.id)

    expect(await ids(c.leader)).toEqual([created.id])
    expect(await ids(c.secretary)).toEqual([created.id])
    expect(await ids(c.clerk)).toEqual([])
    expect(await ids(c.admin, `?userId=${c.people.secretary.id}`)).toEqual([created.id])
    // A non-administrator's userId filter never widens what they see.
    expect(await ids(c.clerk, `?userId=${c.people.leader.id}`)).toEqual([])
    const asSecretary = (await c.secretary.get('/api/delegations')).json().items[0]
    expect(asSecretary.abilities).toEqual({ revoke: false })

    expect(await ids(c.leader, '?status=scheduled')).toEqual([created.id])
    expect(await ids(c.leader, '?status=active')).toEqual([])
    offset = 15 * MINUTE
    expect(await ids(c.leader, '?status=active')).toEqual([created.id])
    expect((await c.leader.get('/api/delegations')).json().items[0].status).toBe('active')
    offset = 25 * MINUTE
    expect(await ids(c.leader, '?status=expired')).toEqual([created.id])
    expect((await c.leader.get('/api/delegations')).json().items[0]).toMatchObject({
      status: 'expired',
      abilities: { revoke: false },
    })
  })

  it('refuses unknown filters and bad values', async () => {
    const c = await office(t)
    expect((await c.leader.get('/api/delegations?status=forever')).statusCode).toBe(400)
    expect((await c.leader.get('/api/delegations?userId=abc')).statusCode).toBe(400)
    expect((await c.leader.get('/api/delegations?page=2')).statusCode).toBe(400)
    expect((await t.app.inject({ method: 'GET', url: '/api/delegations' })).statusCode).toBe(401)
  })
})
