import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeOrgWithUsers, TEST_PASSWORD, uniq } from '../../test/factories.ts'
import { buildTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts'

let t: TestApp
let admin: Client
let adminId: string
let adminName: string
let clerk: Client
beforeAll(async () => {
  t = await buildTestApp()
  const { users } = await makeOrgWithUsers(t.database.db, ['admin', 'clerk'])
  adminId = users.admin.id
  adminName = users.admin.fullName
  admin = await signIn(t.app, users.admin.username, TEST_PASSWORD)
  clerk = await signIn(t.app, users.clerk.username, TEST_PASSWORD)
})
afterAll(async () => t.close())

/** Two audited changes by the administrator: an organization created, then renamed. */
async function createAndRename(): Promise<{ id: string; name: string }> {
  const created = await admin.post('/api/admin/organizations', { name: `Sở ${uniq()}`, kind: 'province' })
  expect(created.statusCode).toBe(201)
  const name = `Sở Nông nghiệp ${uniq()}`
  expect((await admin.patch(`/api/admin/organizations/${created.json().id}`, { name })).statusCode).toBe(200)
  return { id: created.json().id, name }
}

describe('GET /api/audit/events', () => {
  it('lists entries newest first with actor and principal names, filtered by target', async () => {
    const org = await createAndRename()
    const res = await admin.get(`/api/audit/events?targetType=organization&targetId=${org.id}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.total).toBe(2)
    expect(body.items.map((e: { action: string }) => e.action)).toEqual([
      'organization.updated',
      'organization.created',
    ])
    expect(body.items[0]).toMatchObject({
      actorId: adminId,
      actorName: adminName,
      principalId: adminId,
      principalName: adminName,
      targetType: 'organization',
      targetId: org.id,
      data: { after: { name: org.name } },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    expect(body.items[0].id).toBeGreaterThan(body.items[1].id)
  })

  it('filters by action, actor and time, and pages', async () => {
    const before = new Date(Date.now() - 1000).toISOString()
    const org = await createAndRename()
    const byAction = (
      await admin.get(
        `/api/audit/events?action=organization.updated&actorId=${adminId}&from=${encodeURIComponent(before)}`,
      )
    ).json()
    expect(byAction.items.some((e: { targetId: string }) => e.targetId === org.id)).toBe(true)
    expect(
      byAction.items.every(
        (e: { action: string; actorId: string }) =>
          e.action === 'organization.updated' && e.actorId === adminId,
      ),
    ).toBe(true)
    const future = new Date(Date.now() + 3_600_000).toISOString()
    expect(
      (await admin.get(`/api/audit/events?actorId=${adminId}&from=${encodeURIComponent(future)}`)).json()
        .total,
    ).toBe(0)
    const page = (await admin.get(`/api/audit/events?actorId=${adminId}&pageSize=1&page=2`)).json()
    expect(page).toMatchObject({ page: 2, pageSize: 1 })
    expect(page.items).toHaveLength(1)
    expect(page.total).toBeGreaterThanOrEqual(4)
  })

  it('refuses non-administrators and bad filters', async () => {
    const refused = await clerk.get('/api/audit/events')
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('NOT_ALLOWED')
    for (const url of [
      '/api/audit/events',
      '/api/audit/verify',
      '/api/audit/actions',
      '/api/audit/login-attempts',
    ]) {
      expect((await clerk.get(url)).statusCode, url).toBe(403)
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401)
    }
    expect((await admin.get('/api/audit/events?actorId=nobody')).statusCode).toBe(400)
    expect((await admin.get('/api/audit/events?from=yesterday')).statusCode).toBe(400)
    expect((await admin.get('/api/audit/events?sort=asc')).statusCode).toBe(400)
  })
})

describe('GET /api/audit/actions and /api/audit/verify', () => {
  it('lists the distinct action names, sorted', async () => {
    await createAndRename()
    const items: string[] = (await admin.get('/api/audit/actions')).json().items
    expect(items).toContain('organization.created')
    expect(items).toContain('organization.updated')
    expect(new Set(items).size).toBe(items.length)
    expect(items).toEqual([...items].sort())
  })

  it('reports an intact chain with firstBroken null', async () => {
    await createAndRename()
    const res = await admin.get('/api/audit/verify')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ isIntact: true, firstBroken: null })
    expect(res.json().checked).toBeGreaterThanOrEqual(2)
  })
})

describe('GET /api/audit/login-attempts', () => {
  it('lists attempts newest first, filtered by username and outcome', async () => {
    const { users } = await makeOrgWithUsers(t.database.db, ['specialist'])
    const username = users.specialist.username
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'sai-mat-khau' },
    })
    await signIn(t.app, username, TEST_PASSWORD)
    const all = (await admin.get(`/api/audit/login-attempts?username=${username}`)).json()
    expect(all.total).toBe(2)
    expect(all.items.map((a: { isSuccess: boolean }) => a.isSuccess)).toEqual([true, false])
    expect(all.items[1]).toMatchObject({ username, userId: users.specialist.id, reason: expect.any(String) })
    const failed = (await admin.get(`/api/audit/login-attempts?username=${username}&isSuccess=false`)).json()
    expect(failed.items).toHaveLength(1)
    expect((await admin.get('/api/audit/login-attempts?isSuccess=maybe')).statusCode).toBe(400)
  })
})
