import { and, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events, organizations } from '../../platform/db/schema.ts'
import { makeOrganization, makeOrgWithUsers, TEST_PASSWORD } from '../../test/factories.ts'
import { buildTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts'
import { ensureOwnOrganization } from './own-organization.test-support.ts'

let t: TestApp
let admin: Client
let adminId: string
let clerk: Client
beforeAll(async () => {
  t = await buildTestApp()
  const { users } = await makeOrgWithUsers(t.database.db, ['admin', 'clerk'])
  adminId = users.admin.id
  admin = await signIn(t.app, users.admin.username, TEST_PASSWORD)
  clerk = await signIn(t.app, users.clerk.username, TEST_PASSWORD)
})
afterAll(async () => t.close())

/** Unique, valid organization codes for one test (the letter 'Y' keeps them apart from the factories'). */
function codes(n: number): string[] {
  const base = Math.floor(Math.random() * 900) + 100
  const group = String(Math.floor(Math.random() * 100)).padStart(2, '0')
  return Array.from(
    { length: n },
    (_, i) =>
      `${base}.${group}.${String(i).padStart(2, '0')}.Y${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`,
  )
}

function byCodes(list: string[]) {
  return t.database.db.select().from(organizations).where(inArray(organizations.code, list))
}

async function importEvents(since: number) {
  return t.database.db
    .select()
    .from(events)
    .where(
      and(
        eq(events.actorId, adminId),
        sql`${events.id} > ${since}`,
        sql`${events.action} LIKE 'organization.%'`,
      ),
    )
    .orderBy(events.id)
}

async function lastEventId(): Promise<number> {
  const [row] = await t.database.db.select({ max: sql<number>`coalesce(max(${events.id}), 0)` }).from(events)
  return Number(row!.max)
}

describe('POST /api/admin/organizations/import', () => {
  it('dry-runs a Vietnamese CSV with diacritics: counts, no change, no event', async () => {
    const [a, b] = codes(2)
    const csv = `ma_dinh_danh,ten,ten_viet_tat,loai\n${a},Bộ Nông nghiệp và Phát triển nông thôn,BNNPTNT,Bộ\n${b},Ủy ban nhân dân tỉnh Đồng Tháp,,Tỉnh\n`
    const since = await lastEventId()
    const res = await admin.post('/api/admin/organizations/import', { csv, dryRun: true })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ dryRun: true, created: 2, updated: 0, unchanged: 0, errors: [] })
    expect(await byCodes([a!, b!])).toHaveLength(0)
    expect(await importEvents(since)).toHaveLength(0)
  })

  it('imports for real: creates, updates and leaves unchanged rows alone, with one event each and a summary', async () => {
    const [newCode, changedCode, sameCode] = codes(3)
    const changed = await makeOrganization(t.database.db, {
      code: changedCode,
      name: 'Sở cũ',
      kind: 'province',
      email: 'cu@example.vn',
    })
    const same = await makeOrganization(t.database.db, {
      code: sameCode,
      name: 'Bộ Ngoại giao',
      kind: 'ministry',
    })
    const csv = [
      'code,name,short_name,kind,email,phone,address',
      `${newCode},Ủy hội sông Mê Công quốc tế,MRC,international,mrc@example.org,,"Viêng Chăn, Lào"`,
      `${changedCode},Sở Tài nguyên và Môi trường An Giang,,province,,0296 385,`,
      `${sameCode},Bộ Ngoại giao,,ministry,,,`,
    ].join('\r\n')
    const since = await lastEventId()
    const res = await admin.post('/api/admin/organizations/import', { csv, dryRun: false })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ dryRun: false, created: 1, updated: 1, unchanged: 1, errors: [] })

    const rows = await byCodes([newCode!, changedCode!, sameCode!])
    const created = rows.find((r) => r.code === newCode)!
    expect(created).toMatchObject({
      name: 'Ủy hội sông Mê Công quốc tế',
      shortName: 'MRC',
      kind: 'international',
      address: 'Viêng Chăn, Lào',
      isOwn: false,
    })
    // An empty cell keeps the current value (the email); a filled one replaces it.
    expect(rows.find((r) => r.id === changed.id)).toMatchObject({
      name: 'Sở Tài nguyên và Môi trường An Giang',
      email: 'cu@example.vn',
      phone: '0296 385',
    })

    const recorded = await importEvents(since)
    expect(recorded.map((e) => [e.action, e.targetId])).toEqual([
      ['organization.created', created.id],
      ['organization.updated', changed.id],
      ['organization.imported', null],
    ])
    expect(recorded[1]!.data).toMatchObject({
      before: { name: 'Sở cũ' },
      after: { name: 'Sở Tài nguyên và Môi trường An Giang' },
      source: 'import',
    })
    expect(recorded[2]!.data).toEqual({ created: 1, updated: 1, unchanged: 1, rows: 3 })
    expect(recorded.some((e) => e.targetId === same.id)).toBe(false)
  })

  it('reports bad rows by line with Vietnamese messages on a dry run', async () => {
    const [good, dup, own] = codes(3)
    const ownOrg = await ensureOwnOrganization(t.database.db)
    const csv = [
      'Mã định danh;Tên;Loại;Email',
      `${good};Tỉnh Kiên Giang;tinh;`,
      ';Thiếu mã;other;',
      `${dup};A;other;`,
      `${dup!.toLowerCase()};Bộ Y tế;Bộ;khong-phai-email`,
      `${good};Trùng dòng 2;other;`,
      `${own};Cơ quan lạ;hành tinh;`,
      ...(ownOrg.code ? [`${ownOrg.code};Sửa cơ quan mình;other;`] : []),
    ].join('\n')
    const res = await admin.post('/api/admin/organizations/import', { csv, dryRun: true })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ dryRun: true, created: 1 })
    const messages = Object.fromEntries(
      body.errors.map((e: { line: number; message: string }) => [e.line, e.message]),
    )
    expect(messages[3]).toMatch(/Mã định danh: bắt buộc/)
    expect(messages[4]).toMatch(/Tên cơ quan: cần ít nhất 2 ký tự/)
    expect(messages[5]).toMatch(/Email: địa chỉ email không hợp lệ/)
    expect(messages[6]).toMatch(/trùng với dòng 2/)
    expect(messages[7]).toMatch(/Loại: không hợp lệ/)
    if (ownOrg.code) expect(messages[8]).toMatch(/cơ quan của mình/)
  })

  it('imports nothing when a real run has any bad row (all or nothing) and answers CSV_INVALID', async () => {
    const [good, bad] = codes(2)
    const csv = `code,name\n${good},Tỉnh Sóc Trăng\n${bad},X\n`
    const since = await lastEventId()
    const res = await admin.post('/api/admin/organizations/import', { csv, dryRun: false })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('CSV_INVALID')
    expect(res.json().error.details).toEqual([
      { path: 'line.3', message: expect.stringMatching(/Tên cơ quan/) },
    ])
    expect(await byCodes([good!, bad!])).toHaveLength(0)
    expect(await importEvents(since)).toHaveLength(0)
  })

  it('refuses an unreadable file, a missing column, bad bodies and non-administrators', async () => {
    const missing = await admin.post('/api/admin/organizations/import', {
      csv: 'ten,loai\nBộ A,Bộ\n',
      dryRun: true,
    })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error).toMatchObject({
      code: 'CSV_INVALID',
      message: expect.stringMatching(/code/),
    })
    expect((await admin.post('/api/admin/organizations/import', { csv: '' })).statusCode).toBe(400)
    expect(
      (await admin.post('/api/admin/organizations/import', { csv: 'code,name', dryRun: 'yes' })).statusCode,
    ).toBe(400)
    expect(
      (await admin.post('/api/admin/organizations/import', { csv: 'code,name', extra: 1 })).statusCode,
    ).toBe(400)
    const refused = await clerk.post('/api/admin/organizations/import', { csv: 'code,name\n', dryRun: true })
    expect(refused.statusCode).toBe(403)
  })
})
