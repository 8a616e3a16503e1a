import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, signIn, type TestApp } from '../../test/harness.ts'
import { makeOrgWithUsers, TEST_PASSWORD } from '../../test/factories.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

describe('sign-in', () => {
  it('opens a session and returns the user with abilities', async () => {
    const { users } = await makeOrgWithUsers(t.database.db, ['clerk'])
    const client = await signIn(t.app, users.clerk.username, TEST_PASSWORD)
    const res = await client.get('/api/auth/session')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.user.username).toBe(users.clerk.username)
    expect(body.mfaState).toBe('verified')
    expect(body.abilities['organizations.read']).toBe(true)
    expect(body.abilities['admin.users.manage']).toBe(false)
  })

  it('refuses a wrong password with a clear 401', async () => {
    const { users } = await makeOrgWithUsers(t.database.db, ['clerk'])
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: users.clerk.username, password: 'nope' },
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS')
  })
})
