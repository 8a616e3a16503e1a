import { describe, expect, it } from 'vitest'
import { organNormalCase } from './normal-case.ts'
import { parseNumberText } from './number.ts'
import { canonicalTones, key, looseKey, toLines } from './text.ts'

describe('text helpers', () => {
  it('makes old and new tone placement compare equal, in NFC', () => {
    expect(key('Lê Hải Hoà')).toBe(key('LÊ HẢI HÒA'))
    expect(key('Uỷ ban')).toBe(key('Ủy ban'))
    expect(canonicalTones('khoẻ')).toBe('khỏe')
    // Decomposed input (some PDFs) gives the same key.
    expect(key('Hoa\u0300')).toBe(key('hòa'))
    // Only syllable-final oa/oe/uy move: "hoàn", "quý" keep their mark.
    expect(canonicalTones('hoàn')).toBe('hoàn')
  })

  it('keeps one character per character in the loose key', () => {
    const s = 'Số: 12/QĐ-UBND Đắk Lắk'
    expect(looseKey(s)).toBe('so: 12/qd-ubnd dak lak')
    expect(looseKey(s).length).toBe(s.length)
  })

  it('splits column gaps and blanks out rule lines', () => {
    expect(toLines('BỘ Y TẾ\t\tCỘNG HÒA\n  -------  \n   QUYẾT ĐỊNH')).toEqual([
      'BỘ Y TẾ',
      'CỘNG HÒA',
      '',
      'QUYẾT ĐỊNH',
    ])
  })
})

describe('number and notation', () => {
  it.each([
    ['12 /QĐ- UBND', '12/QĐ-UBND', true],
    ['05/2025/ NQ - HĐND', '05/2025/NQ-HĐND', true],
    ['213/2025/QĐ-UBND', '213/2025/QĐ-UBND', false],
    ['10988/BNV-CQĐP Hà Nội, ngày 21', '10988/BNV-CQĐP', false],
    ['45/TTr–BNG', '45/TTr-BNG', false],
  ])('reads "%s" as %s', (printed, expected, hadSpaces) => {
    const found = parseNumberText(printed)
    expect(found?.numberAndNotation).toBe(expected)
    expect(found?.warnings.some((w) => w.code === 'NUMBER_STRAY_SPACES')).toBe(hadSpaces)
  })

  it('refuses text without a slash', () => {
    expect(parseNumberText('lượng bản: 05')).toBeNull()
  })
})

describe('organ names in normal case (Phụ lục II)', () => {
  it.each([
    ['ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK', 'Ủy ban nhân dân tỉnh Đắk Lắk'],
    ['ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', 'Ủy ban nhân dân Thành phố Hồ Chí Minh'],
    ['BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG', 'Bộ Tài nguyên và Môi trường'],
    ['BAN CHỈ ĐẠO NHÀ NƯỚC VỀ DU LỊCH', 'Ban Chỉ đạo Nhà nước về Du lịch'],
    ['BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH', 'Bộ Văn hóa, Thể thao và Du lịch'],
    ['CỤC HẢI QUAN', 'Cục Hải quan'],
  ])('%s → %s', (upper, normal) => {
    expect(organNormalCase(upper)).toBe(normal)
  })
})
