import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.ts'
import { createDocxConverter } from '../../platform/convert/index.ts'
import { summaryDocx, summaryPdf } from './report.ts'
import { buildSummary } from './summary.ts'
import { sampleInput, sampleSummary } from './summary.test-support.ts'

async function docxText(buf: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: buf })).value.replace(/\s+/g, ' ')
}

describe('summaryDocx', () => {
  it('opens, with the Decree 30 header, the title, the sections and the response table', async () => {
    const buf = await summaryDocx(sampleSummary())
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(buf.length).toBeLessThan(100_000)
    const text = await docxText(buf)
    for (const expected of [
      'ỦY BAN SÔNG MÊ CÔNG VIỆT NAM',
      'VĂN PHÒNG THƯỜNG TRỰC',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: /BC-VPTT',
      'Hà Nội, ngày 06 tháng 3 năm 2026',
      'BÁO CÁO',
      'Tổng hợp ý kiến thành viên Ủy ban về dự thảo Quy chế phối hợp chia sẻ dữ liệu',
      'I. MỤC ĐÍCH LẤY Ý KIẾN',
      'Bảo đảm sự thống nhất giữa các bộ, ngành',
      'II. TÌNH HÌNH THAM GIA Ý KIẾN',
      'Số thành viên đã trả lời: 3/5 (60%)',
      'do đầu mối giúp việc gửi thay',
      'ý kiến chính thức; đã ký số',
      'Số thành viên không trả lời đến hết hạn: 2',
      'Phạm Quốc Bảo, Phó Chủ tịch, Ủy ban nhân dân thành phố Cần Thơ',
      'được tính là đồng ý',
      'III. KẾT QUẢ LẤY Ý KIẾN',
      'Đồng ý: 3/5 thành viên (60%), trong đó 2 thành viên không trả lời được tính theo quy định',
      'Kết quả: THÔNG QUA',
      'Đạt 5/5 thành viên trả lời (tỷ lệ yêu cầu 50%)',
      'Văn phòng Thường trực: 2 ý kiến',
      'trung bình 10,25, thấp nhất 8, cao nhất 12,5',
      'Cần lộ trình triển khai theo từng giai đoạn.',
      'IV. BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN',
      'V. Ý KIẾN CỦA CÁC THÀNH VIÊN',
      'Nơi nhận:',
      'Lưu: VT, VPTT.',
      'CHÁNH VĂN PHÒNG',
    ])
      expect(text).toContain(expected)
  })

  it('lists the response table rows: STT, section, comment, member, disposition, reason', async () => {
    const text = await docxText(await summaryDocx(sampleSummary()))
    const table = text.slice(text.indexOf('IV. BẢNG'), text.indexOf('V. Ý KIẾN CỦA'))
    expect(table).toContain('STT Mục Nội dung góp ý Thành viên Tiếp thu/ Giải trình Lý do')
    // Opinion comments first (general), then by section in the draft's order, then participant order.
    const order = [
      'Ý kiến chung',
      'Đề nghị bổ sung căn cứ',
      'Chưa phù hợp với cam kết quốc tế',
      'Giải trình',
      'Dự thảo đã phù hợp với Hiệp định 1995.',
      'Điều 1. Phạm vi điều chỉnh',
      'Làm rõ phạm vi dữ liệu khí tượng thủy văn.',
      'Nguyễn Văn Hùng',
      'Tiếp thu',
      'Đã bổ sung khoản 2 Điều 1.',
      'Nội dung sửa đổi: Quy chế này áp dụng',
      'Đề nghị thống nhất thuật ngữ với Hiệp định 1995.',
      'Trần Thị Lan',
      'Điều 3. Nguyên tắc phối hợp',
      'Bổ sung nguyên tắc bảo mật dữ liệu.',
    ]
    let at = 0
    for (const o of order) {
      const found = table.indexOf(o, at)
      expect(found, o).toBeGreaterThanOrEqual(at)
      at = found + o.length
    }
    // Section 2 had no comment: it has no row.
    expect(table).not.toContain('Điều 2. Đối tượng áp dụng')
  })

  it('marks a provisional summary and counts nobody as silent', async () => {
    const text = await docxText(await summaryDocx(sampleSummary(false)))
    expect(text).toContain('Số liệu tạm tính')
    expect(text).toContain('còn 2 thành viên chưa trả lời')
    expect(text).not.toContain('không trả lời đến hết hạn')
  })

  it('splits a long group into tables of 50 rows, naming the section again "(tiếp)"', async () => {
    const members = Array.from({ length: 60 }, (_, i) => ({
      id: `m${i}`,
      fullName: `Thành viên ${i + 1}`,
      position: null,
      organizationName: null,
    }))
    const summary = buildSummary({
      ...sampleInput(),
      participants: members,
      responses: members.map((m) => ({
        id: `r-${m.id}`,
        memberId: m.id,
        state: 'submitted' as const,
        signedFileId: null,
        answers: [
          {
            questionKey: 'gop-y',
            // Member 7 writes markup, an ampersand and a control character: escaped or dropped.
            sectionComments: [
              {
                sectionKey: 'dieu-2',
                comment: `Góp ý của ${m.fullName}${m.id === 'm6' ? ' <b> & "x"\u0007' : ''}.`,
              },
            ],
          },
        ],
        submittedAt: null,
        onBehalf: false,
        submittedBy: m,
      })),
      dispositions: [],
    })
    const text = await docxText(await summaryDocx(summary))
    expect(text).toContain('Điều 2. Đối tượng áp dụng (tiếp)')
    expect(text).toContain('Góp ý của Thành viên 7 <b> & "x".')
    expect(text).toMatch(
      /50 Góp ý của Thành viên 50\. Thành viên 50 51 Điều 2\. Đối tượng áp dụng \(tiếp\) Góp ý của Thành viên 51\./,
    )
    expect(text).toContain('60 Góp ý của Thành viên 60.')
  })

  it('takes the notation and the signer when known', async () => {
    const text = await docxText(
      await summaryDocx(sampleSummary(), {
        notation: 'BC-UBMC',
        signerTitle: 'KT. CHỦ TỊCH',
        signerName: 'Nguyễn Văn A',
      }),
    )
    expect(text).toContain('Số: /BC-UBMC')
    expect(text).toContain('KT. CHỦ TỊCH')
    expect(text).toContain('Nguyễn Văn A')
  })
})

const converter = createDocxConverter(loadConfig({ NODE_ENV: 'test', DATA_DIR: os.tmpdir() }))
const hasSoffice = await converter.isAvailable()

describe.skipIf(!hasSoffice)('summaryPdf', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultation-report-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('converts to a PDF on A4 with the text and the Vietnamese diacritics', async () => {
    const pdf = await summaryPdf(sampleSummary(), converter)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.length).toBeGreaterThan(10_000)
    expect(pdf.length).toBeLessThan(500_000)
    const file = path.join(dir, 'summary.pdf')
    fs.writeFileSync(file, pdf)
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN',
      'Làm rõ phạm vi',
      'Nơi nhận:',
    ])
      expect(text).toContain(expected)
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/)
  }, 60_000)
})
