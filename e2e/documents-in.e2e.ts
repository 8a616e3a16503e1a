/**
 * Incoming documents in a real browser: a clerk registers a received PDF letter (pre-filled by
 * smart capture) and submits it; the leader assigns a lead unit; the unit head re-assigns to a
 * specialist; the specialist starts, notes progress and completes; the clerk sees it done.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderPdf } from '../src/server/modules/capture/test-support/render-pdf.ts'
import { launchBrowser, screenshot, startServer, type Server, signedInPage } from './support.ts'

let server: Server
let browser: Browser
let letter: string
beforeAll(async () => {
  server = await startServer({ REQUIRE_ADMIN_MFA: 'false' })
  browser = await launchBrowser()
  const bytes = await renderPdf({
    issuerLines: ['BỘ NỘI VỤ'],
    numberLine: 'Số: 4512 /BNV-VP',
    letterSubject: 'V/v cử cán bộ tham dự hội nghị tổng kết công tác năm 2025',
    dateLine: 'Hà Nội, ngày 14 tháng 11 năm 2026',
    titleLines: [],
    addressees: { inline: 'Ủy ban sông Mê Công Việt Nam' },
    body: [
      'Bộ Nội vụ đề nghị Ủy ban sông Mê Công Việt Nam cử đại diện tham dự hội nghị tổng kết công tác năm 2025.',
    ],
    recipientLines: ['Nơi nhận:', '- Như trên;', '- Lưu: VT, VP.'],
    signatureLines: ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG', '(Đã ký)', 'Nguyễn Văn Thành'],
  })
  letter = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-letter-')), 'cong-van-4512-BNV.pdf')
  fs.writeFileSync(letter, bytes)
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function signIn(username: string): Promise<Page> {
  return signedInPage(browser, server, username)
}

/** Open an antd select (or tree select), type, and click the matching option. */
async function pick(page: Page, testId: string, text: string, tree = false): Promise<void> {
  await page.getByTestId(testId).click()
  await page.keyboard.type(text)
  const option = tree
    ? '.ant-select-dropdown:visible .ant-select-tree-title'
    : '.ant-select-dropdown:visible .ant-select-item-option'
  await page.locator(option).filter({ hasText: text }).first().click()
}

const stateOf = (page: Page) => page.getByTestId('doc-state').getAttribute('data-state')

describe('incoming document flow in Chromium', () => {
  it('registers, routes, processes and completes a received letter', async () => {
    // 1. The clerk registers the PDF; capture fills the form from the letter's own text.
    let page = await signIn('vanthu')
    await page.goto(`${server.url}/documents-in/new`)
    await page.getByTestId('reg-file-input').setInputFiles(letter)
    await page.getByTestId('reg-capture').waitFor()
    await expect.poll(() => page.getByTestId('reg-number').inputValue()).toBe('4512/BNV-VP')
    await expect
      .poll(() => page.getByTestId('reg-subject').inputValue())
      .toContain('cử cán bộ tham dự hội nghị')
    await page.getByTestId('reg-urgency-urgent').click()
    await screenshot(page, 'doc-in-register-filled')
    await page.getByTestId('reg-submit').click()
    const arrival = page.getByTestId('reg-arrival-number')
    await arrival.waitFor()
    const number = (await arrival.textContent())!.trim()
    // The demo registers six letters at first start (seed/demo-documents.ts): this one comes next.
    expect(number).toBe('7')
    await page.getByTestId('reg-open-document').click()
    await expect.poll(() => stateOf(page)).toBe('registered')
    await page.getByTestId('doc-action-submit').click()
    await pick(page, 'submit-leader', 'Lê Minh Hoàng')
    await page.getByTestId('submit-ok').click()
    await expect.poll(() => stateOf(page)).toBe('submitted')
    const documentUrl = page.url()
    await page.context().close()

    // 2. The leader finds it in the inbox and assigns the lead to a unit, with a deadline in working days.
    page = await signIn('chutich')
    await page.goto(`${server.url}/inbox`)
    await page.getByTestId(`doc-row-${number}`).click()
    await page.getByTestId('doc-action-assign').click()
    await page
      .getByTestId('assign-directive')
      .fill('Giao Ban Kế hoạch - Tổng hợp chủ trì, tham mưu văn bản trả lời.')
    await pick(page, 'assign-lead-unit', 'Kế hoạch', true)
    await page.getByTestId('assign-lead-deadline-days').fill('5')
    await page.getByTestId('assign-ok').click()
    await expect.poll(() => stateOf(page)).toBe('assigned')
    await page.context().close()

    // 3. The unit head re-assigns within the unit.
    page = await signIn('truongban.khth')
    await page.goto(`${server.url}/inbox`)
    await page.getByTestId(`doc-row-${number}`).click()
    await page.getByTestId('doc-action-reassign').click()
    await page.getByTestId('reassign-directive').fill('Đồng chí Nam xử lý.')
    await pick(page, 'reassign-lead-user', 'Bùi Văn Nam')
    await page.getByTestId('reassign-ok').click()
    await page.getByTestId('reassign-modal').waitFor({ state: 'hidden' })
    await page.context().close()

    // 4. The specialist starts, notes progress and completes.
    page = await signIn('chuyenvien.nam')
    await page.goto(`${server.url}/inbox`)
    await page.getByTestId(`doc-row-${number}`).click()
    await page.getByTestId('doc-action-start').click()
    await page.getByTestId('start-ok').click()
    await expect.poll(() => stateOf(page)).toBe('in_progress')
    await page.getByTestId('doc-action-note').click()
    await page
      .locator('[data-testid="note-modal"] textarea')
      .fill('Đã liên hệ Bộ Nội vụ, đang dự thảo văn bản trả lời.')
    await page.getByTestId('note-ok').click()
    await page.getByTestId('note-modal').waitFor({ state: 'hidden' })
    await page.getByTestId('doc-action-complete').click()
    await page
      .locator('[data-testid="complete-modal"] textarea')
      .fill('Đã có Công văn số 45/UBSMCVN-VP cử cán bộ tham dự.')
    await page.getByTestId('complete-ok').click()
    await expect.poll(() => stateOf(page)).toBe('completed')
    await page.context().close()

    // 5. The clerk sees it done, with every step on the timeline.
    page = await signIn('vanthu')
    await page.goto(documentUrl)
    await expect.poll(() => stateOf(page)).toBe('completed')
    await page.getByTestId('doc-tab-timeline').click()
    await page.getByText('Bùi Văn Nam').first().waitFor()
    await screenshot(page, 'doc-in-timeline-clerk')

    // 6. The clerk prints the register for this month (PDF) and exports it (Excel).
    await page.goto(`${server.url}/registers`)
    const printed = await page.evaluate(async () => {
      const registers = (await (await fetch('/api/registers?kind=incoming')).json()) as {
        items: { id: string; code: string }[]
      }
      const id = registers.items.find((r) => r.code === 'VBD')!.id
      const today = new Date().toISOString().slice(0, 10)
      const from = `${today.slice(0, 8)}01`
      const pdf = await fetch(`/api/registers/${id}/export?from=${from}&to=${today}&format=pdf`)
      const xlsx = await fetch(`/api/registers/${id}/export?from=${from}&to=${today}&format=xlsx`)
      const head = new Uint8Array(await pdf.arrayBuffer()).slice(0, 5)
      return {
        pdf: pdf.status,
        pdfType: pdf.headers.get('content-type'),
        magic: String.fromCharCode(...head),
        xlsx: xlsx.status,
      }
    })
    expect(printed).toMatchObject({ pdf: 200, magic: '%PDF-', xlsx: 200 })
    expect(printed.pdfType).toContain('application/pdf')
    await page.context().close()
  })
})
