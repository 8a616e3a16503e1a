/**
 * The format check (kiểm tra thể thức, Decree 30/2020/NĐ-CP Art. 8 and Annex I): what can be
 * checked from the metadata and the PDF's text before numbering. Problems are 'error' (blocks
 * numbering) or 'warning' (the clerk decides). Pure.
 */
import type { TFormatProblem } from '@common/contracts/documents-out'
import { documentTypeByCode, OFFICIAL_LETTER_CODE } from '@common/document-types'

export type FormatInput = {
  /** The text of the PDF that gets signed; null when none could be read (scanned or pending). */
  text: string | null
  documentType: string
  /** The notation the document gets (e.g. "QĐ-UBMC"), when a register is known. */
  expectedNotation: string | null
  signerName: string
  signerTitle: string | null
  recipientCount: number
}

/** Lower case, NFC, one space for any run of white space, dashes unified: PDF text is irregular. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase()
}

function has(text: string, phrase: string): boolean {
  return text.includes(normalizeText(phrase))
}

/** "ngày 05 tháng 01 năm 2026", also with the day and month left blank until the number is given. */
const DATE_LINE = /ngày[\s.…_]*\d{0,2}[\s.…_]*tháng[\s.…_]*\d{0,2}[\s.…_]*năm\s*\d{4}/
/** "Số: 12/QĐ-UBMC" or "Số: /QĐ-UBMC" (number left blank): the notation after the slash. */
const NUMBER_LINE = /số\s*:\s*[\d.…_ ]*\/\s*([^\s,;]+)/

const TYPES_WITH_SALUTATION = new Set([OFFICIAL_LETTER_CODE, 'TTr', 'BC'])

function problem(code: string, severity: TFormatProblem['severity'], message: string): TFormatProblem {
  return { code, severity, message }
}

function checkText(input: FormatInput, text: string): TFormatProblem[] {
  const problems: TFormatProblem[] = []
  const type = documentTypeByCode(input.documentType)
  if (!has(text, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') && !has(text, 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'))
    problems.push(
      problem(
        'NATIONAL_TITLE_MISSING',
        'error',
        'Thiếu Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (ô số 1).',
      ),
    )
  if (!has(text, 'Độc lập - Tự do - Hạnh phúc'))
    problems.push(problem('MOTTO_MISSING', 'error', 'Thiếu Tiêu ngữ "Độc lập - Tự do - Hạnh phúc" (ô số 1).'))
  const numberLine = NUMBER_LINE.exec(text)
  if (!numberLine && !/số\s*:/.test(text)) {
    problems.push(problem('NUMBER_LINE_MISSING', 'error', 'Thiếu dòng "Số: …/…" (số, ký hiệu, ô số 3).'))
  } else if (numberLine && input.expectedNotation) {
    const found = numberLine[1]!.replace(/[.,;]+$/, '')
    if (found !== normalizeText(input.expectedNotation))
      problems.push(
        problem(
          'NOTATION_MISMATCH',
          'error',
          `Ký hiệu trên văn bản "${found.toUpperCase()}" không khớp với ký hiệu theo loại văn bản và cơ quan "${input.expectedNotation}".`,
        ),
      )
  }
  if (!DATE_LINE.test(text))
    problems.push(
      problem(
        'DATE_LINE_MISSING',
        'error',
        'Thiếu địa danh và thời gian ban hành "…, ngày … tháng … năm …" (ô số 4).',
      ),
    )
  if (type && input.documentType !== OFFICIAL_LETTER_CODE && type.abbreviation !== null) {
    if (!has(text, type.name.toUpperCase()))
      problems.push(
        problem(
          'TYPE_NAME_MISSING',
          'error',
          `Thiếu tên loại văn bản "${type.name.toUpperCase()}" (ô số 5a).`,
        ),
      )
  }
  if (input.documentType === OFFICIAL_LETTER_CODE && !/v\/v/.test(text))
    problems.push(
      problem(
        'SUBJECT_LINE_MISSING',
        'warning',
        'Công văn cần trích yếu "V/v …" dưới số, ký hiệu (ô số 5b).',
      ),
    )
  if (TYPES_WITH_SALUTATION.has(input.documentType) && !has(text, 'Kính gửi'))
    problems.push(problem('SALUTATION_MISSING', 'warning', 'Thiếu "Kính gửi:" (ô số 9a).'))
  if (!has(text, 'Nơi nhận'))
    problems.push(problem('RECIPIENTS_BLOCK_MISSING', 'error', 'Thiếu phần "Nơi nhận:" (ô số 9b).'))
  else if (!/lưu\s*:/.test(text))
    problems.push(problem('FILING_LINE_MISSING', 'warning', 'Phần nơi nhận thiếu dòng "Lưu: VT, …".'))
  if (!has(text, input.signerName))
    problems.push(
      problem('SIGNER_NAME_MISSING', 'error', `Không thấy họ tên người ký "${input.signerName}" (ô số 7b).`),
    )
  if (input.signerTitle && !has(text, input.signerTitle))
    problems.push(
      problem(
        'SIGNER_TITLE_MISSING',
        'warning',
        `Không thấy chức vụ người ký "${input.signerTitle}" (ô số 7a).`,
      ),
    )
  return problems
}

/** Every problem found, errors first. */
export function checkFormat(input: FormatInput): TFormatProblem[] {
  const problems: TFormatProblem[] = []
  if (input.recipientCount === 0)
    problems.push(problem('NO_RECIPIENTS', 'error', 'Văn bản chưa có nơi nhận.'))
  if (input.text === null || input.text.trim().length < 20) {
    problems.push(
      problem(
        'TEXT_UNAVAILABLE',
        'warning',
        'Không đọc được nội dung tệp PDF (bản quét hoặc chưa trích xuất xong); kiểm tra thể thức bằng mắt.',
      ),
    )
  } else {
    problems.push(...checkText(input, normalizeText(input.text)))
  }
  return problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
}
