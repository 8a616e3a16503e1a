/**
 * Consultations in a real browser (issue 7, "Done means"): an officer of the Standing Office
 * creates a consultation with a draft file, its sections split from the pasted text, an opinion
 * question and a motion, asks the four ministries (the "Các bộ, ngành" group) and submits it; the
 * chair approves and it opens. One member answers himself; another answers through her focal
 * point (the focal point drafts, the member confirms); a third fills the form but sends it after
 * the deadline and is refused; the fourth stays silent and is counted by the silence rule. The
 * officer closes the consultation, completes the response table and downloads the summary.
 *
 * The deadline: the server has no test clock, so the consultation is created with a deadline a
 * few minutes ahead (CONSULT_E2E_MINUTES, 4 by default) and the late member waits for it in the
 * browser. The on-time answers are checked to land before it; on a slow machine raise the value.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderPdf } from '../src/server/modules/capture/test-support/render-pdf.ts'
import { launchBrowser, screenshot, startServer, type Server, signedInPage } from './support.ts'

const MINUTES = Number(process.env.CONSULT_E2E_MINUTES ?? 4)
const TITLE = 'Lấy ý kiến dự thảo Quy chế phối hợp quản lý tài nguyên nước lưu vực sông Mê Công'
const DRAFT_TEXT = [
  'QUY CHẾ PHỐI HỢP',
  'Điều 1. Phạm vi điều chỉnh',
  'Quy chế này quy định việc phối hợp giữa các bộ, ngành và địa phương trong quản lý tài nguyên nước lưu vực sông Mê Công.',
  'Điều 2. Đối tượng áp dụng',
  'Các bộ, ngành, Ủy ban nhân dân các tỉnh, thành phố thuộc lưu vực.',
  'Điều 3. Chia sẻ thông tin, dữ liệu',
  'Các cơ quan chia sẻ số liệu quan trắc mực nước, lưu lượng hằng ngày qua hệ thống của Ủy ban.',
].join('\n')

let server: Server
let browser: Browser
let tmp: string
let draftPdf: string

beforeAll(async () => {
  server = await startServer({ REQUIRE_ADMIN_MFA: 'false' })
  browser = await launchBrowser()
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-consult-'))
  draftPdf = path.join(tmp, 'du-thao-quy-che-phoi-hop.pdf')
  fs.writeFileSync(
    draftPdf,
    await renderPdf({
      issuerLines: ['ỦY BAN SÔNG MÊ CÔNG', 'VIỆT NAM'],
      numberLine: 'Số:      /QĐ-UBSMCVN',
      dateLine: 'Hà Nội, ngày      tháng 12 năm 2026',
      titleLines: ['QUYẾT ĐỊNH', 'Ban hành Quy chế phối hợp quản lý tài nguyên nước lưu vực sông Mê Công'],
      body: DRAFT_TEXT.split('\n'),
      recipientLines: ['Nơi nhận:', '- Các thành viên Ủy ban;', '- Lưu: VT, KHTH.'],
      signatureLines: ['CHỦ TỊCH', 'Lê Minh Hoàng'],
    }),
  )
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

async function signIn(username: string, width = 1366): Promise<Page> {
  return signedInPage(browser, server, username, {
    width,
    height: width < 500 ? 844 : 820,
    acceptDownloads: true,
  })
}

async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.keyboard.type(text)
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click()
}

/** A Vietnam wall-clock time as the date picker shows it (DD/MM/YYYY HH:mm). */
function pickerText(at: Date): string {
  const vn = new Date(at.getTime() + 7 * 3600_000)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(vn.getUTCDate())}/${two(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()} ${two(vn.getUTCHours())}:${two(vn.getUTCMinutes())}`
}

const state = (page: Page) => page.getByTestId('cs-state').getAttribute('data-state')

/** Opens the consultation from the user's list ("Cần trả lời" for members), as a member would. */
async function openFromList(page: Page, id: string): Promise<void> {
  await page.getByTestId('nav-consultations').click()
  await page.getByTestId(`cs-row-${id}`).click()
  await page.getByTestId('cs-state').waitFor()
}

describe('consultation flow in Chromium', () => {
  it(
    'creates, approves, collects answers (focal point, late, silent), closes and exports',
    async () => {
      // 1. The officer writes the consultation: draft file, sections pasted and split, a motion.
      let page = await signIn('chuyenvien.nam')
      await page.getByTestId('nav-consultations').click()
      await page.getByTestId('consultations-create').click()
      await page.getByTestId('cs-title').fill(TITLE)
      await page
        .getByTestId('cs-purpose')
        .fill('Xin ý kiến các thành viên Ủy ban về dự thảo Quy chế trước khi trình Chủ tịch ban hành.')
      await page.getByTestId('cs-background').fill('Thực hiện Chương trình công tác năm 2026 của Ủy ban.')
      await page.getByTestId('cs-material-file').setInputFiles(draftPdf)
      await page.getByTestId('cs-material-chosen').waitFor()
      await page.getByTestId('cs-group-ministries').click()
      await expect
        .poll(() => page.getByTestId('cs-participants').textContent())
        .toContain('Đã chọn 4 thành viên')
      const deadline = new Date(Math.ceil((Date.now() + MINUTES * 60_000) / 60_000) * 60_000)
      await page.getByTestId('cs-deadline').click()
      await page.getByTestId('cs-deadline').fill(pickerText(deadline))
      await page.locator('.ant-picker-dropdown:visible .ant-picker-ok button').click()
      await page.getByTestId('cs-q0-title').fill('Ý kiến chung về dự thảo Quy chế phối hợp')
      await page.getByTestId('cs-add-question').click()
      await page.getByTestId('cs-add-sections').click()
      await page.getByTestId('cs-q1-title').fill('Góp ý cụ thể vào các điều của dự thảo')
      await page.getByTestId('cs-q1-split').click()
      await page.getByTestId('cs-split-text').fill(DRAFT_TEXT)
      await page.getByTestId('cs-split-ok').click()
      await expect.poll(() => page.getByTestId('cs-q1-section-3-key').inputValue()).toBe('dieu-3')
      await page.getByTestId('cs-add-question').click()
      await page.getByTestId('cs-add-motion').click()
      await page.getByTestId('cs-q2-title').fill('Thông qua dự thảo Quy chế để trình Chủ tịch ban hành')
      await page.getByTestId('cs-quorum').waitFor()
      await screenshot(page, 'consult-form')
      await page.getByTestId('cs-save-submit').click()
      await page.getByTestId('cs-submit-ok').waitFor()
      await pick(page, 'cs-submit-approver', 'Lê Minh Hoàng')
      await page.getByTestId('cs-submit-ok').click()
      await expect.poll(() => state(page)).toBe('submitted')
      const url = page.url().replace(/\?.*$/, '')
      const id = url.split('/').pop()!
      await page.context().close()

      // 2. The chair approves: the consultation opens (launch on approval).
      page = await signIn('chutich')
      await page.goto(url)
      await page.getByTestId('cs-action-approve').click()
      await page.getByTestId('cs-approve-text').fill('Đồng ý, đề nghị các thành viên cho ý kiến đúng hạn.')
      await page.getByTestId('cs-approve-ok').click()
      await expect.poll(() => state(page)).toBe('open')
      await page.context().close()

      // 3. A member answers himself (opinion with comments, two section comments, a vote).
      page = await signIn('uyvien.bng')
      await expect.poll(() => page.getByTestId('nav-consultations-badge').textContent()).toBe('1')
      // His home page lists it among the consultations waiting on him.
      await page.getByTestId(`home-to-answer-${id}`).waitFor()
      await openFromList(page, id)
      await expect(page.getByTestId('cs-silence-rule').getAttribute('data-rule')).resolves.toBe('agree')
      await page.getByTestId('cs-answer-q0-agree_with_comments').click()
      await page
        .getByTestId('cs-answer-q0-text')
        .fill('Đề nghị bổ sung cơ chế chia sẻ dữ liệu với các nước thượng nguồn.')
      await page
        .getByTestId('cs-answer-q1-comment-1')
        .fill('Đề nghị nêu rõ Điều 1 áp dụng cả với dữ liệu quan trắc tự động.')
      await page
        .getByTestId('cs-answer-q1-comment-3')
        .fill('Đề nghị quy định thời hạn chia sẻ số liệu chậm nhất trước 9 giờ hằng ngày.')
      await page.getByTestId('cs-answer-q2-approve').click()
      await screenshot(page, 'consult-answer-desktop')
      await page.getByTestId('cs-answer-submit').click()
      await page.getByTestId('cs-receipt-number').waitFor()
      expect(await page.getByTestId('cs-answer-state').getAttribute('data-state')).toBe('submitted')
      expect(await page.getByTestId('cs-receipt-digest').textContent()).toMatch(/[0-9a-f]{64}/)
      await screenshot(page, 'consult-receipt')
      await page.context().close()

      // 4. A focal point drafts for her member and sends it to him; the member confirms it.
      page = await signIn('daumoi.bnnmt')
      await openFromList(page, id)
      await page.getByTestId('cs-answer-q0-disagree').click()
      await page
        .getByTestId('cs-answer-q0-text')
        .fill('Chưa đồng ý với phạm vi tại Điều 2: cần bổ sung các tổ chức lưu vực.')
      await page
        .getByTestId('cs-answer-q1-comment-2')
        .fill('Bổ sung các tổ chức lưu vực sông vào đối tượng áp dụng.')
      await page.getByTestId('cs-answer-q2-reject').click()
      await page.getByTestId('cs-answer-submit').click()
      await expect
        .poll(() => page.getByTestId('cs-answer-state').getAttribute('data-state'))
        .toBe('awaiting_member')
      await page.context().close()

      page = await signIn('uyvien.bnnmt', 390)
      await page.goto(url)
      await page.getByTestId('cs-answer-awaiting').waitFor()
      await screenshot(page, 'consult-confirm-mobile')
      // He confirms it as final and signs it with his key: a wrong PIN first, then the right one.
      await page.getByTestId('cs-answer-confirm-final').click()
      await page.getByTestId('cs-answer-confirm-final-ok').click()
      await page.getByTestId('cs-receipt-number').waitFor()
      await expect.poll(() => page.getByTestId('cs-answer-state').getAttribute('data-state')).toBe('final')
      const pin = fs.readFileSync(path.join(server.dataDir, 'demo-signing-pin.txt'), 'utf8').trim()
      await page.getByTestId('cs-answer-sign').click()
      await page.getByTestId('cs-sign-pin').fill(pin === '000000' ? '111111' : '000000')
      await page.getByTestId('cs-sign-ok').click()
      await expect.poll(() => page.getByTestId('cs-sign-error').textContent()).toContain('Mã PIN không đúng')
      await page.getByTestId('cs-sign-pin').fill(pin)
      await page.getByTestId('cs-sign-ok').click()
      await page.getByTestId('cs-answer-signed').waitFor()
      expect(await page.getByTestId('cs-answer-sign').count()).toBe(0)
      await screenshot(page, 'consult-signed-mobile')
      await page.context().close()
      // The on-time answers must have landed before the deadline for the rest to mean anything.
      expect(Date.now()).toBeLessThan(deadline.getTime())

      // 5. The officer follows progress live: two answered, two not.
      page = await signIn('chuyenvien.nam')
      await page.goto(`${url}?tab=progress`)
      await expect.poll(() => page.getByTestId('cs-progress-answered').textContent()).toContain('2')
      // The signed answer is marked, and its PDF opens for the officer.
      const signedHref = await page.getByTestId('cs-progress-signed').getAttribute('href')
      const signedPdf = await page.request.get(`${server.url}${signedHref}`)
      expect(signedPdf.status()).toBe(200)
      expect(signedPdf.headers()['content-type']).toContain('application/pdf')
      // The officer reminds the two who have not answered, now, with a word.
      await page.getByTestId('cs-remind').click()
      await page.getByTestId('cs-remind-message').fill('Đề nghị các đồng chí gửi ý kiến trước hạn.')
      await page.getByTestId('cs-remind-ok').click()
      await expect.poll(() => page.locator('.ant-message').textContent()).toContain('Đã nhắc 2 thành viên')
      await screenshot(page, 'consult-progress')
      await page.context().close()

      // 6. A member fills the form on the phone but sends it one second too late: refused.
      page = await signIn('uyvien.btc', 390)
      await page.goto(url)
      await page.getByTestId('cs-answer-q0-agree').click()
      await page.getByTestId('cs-answer-q2-approve').click()
      await page.getByTestId('cs-answer-q1-comment-1').fill('Nhất trí với dự thảo.')
      await screenshot(page, 'consult-answer-mobile')
      const wait = deadline.getTime() + 1000 - Date.now()
      if (wait > 0) await page.waitForTimeout(wait)
      await page.getByTestId('cs-answer-submit').click()
      await expect
        .poll(() => page.getByTestId('cs-answer-error').textContent())
        .toContain('Đã hết hạn trả lời')
      // The page reloads the consultation and turns the form read-only.
      await page.getByTestId('cs-answer-closed').waitFor()
      await screenshot(page, 'consult-late-refused-mobile')
      await page.context().close()

      // 7. The officer closes it, reads the summary, completes the response table, downloads.
      page = await signIn('chuyenvien.nam')
      await page.goto(url)
      await page.getByTestId('cs-action-close').click()
      await page.getByTestId('cs-close-ok').click()
      await expect.poll(() => state(page)).toBe('closed')
      await page.getByTestId('cs-tab-summary').click()
      await page.getByTestId('cs-summary').waitFor()
      expect(await page.getByTestId('cs-summary').getAttribute('data-final')).toBe('true')
      expect(await page.getByTestId('cs-summary-silent-count').textContent()).toContain('2')
      // Silence counts as agreement: the two silent members are added to "Tán thành" of the motion.
      await page.getByTestId('cs-summary-silence-q3').waitFor()
      const motion = page.locator('[data-testid^="cs-summary-motion-"]').first()
      expect(await motion.getAttribute('data-result')).toBe('adopted')
      await screenshot(page, 'consult-summary')
      for (const [testId, ext] of [
        ['cs-summary-docx', 'docx'],
        ['cs-summary-pdf', 'pdf'],
      ] as const) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId(testId).click(),
        ])
        expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${ext}$`))
        const size = fs.statSync((await download.path())!).size
        expect(size).toBeGreaterThan(2000)
      }
      // Row 3 is the first comment on a section (rows 1-2 are the opinions' general comments).
      await page.getByTestId('cs-table-row-3-disposition').click()
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: 'Tiếp thu' })
        .first()
        .click()
      await page.getByTestId('cs-table-row-3-explanation').fill('Đã bổ sung vào Điều 1.')
      await page.getByTestId('cs-table-save').click()
      // Saved when the button has nothing left to save; a refusal shows its text in the failure.
      await expect
        .poll(async () =>
          (await page.getByTestId('cs-table-error').count()) > 0
            ? await page.getByTestId('cs-table-error').textContent()
            : await page.getByTestId('cs-table-save').isDisabled(),
        )
        .toBe(true)
      await screenshot(page, 'consult-summary-table')
      await page.context().close()

      // 8. The summary and the list on a phone.
      page = await signIn('chuyenvien.nam', 390)
      await page.goto(`${url}?tab=summary`)
      await page.getByTestId('cs-summary').waitFor()
      await screenshot(page, 'consult-summary-mobile')
      await page.goto(`${server.url}/consultations`)
      await page.getByTestId(`cs-row-${id}`).waitFor()
      await screenshot(page, 'consult-list-mobile')
      // Search finds it without diacritics, and opens it showing where it matched.
      await page.goto(`${server.url}/search?q=${encodeURIComponent('quy che phoi hop')}`)
      const hit = page.locator('[data-testid="search-hit"]').filter({ hasText: 'Quy chế phối hợp' })
      await expect
        .poll(() => hit.getByTestId('search-hit-kind').getAttribute('data-kind'))
        .toBe('consultation')
      await hit.getByTestId('search-hit-link').click()
      await page.getByTestId('search-matches').waitFor()
      expect(page.url()).toContain(`/consultations/${id}`)
      await page.context().close()
    },
    20 * 60_000,
  )
})
