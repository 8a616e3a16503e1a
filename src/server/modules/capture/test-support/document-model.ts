/**
 * A document laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I draws it, for tests and the benchmark:
 * the same model renders to plain text (as the vn-docs corpus serialises documents), to a PDF and
 * to a DOCX, so each path into captureFields is exercised on identical content.
 */
import fs from 'node:fs'

export type DocumentModel = {
  /** Ô 2: parent body lines, then issuer lines (upper case). */
  issuerLines: string[]
  /** Ô 3, as printed ("Số: 12/QĐ-UBND", quirks included). */
  numberLine: string
  /** Ô 5b: "V/v …" of a Công văn, one logical line (the PDF wraps it to the column). */
  letterSubject?: string
  /** Ô 10: urgency or secrecy stamp printed under the number. */
  stamp?: string
  /** Ô 4, as printed. */
  dateLine: string
  /** Ô 5a: type name, subject lines and (decisions) the authority line, centred, one per line. */
  titleLines: string[]
  /** Kính gửi: one inline addressee, or a list. */
  addressees?: { inline: string } | { items: string[] }
  body: string[]
  /** Ô 9a/9b: "Nơi nhận:" then "- …;" lines. */
  recipientLines: string[]
  /** Ô 7: authority and title lines, then the name (placeholders such as "(Đã ký)" allowed). */
  signatureLines: string[]
  /** An appendix printed after the signature, one line each. */
  annex?: string[]
}

export const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const

/** The text as the corpus has it: left header column, motto, number, date, title, body, footer. */
export function renderText(doc: DocumentModel): string {
  const lines = [
    ...doc.issuerLines,
    '-------',
    ...MOTTO,
    '---------------',
    doc.numberLine,
    ...(doc.letterSubject ? [doc.letterSubject] : []),
    ...(doc.stamp ? [doc.stamp] : []),
    doc.dateLine,
    '',
    ...doc.titleLines,
    ...addresseeLines(doc),
    ...doc.body,
    '',
    ...doc.recipientLines,
    ...doc.signatureLines,
    ...(doc.annex ?? []),
  ]
  return `${lines.join('\n')}\n`
}

/**
 * The text as `pdftotext -layout` or line-based OCR gives it: header and footer columns side by
 * side on the same lines, separated by runs of spaces, so the two columns interleave.
 */
export function renderLayoutText(doc: DocumentModel): string {
  const side = (left: string[], right: string[]) =>
    Array.from({ length: Math.max(left.length, right.length) }, (_, i) =>
      `${(left[i] ?? '').padEnd(48)}      ${right[i] ?? ''}`.trimEnd(),
    )
  const name = doc.signatureLines[doc.signatureLines.length - 1]!
  const signature = [...doc.signatureLines.slice(0, -1), '', '', name]
  const lines = [
    ...side(
      [
        ...doc.issuerLines,
        doc.numberLine,
        ...(doc.letterSubject ? [doc.letterSubject] : []),
        ...(doc.stamp ? [doc.stamp] : []),
      ],
      [...MOTTO, doc.dateLine],
    ),
    '',
    ...doc.titleLines.map((l) => `${' '.repeat(20)}${l}`),
    ...addresseeLines(doc),
    ...doc.body,
    '',
    ...side(doc.recipientLines, signature),
    ...(doc.annex ?? []),
  ]
  return `${lines.join('\n')}\n`
}

export function addresseeLines(doc: DocumentModel): string[] {
  if (!doc.addressees) return []
  if ('inline' in doc.addressees) return [`Kính gửi: ${doc.addressees.inline}`]
  return ['Kính gửi:', ...doc.addressees.items.map((a) => `- ${a}`)]
}

const FONT_DIRS = ['/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/truetype/liberation']

/**
 * Liberation Serif (Times New Roman metrics, as Phụ lục I asks for Times New Roman), which covers
 * Vietnamese; pdf-lib's standard fonts cannot encode it. Debian package: fonts-liberation2.
 */
export function findSerifFont(style: 'Regular' | 'Bold' | 'Italic' = 'Regular'): Buffer {
  for (const dir of FONT_DIRS) {
    const file = `${dir}/LiberationSerif-${style}.ttf`
    if (fs.existsSync(file)) return fs.readFileSync(file)
  }
  throw new Error(
    `Liberation Serif ${style} not found in ${FONT_DIRS.join(' or ')}: install the Debian package fonts-liberation2 ` +
      '(apt-get install fonts-liberation2); generating Vietnamese PDFs needs a TrueType font with Vietnamese glyphs.',
  )
}
