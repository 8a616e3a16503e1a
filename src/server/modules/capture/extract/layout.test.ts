import { describe, expect, it } from 'vitest'
import { pageLines, type PageItem } from './layout.ts'

const SIZE = 13
/** One item: text starting at x on baseline y, 6 pt per character. */
const at = (text: string, x: number, y: number): PageItem => ({
  text,
  x,
  y,
  width: text.length * 6,
  height: SIZE,
})
/** Centred on `centre`. */
const centred = (text: string, centre: number, y: number) => at(text, centre - (text.length * 6) / 2, y)

describe('pageLines', () => {
  it('reads a two-column header left column first, then right, then the full-width body', () => {
    const items = [
      centred('ỦY BAN NHÂN DÂN', 180, 780),
      centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 400, 780),
      centred('TỈNH AN GIANG', 180, 764),
      centred('Độc lập - Tự do - Hạnh phúc', 400, 764),
      centred('Số: 12/UBND-KT', 180, 740),
      centred('An Giang, ngày 05 tháng 01 năm 2026', 400, 741),
      centred('V/v phối hợp', 180, 724),
      at(
        'Thực hiện chỉ đạo của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh đề nghị các cơ quan phối hợp.',
        85,
        680,
      ),
    ]
    expect(pageLines(items)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH AN GIANG',
      'Số: 12/UBND-KT',
      'V/v phối hợp',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'An Giang, ngày 05 tháng 01 năm 2026',
      'Thực hiện chỉ đạo của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh đề nghị các cơ quan phối hợp.',
    ])
  })

  it('joins the items of one line with spaces where there are gaps, and drops a page number', () => {
    const items = [
      at('2', 300, 810),
      at('Căn', 85, 700),
      at('cứ', 85 + 3 * 6 + 3, 700),
      at('Luật', 85 + 5 * 6 + 6, 700),
      at('Thủy lợi ngày 19 tháng 6 năm 2017 và các văn bản hướng dẫn thi hành;', 160, 700),
    ]
    expect(pageLines(items)).toEqual([
      'Căn cứ Luật Thủy lợi ngày 19 tháng 6 năm 2017 và các văn bản hướng dẫn thi hành;',
    ])
  })

  it('cuts a line run into the other column at the item gap (narrow gutter)', () => {
    const items = [
      at('Nơi nhận:', 85, 300),
      centred('KT. BỘ TRƯỞNG', 420, 300),
      at('- Như trên;', 85, 285),
      centred('THỨ TRƯỞNG', 420, 285),
      // A long recipient that ends 5 pt before the next title starts: one segment by gap alone.
      at('- Ủy ban nhân dân các tỉnh, thành phố trực thuộc', 85, 270),
      at('PHÓ TRƯỞNG BAN', 85 + 48 * 6 + 5, 270),
      at('- Lưu: VT, KHTC.', 85, 255),
      centred('Lê Văn Khoa', 420, 200),
    ]
    const lines = pageLines(items)
    expect(lines).toContain('- Ủy ban nhân dân các tỉnh, thành phố trực thuộc')
    expect(lines).toContain('PHÓ TRƯỞNG BAN')
    expect(lines.indexOf('- Lưu: VT, KHTC.')).toBeLessThan(lines.indexOf('KT. BỘ TRƯỞNG'))
    expect(lines[lines.length - 1]).toBe('Lê Văn Khoa')
  })

  it('does not pull a left-aligned line under a centred column into it', () => {
    const items = [
      centred('BỘ NGOẠI GIAO', 180, 780),
      centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 400, 780),
      centred('Số: 7/BNG-VP', 180, 764),
      centred('Độc lập - Tự do - Hạnh phúc', 400, 764),
      at('Kính gửi:', 130, 742),
      at('- Bộ Tài chính;', 200, 742 - 16),
    ]
    const lines = pageLines(items)
    expect(lines.indexOf('Kính gửi:')).toBeGreaterThan(lines.indexOf('Độc lập - Tự do - Hạnh phúc'))
  })
})
