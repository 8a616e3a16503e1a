import { describe, expect, it } from 'vitest'
import { ZCaptureResult } from '@common/contracts/capture'
import { captureFields } from './capture-fields.ts'

/** A Công văn laid out as the corpus serialises it (left header column, motto, number, date). */
const LETTER = `ỦY BAN SÔNG MÊ CÔNG
VIỆT NAM
VĂN PHÒNG THƯỜNG TRỰC
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 15 /VPTT- HTQT
V/v chia sẻ số liệu quan trắc mực nước
tại các trạm thủy văn năm 2026
Hà Nội ngày 5 tháng 3 năm 2026

Kính gửi:
- Bộ Nông nghiệp và Môi trường;
- Ủy ban nhân dân các tỉnh, thành phố
thuộc vùng đồng bằng sông Cửu Long.
Thực hiện chương trình hợp tác với Ủy hội sông Mê Công quốc tế, Văn phòng Thường trực đề nghị Quý cơ quan cung cấp số liệu quan trắc.
Trân trọng./.

Nơi nhận:
- Như trên;
- Chủ tịch Ủy ban (để báo cáo);
- Lưu: VT, HTQT (02b).
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Nguyễn Thị Thuỷ
`

/** A decision with a parent body, an upper-case subject over two lines and an authority line. */
const DECISION = `BỘ QUỐC PHÒNG
BỘ TƯ LỆNH QUÂN KHU 9
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số:213/2025/QĐ-BTL
Cần Thơ, ngày 09 tháng 02 năm 2025

QUYẾT ĐỊNH
VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC ỨNG PHÓ
THIÊN TAI VÀ TÌM KIẾM CỨU NẠN NĂM 2025
TƯ LỆNH QUÂN KHU 9
Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;
QUYẾT ĐỊNH:
Điều 1. Thành lập Tổ công tác.

Nơi nhận:
- Như Điều 3;
- Bộ Tổng Tham mưu (để báo cáo);
- Lưu: VT, TM.
TM. ĐẢNG ỦY
KT. TƯ LỆNH
PHÓ TƯ LỆNH
(Đã ký)
Thiếu tướng Trần Văn Hoà
`

describe('captureFields on a letter (Công văn)', () => {
  const r = captureFields(LETTER)

  it('joins a number broken by stray spaces and says so', () => {
    expect(r.numberAndNotation).toBe('15/VPTT-HTQT')
    expect(r.number).toBe('15')
    expect(r.notation).toBe('VPTT-HTQT')
    expect(r.yearInNumber).toBeNull()
    expect(r.warnings.map((w) => w.code)).toContain('NUMBER_STRAY_SPACES')
    expect(r.confidence.numberAndNotation).toBeLessThan(0.9)
  })

  it('reads a date line without its comma or leading zeros', () => {
    expect(r.place).toBe('Hà Nội')
    expect(r.issueDate).toBe('2026-03-05')
    expect(r.warnings.map((w) => w.code)).toContain('DATE_LINE_NO_COMMA')
  })

  it('takes the last organ of the header as issuer and the one above as parent', () => {
    expect(r.issuer).toBe('VĂN PHÒNG THƯỜNG TRỰC')
    expect(r.issuerParent).toBe('ỦY BAN SÔNG MÊ CÔNG VIỆT NAM')
    expect(r.issuerName).toBe('Văn phòng Thường trực')
  })

  it('reads a V/v subject wrapped over two lines as a Công văn', () => {
    expect(r.documentType).toBe('Công văn')
    expect(r.documentTypeCode).toBe('CV')
    expect(r.subject).toBe('chia sẻ số liệu quan trắc mực nước tại các trạm thủy văn năm 2026')
  })

  it('lists addressees, joining a wrapped one, and recipients up to the filing line', () => {
    expect(r.addressees).toEqual([
      'Bộ Nông nghiệp và Môi trường',
      'Ủy ban nhân dân các tỉnh, thành phố thuộc vùng đồng bằng sông Cửu Long',
    ])
    expect(r.recipients).toEqual(['Như trên', 'Chủ tịch Ủy ban (để báo cáo)', 'Lưu: VT, HTQT (02b)'])
  })

  it('reads the signer, keeping the printed tone placement', () => {
    expect(r.signerName).toBe('Nguyễn Thị Thuỷ')
    expect(r.signerTitle).toBe('PHÓ CHÁNH VĂN PHÒNG')
    expect(r.signingAuthority).toBe('KT.')
    expect(r.signerRank).toBeNull()
  })

  it('satisfies the contract', () => {
    expect(() => ZCaptureResult.parse(r)).not.toThrow()
  })
})

describe('captureFields on a decision', () => {
  const r = captureFields(DECISION)

  it('reads a legal-style number with its year', () => {
    expect(r.numberAndNotation).toBe('213/2025/QĐ-BTL')
    expect(r.yearInNumber).toBe(2025)
    expect(r.notation).toBe('QĐ-BTL')
  })

  it('joins a two-line subject and leaves out the authority line', () => {
    expect(r.documentType).toBe('Quyết định')
    expect(r.subject).toBe('VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC ỨNG PHÓ THIÊN TAI VÀ TÌM KIẾM CỨU NẠN NĂM 2025')
  })

  it('strips the rank, skips the placeholder and keeps the first authority (TM.)', () => {
    expect(r.signerName).toBe('Trần Văn Hoà')
    expect(r.signerRank).toBe('Thiếu tướng')
    expect(r.signerTitle).toBe('PHÓ TƯ LỆNH')
    expect(r.signingAuthority).toBe('TM.')
    expect(r.warnings.map((w) => w.code)).toContain('SIGNER_RANK_STRIPPED')
  })

  it('reads the issuer and its parent', () => {
    expect(r.issuer).toBe('BỘ TƯ LỆNH QUÂN KHU 9')
    expect(r.issuerParent).toBe('BỘ QUỐC PHÒNG')
    expect(r.place).toBe('Cần Thơ')
    expect(r.issueDate).toBe('2025-02-09')
  })
})

describe('captureFields on awkward text', () => {
  it('reads two columns interleaved on each line (pdftotext -layout, OCR)', () => {
    const text = [
      'ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH AN GIANG                      Độc lập - Tự do - Hạnh phúc',
      'Số: 08/KH-UBND                     An Giang, ngày 01 tháng 02 năm 2026',
      '',
      '                 KẾ HOẠCH',
      '   ỨNG PHÓ HẠN HÁN, XÂM NHẬP MẶN MÙA KHÔ NĂM 2026',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Bảo đảm nước sinh hoạt cho người dân.',
      'Nơi nhận:                          TM. ỦY BAN NHÂN DÂN',
      '- Bộ Nông nghiệp và Môi trường;    KT. CHỦ TỊCH',
      '- Các sở, ban, ngành tỉnh;         PHÓ CHỦ TỊCH',
      '- Lưu: VT, KT.',
      '                                   Lê Văn Khoa',
    ].join('\n')
    const r = captureFields(text)
    expect(r).toMatchObject({
      numberAndNotation: '08/KH-UBND',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH AN GIANG',
      issuerParent: null,
      issuerName: 'Ủy ban nhân dân tỉnh An Giang',
      place: 'An Giang',
      issueDate: '2026-02-01',
      documentType: 'Kế hoạch',
      subject: 'ỨNG PHÓ HẠN HÁN, XÂM NHẬP MẶN MÙA KHÔ NĂM 2026',
      signerName: 'Lê Văn Khoa',
      signerTitle: 'PHÓ CHỦ TỊCH',
      signingAuthority: 'TM.',
      recipients: ['Bộ Nông nghiệp và Môi trường', 'Các sở, ban, ngành tỉnh', 'Lưu: VT, KT'],
    })
  })

  it('keeps a sentence-case subject that opens like a body paragraph, and an inline addressee', () => {
    const r = captureFields(
      'BỘ NGOẠI GIAO\nSố: 7/TTr-BNG\nHà Nội, ngày 10 tháng 10 năm 2025\nTỜ TRÌNH\nThực hiện Hiệp định Mê Công năm 1995\nKính gửi: Thủ tướng Chính phủ\nBộ Ngoại giao kính trình Thủ tướng Chính phủ xem xét, quyết định.\nNơi nhận:\n- Như trên;\n- Lưu: VT, LPQT.\nBỘ TRƯỞNG\nLê Hoài Trung',
    )
    expect(r.documentType).toBe('Tờ trình')
    expect(r.subject).toBe('Thực hiện Hiệp định Mê Công năm 1995')
    expect(r.addressees).toEqual(['Thủ tướng Chính phủ'])
    expect(r.signingAuthority).toBeNull()
    expect(r.signerTitle).toBe('BỘ TRƯỞNG')
  })

  it('notes a blank number, a lost dot after KT and an honorific before the name', () => {
    const r = captureFields(
      'BỘ Y TẾ\nSố:     /QĐ-BYT\nHà Nội, ngày      tháng 3 năm 2026\nQUYẾT ĐỊNH\nVề việc ban hành quy chế\nNơi nhận:\n- Lưu: VT.\nKT BỘ TRƯỞNG\nTHỨ TRƯỞNG\nPGS.TS. Trần Văn Thuấn',
    )
    expect(r.numberAndNotation).toBe('/QĐ-BYT')
    expect(r.number).toBeNull()
    expect(r.notation).toBe('QĐ-BYT')
    expect(r.issueDate).toBeNull()
    expect(r.signingAuthority).toBe('KT.')
    expect(r.signerName).toBe('Trần Văn Thuấn')
    const codes = r.warnings.map((w) => w.code)
    expect(codes).toEqual(
      expect.arrayContaining([
        'NUMBER_UNNUMBERED',
        'SIGNING_AUTHORITY_NO_DOT',
        'SIGNER_HONORIFIC_STRIPPED',
        'DATE_NOT_FOUND',
      ]),
    )
  })

  it('reads a date printed with slashes', () => {
    const r = captureFields('BỘ Y TẾ\nSố: 9/BYT-KHTC\nHà Nội, ngày 07/11/2025\nV/v báo cáo')
    expect(r.place).toBe('Hà Nội')
    expect(r.issueDate).toBe('2025-11-07')
  })

  it('rejects an impossible date and falls back to the notation for the type', () => {
    const r = captureFields(
      'SỞ TÀI CHÍNH\nSố: 12/TB-STC\nCà Mau, ngày 30 tháng 02 năm 2026\nNội dung không có tiêu đề.',
    )
    expect(r.issueDate).toBeNull()
    expect(r.place).toBe('Cà Mau')
    expect(r.documentType).toBe('Thông báo')
    expect(r.confidence.documentType).toBeLessThanOrEqual(0.6)
    expect(r.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['DATE_INVALID', 'TYPE_FROM_NOTATION', 'RECIPIENTS_NOT_FOUND']),
    )
  })

  it('flags a title that contradicts the notation, and a secrecy mark', () => {
    const r = captureFields(
      'BỘ CÔNG AN\nSố: 3/QĐ-BCA\nMẬT\nHà Nội, ngày 02 tháng 01 năm 2026\nTHÔNG BÁO\nKẾT LUẬN CUỘC HỌP',
    )
    expect(r.documentType).toBe('Thông báo')
    expect(r.confidence.documentType).toBeLessThan(0.9)
    expect(r.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['TYPE_NOTATION_MISMATCH', 'SECRECY_MARK']),
    )
  })

  it('reads text that lost its diacritics (OCR) for the structure', () => {
    const r = captureFields(
      'BO TAI CHINH\nCUC THUE\nSo: 45/CT-TTHT\nHa Noi, ngay 3 thang 4 nam 2026\nV/v huong dan\nNoi nhan:\n- Luu: VT.\nKT. CUC TRUONG\nPHO CUC TRUONG\nNguyen Van An',
    )
    expect(r).toMatchObject({
      numberAndNotation: '45/CT-TTHT',
      issuer: 'CUC THUE',
      issuerParent: 'BO TAI CHINH',
      issueDate: '2026-04-03',
      documentType: 'Công văn',
      subject: 'huong dan',
      signerName: 'Nguyen Van An',
      recipients: ['Luu: VT'],
    })
  })

  it('returns empty fields, with warnings, for text that is no document', () => {
    const r = captureFields('Biên bản bàn giao tài sản không theo mẫu.\n')
    expect(r.numberAndNotation).toBeNull()
    expect(r.issuer).toBeNull()
    expect(r.recipients).toEqual([])
    expect(Object.values(r.confidence).every((c) => c >= 0 && c <= 1)).toBe(true)
    expect(r.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['NUMBER_NOT_FOUND', 'DATE_NOT_FOUND', 'ISSUER_NOT_FOUND']),
    )
  })
})
