/**
 * The access matrix: for every /api route the app registers, every role, and no session at all,
 * the guard answers as the route's declared access says. New routes are covered automatically.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, type Role } from '@common/domain'
import { GLOBAL_ACTIONS, type GlobalAction } from '@common/permissions'
import { globalCan } from '../modules/accounts/index.ts'
import { makeOrgWithUsers, TEST_PASSWORD } from './factories.ts'
import { buildTestApp, signIn, type Client, type TestApp } from './harness.ts'

let t: TestApp
const clients = {} as Record<Role, Client>
beforeAll(async () => {
  t = await buildTestApp()
  const { users } = await makeOrgWithUsers(t.database.db, [...ROLES])
  for (const role of ROLES) clients[role] = await signIn(t.app, users[role].username, TEST_PASSWORD)
})
afterAll(async () => t.close())

const ZERO_ID = '00000000-0000-4000-8000-000000000000'
const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, ZERO_ID)
const isGlobal = (a: string): a is GlobalAction => (GLOBAL_ACTIONS as readonly string[]).includes(a)

describe('access matrix', () => {
  it('covers a meaningful set of routes', () => {
    expect(t.app.routeAccess.filter((r) => r.access !== 'public').length).toBeGreaterThan(15)
  })

  it('refuses every non-public route without a session (401)', async () => {
    for (const route of t.app.routeAccess.filter((r) => r.access !== 'public')) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        payload: route.method === 'GET' ? undefined : {},
      })
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401)
    }
  })

  it('refuses each role exactly the routes its abilities do not cover (403), and lets the rest through the guard', async () => {
    const checked: string[] = []
    for (const route of t.app.routeAccess.filter((r) => isGlobal(r.access))) {
      for (const role of ROLES) {
        const res = await clients[role].request({
          method: route.method as 'GET',
          url: concrete(route.url),
          ...(route.method === 'GET' ? {} : { payload: {} }),
        })
        const allowed = globalCan({ roles: [role] }, route.access as GlobalAction)
        const label = `${role} ${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 120)}`
        if (allowed) {
          expect(res.statusCode, label).not.toBe(401)
          expect(res.json().error?.code ?? 'ok', label).not.toBe('NOT_ALLOWED')
        } else {
          expect(res.statusCode, label).toBe(403)
          expect(res.json().error.code, label).toBe('NOT_ALLOWED')
        }
        checked.push(label)
      }
    }
    expect(checked.length).toBeGreaterThan(ROLES.length * 5)
    // Every role against every route: hundreds of requests, slow on a loaded CI machine.
  }, 120_000)

  it('gives only administrators the administration abilities', () => {
    for (const role of ROLES) {
      for (const action of GLOBAL_ACTIONS.filter((a) => a.startsWith('admin.') || a === 'audit.read')) {
        expect(globalCan({ roles: [role] }, action), `${role} ${action}`).toBe(role === 'admin')
      }
    }
  })

  it('keeps partners out of the directory and uploads', () => {
    expect(globalCan({ roles: ['partner'] }, 'organizations.read')).toBe(false)
    expect(globalCan({ roles: ['partner'] }, 'files.upload')).toBe(false)
  })
})
