/**
 * Outgoing documents in a real browser (issue 4, "Done means"): the clerk registers a received
 * letter and the leader assigns it to a specialist; the specialist drafts the reply with a PDF and
 * submits it; the unit head and the office chief approve; the leader signs with the demo PIN (a
 * wrong PIN first); the clerk checks the format, numbers and issues it with the seal; the internal
 * recipient unit finds it in its inbox; the issued PDF verifies in the system and with pdfsig.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderPdf } from '../src/server/modules/capture/test-support/render-pdf.ts'
import { launchBrowser, screenshot, startServer, type Server, signedInPage } from './support.ts'

let server: Server
let browser: Browser
let tmp: string
let letter: string
let draft: string
const SUBJECT = 'V/v cử cán bộ tham dự hội nghị tổng kết công tác năm 2025'

beforeAll(async () => {
  server = await startServer({ REQUIRE_ADMIN_MFA: 'false' })
  browser = await launchBrowser()
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-out-'))
  letter = path.join(tmp, 'cong-van-4512-BNV.pdf')
  fs.writeFileSync(
    letter,
    await renderPdf({
      issuerLines: ['BỘ NỘI VỤ'],
      numberLine: 'Số: 4512 /BNV-VP',
      letterSubject: 'V/v cử cán bộ tham dự hội nghị tổng kết công tác năm 2025',
      dateLine: 'Hà Nội, ngày 14 tháng 11 năm 2026',
      titleLines: [],
      addressees: { inline: 'Ủy ban sông Mê Công Việt Nam' },
      body: ['Bộ Nội vụ đề nghị Ủy ban sông Mê Công Việt Nam cử đại diện tham dự hội nghị tổng kết.'],
      recipientLines: ['Nơi nhận:', '- Như trên;', '- Lưu: VT, VP.'],
      signatureLines: ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG', '(Đã ký)', 'Nguyễn Văn Thành'],
    }),
  )
  // The reply as the specialist drafts it (Decree 30/2020 layout); the number is left blank.
  draft = path.join(tmp, 'du-thao-tra-loi-BNV.pdf')
  fs.writeFileSync(
    draft,
    await renderPdf({
      issuerLines: ['ỦY BAN SÔNG MÊ CÔNG', 'VIỆT NAM'],
      numberLine: 'Số:      /UBSMCVN-KHTH',
      letterSubject: SUBJECT,
      dateLine: 'Hà Nội, ngày      tháng 11 năm 2026',
      titleLines: [],
      addressees: { inline: 'Bộ Nội vụ' },
      body: [
        'Ủy ban sông Mê Công Việt Nam cử đồng chí Bùi Văn Nam, Chuyên viên chính Ban Kế hoạch - Tổng hợp, tham dự hội nghị tổng kết công tác năm 2025.',
      ],
      recipientLines: ['Nơi nhận:', '- Như trên;', '- Ban TNN&MT;', '- Lưu: VT, KHTH.'],
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
  return signedInPage(browser, server, username, { width })
}

async function pick(page: Page, testId: string, text: string, tree = false): Promise<void> {
  await page.getByTestId(testId).click()
  await page.keyboard.type(text)
  const option = tree
    ? '.ant-select-dropdown:visible .ant-select-tree-title'
    : '.ant-select-dropdown:visible .ant-select-item-option'
  await page.locator(option).filter({ hasText: text }).first().click()
}

const outState = (page: Page) => page.getByTestId('out-state').getAttribute('data-state')

/** One approval: open the draft, press "Duyệt", confirm; returns the state after. */
async function approveAs(username: string, url: string, expected: string): Promise<void> {
  const page = await signIn(username)
  await page.goto(url)
  await page.getByTestId('out-action-approve').click()
  await page.getByTestId('out-approve-text').fill('Đồng ý với dự thảo.')
  await page.getByTestId('out-approve-ok').click()
  await expect.poll(() => outState(page)).toBe(expected)
  await page.context().close()
}

/** The root certificate (self-signed) among the certificates of the first signature's CMS. */
function rootPemFromPdf(pdf: Buffer): string {
  const hex = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(pdf.toString('latin1'))![1]!
  const der = Buffer.from(hex, 'hex')
  const lengthBytes = der[1]! & 0x7f
  const length = der[1]! < 0x80 ? der[1]! + 2 : 2 + lengthBytes + der.readUIntBE(2, lengthBytes)
  const cmsFile = path.join(tmp, 'cms.der')
  fs.writeFileSync(cmsFile, der.subarray(0, length))
  const text = execFileSync('openssl', ['pkcs7', '-inform', 'DER', '-print_certs', '-in', cmsFile], {
    encoding: 'utf8',
  })
  const blocks = text.split(/\n(?=subject=)/).filter((b) => b.includes('BEGIN CERTIFICATE'))
  const root = blocks.find((b) => {
    const subject = /subject=(.*)/.exec(b)?.[1]?.trim()
    const issuer = /issuer=(.*)/.exec(b)?.[1]?.trim()
    return subject !== undefined && subject === issuer
  })
  if (!root) throw new Error(`no self-signed certificate in the signature:\n${text}`)
  return root.slice(root.indexOf('-----BEGIN CERTIFICATE-----'))
}

describe('outgoing document flow in Chromium', () => {
  it('drafts a reply, approves it up the chain, signs, numbers, issues and verifies it', async () => {
    // 1. The clerk registers the received letter and submits it to the chair.
    let page = await signIn('vanthu')
    await page.goto(`${server.url}/documents-in/new`)
    await page.getByTestId('reg-file-input').setInputFiles(letter)
    await page.getByTestId('reg-capture').waitFor()
    await expect.poll(() => page.getByTestId('reg-number').inputValue()).toBe('4512/BNV-VP')
    await page.getByTestId('reg-submit').click()
    await page.getByTestId('reg-arrival-number').waitFor()
    await page.getByTestId('reg-open-document').click()
    await page.getByTestId('doc-action-submit').click()
    await pick(page, 'submit-leader', 'Lê Minh Hoàng')
    await page.getByTestId('submit-ok').click()
    await page.getByTestId('submit-modal').waitFor({ state: 'hidden' })
    const incomingUrl = page.url()
    await page.context().close()

    // 2. The chair gives it to the specialist.
    page = await signIn('chutich')
    await page.goto(incomingUrl)
    await page.getByTestId('doc-action-assign').click()
    await page.getByTestId('assign-directive').fill('Đồng chí Nam dự thảo văn bản trả lời.')
    await page.getByTestId('assign-lead-kind-user').click()
    await pick(page, 'assign-lead-user', 'Bùi Văn Nam')
    await page.getByTestId('assign-ok').click()
    await page.getByTestId('assign-modal').waitFor({ state: 'hidden' })
    await page.context().close()

    // 3. The specialist drafts the reply from the incoming document, uploads the PDF and submits.
    page = await signIn('chuyenvien.nam')
    await page.goto(incomingUrl)
    await page.getByTestId('doc-action-reply').click()
    await page.getByTestId('draft-reply-to').waitFor()
    await page.getByTestId('draft-subject').fill(SUBJECT)
    await pick(page, 'draft-signer', 'Lê Minh Hoàng')
    const rows = await page.locator('.out-recipient-row').count()
    await page.getByTestId('draft-recipients-add-unit').click()
    await pick(page, `draft-recipients-${rows}`, 'Tài nguyên nước', true)
    await page.getByTestId('draft-main-file').setInputFiles(draft)
    await page.getByTestId('draft-main-file-chosen').waitFor()
    await screenshot(page, 'doc-out-draft-form')
    await page.getByTestId('draft-save').click()
    await page.waitForURL(/\/documents-out\/[0-9a-f-]{36}$/)
    await expect.poll(() => outState(page)).toBe('draft')
    await page.getByTestId('out-viewer').waitFor()
    const draftUrl = page.url()
    await page.getByTestId('out-action-submit').click()
    await page.getByTestId('out-submit-note').fill('Kính trình Trưởng ban xem xét.')
    await page.getByTestId('out-submit-ok').click()
    await expect.poll(() => outState(page)).toBe('in_review')
    await page.context().close()

    // 4. Unit head, then office chief approve (the chain of the default type).
    await approveAs('truongban.khth', draftUrl, 'in_review')
    await approveAs('chanhvp', draftUrl, 'in_review')

    // 5. The chair approves the submission slip and signs: a wrong PIN is refused in Vietnamese and the field keeps focus; then the right one.
    const pin = fs.readFileSync(path.join(server.dataDir, 'demo-signing-pin.txt'), 'utf8').trim()
    page = await signIn('chutich')
    await page.goto(`${server.url}/documents-out?tab=to_review`)
    await page.locator('[data-testid^="out-row-"]').first().click()
    await page.getByTestId('out-tab-approval').click()
    await page.getByTestId('out-slips').waitFor()
    await page.getByTestId('out-action-approve').click()
    await page.getByTestId('out-approve-ok').click()
    await expect.poll(() => outState(page)).toBe('approved')
    await page.getByTestId('out-action-sign').click()
    await page.getByTestId('out-sign-pin').fill(pin === '000000' ? '111111' : '000000')
    await page.getByTestId('out-sign-ok').click()
    const pinError = page.locator('[data-testid="out-sign-modal"] .ant-form-item-explain-error')
    await expect.poll(() => pinError.textContent()).toContain('Mã PIN không đúng')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'out-sign-pin',
    )
    await page.getByTestId('out-sign-pin').fill(pin)
    await page.getByTestId('out-sign-ok').click()
    await expect.poll(() => outState(page)).toBe('signed')
    await page.getByTestId('out-tab-content').click()
    await page.getByTestId('out-signature-approval').waitFor()
    expect(await page.getByTestId('out-viewer').getAttribute('data-file')).toBe('signed')
    await screenshot(page, 'doc-out-signed')
    await page.context().close()

    // 6. The clerk checks the format, numbers and issues it with the organization's seal.
    page = await signIn('vanthu')
    await page.goto(draftUrl)
    await page.getByTestId('issue-panel').waitFor()
    await page.getByTestId('issue-format-check').click()
    await page.getByTestId('format-check').waitFor()
    expect(await page.getByTestId('format-check').getAttribute('data-blocking')).toBe('false')
    await page.getByTestId('issue-open').click()
    await page.getByTestId('out-issue-pin').fill(pin)
    await page.getByTestId('out-issue-ok').click()
    await expect.poll(() => outState(page), { timeout: 30_000 }).toBe('issued')
    const notation = (await page.getByTestId('out-number').textContent())!.trim()
    expect(notation).toMatch(/^\d+\/UBSMCVN-KHTH$/)
    await page.getByTestId('out-signature-seal').waitFor()

    // 7. The issued PDF verifies in the system.
    await page.getByTestId('out-viewer-verify').click()
    await page.getByTestId('verify-result').waitFor()
    expect(await page.getByTestId('verify-result').getAttribute('data-valid')).toBe('true')
    await screenshot(page, 'doc-out-issued-verified')
    const issued = await page.evaluate(async () => {
      const src = document.querySelector('[data-testid="out-viewer"]')!.getAttribute('src')!
      const bytes = new Uint8Array(await (await fetch(src)).arrayBuffer())
      let s = ''
      for (const b of bytes) s += String.fromCharCode(b)
      return btoa(s)
    })
    await page.context().close()

    // 8. …and independently with poppler's pdfsig against an NSS database holding the demo root.
    const pdf = Buffer.from(issued, 'base64')
    const pdfFile = path.join(tmp, 'issued.pdf')
    fs.writeFileSync(pdfFile, pdf)
    const nss = path.join(tmp, 'nss')
    fs.mkdirSync(nss)
    fs.writeFileSync(path.join(tmp, 'root.pem'), rootPemFromPdf(pdf))
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password'])
    execFileSync('certutil', [
      '-A',
      '-d',
      `sql:${nss}`,
      '-n',
      'CA',
      '-t',
      'CT,C,C',
      '-i',
      path.join(tmp, 'root.pem'),
    ])
    const report = execFileSync('pdfsig', ['-nssdir', `sql:${nss}`, pdfFile], { encoding: 'utf8' })
    expect(report).toContain('Signature is Valid.')
    expect(report).toContain('Certificate is Trusted.')
    expect(report.match(/Signature is Valid\./g)?.length).toBeGreaterThanOrEqual(2)

    // 9. The recipient unit finds it in its inbox as an incoming document.
    page = await signIn('truongban.tnn')
    await page.goto(`${server.url}/inbox`)
    await page.getByText(SUBJECT).first().waitFor()
    await page.context().close()
  })
})
