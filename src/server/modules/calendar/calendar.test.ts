import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calendarDays, events } from '../../platform/db/schema.ts'
import { makeOrgWithUsers, TEST_PASSWORD } from '../../test/factories.ts'
import { buildTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts'
import { addWorkingDays, isWorkingDay } from './index.ts'

// The calendar is one table for the whole system and test files share a PostgreSQL database:
// this file only touches March 2190 (Mon 1, Tue 2, Wed 3, Sat 6, Sun 7, Mon 8).
let t: TestApp
let admin: Client
let clerk: Client
beforeAll(async () => {
  t = await buildTestApp()
  const people = (await makeOrgWithUsers(t.database.db, ['admin', 'clerk'])).users
  admin = await signIn(t.app, people.admin.username, TEST_PASSWORD)
  clerk = await signIn(t.app, people.clerk.username, TEST_PASSWORD)
})
afterAll(async () => t.close())

const put = (c: Client, date: string, body: unknown) =>
  c.request({ method: 'PUT', url: `/api/calendar/days/${date}`, payload: body as object })

function dayEvents(date: string) {
  return t.database.db
    .select()
    .from(events)
    .where(and(eq(events.targetType, 'calendarDay'), eq(events.targetId, date)))
    .orderBy(events.id)
}

describe('calendar days', () => {
  it('lets the administrator add, rename and remove a holiday, recording before and after', async () => {
    const created = await put(admin, '2190-03-02', { kind: 'holiday', name: ' Ngày nghỉ thử ' })
    expect(created.statusCode, created.body).toBe(200)
    expect(created.json()).toMatchObject({
      date: '2190-03-02',
      kind: 'holiday',
      name: 'Ngày nghỉ thử',
      abilities: { update: true, remove: true },
    })
    const renamed = await put(admin, '2190-03-02', { kind: 'holiday', name: 'Ngày nghỉ đã sửa' })
    expect(renamed.json().name).toBe('Ngày nghỉ đã sửa')
    // The same values again change nothing and record nothing.
    expect((await put(admin, '2190-03-02', { kind: 'holiday', name: 'Ngày nghỉ đã sửa' })).statusCode).toBe(
      200,
    )

    const list = await clerk.get('/api/calendar/days?year=2190')
    expect(list.statusCode).toBe(200)
    expect(list.json()).toMatchObject({ year: 2190, abilities: { manage: false } })
    expect(list.json().items.find((d: { date: string }) => d.date === '2190-03-02')).toMatchObject({
      name: 'Ngày nghỉ đã sửa',
      abilities: { update: false, remove: false },
    })
    expect((await admin.get('/api/calendar/days?year=2190')).json().abilities.manage).toBe(true)

    const removed = await admin.delete('/api/calendar/days/2190-03-02')
    expect(removed.statusCode).toBe(200)
    expect((await admin.delete('/api/calendar/days/2190-03-02')).statusCode).toBe(404)

    const recorded = await dayEvents('2190-03-02')
    expect(recorded.map((e) => e.action)).toEqual([
      'calendar.dayChanged',
      'calendar.dayChanged',
      'calendar.dayRemoved',
    ])
    expect(recorded[0]!.data).toEqual({ before: null, after: { kind: 'holiday', name: 'Ngày nghỉ thử' } })
    expect(recorded[1]!.data).toEqual({
      before: { kind: 'holiday', name: 'Ngày nghỉ thử' },
      after: { kind: 'holiday', name: 'Ngày nghỉ đã sửa' },
    })
    expect(recorded[2]!.data).toEqual({ before: { kind: 'holiday', name: 'Ngày nghỉ đã sửa' } })
  })

  it('counts deadlines on the stored calendar, through the route and the module functions', async () => {
    expect((await put(admin, '2190-03-02', { kind: 'holiday', name: 'Nghỉ' })).statusCode).toBe(200)
    expect((await put(admin, '2190-03-06', { kind: 'working_day', name: 'Làm bù' })).statusCode).toBe(200)
    // Monday 1 + 1: Tuesday 2 is a holiday → Wednesday 3. + 4: Thu 4, Fri 5, Sat 6 (worked) → Saturday 6.
    const ask = (from: string, n: number) => clerk.get(`/api/calendar/deadline?from=${from}&workingDays=${n}`)
    expect((await ask('2190-03-01', 1)).json()).toEqual({ date: '2190-03-03' })
    expect((await ask('2190-03-01', 4)).json()).toEqual({ date: '2190-03-06' })
    expect((await ask('2190-03-02', 0)).json()).toEqual({ date: '2190-03-03' })
    expect((await ask('2190-03-07', 0)).json()).toEqual({ date: '2190-03-08' })
    expect(await addWorkingDays(t.database.db, '2190-03-01', 5)).toBe('2190-03-08')
    expect(await isWorkingDay(t.database.db, '2190-03-02')).toBe(false)
    expect(await isWorkingDay(t.database.db, '2190-03-06')).toBe(true)
    expect(await isWorkingDay(t.database.db, '2190-03-07')).toBe(false)
  })

  it('refuses non-administrators, strangers and bad input', async () => {
    const refused = await put(clerk, '2190-03-01', { kind: 'holiday', name: 'Không được' })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('NOT_ALLOWED')
    expect((await clerk.delete('/api/calendar/days/2190-03-02')).statusCode).toBe(403)
    const [row] = await t.database.db.select().from(calendarDays).where(eq(calendarDays.date, '2190-03-01'))
    expect(row).toBeUndefined()
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/days?year=2190' })).statusCode).toBe(401)
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/calendar/deadline?from=2190-03-01&workingDays=1' }))
        .statusCode,
    ).toBe(401)

    for (const date of ['2190-02-30', '2190-13-01', '190-03-01', 'homnay', '1999-12-31']) {
      const res = await put(admin, date, { kind: 'holiday', name: 'Sai ngày' })
      expect(res.statusCode, date).toBe(400)
      expect(res.json().error.code).toBe('VALIDATION_FAILED')
    }
    expect((await put(admin, '2190-03-01', { kind: 'ngay_le', name: 'X' })).statusCode).toBe(400)
    expect((await put(admin, '2190-03-01', { kind: 'holiday', name: '  ' })).statusCode).toBe(400)
    expect((await put(admin, '2190-03-01', { kind: 'holiday', name: 'X', extra: 1 })).statusCode).toBe(400)
    const weekdayWorked = await put(admin, '2190-03-01', { kind: 'working_day', name: 'Làm bù' })
    expect(weekdayWorked.statusCode).toBe(400)
    expect(weekdayWorked.json().error.details).toEqual([
      { path: 'kind', message: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật' },
    ])
    expect((await admin.get('/api/calendar/days?year=abc')).statusCode).toBe(400)
    expect((await admin.get('/api/calendar/days')).statusCode).toBe(400)
    expect((await clerk.get('/api/calendar/deadline?from=2190-02-30&workingDays=1')).statusCode).toBe(400)
    expect((await clerk.get('/api/calendar/deadline?from=2190-03-01&workingDays=-1')).statusCode).toBe(400)
    expect((await clerk.get('/api/calendar/deadline?from=2190-03-01&workingDays=1.5')).statusCode).toBe(400)
    expect(
      await t.database.db
        .select()
        .from(calendarDays)
        .where(inArray(calendarDays.date, ['2190-03-01'])),
    ).toHaveLength(0)
  })
})
