import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events, organizations } from '../../platform/db/schema.ts'
import { makeOrganization, makeOrgWithUsers, makeUser, TEST_PASSWORD, uniq } from '../../test/factories.ts'
import { buildTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts'
import { ensureOwnOrganization } from './own-organization.test-support.ts'

let t: TestApp
let admin: Client
let clerk: Client
let partner: Client
beforeAll(async () => {
  t = await buildTestApp()
  const { users } = await makeOrgWithUsers(t.database.db, ['admin', 'clerk', 'partner'])
  admin = await signIn(t.app, users.admin.username, TEST_PASSWORD)
  clerk = await signIn(t.app, users.clerk.username, TEST_PASSWORD)
  partner = await signIn(t.app, users.partner.username, TEST_PASSWORD)
})
afterAll(async () => t.close())

function eventsOf(targetId: string) {
  return t.database.db
    .select()
    .from(events)
    .where(and(eq(events.targetType, 'organization'), eq(events.targetId, targetId)))
    .orderBy(events.id)
}

function randomCode(): string {
  const n = (max: number, width: number) => String(Math.floor(Math.random() * max)).padStart(width, '0')
  return `${n(1000, 3)}.${n(100, 2)}.${n(100, 2)}.Z${n(100, 2)}`
}

describe('GET /api/organizations', () => {
  it('finds an organization by name without diacritics, by short name and by code, with counts and abilities', async () => {
    const tag = uniq('q')
    const org = await makeOrganization(t.database.db, {
      name: `Sở Tài nguyên và Môi trường Đồng Tháp ${tag}`,
      shortName: `STNMT-${tag}`,
      kind: 'province',
    })
    await makeUser(t.database.db, { roles: ['focal_point'], organizationId: org.id })
    await makeUser(t.database.db, { roles: ['focal_point'], organizationId: org.id, isActive: false })

    const byName = await clerk.get(
      `/api/organizations?q=${encodeURIComponent(`so tai nguyen va moi truong dong thap ${tag}`)}`,
    )
    expect(byName.statusCode).toBe(200)
    expect(byName.json().total).toBe(1)
    const item = byName.json().items[0]
    expect(item).toMatchObject({
      id: org.id,
      kind: 'province',
      userCount: 1,
      isOwn: false,
      abilities: { update: false, disable: false },
    })

    const byShort = await clerk.get(`/api/organizations?q=${encodeURIComponent(`stnmt-${tag}`)}`)
    expect(byShort.json().items.map((o: { id: string }) => o.id)).toEqual([org.id])
    const byCode = await admin.get(`/api/organizations?q=${encodeURIComponent(org.code!)}`)
    expect(byCode.json().items[0]).toMatchObject({ id: org.id, abilities: { update: true, disable: true } })
  })

  it('filters by kind and isActive and pages', async () => {
    const tag = uniq('k')
    await makeOrganization(t.database.db, { name: `Bộ ${tag} một`, kind: 'ministry' })
    await makeOrganization(t.database.db, { name: `Bộ ${tag} hai`, kind: 'ministry', isActive: false })
    await makeOrganization(t.database.db, { name: `Tỉnh ${tag}`, kind: 'province' })
    const active = await clerk.get(`/api/organizations?q=${tag}&kind=ministry&isActive=true`)
    expect(active.json().items.map((o: { name: string }) => o.name)).toEqual([`Bộ ${tag} một`])
    const paged = await clerk.get(`/api/organizations?q=${tag}&pageSize=2&page=2`)
    expect(paged.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 })
    expect(paged.json().items).toHaveLength(1)
  })

  it('refuses users without organizations.read, unknown filters and bad values', async () => {
    expect((await partner.get('/api/organizations')).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/api/organizations' })).statusCode).toBe(401)
    const extra = await clerk.get('/api/organizations?color=red')
    expect(extra.statusCode).toBe(400)
    expect(extra.json().error.code).toBe('VALIDATION_FAILED')
    expect((await clerk.get('/api/organizations?kind=planet')).statusCode).toBe(400)
    expect((await clerk.get('/api/organizations?pageSize=1000')).statusCode).toBe(400)
  })

  it('shows one organization, and answers 404 for an unknown or malformed id', async () => {
    const org = await makeOrganization(t.database.db)
    expect((await clerk.get(`/api/organizations/${org.id}`)).json()).toMatchObject({
      id: org.id,
      name: org.name,
    })
    const missing = await clerk.get('/api/organizations/00000000-0000-4000-8000-000000000000')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.code).toBe('NOT_FOUND')
    expect((await clerk.get('/api/organizations/not-a-uuid')).statusCode).toBe(400)
  })
})

describe('POST /api/admin/organizations', () => {
  it('creates an external organization, normalises the code and records the event', async () => {
    const code = randomCode()
    const res = await admin.post('/api/admin/organizations', {
      code: code.toLowerCase(),
      name: 'Ủy hội sông Mê Công quốc tế',
      shortName: 'MRC',
      kind: 'international',
      email: '',
      phone: '',
    })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body).toMatchObject({
      code,
      shortName: 'MRC',
      email: null,
      phone: null,
      isOwn: false,
      isActive: true,
      userCount: 0,
    })
    const recorded = await eventsOf(body.id)
    expect(recorded.map((e) => e.action)).toEqual(['organization.created'])
    expect(recorded[0]!.data).toMatchObject({
      after: { code, name: 'Ủy hội sông Mê Công quốc tế', kind: 'international' },
    })
  })

  it('refuses a taken code with ORGANIZATION_CODE_TAKEN on code, and creates nothing', async () => {
    const existing = await makeOrganization(t.database.db)
    const name = `Trùng mã ${uniq()}`
    const res = await admin.post('/api/admin/organizations', { code: existing.code, name, kind: 'ministry' })
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({ code: 'ORGANIZATION_CODE_TAKEN', details: [{ path: 'code' }] })
    expect(await t.database.db.select().from(organizations).where(eq(organizations.name, name))).toHaveLength(
      0,
    )
  })

  it('refuses bad input: missing name, extra field, kind own, malformed code and email', async () => {
    const bad = [
      { kind: 'ministry' },
      { name: 'Bộ Công Thương', kind: 'ministry', isOwn: true },
      { name: 'Bộ Công Thương', kind: 'own' },
      { name: 'Bộ Công Thương', kind: 'ministry', code: 'G38' },
      { name: 'Bộ Công Thương', kind: 'ministry', email: 'not-an-email' },
      { name: 7, kind: 'ministry' },
    ]
    for (const body of bad) {
      const res = await admin.post('/api/admin/organizations', body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().error.code).toBe('VALIDATION_FAILED')
      expect(res.json().error.details.length).toBeGreaterThan(0)
    }
  })

  it('refuses non-administrators', async () => {
    const res = await clerk.post('/api/admin/organizations', { name: `Bộ ${uniq()}`, kind: 'ministry' })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('NOT_ALLOWED')
  })
})

describe('PATCH /api/admin/organizations/:id', () => {
  it('updates fields, disables and enables, recording before and after', async () => {
    const org = await makeOrganization(t.database.db, { kind: 'province' })
    const renamed = await admin.patch(`/api/admin/organizations/${org.id}`, {
      name: 'Tỉnh Cà Mau',
      phone: '0290 123',
    })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json()).toMatchObject({ name: 'Tỉnh Cà Mau', phone: '0290 123', kind: 'province' })
    const disabled = await admin.patch(`/api/admin/organizations/${org.id}`, { isActive: false })
    expect(disabled.json()).toMatchObject({ isActive: false, abilities: { update: true, disable: false } })
    await admin.patch(`/api/admin/organizations/${org.id}`, { isActive: true })

    const recorded = await eventsOf(org.id)
    expect(recorded.map((e) => e.action)).toEqual([
      'organization.updated',
      'organization.disabled',
      'organization.enabled',
    ])
    expect(recorded[0]!.data).toMatchObject({
      before: { name: org.name, phone: null },
      after: { name: 'Tỉnh Cà Mau', phone: '0290 123' },
    })
  })

  it('records nothing when nothing changes', async () => {
    const org = await makeOrganization(t.database.db)
    const res = await admin.patch(`/api/admin/organizations/${org.id}`, { name: org.name })
    expect(res.statusCode).toBe(200)
    expect(await eventsOf(org.id)).toHaveLength(0)
  })

  it("refuses another organization's code", async () => {
    const [a, b] = [await makeOrganization(t.database.db), await makeOrganization(t.database.db)]
    const res = await admin.patch(`/api/admin/organizations/${a.id}`, { code: b.code })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('ORGANIZATION_CODE_TAKEN')
  })

  it('edits our own organization but never disables it nor changes its kind', async () => {
    const own = await ensureOwnOrganization(t.database.db)
    const phone = `024 ${uniq()}`
    const edited = await admin.patch(`/api/admin/organizations/${own.id}`, { phone })
    expect(edited.statusCode).toBe(200)
    expect(edited.json()).toMatchObject({
      isOwn: true,
      kind: 'own',
      phone,
      abilities: { update: true, disable: false },
    })

    const disable = await admin.patch(`/api/admin/organizations/${own.id}`, { isActive: false })
    expect(disable.statusCode).toBe(403)
    expect(disable.json().error.code).toBe('NOT_ALLOWED')
    const kind = await admin.patch(`/api/admin/organizations/${own.id}`, { kind: 'ministry' })
    expect(kind.statusCode).toBe(400)
    expect(kind.json().error.details[0].path).toBe('kind')
    const [after] = await t.database.db.select().from(organizations).where(eq(organizations.id, own.id))
    expect(after).toMatchObject({ isActive: true, kind: 'own' })
  })

  it('answers 404 for an unknown id, 400 for bad fields and 403 for non-administrators', async () => {
    const org = await makeOrganization(t.database.db)
    expect(
      (await admin.patch('/api/admin/organizations/00000000-0000-4000-8000-000000000000', { name: 'Bộ X' }))
        .statusCode,
    ).toBe(404)
    expect((await admin.patch(`/api/admin/organizations/${org.id}`, { isOwn: true })).statusCode).toBe(400)
    expect((await admin.patch(`/api/admin/organizations/${org.id}`, { isActive: 'no' })).statusCode).toBe(400)
    expect((await clerk.patch(`/api/admin/organizations/${org.id}`, { isActive: false })).statusCode).toBe(
      403,
    )
    const [after] = await t.database.db.select().from(organizations).where(eq(organizations.id, org.id))
    expect(after!.isActive).toBe(true)
  })
})
