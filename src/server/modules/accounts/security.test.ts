/** Sign-in security: second factor, CSRF, lock-out, throttling, expiry, revocation, headers. */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginAttempts, users } from '../../platform/db/schema.ts'
import { makeOrgWithUsers, TEST_PASSWORD } from '../../test/factories.ts'
import { buildTestApp, clientFor, signIn, type TestApp } from '../../test/harness.ts'
import { currentTotp } from './index.ts'

let now = new Date('2026-11-20T02:00:00Z')
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms)
}
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ env: { REQUIRE_ADMIN_MFA: 'true' }, clock: () => now })
})
afterAll(async () => t.close())

const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress })

function cookieOf(res: Awaited<ReturnType<typeof login>>): string {
  const c = res.cookies.find((x) => x.name === 'eoffice_sid')
  if (!c) throw new Error('no cookie')
  return `eoffice_sid=${c.value}`
}

describe('two-factor authentication', () => {
  it('makes an administrator enrol before anything else, then asks for a code at every sign-in', async () => {
    const { users: u } = await makeOrgWithUsers(t.database.db, ['admin'])
    const first = await login(u.admin.username, TEST_PASSWORD)
    expect(first.statusCode).toBe(200)
    expect(first.json().mfaState).toBe('totp_setup_required')
    expect(first.json().abilities).toEqual({})
    const admin = clientFor(t.app, cookieOf(first), first.json().csrfToken)

    const refused = await admin.get('/api/admin/users')
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('MFA_SETUP_REQUIRED')

    const setup = await admin.post('/api/auth/totp/setup')
    expect(setup.statusCode).toBe(200)
    const { secret, qrDataUrl, otpauthUrl } = setup.json()
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/)
    expect(otpauthUrl).toContain('otpauth://totp/')

    const wrong = await admin.post('/api/auth/totp/enable', {
      code: '000000' === currentTotp(secret, now) ? '111111' : '000000',
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.code).toBe('MFA_INVALID_CODE')

    const enabled = await admin.post('/api/auth/totp/enable', { code: currentTotp(secret, now) })
    expect(enabled.statusCode).toBe(200)
    expect(enabled.json().mfaState).toBe('verified')
    expect((await admin.get('/api/admin/users')).statusCode).toBe(200)

    // Next sign-in: the password alone is not enough.
    advance(60_000)
    const second = await login(u.admin.username, TEST_PASSWORD)
    expect(second.json().mfaState).toBe('totp_pending')
    const pending = clientFor(t.app, cookieOf(second), second.json().csrfToken)
    const blocked = await pending.get('/api/admin/users')
    expect(blocked.statusCode).toBe(401)
    expect(blocked.json().error.code).toBe('MFA_REQUIRED')
    const code = currentTotp(secret, now)
    expect((await pending.post('/api/auth/totp/verify', { code })).statusCode).toBe(200)
    expect((await pending.get('/api/admin/users')).statusCode).toBe(200)

    // The same code cannot be replayed in another session.
    const third = await login(u.admin.username, TEST_PASSWORD)
    const replay = await clientFor(t.app, cookieOf(third), third.json().csrfToken).post(
      '/api/auth/totp/verify',
      { code },
    )
    expect(replay.statusCode).toBe(400)

    // Administrators cannot switch it off.
    const off = await admin.post('/api/auth/totp/disable', { password: TEST_PASSWORD })
    expect(off.statusCode).toBe(403)
  })

  it('stores the secret encrypted', async () => {
    const { users: u } = await makeOrgWithUsers(t.database.db, ['specialist'])
    const client = await signIn(t.app, u.specialist.username, TEST_PASSWORD)
    const { secret } = (await client.post('/api/auth/totp/setup')).json()
    const [row] = await t.database.db.select().from(users).where(eq(users.id, u.specialist.id))
    expect(row!.totpSecret).not.toContain(secret)
    expect(row!.totpSecret).toMatch(/^v1\./)
  })
})

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token, and with a wrong one', async () => {
    const { users: u } = await makeOrgWithUsers(t.database.db, ['clerk'])
    const client = await signIn(t.app, u.clerk.username, TEST_PASSWORD)
    const body = { fullName: 'Tên Mới' }
    const none = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/profile',
      payload: body,
      headers: { cookie: client.cookie },
    })
    expect(none.statusCode).toBe(403)
    expect(none.json().error.code).toBe('CSRF_INVALID')
    const wrong = await clientFor(t.app, client.cookie, 'x'.repeat(client.csrfToken.length)).patch(
      '/api/auth/profile',
      body,
    )
    expect(wrong.statusCode).toBe(403)
    const [row] = await t.database.db.select().from(users).where(eq(users.id, u.clerk.id))
    expect(row!.fullName).toBe(u.clerk.fullName)
    expect((await client.patch('/api/auth/profile', body)).statusCode).toBe(200)
  })
})

describe('lock-out and throttling', () => {
  it('locks an account after repeated failures, for a while, and logs every attempt', async () => {
    const { users: u } = await makeOrgWithUsers(t.database.db, ['specialist'])
    const name = u.specialist.username
    for (let i = 0; i < 4; i++)
      expect((await login(name, 'sai-mat-khau-1')).json().error.code).toBe('INVALID_CREDENTIALS')
    const fifth = await login(name, 'sai-mat-khau-1')
    expect(fifth.statusCode).toBe(423)
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED')
    expect((await login(name, TEST_PASSWORD)).statusCode).toBe(423)
    advance(16 * 60_000)
    expect((await login(name, TEST_PASSWORD)).statusCode).toBe(200)
    const attempts = await t.database.db.select().from(loginAttempts).where(eq(loginAttempts.username, name))
    expect(attempts.map((a) => a.reason)).toEqual(expect.arrayContaining(['wrong_password', 'locked', null]))
    expect(attempts).toHaveLength(7)
  })

  it('refuses an address after too many failures from it', async () => {
    const strict = await buildTestApp({ env: { LOGIN_IP_MAX_FAILURES: '3' }, clock: () => now })
    try {
      const { users: u } = await makeOrgWithUsers(strict.database.db, ['clerk'])
      const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`
      const go = (password: string) =>
        strict.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'khong-ton-tai', password },
          remoteAddress: ip,
        })
      for (let i = 0; i < 3; i++) expect((await go('x')).statusCode).toBe(401)
      const blocked = await strict.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.clerk.username, password: TEST_PASSWORD },
        remoteAddress: ip,
      })
      expect(blocked.statusCode).toBe(429)
      expect(blocked.json().error.code).toBe('TOO_MANY_ATTEMPTS')
    } finally {
      await strict.close()
    }
  })

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await login('khong-co-ai-ten-nay', 'mat-khau-bat-ky')
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS')
  })
})

describe('sessions', () => {
  it('expire when idle', async () => {
    const { users: u } = await makeOrgWithUsers(t.database.db, ['clerk'])
    const client = await signIn(t.app, u.clerk.username, TEST_PASSWORD)
    advance(30 * 60_000)
    expect((await client.get('/api/auth/session')).statusCode).toBe(200)
    advance(61 * 60_000)
    expect((await client.get('/api/auth/session')).statusCode).toBe(401)
  })

  it('expire at their absolute limit even when used', async () => {
    const { users: u } = await makeOrgWithUsers(t.database.db, ['clerk'])
    const client = await signIn(t.app, u.clerk.username, TEST_PASSWORD)
    for (let h = 0; h < 13; h++) {
      advance(55 * 60_000)
      expect((await client.get('/api/auth/session')).statusCode).toBe(200)
    }
    advance(6 * 60_000)
    expect((await client.get('/api/auth/session')).statusCode).toBe(401)
  })

  it('end on sign-out', async () => {
    const { users: u } = await makeOrgWithUsers(t.database.db, ['clerk'])
    const client = await signIn(t.app, u.clerk.username, TEST_PASSWORD)
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200)
    expect((await client.get('/api/auth/session')).statusCode).toBe(401)
  })

  it('a password change ends every other session and needs the current password', async () => {
    const { users: u } = await makeOrgWithUsers(t.database.db, ['clerk'])
    const a = await signIn(t.app, u.clerk.username, TEST_PASSWORD)
    const b = await signIn(t.app, u.clerk.username, TEST_PASSWORD)
    const wrong = await a.post('/api/auth/password', {
      currentPassword: 'sai',
      newPassword: 'MatKhauMoi2026x',
    })
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD')
    const weak = await a.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'ngan' })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().error.details[0].path).toContain('newPassword')
    expect(
      (await a.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'MatKhauMoi2026x' }))
        .statusCode,
    ).toBe(200)
    expect((await a.get('/api/auth/session')).statusCode).toBe(200)
    expect((await b.get('/api/auth/session')).statusCode).toBe(401)
    expect((await login(u.clerk.username, TEST_PASSWORD)).statusCode).toBe(401)
    expect((await login(u.clerk.username, 'MatKhauMoi2026x')).statusCode).toBe(200)
  })

  it('a disabled account loses its sessions and cannot sign in', async () => {
    // An app without the admin second factor, so the admin signs in with a password only.
    const strictApp = await buildTestApp({ clock: () => now })
    try {
      const { users: u } = await makeOrgWithUsers(strictApp.database.db, ['admin', 'clerk'])
      const admin = await signIn(strictApp.app, u.admin.username, TEST_PASSWORD)
      const clerk = await signIn(strictApp.app, u.clerk.username, TEST_PASSWORD)
      const res = await admin.post(`/api/admin/users/${u.clerk.id}/disable`)
      expect(res.statusCode).toBe(200)
      expect(res.json().isActive).toBe(false)
      expect((await clerk.get('/api/auth/session')).statusCode).toBe(401)
      const again = await strictApp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.clerk.username, password: TEST_PASSWORD },
      })
      expect(again.json().error.code).toBe('ACCOUNT_DISABLED')
    } finally {
      await strictApp.close()
    }
  })
})

describe('security headers', () => {
  it('sets CSP with frame-ancestors, nosniff and an httpOnly SameSite cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/config' })
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'")
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    const { users: u } = await makeOrgWithUsers(t.database.db, ['clerk'])
    const signed = await login(u.clerk.username, TEST_PASSWORD)
    const cookie = signed.cookies.find((c) => c.name === 'eoffice_sid')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Lax')
  })
})
