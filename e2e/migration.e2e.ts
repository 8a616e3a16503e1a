/**
 * Migration of the old database in a real browser (issue 6, "Done means"): the administrator
 * uploads the previous system's export of incoming documents (with a zip of their files) that
 * has two bad rows, runs the dry run, reads the problem report naming those rows (on screen and
 * as the downloadable CSV), uploads the fixed file, imports it, watches the progress reach 100%
 * and finds the documents in the incoming list with their original arrival numbers, each tagged
 * "Chuyển đổi". The unit chosen to hold them shows on the run. An outgoing import: the list row and
 * the page show the signer name printed in the old record (no account has it) and the tag.
 */
import { zipSync } from 'fflate'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfBytes } from '../src/server/test/file-fixtures.ts'
import { launchBrowser, screenshot, startServer, type Server, signedInPage } from './support.ts'

let server: Server
let browser: Browser
const SLOW = { timeout: 30_000 }
/** A word no demo document has, to find the migrated ones in the list. */
const MARK = 'Lưu trữ cũ'

const HEADER =
  'Mã,Số đến,Ngày đến,Số ký hiệu,Ngày ban hành,Cơ quan ban hành,Loại văn bản,Trích yếu,Độ khẩn,Tệp'
const ROWS = [
  [
    'CU-0101',
    '101',
    '07/01/2019',
    '12/BNG-VP',
    '04/01/2019',
    'Bộ Ngoại giao',
    'Công văn',
    'phối hợp tổ chức phiên họp Hội đồng MRC',
    'Khẩn',
    'cv-101.pdf',
  ],
  [
    'CU-0102',
    '102',
    '08/01/2019',
    '05/QĐ-BTNMT',
    '03/01/2019',
    'Bộ Tài nguyên và Môi trường',
    'QĐ',
    'phê duyệt kế hoạch quan trắc mực nước',
    '',
    '',
  ],
  [
    'CU-0103',
    '103',
    '31/02/2019',
    '88/UBND-KT',
    '28/01/2019',
    'UBND tỉnh An Giang',
    'Công văn',
    'báo cáo tình hình sạt lở bờ sông',
    '',
    '',
  ],
  [
    'CU-0104',
    '104',
    '12/02/2019',
    '21/BC-SNN',
    '10/02/2019',
    'Sở Nông nghiệp tỉnh Đồng Tháp',
    'Báo cáo',
    'tình hình xâm nhập mặn mùa khô',
    'Thường',
    '',
  ],
  [
    'CU-0105',
    '105',
    '14/02/2019',
    '14/GM-VPCP',
    '13/02/2019',
    'Văn phòng Chính phủ',
    'Thư chúc mừng',
    'dự hội nghị tổng kết hợp tác Mê Công',
    '',
    '',
  ],
  [
    'CU-0106',
    '106',
    '15/02/2019',
    '30/TB-BKHĐT',
    '14/02/2019',
    'Bộ Kế hoạch và Đầu tư',
    'Thông báo',
    'kết luận về nguồn vốn ODA',
    'Hỏa tốc',
    '',
  ],
]

function csv(rows: string[][]): Buffer {
  const lines = rows.map((r) => r.map((c, i) => (i === 7 ? `${MARK}: ${c}` : c)).join(','))
  return Buffer.from([HEADER, ...lines].join('\r\n'), 'utf8')
}

const FIXED = ROWS.map((r) =>
  r[0] === 'CU-0103'
    ? r.map((c, i) => (i === 2 ? '29/01/2019' : c))
    : r[0] === 'CU-0105'
      ? r.map((c, i) => (i === 6 ? 'Giấy mời' : c))
      : r,
)

beforeAll(async () => {
  server = await startServer({ REQUIRE_ADMIN_MFA: 'false' })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function signIn(username: string): Promise<Page> {
  return signedInPage(browser, server, username, { height: 900 })
}

async function chooseSource(page: Page, name: string, bytes: Buffer) {
  await page
    .locator('[data-testid="migration-source"] input[type="file"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: bytes })
}

async function chooseUnit(page: Page, name: string) {
  await page.getByTestId('migration-unit').click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .getByText(name, { exact: true })
    .click()
}

const status = (page: Page) =>
  page.getByTestId('migration-run').getByTestId('migration-status').getAttribute('data-status')

describe('migration of the old database in Chromium', () => {
  it('dry run, problem report, fixed file, import, documents in the incoming list', async () => {
    const page = await signIn('quantri')
    await page.getByTestId('nav-admin-migration').click()
    await page.waitForURL(/\/admin\/migration$/)
    await expect.poll(() => page.getByTestId('page-title').textContent(), SLOW).toBe('Chuyển đổi dữ liệu')
    await expect
      .poll(() => page.getByTestId('migration-register').textContent(), SLOW)
      .toContain('Sổ văn bản đến')

    // 1. The export with two bad rows (an impossible date, an unknown type) and the zip of its files.
    await chooseSource(page, 'van-ban-den-2019.csv', csv(ROWS))
    await page.locator('[data-testid="migration-archive"] input[type="file"]').setInputFiles({
      name: 'tep-2019.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zipSync({ '2019/cv-101.pdf': pdfBytes('Cong van 12/BNG-VP') })),
    })
    await screenshot(page, 'migration-form')
    await page.getByText('Bảng ánh xạ cột — Văn bản đến').click()
    await page.getByTestId('migration-mapping').waitFor()
    expect(await page.getByTestId('migration-mapping').textContent()).toContain('ArrivalNumber')
    await page.getByTestId('migration-mapping').screenshot({ path: '.e2e-artifacts/migration-mapping.png' })

    // 2. Dry run: the report names rows 4 and 6 (row 1 is the header) and their columns.
    await page.getByTestId('migration-dry-run').click()
    await expect.poll(() => status(page), SLOW).toBe('done')
    expect(await page.getByTestId('migration-run').getAttribute('data-mode')).toBe('dry_run')
    const problems = page.getByTestId('migration-problems')
    await problems.waitFor()
    const rows = await problems.locator('tbody tr.ant-table-row').allTextContents()
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('4')
    expect(rows[0]).toContain('Ngày đến')
    expect(rows[0]).toContain("'31/02/2019' không phải ngày hợp lệ")
    expect(rows[1]).toContain('6')
    expect(rows[1]).toContain('Loại văn bản')
    expect(rows[1]).toContain("'Thư chúc mừng' không có trong danh mục")
    expect(await page.getByTestId('migration-problem-rows').textContent()).toContain('2')
    expect(await page.getByTestId('migration-outcome').textContent()).toContain('2 lỗi ở 2 dòng')
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'migration-dry-run-problems')
    const href = await page.getByTestId('migration-download-report').getAttribute('href')
    const report = await page.request.get(`${server.url}${href}`)
    expect(report.status()).toBe(200)
    const text = await report.text()
    expect(text).toContain("Dòng 4, cột Ngày đến: '31/02/2019' không phải ngày hợp lệ")
    expect(text).toContain("Dòng 6, cột Loại văn bản: 'Thư chúc mừng' không có trong danh mục")

    // 3. The fixed file, imported into the office's unit: the progress reaches 100% and all six rows are in.
    await chooseSource(page, 'van-ban-den-2019-da-sua.csv', csv(FIXED))
    await chooseUnit(page, 'Văn phòng')
    await page.getByTestId('migration-import').click()
    await page.locator('.ant-modal-confirm .ant-btn-primary').click()
    await expect.poll(() => page.getByTestId('migration-run').getAttribute('data-mode'), SLOW).toBe('import')
    await expect.poll(() => status(page), SLOW).toBe('done')
    await expect
      .poll(() => page.getByTestId('migration-progress').getAttribute('data-percent'), SLOW)
      .toBe('100')
    expect(await page.getByTestId('migration-imported').textContent()).toContain('6')
    expect(await page.getByTestId('migration-outcome').textContent()).toContain('Đã nhập 6 văn bản')
    expect(await page.getByTestId('migration-run').textContent()).toContain('đơn vị Văn phòng')
    const latest = page.getByTestId('migration-history').locator('tbody tr.ant-table-row').first()
    await expect.poll(() => latest.textContent(), SLOW).toContain('van-ban-den-2019-da-sua.csv')
    await expect
      .poll(() => latest.getByTestId('migration-status').getAttribute('data-status'), SLOW)
      .toBe('done')
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'migration-imported')

    // 4. The incoming list: the six documents with their old arrival numbers and notations.
    await page.getByTestId('nav-documents-in').click()
    await page.waitForURL(/\/documents-in$/)
    const search = page.locator(
      'input[data-testid="documents-in-search"], [data-testid="documents-in-search"] input',
    )
    await search.first().fill(MARK)
    await search.first().press('Enter')
    await expect.poll(() => page.locator('tr[data-testid^="doc-row-"]').count(), SLOW).toBe(6)
    for (const n of [101, 102, 103, 104, 105, 106])
      expect(await page.getByTestId(`doc-row-${n}`).count(), `row ${n}`).toBe(1)
    expect(await page.getByTestId('doc-row-101').textContent()).toContain('12/BNG-VP')
    // Each row says it came from the old database; the tooltip tells when.
    expect(await page.locator('tr[data-testid^="doc-row-"] [data-testid="migrated-tag"]').count()).toBe(6)
    await page.getByTestId('doc-row-102').getByTestId('migrated-tag').hover()
    await expect
      .poll(() => page.locator('.ant-tooltip:visible').textContent(), SLOW)
      .toMatch(
        /^Nhập từ hệ thống quản lý văn bản cũ lúc \d\d\/\d\d\/\d{4} \d\d:\d\d \(lượt chuyển đổi [0-9a-f]{8}\)$/,
      )
    await screenshot(page, 'migration-documents-in-list')

    // The first one carries its file from the zip.
    await page.getByTestId('doc-row-101').click()
    await page.waitForURL(/\/documents-in\/[0-9a-f-]{36}$/)
    await expect.poll(() => page.locator('body').textContent(), SLOW).toContain('cv-101.pdf')
    expect(await page.locator('.doc-head [data-testid="migrated-tag"]').textContent()).toBe('Chuyển đổi')
    await screenshot(page, 'migration-document')
  })

  it('outgoing: the printed signer name and the tag, in the list and on the page', async () => {
    const page = await signIn('quantri')
    await page.goto(`${server.url}/admin/migration`)
    await page.getByTestId('migration-kind').getByText('Văn bản đi').click()
    await expect
      .poll(() => page.getByTestId('migration-register').textContent(), SLOW)
      .toContain('Sổ văn bản đi')
    const outgoing = [
      'Mã,Số,Ký hiệu,Ngày ban hành,Trích yếu,Người ký,Chức vụ',
      `DI-0901,901,UBSMCVN-VP,20/05/2018,${MARK}: kế hoạch quan trắc mùa lũ 2018,Phạm Văn Đã Nghỉ Hưu,Phó Chủ tịch`,
    ].join('\r\n')
    await chooseSource(page, 'van-ban-di-2018.csv', Buffer.from(outgoing, 'utf8'))
    await page.getByTestId('migration-import').click()
    await page.locator('.ant-modal-confirm .ant-btn-primary').click()
    await expect.poll(() => page.getByTestId('migration-run').getAttribute('data-mode'), SLOW).toBe('import')
    await expect.poll(() => status(page), SLOW).toBe('done')
    expect(await page.getByTestId('migration-imported').textContent()).toContain('1')

    await page.goto(`${server.url}/documents-out?tab=issued&q=${encodeURIComponent(MARK)}`)
    const row = page.locator('tr[data-testid^="out-row-"]')
    await expect.poll(() => row.count(), SLOW).toBe(1)
    expect(await row.textContent()).toContain('Người ký: Phạm Văn Đã Nghỉ Hưu')
    expect(await row.getByTestId('migrated-tag').count()).toBe(1)
    await screenshot(page, 'migration-documents-out-list')
    await row.locator('a.doc-subject-link').first().click()
    await page.waitForURL(/\/documents-out\/[0-9a-f-]{36}$/)
    await page.locator('.doc-head [data-testid="migrated-tag"]').waitFor()
    const body = await page.locator('body').textContent()
    expect(body).toContain('Phó Chủ tịch Phạm Văn Đã Nghỉ Hưu')
    await screenshot(page, 'migration-document-out')
  })
})
