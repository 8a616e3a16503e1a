import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events, notifications } from '../../platform/db/schema.ts'
import { makeOrgWithUsers, TEST_PASSWORD } from '../../test/factories.ts'
import { buildTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

type Inbox = {
  items: {
    id: string
    kind: string
    data: Record<string, unknown>
    readAt: string | null
    createdAt: string
  }[]
  unread: number
}

async function inbox(client: Client): Promise<Inbox> {
  const res = await client.get('/api/notifications')
  expect(res.statusCode).toBe(200)
  return res.json()
}

/**
 * Run the handlers, then read the inbox until `until` holds. On a shared PostgreSQL database
 * another test file's dispatcher may hold the cursor for a moment (SKIP LOCKED), so retry briefly.
 */
async function dispatchAndRead(client: Client, until: (i: Inbox) => boolean): Promise<Inbox> {
  for (let attempt = 0; ; attempt++) {
    await t.dispatch()
    const current = await inbox(client)
    if (until(current) || attempt >= 40) return current
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function office() {
  const { users } = await makeOrgWithUsers(t.database.db, ['admin', 'leader', 'secretary'])
  const [admin, leader, secretary] = await Promise.all(
    (['admin', 'leader', 'secretary'] as const).map((r) => signIn(t.app, users[r].username, TEST_PASSWORD)),
  )
  return { users, admin: admin!, leader: leader!, secretary: secretary! }
}

function window(fromMinutes: number, toMinutes: number) {
  return {
    startsAt: new Date(Date.now() + fromMinutes * 60_000).toISOString(),
    endsAt: new Date(Date.now() + toMinutes * 60_000).toISOString(),
  }
}

describe('notifications from events', () => {
  it('tells the delegate (not the acting principal) about a new and a revoked delegation', async () => {
    const c = await office()
    const created = await c.leader.post('/api/delegations', {
      principalId: c.users.leader.id,
      delegateId: c.users.secretary.id,
      scopes: ['documentIn.direct'],
      ...window(0, 60),
    })
    expect(created.statusCode).toBe(201)
    const delegationId = created.json().id

    const first = await dispatchAndRead(c.secretary, (i) => i.items.length >= 1)
    expect(first.unread).toBe(1)
    expect(first.items[0]).toMatchObject({
      kind: 'delegation.created',
      readAt: null,
      data: {
        delegationId,
        role: 'delegate',
        principalName: c.users.leader.fullName,
        actorName: c.users.leader.fullName,
      },
    })
    expect((await inbox(c.leader)).items).toHaveLength(0)

    expect((await c.leader.post(`/api/delegations/${delegationId}/revoke`)).statusCode).toBe(200)
    const second = await dispatchAndRead(c.secretary, (i) => i.items.length >= 2)
    expect(second.items.map((n) => n.kind)).toEqual(['delegation.revoked', 'delegation.created'])
    expect(second.unread).toBe(2)
  })

  it('tells both principal and delegate when an administrator delegates, once only', async () => {
    const c = await office()
    const created = await c.admin.post('/api/delegations', {
      principalId: c.users.leader.id,
      delegateId: c.users.secretary.id,
      scopes: ['all'],
      ...window(0, 60),
    })
    expect(created.statusCode).toBe(201)
    const forLeader = await dispatchAndRead(c.leader, (i) => i.items.length >= 1)
    expect(forLeader.items).toMatchObject([
      { kind: 'delegation.created', data: { role: 'principal', actorName: c.users.admin.fullName } },
    ])
    expect((await dispatchAndRead(c.secretary, (i) => i.items.length >= 1)).items).toHaveLength(1)
    expect((await inbox(c.admin)).items).toHaveLength(0)

    // A second run of the handler over the same event writes nothing new (unique event, user, kind).
    const [event] = await t.database.db
      .select()
      .from(events)
      .where(and(eq(events.action, 'delegation.created'), eq(events.targetId, created.json().id)))
    const handler = (await import('./on-events.ts')).notificationsHandler()
    await t.database.db.transaction((tx) => handler.handle(event!, tx))
    expect(
      await t.database.db.select().from(notifications).where(eq(notifications.eventId, event!.id)),
    ).toHaveLength(2)
  })

  it('tells a user an administrator reset their password', async () => {
    const c = await office()
    const reset = await c.admin.post(`/api/admin/users/${c.users.secretary.id}/reset-password`)
    expect(reset.statusCode).toBe(200)
    const temporaryPassword: string = reset.json().temporaryPassword
    const secretary = await signIn(t.app, c.users.secretary.username, temporaryPassword)
    // A temporary password must be replaced before the inbox opens.
    const changed = await secretary.post('/api/auth/password', {
      currentPassword: temporaryPassword,
      newPassword: 'Song-Cuu-Long-9-cua-2026',
    })
    expect(changed.statusCode, changed.body).toBe(200)
    const mine = await dispatchAndRead(secretary, (i) => i.items.length >= 1)
    expect(mine.items).toMatchObject([
      { kind: 'user.passwordReset', data: { actorName: c.users.admin.fullName } },
    ])
  })
})

describe('marking notifications read', () => {
  it('marks one, then all, of my own; not audited; someone else’s id answers 404', async () => {
    const c = await office()
    for (const scopes of [['documentIn.direct'], ['calendar.manage']]) {
      const res = await c.leader.post('/api/delegations', {
        principalId: c.users.leader.id,
        delegateId: c.users.secretary.id,
        scopes,
        ...window(0, 60),
      })
      expect(res.statusCode).toBe(201)
    }
    const before = await dispatchAndRead(c.secretary, (i) => i.items.length >= 2)
    expect(before.unread).toBe(2)
    const [newest, older] = before.items

    const stranger = await c.admin.post(`/api/notifications/${newest!.id}/read`)
    expect(stranger.statusCode).toBe(404)
    expect(stranger.json().error.code).toBe('NOT_FOUND')
    expect((await inbox(c.secretary)).unread).toBe(2)
    expect(
      (await c.secretary.post('/api/notifications/00000000-0000-4000-8000-000000000000/read')).statusCode,
    ).toBe(404)
    expect((await c.secretary.post('/api/notifications/abc/read')).statusCode).toBe(400)

    expect((await c.secretary.post(`/api/notifications/${newest!.id}/read`)).json()).toEqual({ ok: true })
    const afterOne = await inbox(c.secretary)
    expect(afterOne.unread).toBe(1)
    const readAt = afterOne.items.find((n) => n.id === newest!.id)!.readAt
    expect(readAt).not.toBeNull()
    expect(afterOne.items.find((n) => n.id === older!.id)!.readAt).toBeNull()

    expect((await c.secretary.post('/api/notifications/read-all')).statusCode).toBe(200)
    const afterAll = await inbox(c.secretary)
    expect(afterAll.unread).toBe(0)
    // Reading again keeps the first read time.
    expect(afterAll.items.find((n) => n.id === newest!.id)!.readAt).toBe(readAt)

    const audited = await t.database.db.select().from(events).where(eq(events.actorId, c.users.secretary.id))
    expect(audited.filter((e) => e.action.startsWith('notification'))).toHaveLength(0)
  })

  it('requires a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'POST', url: '/api/notifications/read-all' })).statusCode).toBe(401)
  })
})
