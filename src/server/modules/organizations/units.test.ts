import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events, units, users } from '../../platform/db/schema.ts'
import { makeOrgWithUsers, makeUnit, makeUser, TEST_PASSWORD, uniq } from '../../test/factories.ts'
import { buildTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts'
import { ensureOwnOrganization } from './own-organization.test-support.ts'

type UnitBody = {
  id: string
  parentId: string | null
  code: string
  name: string
  sortOrder: number
  isActive: boolean
  userCount: number
  abilities: { update: boolean; disable: boolean }
}

let t: TestApp
let admin: Client
let clerk: Client
let ownId: string
beforeAll(async () => {
  t = await buildTestApp()
  ownId = (await ensureOwnOrganization(t.database.db)).id
  const people = (await makeOrgWithUsers(t.database.db, ['admin', 'clerk'])).users
  admin = await signIn(t.app, people.admin.username, TEST_PASSWORD)
  clerk = await signIn(t.app, people.clerk.username, TEST_PASSWORD)
})
afterAll(async () => t.close())

async function createUnit(body: Record<string, unknown>): Promise<UnitBody> {
  const res = await admin.post('/api/admin/units', { code: uniq('P'), name: `Phòng ${uniq()}`, ...body })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

function unitEvents(id: string) {
  return t.database.db
    .select()
    .from(events)
    .where(and(eq(events.targetType, 'unit'), eq(events.targetId, id)))
    .orderBy(events.id)
}

describe('units of our organization', () => {
  it('creates a tree and lists it flat, ordered by sortOrder then Vietnamese name, with user counts', async () => {
    const root = await createUnit({ name: `Văn phòng ${uniq()}`, sortOrder: 8999 })
    const b = await createUnit({ parentId: root.id, name: 'Phòng Đào tạo', sortOrder: 9001 })
    const a = await createUnit({ parentId: root.id, name: 'Phòng Dự án', sortOrder: 9001 })
    const c = await createUnit({ parentId: root.id, name: 'Phòng Ăn uống', sortOrder: 9000 })
    await makeUser(t.database.db, { roles: ['specialist'], organizationId: ownId, unitId: a.id })

    const res = await clerk.get('/api/units')
    expect(res.statusCode).toBe(200)
    const items: UnitBody[] = res.json().items
    const mine = items.filter((u) => [root.id, a.id, b.id, c.id].includes(u.id))
    // 'D' sorts before 'Đ' in Vietnamese; the same sortOrder falls back to the name.
    expect(mine.map((u) => u.id)).toEqual([root.id, c.id, a.id, b.id])
    expect(mine.find((u) => u.id === a.id)).toMatchObject({
      parentId: root.id,
      userCount: 1,
      abilities: { update: false, disable: false },
    })
    const orders = items.map((u) => u.sortOrder)
    expect(orders).toEqual([...orders].sort((x, y) => x - y))

    const asAdmin: UnitBody[] = (await admin.get('/api/units')).json().items
    expect(asAdmin.find((u) => u.id === root.id)!.abilities).toEqual({ update: true, disable: false })
    expect(asAdmin.find((u) => u.id === b.id)!.abilities).toEqual({ update: true, disable: true })
    expect(asAdmin.find((u) => u.id === a.id)!.abilities).toEqual({ update: true, disable: false })
  })

  it('lists only units of our organization', async () => {
    const other = await makeOrgWithUsers(t.database.db, [])
    const items: UnitBody[] = (await clerk.get('/api/units')).json().items
    expect(items.some((u) => u.id === other.unit.id)).toBe(false)
  })

  it('records created and updated events with before and after; PATCH keeps fields left out', async () => {
    const unit = await createUnit({ sortOrder: 42, shortName: 'KH' })
    const res = await admin.patch(`/api/admin/units/${unit.id}`, { name: 'Phòng Kế hoạch – Tài chính' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ name: 'Phòng Kế hoạch – Tài chính', sortOrder: 42 })
    const recorded = await unitEvents(unit.id)
    expect(recorded.map((e) => e.action)).toEqual(['unit.created', 'unit.updated'])
    expect(recorded[1]!.data).toMatchObject({
      before: { name: unit.name, sortOrder: 42 },
      after: { name: 'Phòng Kế hoạch – Tài chính', sortOrder: 42 },
    })
  })

  it('refuses a parent that would make a cycle, and an unknown or foreign parent', async () => {
    const top = await createUnit({})
    const mid = await createUnit({ parentId: top.id })
    const leaf = await createUnit({ parentId: mid.id })
    for (const parentId of [top.id, leaf.id]) {
      const res = await admin.patch(`/api/admin/units/${top.id}`, { parentId })
      expect(res.statusCode).toBe(409)
      expect(res.json().error).toMatchObject({ code: 'UNIT_CYCLE', details: [{ path: 'parentId' }] })
    }
    const foreign = await makeOrgWithUsers(t.database.db, [])
    const unknown = await admin.patch(`/api/admin/units/${leaf.id}`, { parentId: foreign.unit.id })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details[0].path).toBe('parentId')
    const [row] = await t.database.db.select().from(units).where(eq(units.id, top.id))
    expect(row!.parentId).toBeNull()
    // Moving to the root is fine.
    expect((await admin.patch(`/api/admin/units/${leaf.id}`, { parentId: null })).json().parentId).toBeNull()
  })

  it('refuses disabling a unit with active sub-units or users, then allows it once empty', async () => {
    const parent = await createUnit({})
    const child = await createUnit({ parentId: parent.id })
    const withChildren = await admin.patch(`/api/admin/units/${parent.id}`, { isActive: false })
    expect(withChildren.statusCode).toBe(409)
    expect(withChildren.json().error.code).toBe('UNIT_HAS_CHILDREN')

    const user = await makeUser(t.database.db, {
      roles: ['specialist'],
      organizationId: ownId,
      unitId: child.id,
    })
    const withUsers = await admin.patch(`/api/admin/units/${child.id}`, { isActive: false })
    expect(withUsers.statusCode).toBe(409)
    expect(withUsers.json().error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/active user/),
    })

    // Disabled accounts do not hold a unit open.
    await makeUser(t.database.db, {
      roles: ['specialist'],
      organizationId: ownId,
      unitId: child.id,
      isActive: false,
    })
    await t.database.db.update(users).set({ isActive: false }).where(eq(users.id, user.id))
    expect((await admin.patch(`/api/admin/units/${child.id}`, { isActive: false })).json().isActive).toBe(
      false,
    )
    const disabled = await admin.patch(`/api/admin/units/${parent.id}`, { isActive: false })
    expect(disabled.statusCode).toBe(200)
    expect((await unitEvents(parent.id)).map((e) => e.action)).toEqual(['unit.created', 'unit.disabled'])

    const underDisabled = await admin.post('/api/admin/units', {
      code: uniq('P'),
      name: 'Phòng mới',
      parentId: parent.id,
    })
    expect(underDisabled.statusCode).toBe(400)
    const enableChild = await admin.patch(`/api/admin/units/${child.id}`, { isActive: true })
    expect(enableChild.statusCode).toBe(400)
  })

  it('keeps unit codes unique within the organization', async () => {
    const unit = await createUnit({})
    const dup = await admin.post('/api/admin/units', { code: unit.code, name: 'Phòng trùng mã' })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().error).toMatchObject({ code: 'CONFLICT', details: [{ path: 'code' }] })
    const other = await createUnit({})
    expect((await admin.patch(`/api/admin/units/${other.id}`, { code: unit.code })).statusCode).toBe(409)
  })

  it('refuses bad input, foreign units and non-administrators', async () => {
    expect((await admin.post('/api/admin/units', { name: 'Phòng không mã' })).statusCode).toBe(400)
    expect((await admin.post('/api/admin/units', { code: 'có dấu', name: 'Phòng X' })).statusCode).toBe(400)
    expect(
      (await admin.post('/api/admin/units', { code: uniq('P'), name: 'Phòng X', organizationId: ownId }))
        .statusCode,
    ).toBe(400)
    expect(
      (await admin.post('/api/admin/units', { code: uniq('P'), name: 'Phòng X', sortOrder: '1' })).statusCode,
    ).toBe(400)
    const foreign = await makeUnit(t.database.db, (await makeOrgWithUsers(t.database.db, [])).organization.id)
    const res = await admin.patch(`/api/admin/units/${foreign.id}`, { name: 'Không phải của mình' })
    expect(res.statusCode).toBe(404)
    expect(
      (await admin.patch('/api/admin/units/00000000-0000-4000-8000-000000000000', { name: 'Phòng X' }))
        .statusCode,
    ).toBe(404)
    const code = uniq('P')
    const refused = await clerk.post('/api/admin/units', { code, name: 'Phòng của văn thư' })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('NOT_ALLOWED')
    expect(await t.database.db.select().from(units).where(eq(units.code, code))).toHaveLength(0)
    expect((await t.app.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401)
  })
})
