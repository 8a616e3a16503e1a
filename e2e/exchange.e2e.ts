/**
 * Documents received electronically in a real browser (issue 5): the Ministry of Finance, known in
 * our directory with its exchange certificate, delivers two signed edXML packages straight to our
 * peer route. The clerk sees them in "Văn bản điện tử đến" (with the nav badge), opens one, checks
 * the header fields and the valid package signature, accepts it into the incoming register from
 * the pre-filled form and lands on the new incoming document; she refuses the other one with a
 * reason (a missing reason is refused first) and sees the decision and the status 02 sent back.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildSamplePackage,
  sampleDocumentId,
  sampleSender,
  type SampleSender,
} from '../src/server/modules/exchange/sample.ts'
import {
  DEMO_PASSWORD,
  launchBrowser,
  screenshot,
  startServer,
  type Server,
  signedInPage,
} from './support.ts'

let server: Server
let browser: Browser
const MOF = { code: '000.00.00.G12', name: 'Bộ Tài chính' }
const ACCEPTED = 'Phối hợp chia sẻ số liệu thủy văn mùa khô năm 2026 và cảnh báo xâm nhập mặn'
const REFUSED = 'Góp ý dự thảo Kế hoạch hợp tác sông Mê Công giai đoạn 2026–2030'
const ids: Record<'accepted' | 'refused', string> = { accepted: '', refused: '' }
let sender: SampleSender
let ourAgency: { code: string; name: string }

/** A session for API calls (setup only; the browser does the clerk's work). */
async function apiSession(username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`)
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const body = (await res.json()) as { csrfToken: string }
  return { cookie, csrf: body.csrfToken }
}

async function getJson<T>(session: { cookie: string }, path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: session.cookie } })
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/**
 * The Ministry of Finance as a sender we trust: its exchange certificate goes into our directory
 * (the directory form's "Chứng thư số liên thông"), then it delivers two letters it signed
 * through the peer route, as another instance of the system would.
 */
async function deliverFromMinistry(): Promise<void> {
  sender = await sampleSender(MOF.code, MOF.name)
  const admin = await apiSession('quantri')
  const config = await getJson<{ organizationCode: string; organizationName?: string }>(admin, '/api/config')
  const list = await getJson<{ items: { id: string; code: string | null }[] }>(
    admin,
    `/api/organizations?q=${encodeURIComponent(MOF.code)}`,
  )
  const mof = list.items.find((o) => o.code === MOF.code)
  if (!mof) throw new Error('Bộ Tài chính is not in the demo directory')
  const updated = await fetch(`${server.url}/api/admin/organizations/${mof.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    body: JSON.stringify({ certificatePem: sender.certificatePem }),
  })
  expect(updated.status).toBe(200)
  const to = { code: config.organizationCode, name: 'Ủy ban sông Mê Công Việt Nam' }
  ourAgency = to
  for (const [key, number, subject] of [
    ['accepted', '4512', ACCEPTED],
    ['refused', '4513', REFUSED],
  ] as const) {
    const bytes = await buildSamplePackage({
      sender,
      to,
      number,
      notation: 'BTC-VP',
      issueDate: '2026-03-12',
      subject,
      signerName: 'Nguyễn Đức Chi',
      dueDate: '2026-04-10',
    })
    ids[key] = await deliver(bytes)
  }
}

/** POST a package to our peer route, as the sender's system does. */
async function deliver(bytes: Uint8Array): Promise<string> {
  const res = await fetch(`${server.url}/api/exchange/peer/packages`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml', 'x-edxml-from': MOF.code },
    body: Buffer.from(bytes),
  })
  const text = await res.text()
  if (res.status !== 202) throw new Error(`peer delivery: ${res.status} ${text}`)
  return (JSON.parse(text) as { id: string }).id
}

/** How many packages wait for the clerk (the demo seed brings its own too). */
async function waiting(): Promise<number> {
  const clerk = await apiSession('vanthu')
  return (await getJson<{ waiting: number }>(clerk, '/api/exchange/received/counts')).waiting
}

beforeAll(async () => {
  server = await startServer({ REQUIRE_ADMIN_MFA: 'false' })
  browser = await launchBrowser()
  await deliverFromMinistry()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function signIn(username: string, width = 1366): Promise<Page> {
  return signedInPage(browser, server, username, { width, height: 900 })
}

const receivedState = (page: Page) => page.getByTestId('received-state').getAttribute('data-state')
/** expect.poll waits one second by default: enough for a click, not for a page load. */
const SLOW = { timeout: 15_000 }

describe('documents received electronically in Chromium', () => {
  it('accepts a signed package into the incoming register and refuses another with a reason', async () => {
    const page = await signIn('vanthu')

    // 1. The navigation counts the waiting packages; the list shows ours with their tags.
    const before = await waiting()
    expect(before).toBeGreaterThanOrEqual(2)
    await expect
      .poll(() => page.getByTestId('nav-exchange-received-badge').textContent(), SLOW)
      .toBe(String(before))
    await page.getByTestId('nav-exchange-received').click()
    await page.waitForURL(/\/exchange\/received$/)
    await page.getByTestId(`received-row-${ids.accepted}`).waitFor()
    expect(await page.locator('[data-testid^="received-row-"]').count()).toBe(before)
    const row = page.getByTestId(`received-row-${ids.accepted}`)
    expect(await row.textContent()).toContain('Bộ Tài chính')
    expect(await row.textContent()).toContain('4512/BTC-VP')
    expect(await row.getByTestId('exchange-signature').getAttribute('data-state')).toBe('valid')
    expect(await row.getByTestId('exchange-kind').textContent()).toBe('Văn bản mới')
    await screenshot(page, 'exchange-received-list')

    // 2. The package: header fields, the valid signature, the PDF in the viewer.
    await row.click()
    await page.waitForURL(new RegExp(`/exchange/received/${ids.accepted}$`))
    expect(await page.getByTestId('received-number').textContent()).toBe('4512/BTC-VP')
    expect(await page.getByTestId('received-subject').textContent()).toBe(ACCEPTED)
    expect(await page.getByTestId('received-from').textContent()).toContain(MOF.code)
    expect(await page.getByTestId('received-signer').textContent()).toContain('Nguyễn Đức Chi')
    expect(await page.getByTestId('received-header').textContent()).toContain('Hà Nội, 12/03/2026')
    expect(await page.getByTestId('received-header').textContent()).toContain('10/04/2026')
    expect(await page.getByTestId('received-signature-panel').getAttribute('data-state')).toBe('valid')
    expect(await page.getByTestId('received-signature').textContent()).toBe('Hợp lệ')
    expect(await page.getByTestId('received-attachment').count()).toBe(1)
    expect(await page.getByTestId('received-viewer').getAttribute('src')).toMatch(/attachments\/0\?inline=1$/)
    const pdf = await page.request.get(`${server.url}/api/exchange/received/${ids.accepted}/attachments/0`)
    expect(pdf.status()).toBe(200)
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
    expect(await receivedState(page)).toBe('received')
    await screenshot(page, 'exchange-received-package')

    // 3. "Tiếp nhận": the form is filled from the package; the clerk confirms it into the register.
    await page.getByTestId('exchange-action-accept').click()
    await page.getByTestId('exchange-accept-subject').waitFor()
    expect(await page.getByTestId('exchange-accept-subject').inputValue()).toBe(ACCEPTED)
    const register = page.locator('.ant-modal .ant-form-item').first()
    if ((await register.locator('.ant-select-selection-item').count()) === 0) {
      await page.getByTestId('exchange-accept-register').click()
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click()
    }
    await screenshot(page, 'exchange-accept-form')
    await page.getByTestId('exchange-accept-ok').click()
    await page.waitForURL(/\/documents-in\/[0-9a-f-]{36}$/)
    await expect.poll(() => page.getByTestId('doc-subject').textContent(), SLOW).toBe(ACCEPTED)
    expect(await page.getByTestId('doc-state').getAttribute('data-state')).toBe('registered')
    expect(await page.getByTestId('doc-metadata').textContent()).toContain('4512/BTC-VP')

    // The package now shows the decision and the 03 sent back.
    await page.goto(`${server.url}/exchange/received/${ids.accepted}`)
    await expect.poll(() => receivedState(page), SLOW).toBe('accepted')
    expect(await page.getByTestId('received-decided-by').textContent()).toBe('Nguyễn Thị Lan')
    expect(await page.getByTestId('received-statuses-sent').textContent()).toContain('03 · Đã tiếp nhận')
    expect(await page.getByTestId('exchange-actions').count()).toBe(0)

    // 4. The other one is refused: a reason is required, then the decision and 02 show.
    await page.goto(`${server.url}/exchange/received/${ids.refused}`)
    await page.getByTestId('exchange-action-refuse').click()
    await page.getByTestId('exchange-refuse-ok').click()
    await page.locator('.ant-modal .ant-form-item-explain-error').waitFor()
    expect(await receivedState(page)).toBe('received')
    await page
      .getByTestId('exchange-refuse-reason')
      .fill('Văn bản gửi nhầm cơ quan; đề nghị gửi Bộ Nông nghiệp và Môi trường.')
    await page.getByTestId('exchange-refuse-ok').click()
    await expect.poll(() => receivedState(page), SLOW).toBe('refused')
    expect(await page.getByTestId('received-decision-reason').textContent()).toContain('gửi nhầm cơ quan')
    expect(await page.getByTestId('received-statuses-sent').textContent()).toContain('02 · Từ chối tiếp nhận')
    await screenshot(page, 'exchange-refused')

    // 5. Ours no longer wait; the tabs sort the two out.
    await page.goto(`${server.url}/exchange/received`)
    await expect.poll(() => page.locator('[data-testid^="received-row-"]').count(), SLOW).toBe(before - 2)
    expect(await page.getByTestId(`received-row-${ids.accepted}`).count()).toBe(0)
    expect(await waiting()).toBe(before - 2)
    await page.getByTestId('received-tab-accepted').click()
    await page.getByTestId(`received-row-${ids.accepted}`).waitFor()
    await page.getByTestId('received-tab-refused').click()
    await page.getByTestId(`received-row-${ids.refused}`).waitFor()
    expect(await page.getByTestId(`received-row-${ids.refused}`).getAttribute('data-state')).toBe('refused')
    await page.context().close()
  })

  it('agrees to the recall of an accepted document after a warning; the incoming document is destroyed', async () => {
    const page = await signIn('vanthu')
    await page.goto(`${server.url}/exchange/received/${ids.accepted}`)
    await page.getByTestId('received-open-incoming').waitFor()
    const incomingPath = await page.getByTestId('received-open-incoming').getAttribute('href')
    expect(incomingPath).toMatch(/^\/documents-in\/[0-9a-f-]{36}$/)
    const recallId = await deliver(
      await buildSamplePackage({
        sender,
        to: ourAgency,
        number: '4520',
        notation: 'BTC-VP',
        issueDate: '2026-03-14',
        subject: `Thu hồi văn bản số 4512/BTC-VP: ${ACCEPTED}`,
        businessType: 1,
        targetDocumentId: sampleDocumentId({
          sender,
          issueDate: '2026-03-12',
          number: '4512',
          notation: 'BTC-VP',
        }),
        reason: 'Văn bản ban hành sai thẩm quyền',
      }),
    )
    await page.goto(`${server.url}/exchange/received/${recallId}`)
    await page.getByTestId('received-target-notice').waitFor()
    expect(await page.getByTestId('exchange-kind').first().getAttribute('data-kind')).toBe('recall')
    expect(await page.getByTestId('received-target-notice').textContent()).toContain('đề nghị thu hồi')
    expect(await page.getByTestId('received-target-link').getAttribute('href')).toBe(incomingPath)
    expect(await page.getByTestId('exchange-action-accept').textContent()).toContain('Đồng ý thu hồi')
    expect(await page.getByTestId('exchange-action-refuse').textContent()).toContain('Từ chối thu hồi')

    // The confirmation says what will be destroyed; cancelling changes nothing.
    await page.getByTestId('exchange-action-accept').click()
    await page.getByTestId('exchange-recall-warning').waitFor()
    expect(await page.getByTestId('exchange-recall-warning').textContent()).toContain(
      'siêu dữ liệu sẽ bị hủy',
    )
    await screenshot(page, 'exchange-recall-confirm')
    await page.getByTestId('exchange-recall-cancel').click()
    expect(await receivedState(page)).toBe('received')
    await page.getByTestId('exchange-action-accept').click()
    await page.getByTestId('exchange-recall-ok').click()
    await expect.poll(() => receivedState(page), SLOW).toBe('applied')
    expect(await page.getByTestId('received-decision').textContent()).toContain('Đã đồng ý thu hồi')
    expect(await page.getByTestId('received-statuses-sent').textContent()).toContain('15 · Đồng ý')
    // The package that brought the document now says it was destroyed, with no link to it.
    await page.goto(`${server.url}/exchange/received/${ids.accepted}`)
    await expect.poll(() => receivedState(page), SLOW).toBe('destroyed')
    expect(await page.getByTestId('received-open-incoming').count()).toBe(0)

    await page.goto(`${server.url}${incomingPath}`)
    await page.getByTestId('doc-error').waitFor()
    await page.context().close()
  })
})
