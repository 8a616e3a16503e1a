/**
 * The foundation in a real browser: sign in, navigate, sign out; an administrator enrols in
 * two-factor, creates a user, and that user (after changing the temporary password) is refused
 * an administration page.
 */
import { TOTP, Secret } from 'otpauth'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, launchBrowser, screenshot, startServer, type Server } from './support.ts'

let server: Server
let browser: Browser
beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function newPage(width = 1366, height = 800): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  })
  return context.newPage()
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${server.url}/login`)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

describe('the foundation in Chromium', () => {
  it('a clerk signs in, sees only what a clerk may use, navigates and signs out', async () => {
    const page = await newPage()
    await signIn(page, 'vanthu', 'sai-mat-khau-1')
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('mật khẩu')
    await signIn(page, 'vanthu', DEMO_PASSWORD)
    await page.getByTestId('nav-home').waitFor()
    expect(await page.getByTestId('nav-directory').count()).toBe(1)
    expect(await page.getByTestId('nav-admin').count()).toBe(0)
    await screenshot(page, 'clerk-home')
    await page.getByTestId('nav-directory').click()
    await page.getByText('Bộ Nông nghiệp và Môi trường').first().waitFor()
    await screenshot(page, 'clerk-directory')
    await page.getByTestId('user-menu').click()
    await page.getByTestId('logout').click()
    await page.getByTestId('login-username').waitFor()
    // The old session is gone: a protected page sends us back to sign-in.
    await page.goto(`${server.url}/directory`)
    await page.getByTestId('login-username').waitFor()
    await page.context().close()
  })

  it('an administrator enrols in two-factor, creates a user, who is then refused the admin pages', async () => {
    const page = await newPage()
    await signIn(page, 'quantri', DEMO_PASSWORD)
    const secretEl = page.getByTestId('totp-secret')
    await secretEl.waitFor()
    await screenshot(page, 'admin-totp-setup')
    const secret = (await secretEl.getAttribute('data-secret'))!
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' })
    await page
      .getByTestId('totp-code')
      .locator('input')
      .first()
      .or(page.getByTestId('totp-code'))
      .first()
      .fill(totp.generate())
    await page.getByTestId('totp-enable').click()
    await page.getByTestId('nav-admin-users').waitFor()

    await page.getByTestId('nav-admin-users').click()
    await page.getByTestId('users-create').click()
    const username = `e2e.${Date.now().toString(36)}`
    await page.getByTestId('user-form-username').fill(username)
    await page.getByTestId('user-form-fullName').fill('Trịnh Thị Thu Thảo')
    await page.getByTestId('user-form-position').fill('Chuyên viên')
    await page.getByTestId('user-form-unit').click()
    await page.keyboard.type('Kế hoạch')
    await page.keyboard.press('Enter')
    // New users start as specialists; make sure the role is chosen without toggling it off.
    await page.getByTestId('user-form-roles').click()
    const specialist = page.locator('.ant-select-item-option[title="Chuyên viên"]')
    await specialist.waitFor()
    if (!(await specialist.getAttribute('class'))?.includes('ant-select-item-option-selected'))
      await specialist.click()
    await page.getByTestId('user-form-fullName').click()
    await screenshot(page, 'admin-user-form')
    await page.getByTestId('user-form-submit').click()
    const temp = page.getByTestId('temp-password')
    await temp.waitFor()
    const temporaryPassword = (await temp.textContent())!.trim()
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{14}$/)
    await screenshot(page, 'admin-temp-password')
    await page.getByTestId('temp-password-close').click()
    await page.locator('[data-testid=users-search] input').fill(username)
    await page.keyboard.press('Enter')
    await page.getByTestId(`user-row-${username}`).waitFor()
    await page.context().close()

    const newcomer = await newPage(390, 844)
    await signIn(newcomer, username, temporaryPassword)
    await newcomer.getByTestId('password-new').waitFor()
    await newcomer.getByTestId('password-current').fill(temporaryPassword)
    await newcomer.getByTestId('password-new').fill('Mat-khau-moi-2026')
    await newcomer.getByTestId('password-confirm').fill('Mat-khau-moi-2026')
    await newcomer.getByTestId('password-submit').click()
    await newcomer.getByTestId('page-title').waitFor()
    await newcomer.goto(`${server.url}/admin/users`)
    await newcomer.getByTestId('forbidden').waitFor()
    expect(await newcomer.getByTestId('forbidden-title').textContent()).toContain('Không có quyền')
    await screenshot(newcomer, 'specialist-refused-admin')
    // The API refuses too, whatever the page shows.
    const status = await newcomer.evaluate(async () => (await fetch('/api/admin/users')).status)
    expect(status).toBe(403)
    await newcomer.context().close()
  })
})

describe('API documentation', () => {
  it('renders the OpenAPI UI under the security headers', async () => {
    const page = await newPage()
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    await page.setViewportSize({ width: 1280, height: 4000 })
    await page.goto(`${server.url}/api/docs`)
    await page.locator('.swagger-ui .opblock').first().waitFor()
    // Swagger UI renders only the operations near the viewport: a tall one shows many at once.
    await expect
      .poll(() => page.locator('.swagger-ui .opblock').count(), { timeout: 30_000 })
      .toBeGreaterThan(20)
    await page.setViewportSize({ width: 1280, height: 800 })
    await screenshot(page, 'api-docs')
    expect(errors.filter((e) => e.includes('Content Security Policy'))).toEqual([])
    await page.context().close()
  })
})
