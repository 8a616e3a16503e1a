/**
 * Test support for digitisation (tests and the browser test): scanned letters of known content,
 * laid out as Decree 30/2020 Annex I has them, set in Liberation Serif, rasterised by pdftoppm and
 * wrapped as image-only PDFs (or kept as a JPEG), so what OCR and smart capture should read is known.
 */
import { rasterise, scanPdf, textPagePdf } from '../../platform/ocr/test-fixtures.ts'

export type LetterFacts = {
  number: string
  subject: string
  issuer?: string
  place?: string
  signer?: string
}

/** The letter's text, one printed line per line. */
export function letterText(facts: LetterFacts): string {
  const issuer = facts.issuer ?? 'TỈNH AN GIANG'
  return [
    'ỦY BAN NHÂN DÂN',
    issuer,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    `Số: ${facts.number}`,
    `V/v ${facts.subject}`,
    `${facts.place ?? 'An Giang'}, ngày 12 tháng 3 năm 2026`,
    'Kính gửi: Ủy ban sông Mê Công Việt Nam',
    'Ủy ban nhân dân tỉnh đề nghị Ủy ban sông Mê Công Việt Nam phối hợp thực hiện nội dung nêu trên và gửi ý kiến trước ngày 30 tháng 3 năm 2026.',
    'Nơi nhận:',
    '- Như trên;',
    '- Lưu: VT.',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    facts.signer ?? 'Nguyễn Văn Bình',
  ].join('\n')
}

/** A one-page scan of the letter: colour JPEG at `dpi` in a PDF, or a greyscale page when `isGrey`. */
export async function scannedLetter(
  facts: LetterFacts,
  options: { dpi?: number; isGrey?: boolean; version?: string } = {},
): Promise<Uint8Array> {
  const page = await rasterise(await textPagePdf(letterText(facts)), options.dpi ?? 300, {
    isGrey: options.isGrey ?? false,
  })
  return scanPdf([page], options.version ? { version: options.version } : {})
}

/** The letter photographed or scanned to a colour JPEG (no PDF around it). */
export async function letterJpeg(facts: LetterFacts, dpi = 300): Promise<Uint8Array> {
  return rasterise(await textPagePdf(letterText(facts)), dpi)
}
