/**
 * Search in a real browser (issue 6, "Done means"). The demo data (src/server/seed/demo-documents.ts)
 * holds the forecast "Thông báo dự báo xâm nhập mặn vùng đồng bằng sông Cửu Long mùa khô 2026"
 * (88/TB-DBQG) among other letters; the clerk registers two more about salinity, from other senders
 * and years. She types a query WITHOUT diacritics in the header box, sees the suggestions, searches,
 * filters by year and by sender through the facets, steps back and forth through the URL state,
 * opens the forecast and sees the highlighted matches; a report with a PDF shows its passages. A
 * specialist of another unit finds only the letter assigned to him. Phone width too.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleLetterPdf } from '../src/server/modules/exchange/sample.ts'
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
/** The demo forecast and the query typed without diacritics. */
const DEMO_NUMBER = '88/TB-DBQG'
const DEMO_SUBJECT = 'Thông báo dự báo xâm nhập mặn vùng đồng bằng sông Cửu Long mùa khô 2026'
const DEMO_SENDER = 'Trung tâm Dự báo khí tượng thủy văn quốc gia'
const QUERY = 'xam nhap man cuu long'
const ids = { demo: '', older: '', assigned: '' }
/** expect.poll waits one second by default: enough for a click, not for a page load. */
const SLOW = { timeout: 20_000 }

type Session = { cookie: string; csrf: string; userId: string }

async function apiSession(username: string): Promise<Session> {
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
  const body = (await res.json()) as { csrfToken: string; user: { id: string } }
  return { cookie, csrf: body.csrfToken, userId: body.user.id }
}

async function call<T>(s: Session, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`)
  return JSON.parse(text) as T
}

/** Ask again until the answer is right (expect.poll works only inside a test, not in hooks). */
async function waitUntil<T>(what: string, ask: () => Promise<T>, isDone: (v: T) => boolean, ms: number) {
  const deadline = Date.now() + ms
  let last: T | undefined
  while (Date.now() < deadline) {
    last = await ask()
    if (isDone(last)) return
    await new Promise((r) => setTimeout(r, 1_000))
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${ms} ms`)
}

/** A PDF with the report's text, uploaded as a clerk does before registering (its text is extracted at once). */
async function uploadReport(s: Session): Promise<string> {
  const pdf = await sampleLetterPdf([
    'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH CÀ MAU',
    'BÁO CÁO',
    'Tình hình xâm nhập mặn và hạn hán vùng đồng bằng sông Cửu Long mùa khô 2024–2025',
    '',
    'Trong mùa khô 2024–2025, xâm nhập mặn xuất hiện sớm hơn trung bình nhiều năm khoảng một tháng.',
    'Ranh mặn 4 g/l vào sâu 50 đến 60 km trên các cửa sông Tiền và sông Hậu.',
    'Đề nghị Ủy ban sông Mê Công Việt Nam chia sẻ số liệu dự báo mực nước và độ mặn hằng tuần.',
  ])
  const form = new FormData()
  form.append('files', new Blob([Buffer.from(pdf)], { type: 'application/pdf' }), '318-SNNMT-TL.pdf')
  const res = await fetch(`${server.url}/api/files`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
  })
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { items: { id: string }[] }).items[0]!.id
}

type Found = { total: number; items: { id: string }[] }
const searchAs = (s: Session, q: string) => call<Found>(s, 'GET', `/api/search?q=${encodeURIComponent(q)}`)

/**
 * The clerk finds the demo forecast's id and registers two more letters (2025 with a PDF, and one
 * she submits to the chair, who assigns it to Bùi Văn Nam of the planning unit). The index follows
 * the events after commit: wait until it holds them.
 */
async function prepareDocuments(): Promise<void> {
  const clerk = await apiSession('vanthu')
  const leader = await apiSession('chutich')
  const specialist = await apiSession('chuyenvien.nam')
  const list = await call<{ items: { id: string; numberAndNotation: string | null }[] }>(
    clerk,
    'GET',
    `/api/documents-in?q=${encodeURIComponent(DEMO_NUMBER)}`,
  )
  ids.demo = list.items.find((d) => d.numberAndNotation === DEMO_NUMBER)?.id ?? ''
  if (!ids.demo) throw new Error(`the demo forecast ${DEMO_NUMBER} is not registered`)
  const registers = await call<{ items: { id: string }[] }>(clerk, 'GET', '/api/registers?kind=incoming')
  const registerId = registers.items[0]!.id
  const older = await call<{ id: string }>(clerk, 'POST', '/api/documents-in', {
    registerId,
    arrivedAt: '2025-03-12T09:00:00+07:00',
    senderName: 'Sở Nông nghiệp và Môi trường tỉnh Cà Mau',
    numberAndNotation: '318/SNNMT-TL',
    issueDate: '2025-03-10',
    documentType: 'BC',
    subject: 'Báo cáo tình hình xâm nhập mặn và hạn hán vùng đồng bằng sông Cửu Long mùa khô 2024–2025',
    signerName: 'Lê Văn Sử',
    fileIds: [await uploadReport(clerk)],
  })
  ids.older = older.id
  const assigned = await call<{ id: string }>(clerk, 'POST', '/api/documents-in', {
    registerId,
    senderName: 'Viện Khoa học Thủy lợi miền Nam',
    numberAndNotation: '77/VKHTLMN-KH',
    issueDate: '2026-11-20',
    documentType: 'KH',
    subject: 'Kế hoạch quan trắc xâm nhập mặn vùng đồng bằng sông Cửu Long mùa khô 2026–2027',
    signerName: 'Nguyễn Nghĩa Hùng',
  })
  ids.assigned = assigned.id
  await call(clerk, 'POST', `/api/documents-in/${assigned.id}/submit`, { leaderId: leader.userId })
  await call(leader, 'POST', `/api/documents-in/${assigned.id}/assign`, {
    directive: 'Giao Ban Kế hoạch - Tổng hợp theo dõi, tổng hợp số liệu.',
    lead: { userId: specialist.userId },
  })
  await waitUntil(
    'the clerk finds the three letters',
    async () => (await searchAs(clerk, QUERY)).items.map((i) => i.id),
    (found) => [ids.demo, ids.older, ids.assigned].every((id) => found.includes(id)),
    60_000,
  )
  await waitUntil(
    'the specialist finds the letter assigned to him',
    async () => (await searchAs(specialist, QUERY)).items.map((i) => i.id).join(),
    (found) => found === ids.assigned,
    60_000,
  )
  // The report's PDF text comes from the extraction job (started by the registration), then goes to
  // the index.
  const highlight = `/api/search/highlight?kind=documentIn&id=${ids.older}&q=${encodeURIComponent(QUERY)}`
  await waitUntil(
    "the report's text is indexed",
    async () => (await call<{ passages: unknown[] }>(clerk, 'GET', highlight)).passages.length,
    (n) => n > 0,
    90_000,
  )
}

beforeAll(async () => {
  server = await startServer({ REQUIRE_ADMIN_MFA: 'false' })
  browser = await launchBrowser()
})
beforeAll(prepareDocuments, 240_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function signIn(username: string, width = 1280): Promise<Page> {
  return signedInPage(browser, server, username, { width, height: 900 })
}

/** The ids of the hits shown, once the page shows the answer to its current URL (not the previous one). */
async function hitIds(page: Page): Promise<string[]> {
  if ((await page.locator('.search-results.is-stale').count()) > 0) return ['(loading)']
  return page
    .getByTestId('search-hit')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? '').sort())
}
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name)

async function pickFacet(page: Page, facet: string, value: string): Promise<void> {
  await page.getByTestId(`search-facet-${facet}`).locator(`[data-value="${value}"]`).click()
}

describe('search in Chromium', () => {
  it('finds a document typed without diacritics, filters by year and sender, and shows its matches', async () => {
    const page = await signIn('vanthu')

    // 1. The header box suggests documents as she types, without diacritics.
    await page.getByTestId('header-search-input').fill('xam nhap man')
    await expect.poll(() => page.getByTestId('search-suggestion').count(), SLOW).toBeGreaterThanOrEqual(3)
    const suggestion = page.locator(`[data-testid="search-suggestion"][data-id="${ids.demo}"]`)
    // On a loaded machine the list may still be the answer to an earlier keystroke.
    await expect.poll(() => suggestion.count(), SLOW).toBe(1)
    expect(await suggestion.textContent()).toContain(DEMO_NUMBER)
    expect(await suggestion.locator('mark').first().textContent()).toBe('xâm nhập mặn')
    await screenshot(page, 'search-suggestions-1280')

    // 2. Enter searches everything for what she typed.
    await page.getByTestId('header-search-input').fill(QUERY)
    await page.getByTestId('header-search-input').press('Enter')
    await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === QUERY)
    // The demo decision 1873/QĐ-BNNMT may be there too (its PDF text says "xâm nhập mặn").
    await expect
      .poll(() => hitIds(page), SLOW)
      .toEqual(expect.arrayContaining([ids.demo, ids.older, ids.assigned]))
    expect(await page.getByTestId('search-count').textContent()).toMatch(/^\d+ kết quả \(\d+,\d\d giây\)$/)
    expect(await page.getByTestId('search-understood-words').textContent()).toBe('từxamnhapmancuulong')
    const demoHit = page.locator(`[data-testid="search-hit"][data-id="${ids.demo}"]`)
    expect(await demoHit.getByTestId('search-hit-link').textContent()).toBe(DEMO_SUBJECT)
    expect(await demoHit.locator('.search-hit-title mark').allTextContents()).toEqual([
      'xâm nhập mặn',
      'Cửu Long',
    ])
    expect(await demoHit.getByTestId('search-hit-kind').textContent()).toBe('Văn bản đến')
    expect(await demoHit.getByTestId('search-hit-number').textContent()).toBe(DEMO_NUMBER)
    expect(await demoHit.getByTestId('search-hit-sender').textContent()).toBe(DEMO_SENDER)
    expect(await demoHit.getByTestId('search-hit-state').textContent()).toBe('Đã đăng ký')
    expect(await page.getByTestId('search-facet-year').textContent()).toContain('2025')

    // 3. Facets: the year, then the sender; each is a removable tag and a part of the URL.
    await pickFacet(page, 'year', '2026')
    // Wait for the filtered list itself: the unfiltered one also holds these two (and the older one).
    await expect
      .poll(async () => {
        const hits = await hitIds(page)
        return hits.includes(ids.older) ? ['(the list before the facet)'] : hits
      }, SLOW)
      .toEqual(expect.arrayContaining([ids.demo, ids.assigned]))
    expect(param(page, 'year')).toBe('2026')
    expect(await page.getByTestId('search-active-year').textContent()).toBe('Năm: 2026')
    await pickFacet(page, 'sender', DEMO_SENDER)
    await expect.poll(() => hitIds(page), SLOW).toEqual([ids.demo])
    expect(param(page, 'sender')).toBe(DEMO_SENDER)
    expect(await page.getByTestId('search-count').textContent()).toMatch(/^1 kết quả/)
    await screenshot(page, 'search-results-1280')

    // The Back button steps through the searches; Forward returns.
    await page.goBack()
    await expect.poll(() => hitIds(page), SLOW).toEqual(expect.arrayContaining([ids.demo, ids.assigned]))
    expect(param(page, 'sender')).toBeNull()
    await page.goForward()
    await expect.poll(() => hitIds(page), SLOW).toEqual([ids.demo])

    // 4. She opens it: the page shows where it matches, in <mark>.
    await demoHit.getByTestId('search-hit-link').click()
    await page.waitForURL(
      (u) => u.pathname === `/documents-in/${ids.demo}` && u.searchParams.get('hl') === QUERY,
    )
    await page.getByTestId('search-matches').waitFor()
    await expect
      .poll(() => page.getByTestId('search-matches-title').locator('mark').allTextContents(), SLOW)
      .toEqual(['xâm nhập mặn', 'Cửu Long'])
    expect(await page.getByTestId('doc-subject').textContent()).toBe(DEMO_SUBJECT)
    await screenshot(page, 'search-document-matches-1280')

    // "Về kết quả tìm kiếm" returns to the same search, filters included.
    await page.goBack()
    await page.getByTestId('search-hit-link').first().waitFor()
    await page.getByTestId('search-hit-link').first().click()
    await page.getByTestId('search-matches-back').click()
    await page.waitForURL((u) => u.pathname === '/search')
    expect(param(page, 'year')).toBe('2026')
    expect(param(page, 'sender')).toBe(DEMO_SENDER)

    // "Bỏ đánh dấu" removes the card and ?hl from the address.
    await page.goto(`${server.url}/documents-in/${ids.demo}?hl=${encodeURIComponent('muc nuoc')}`)
    await page.getByTestId('search-matches').waitFor()
    await page.getByTestId('search-matches-hide').click()
    await expect.poll(() => page.getByTestId('search-matches').count()).toBe(0)
    expect(param(page, 'hl')).toBeNull()
    await page.context().close()
  })

  it('explains the query language, shows tips and says when nothing is found', async () => {
    const page = await signIn('vanthu')
    await page.getByTestId('nav-search').click()
    await page.waitForURL((u) => u.pathname === '/search')
    expect(await page.getByTestId('search-empty').textContent()).toContain('Gõ không dấu vẫn tìm được')
    await page.getByTestId('search-help').click()
    const help = page.getByTestId('search-help-content')
    await help.waitFor()
    expect(await help.textContent()).toContain('Đúng cụm từ')
    await screenshot(page, 'search-help-1280')
    await page.getByTestId('search-help').click()

    // A phrase: the words side by side; the older report has them too, the plan does not say "han han".
    await page.getByTestId('search-query').locator('input').fill('"han han" cuu long')
    await page.getByTestId('search-query').locator('input').press('Enter')
    await expect.poll(() => hitIds(page), SLOW).toEqual([ids.older])
    expect(await page.getByTestId('search-understood-phrases').textContent()).toContain('“han han”')

    // By number and notation, with its beginning only.
    await page.getByTestId('search-query').locator('input').fill('77/VKHTLMN')
    await page.getByTestId('search-query').locator('input').press('Enter')
    await expect.poll(() => hitIds(page), SLOW).toEqual([ids.assigned])

    // Sorting is part of the URL.
    await page.getByTestId('search-query').locator('input').fill(QUERY)
    await page.getByTestId('search-query').locator('input').press('Enter')
    await expect
      .poll(() => hitIds(page), SLOW)
      .toEqual(expect.arrayContaining([ids.demo, ids.older, ids.assigned]))
    await page.getByTestId('search-sort').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Cũ nhất' }).click()
    await expect.poll(() => param(page, 'sort')).toBe('date_asc')
    await expect
      .poll(() => page.getByTestId('search-hit').first().getAttribute('data-id'), SLOW)
      .toBe(ids.older)

    // Advanced form: the year and the sender by name.
    await page.getByTestId('search-advanced-toggle').click()
    await page.getByTestId('search-advanced-year').fill('2025')
    await page.getByTestId('search-advanced-submit').click()
    await expect.poll(() => hitIds(page), SLOW).toEqual([ids.older])
    expect(param(page, 'year')).toBe('2025')

    await page.getByTestId('search-query').locator('input').fill('tu khoa khong co trong van ban nao')
    await page.getByTestId('search-query').locator('input').press('Enter')
    await page.getByTestId('search-empty').waitFor()
    expect(await page.getByTestId('search-empty').textContent()).toContain('Không tìm thấy văn bản phù hợp')
    await page.context().close()
  })

  it('works at phone width: facets in a drawer, suggestions from the header button', async () => {
    const page = await signIn('vanthu', 390)
    await page.getByTestId('header-search-open').click()
    await page.getByTestId('header-search-input').fill('du bao xam nhap')
    const suggestion = page.locator(`[data-testid="search-suggestion"][data-id="${ids.demo}"]`)
    await suggestion.waitFor()
    await screenshot(page, 'search-suggestions-390')
    await suggestion.click()
    await page.waitForURL(
      (u) => u.pathname === `/documents-in/${ids.demo}` && u.searchParams.get('hl') !== null,
    )
    await page.getByTestId('search-matches').waitFor()
    await expect
      .poll(() => page.getByTestId('search-matches').locator('mark').count(), SLOW)
      .toBeGreaterThan(0)
    await screenshot(page, 'search-document-matches-390')

    await page.goto(`${server.url}/search?q=${encodeURIComponent(QUERY)}`)
    await expect
      .poll(() => hitIds(page), SLOW)
      .toEqual(expect.arrayContaining([ids.demo, ids.older, ids.assigned]))
    expect(await page.getByTestId('search-facets').count()).toBe(0)
    await screenshot(page, 'search-results-390')
    await page.getByTestId('search-facets-open').click()
    await page.getByTestId('search-facets-drawer').getByTestId('search-facet-year').waitFor()
    await screenshot(page, 'search-facets-390')
    await pickFacet(page, 'year', '2025')
    await expect.poll(() => hitIds(page), SLOW).toEqual([ids.older])
    expect(await page.getByTestId('search-active-year').textContent()).toBe('Năm: 2025')
    expect(await page.getByTestId('search-hit-snippet').locator('mark').first().textContent()).toBe(
      'xâm nhập mặn',
    )
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)

    // The report's PDF text: its passages on the page, matches in <mark>.
    await page.getByTestId('search-hit-link').click()
    await page.waitForURL(
      (u) => u.pathname === `/documents-in/${ids.older}` && u.searchParams.get('hl') === QUERY,
    )
    await expect.poll(() => page.getByTestId('search-passage').count(), SLOW).toBeGreaterThan(0)
    expect(await page.getByTestId('search-passage').first().locator('mark').allTextContents()).toContain(
      'xâm nhập mặn',
    )
    expect(await page.getByTestId('search-matches-count').textContent()).toMatch(/\(\d+ chỗ khớp\)$/)
    await screenshot(page, 'search-document-passages-390')
    await page.context().close()
  })

  it('a specialist finds only what he may see', async () => {
    const page = await signIn('chuyenvien.nam')
    await page.goto(`${server.url}/search?q=${encodeURIComponent(QUERY)}`)
    await expect.poll(() => hitIds(page), SLOW).toEqual([ids.assigned])
    expect(await page.getByTestId('search-hit-state').textContent()).toBe('Đã phân công')
    // Not in suggestions either, and its matches are "not found" like the document itself.
    await page.goto(`${server.url}/`)
    const answered = page.waitForResponse(
      (r) =>
        r.url().includes('/api/search/suggest') &&
        new URL(r.url()).searchParams.get('q') === 'du bao xam nhap',
    )
    await page.getByTestId('header-search-input').fill('du bao xam nhap')
    expect((await answered).status()).toBe(200)
    await page.getByTestId('search-suggestion-all').waitFor()
    expect(await page.getByTestId('search-suggestion').count()).toBe(0)
    const highlight = await page.request.get(
      `${server.url}/api/search/highlight?kind=documentIn&id=${ids.demo}&q=${encodeURIComponent(QUERY)}`,
    )
    expect(highlight.status()).toBe(404)
    await page.goto(`${server.url}/documents-in/${ids.demo}?hl=${encodeURIComponent(QUERY)}`)
    await page.getByTestId('doc-error').waitFor()
    expect(await page.getByTestId('search-matches').count()).toBe(0)
    await page.context().close()
  })
})
