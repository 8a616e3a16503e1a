/**
 * Digitisation in a real browser (issue 6, "a clerk uploads a batch of scans and confirms the
 * pre-filled registrations"): the clerk drops three scans made from known letters, watches them
 * being read by OCR, opens each pre-filled registration, confirms two and discards one, and finds
 * the documents registered; then the registration form fills itself from a single scan by OCR.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { letterJpeg, scannedLetter } from '../src/server/modules/digitisation/digitisation.test-support.ts'
import {
  DEMO_PASSWORD,
  launchBrowser,
  screenshot,
  startServer,
  type Server,
  signedInPage,
} from './support.ts'

const LETTERS = [
  { number: '245/UBND-KT', subject: 'phối hợp quan trắc chất lượng nước sông Hậu' },
  {
    number: '268/UBND-NN',
    subject: 'báo cáo tình hình hạn hán và xâm nhập mặn',
    issuer: 'TỈNH ĐỒNG THÁP',
    place: 'Đồng Tháp',
  },
  { number: '327/UBND-TNMT', subject: 'đề nghị cung cấp số liệu dòng chảy mùa lũ' },
]

let server: Server
let browser: Browser
let dir: string
let scans: string[]
beforeAll(async () => {
  server = await startServer({ REQUIRE_ADMIN_MFA: 'false' })
  browser = await launchBrowser()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-scans-'))
  scans = []
  for (const [i, letter] of LETTERS.entries()) {
    // The second arrives as a photo (JPEG), the others as scanned PDFs; the third is a grey 150-dpi scan.
    const file = path.join(dir, i === 1 ? `cong-van-${i + 1}.jpg` : `cong-van-${i + 1}.pdf`)
    const bytes =
      i === 1
        ? await letterJpeg(letter)
        : await scannedLetter(letter, i === 2 ? { dpi: 200, isGrey: true } : {})
    fs.writeFileSync(file, bytes)
    scans.push(file)
  }
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

async function signIn(username: string, viewport = { width: 1366, height: 800 }): Promise<Page> {
  return signedInPage(browser, server, username, viewport)
}

const itemRow = (page: Page, n: number) => page.getByTestId('dig-item').nth(n)
/** The server reads, registers and answers in its own time: wait up to 15 s for what the page shows. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 200 })

describe('digitisation in Chromium', () => {
  it('a clerk uploads a batch of scans and confirms the pre-filled registrations', async () => {
    const page = await signIn('vanthu')
    await page.getByRole('menuitem', { name: 'Số hóa văn bản' }).first().click()
    await page.waitForURL((u) => u.pathname === '/digitisation')
    await page.getByTestId('dig-title').fill('Văn bản đến sáng 12/3')
    await screenshot(page, 'digitisation-upload')
    await page.getByTestId('dig-file-input').setInputFiles(scans)
    await page.waitForURL((u) => u.pathname.startsWith('/digitisation/'))
    await page.getByTestId('dig-summary').waitFor()
    await screenshot(page, 'digitisation-batch-reading')

    // The reading runs in the background; the page follows it.
    await expect
      .poll(() => page.getByTestId('dig-summary').getAttribute('data-read'), {
        timeout: 90_000,
        interval: 1000,
      })
      .toBe('true')
    await poll(() => page.getByTestId('dig-item').count()).toBe(3)
    for (const [i, letter] of LETTERS.entries())
      await poll(() => itemRow(page, i).getByTestId('dig-item-number').textContent()).toBe(letter.number)
    // The grey scan breaks the colour rule.
    expect(await itemRow(page, 2).getByTestId('dig-item-problem').getAttribute('data-code')).toBe(
      'NOT_COLOUR',
    )
    await screenshot(page, 'digitisation-batch-read')

    // Confirm the first: the form is pre-filled from the scan.
    await itemRow(page, 0).getByTestId('dig-item-confirm').click()
    const drawer = page.getByTestId('dig-confirm')
    await drawer.waitFor()
    await poll(() => page.getByTestId('dig-f-number').inputValue()).toBe(LETTERS[0]!.number)
    await poll(() => page.getByTestId('dig-f-subject').inputValue()).toBe(LETTERS[0]!.subject)
    expect(await page.getByTestId('dig-captured-tag').count()).toBeGreaterThan(3)
    await screenshot(page, 'digitisation-confirm')
    await page.getByTestId('dig-confirm-submit').click()

    // The next scan opens by itself: confirm it too.
    await expect
      .poll(() => page.getByTestId('dig-f-number').inputValue(), { timeout: 20_000 })
      .toBe(LETTERS[1]!.number)
    await page.getByTestId('dig-confirm-submit').click()
    await poll(() => page.getByTestId('dig-f-number').inputValue()).toBe(LETTERS[2]!.number)
    await page.getByTestId('dig-confirm-cancel').click()

    // The third is set aside.
    await itemRow(page, 2).getByTestId('dig-item-discard').click()
    await page.locator('.ant-popconfirm .ant-btn-primary').click()
    await poll(() => itemRow(page, 2).getAttribute('data-item-status')).toBe('discarded')
    await poll(() => itemRow(page, 0).getAttribute('data-item-status')).toBe('registered')
    await poll(() => itemRow(page, 1).getAttribute('data-item-status')).toBe('registered')
    await poll(() => page.getByTestId('dig-count-registered').textContent()).toContain('2')
    await screenshot(page, 'digitisation-batch-done')

    // The registered scan is an incoming document with its arrival number.
    const link = itemRow(page, 0).getByTestId('dig-item-document')
    await poll(() => link.textContent()).toMatch(/Văn bản đến số \d+/)
    await link.click()
    await poll(() => page.getByTestId('doc-state').getAttribute('data-state')).toBe('registered')
    await poll(() => page.locator('body').textContent()).toContain(LETTERS[0]!.number)
    await screenshot(page, 'digitisation-document')

    // It is in the list of incoming documents.
    await page.goto(`${server.url}/documents-in`)
    await poll(() => page.locator('body').textContent()).toContain(LETTERS[1]!.subject)

    // The batch history on a phone.
    const phone = await signIn('vanthu', { width: 390, height: 844 })
    await phone.goto(`${server.url}/digitisation`)
    await phone.getByTestId('dig-history-open').first().waitFor()
    await screenshot(phone, 'digitisation-history-mobile')
    await phone.getByTestId('dig-history-open').first().click()
    await phone.getByTestId('dig-item').first().waitFor()
    await screenshot(phone, 'digitisation-batch-mobile')
  })

  it('without OCR on the server, says so and lets the clerk type the fields', async () => {
    const bare = await startServer({ REQUIRE_ADMIN_MFA: 'false', TESSERACT_PATH: '/nonexistent/tesseract' })
    try {
      const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN' })
      const page = await context.newPage()
      await page.goto(`${bare.url}/login`)
      await page.getByTestId('login-username').fill('vanthu')
      await page.getByTestId('login-password').fill(DEMO_PASSWORD)
      await page.getByTestId('login-submit').click()
      await page.waitForURL((u) => !u.pathname.startsWith('/login'))
      await page.goto(`${bare.url}/digitisation`)
      await page.getByTestId('dig-ocr-unavailable').waitFor()
      await page.getByTestId('dig-file-input').setInputFiles(scans[2]!)
      await page.waitForURL((u) => u.pathname.startsWith('/digitisation/'))
      await expect
        .poll(() => page.getByTestId('dig-summary').getAttribute('data-read'), { timeout: 60_000 })
        .toBe('true')
      await poll(() => itemRow(page, 0).getByTestId('dig-item-method').textContent()).toBe('Chưa có OCR')
      // The scan rules are checked all the same: grey, so not colour.
      expect(await itemRow(page, 0).getByTestId('dig-item-problem').getAttribute('data-code')).toBe(
        'NOT_COLOUR',
      )
      await screenshot(page, 'digitisation-no-ocr')
      await page.goto(`${bare.url}/documents-in/new`)
      await page.getByTestId('reg-file-input').setInputFiles(scans[0]!)
      await page.getByTestId('reg-ocr-unavailable').waitFor({ timeout: 60_000 })
      await screenshot(page, 'digitisation-register-no-ocr')
      await context.close()
    } finally {
      await bare.stop()
    }
  })

  it('the registration form fills itself from a single scan by OCR', async () => {
    const page = await signIn('vanthu')
    await page.goto(`${server.url}/documents-in/new`)
    const scan = path.join(dir, 'cong-van-quet.pdf')
    fs.writeFileSync(
      scan,
      await scannedLetter({ number: '425/UBND-VP', subject: 'đề nghị cử cán bộ dự hội thảo về lũ' }),
    )
    await page.getByTestId('reg-file-input').setInputFiles(scan)
    await page.getByTestId('reg-ocr-running').waitFor()
    await screenshot(page, 'digitisation-register-ocr-running')
    await expect
      .poll(() => page.getByTestId('reg-number').inputValue(), { timeout: 60_000 })
      .toBe('425/UBND-VP')
    await poll(() => page.getByTestId('reg-subject').inputValue()).toBe('đề nghị cử cán bộ dự hội thảo về lũ')
    await page.getByTestId('reg-ocr-done').waitFor()
    await screenshot(page, 'digitisation-register-ocr-done')
  })
})
