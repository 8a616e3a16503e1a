/** Administration of accounts through the API, and what bad input gets. */
import { count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events, users } from '../../platform/db/schema.ts'
import { makeOrgWithUsers, TEST_PASSWORD, uniq } from '../../test/factories.ts'
import { buildTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts'

let t: TestApp
let admin: Client
let org: Awaited<ReturnType<typeof makeOrgWithUsers>>
beforeAll(async () => {
  t = await buildTestApp()
  org = await makeOrgWithUsers(t.database.db, ['admin', 'clerk'])
  admin = await signIn(t.app, org.users.admin.username, TEST_PASSWORD)
})
afterAll(async () => t.close())

// Only this file's organization: other test files create users at the same time on a shared PostgreSQL.
const userCount = async () =>
  Number(
    (
      await t.database.db
        .select({ n: count() })
        .from(users)
        .where(eq(users.organizationId, org.organization.id))
    )[0]!.n,
  )

describe('creating a user', () => {
  it('returns a temporary password once; the new user must change it before anything else', async () => {
    const username = uniq('cv.')
    const res = await admin.post('/api/admin/users', {
      username,
      fullName: 'Phạm Thị Ngọc Ánh',
      email: `${username}@example.vn`,
      organizationId: org.organization.id,
      unitId: org.unit.id,
      position: 'Chuyên viên',
      roles: ['specialist'],
    })
    expect(res.statusCode).toBe(201)
    const { user, temporaryPassword } = res.json()
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{14}$/)
    expect(user.unitName).toBe(org.unit.name)
    expect(user.abilities.disable).toBe(true)

    const newcomer = await signIn(t.app, username, temporaryPassword)
    const session = (await newcomer.get('/api/auth/session')).json()
    expect(session.user.mustChangePassword).toBe(true)
    const blocked = await newcomer.get('/api/users/options')
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED')
    expect(
      (
        await newcomer.post('/api/auth/password', {
          currentPassword: temporaryPassword,
          newPassword: 'DoiMatKhau2026',
        })
      ).statusCode,
    ).toBe(200)
    expect((await newcomer.get('/api/users/options')).statusCode).toBe(200)

    const [event] = await t.database.db
      .select()
      .from(events)
      .where(sql`${events.action} = 'user.created' AND ${events.targetId} = ${user.id}`)
    expect(event!.actorId).toBe(org.users.admin.id)
    expect((event!.data as { after: { username: string } }).after.username).toBe(username)
    expect(JSON.stringify(event!.data)).not.toContain('passwordHash')
  })

  it('refuses a taken username (any case) with 409 and a field', async () => {
    const res = await admin.post('/api/admin/users', {
      username: org.users.clerk.username.toUpperCase(),
      fullName: 'Trùng Tên',
      organizationId: org.organization.id,
      roles: ['clerk'],
    })
    expect(res.statusCode).toBe(409) // usernames are lower-cased: 'ABC' and 'abc' are the same account
    const lower = await admin.post('/api/admin/users', {
      username: org.users.clerk.username,
      fullName: 'Trùng Tên',
      organizationId: org.organization.id,
      roles: ['clerk'],
    })
    expect(lower.statusCode).toBe(409)
    expect(lower.json().error.code).toBe('USERNAME_TAKEN')
  })

  it('refuses a unit of another organization', async () => {
    const other = await makeOrgWithUsers(t.database.db, [])
    const res = await admin.post('/api/admin/users', {
      username: uniq('x.'),
      fullName: 'Sai Đơn Vị',
      organizationId: org.organization.id,
      unitId: other.unit.id,
      roles: ['clerk'],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details[0].path).toBe('unitId')
  })
})

describe('managing a user', () => {
  it('updates roles and records before and after', async () => {
    const { users: u } = await makeOrgWithUsers(t.database.db, ['specialist'])
    const res = await admin.patch(`/api/admin/users/${u.specialist.id}`, {
      roles: ['specialist', 'unit_head'],
      position: 'Phó Trưởng ban',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().roles).toEqual(['specialist', 'unit_head'])
    const [event] = await t.database.db
      .select()
      .from(events)
      .where(sql`${events.action} = 'user.updated' AND ${events.targetId} = ${u.specialist.id}`)
    const data = event!.data as { before: { roles: string[] }; after: { roles: string[]; position: string } }
    expect(data.before.roles).toEqual(['specialist'])
    expect(data.after.position).toBe('Phó Trưởng ban')
  })

  it('resets a password: old sessions end, the temporary one works', async () => {
    const { users: u } = await makeOrgWithUsers(t.database.db, ['clerk'])
    const old = await signIn(t.app, u.clerk.username, TEST_PASSWORD)
    const res = await admin.post(`/api/admin/users/${u.clerk.id}/reset-password`)
    expect(res.statusCode).toBe(200)
    expect((await old.get('/api/auth/session')).statusCode).toBe(401)
    await signIn(t.app, u.clerk.username, res.json().temporaryPassword)
  })

  it('does not let an administrator lock themselves out', async () => {
    const self = org.users.admin.id
    expect((await admin.post(`/api/admin/users/${self}/disable`)).statusCode).toBe(403)
    const demote = await admin.patch(`/api/admin/users/${self}`, { roles: ['clerk'] })
    expect(demote.statusCode).toBe(403)
    const me = (await admin.get(`/api/admin/users/${self}`)).json()
    expect(me.abilities.disable).toBe(false)
    expect(me.roles).toContain('admin')
  })

  it('lists users with search without diacritics and filters', async () => {
    const { users: u } = await makeOrgWithUsers(t.database.db, [])
    const username = uniq('tim.')
    await admin.post('/api/admin/users', {
      username,
      fullName: 'Đặng Thị Hồng Nhung',
      organizationId: u.clerk?.organizationId ?? org.organization.id,
      roles: ['partner'],
    })
    const res = await admin.get(
      `/api/admin/users?q=${encodeURIComponent('dang thi hong nhung')}&role=partner`,
    )
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((x: { username: string }) => x.username)).toContain(username)
  })
})

describe('bad input gets a clear 4xx and changes nothing', () => {
  const valid = () => ({
    username: uniq('bad.'),
    fullName: 'Nguyễn Văn A',
    organizationId: org.organization.id,
    roles: ['clerk'],
  })

  it.each([
    ['malformed JSON', '{"username": "abc",', 400, 'VALIDATION_FAILED'],
    ['a missing field', () => JSON.stringify({ ...valid(), username: undefined }), 400, 'VALIDATION_FAILED'],
    ['an extra field', () => JSON.stringify({ isAdmin: true, ...valid() }), 400, 'VALIDATION_FAILED'],
    [
      'a wrong type',
      () => JSON.stringify({ ...valid(), fullName: ['x'], roles: 'admin' }),
      400,
      'VALIDATION_FAILED',
    ],
    ['an unknown role', () => JSON.stringify({ ...valid(), roles: ['god'] }), 400, 'VALIDATION_FAILED'],
    [
      'a huge body',
      () => JSON.stringify({ ...valid(), fullName: 'x'.repeat(2_000_000) }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ])('%s', async (_name, body, status, code) => {
    const before = await userCount()
    const payload = typeof body === 'function' ? body() : body
    const res = await admin.request({
      method: 'POST',
      url: '/api/admin/users',
      payload,
      headers: { 'content-type': 'application/json' },
    })
    expect(res.statusCode).toBe(status)
    expect(res.json().error.code).toBe(code)
    expect(res.json().error.message.length).toBeGreaterThan(3)
    expect(await userCount()).toBe(before)
  })

  it('names the offending fields', async () => {
    const res = await admin.post('/api/admin/users', { ...valid(), email: 'không-phải-email', roles: [] })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.map((d: { path: string }) => d.path)
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.roles']))
  })

  it('answers an unknown id with 404 and a malformed id with 400', async () => {
    expect((await admin.get('/api/admin/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
    expect(
      (await admin.patch('/api/admin/users/00000000-0000-4000-8000-000000000000', { position: 'x' }))
        .statusCode,
    ).toBe(404)
    const bad = await admin.get('/api/admin/users/not-a-uuid')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('VALIDATION_FAILED')
  })

  it('refuses a form post that is not JSON', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: 'username=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.statusCode).toBe(415)
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await admin.get('/api/khong-ton-tai')
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('NOT_FOUND')
  })

  it('keeps the unit of a user when an update names an unknown unit', async () => {
    const { users: u } = await makeOrgWithUsers(t.database.db, ['clerk'])
    const res = await admin.patch(`/api/admin/users/${u.clerk.id}`, {
      unitId: '00000000-0000-4000-8000-000000000000',
    })
    expect(res.statusCode).toBe(400)
    const [row] = await t.database.db.select().from(users).where(eq(users.id, u.clerk.id))
    expect(row!.unitId).toBe(u.clerk.unitId)
  })
})
