/**
 * Render a DocumentModel to an A4 PDF the way Phụ lục I lays it out: margins 30/15/20/20 mm, a
 * two-column header (issuer, number and "V/v" left; motto and date right), centred title,
 * justified-width body, and a two-column footer (recipients left, signature right). Long lines
 * wrap to their column, so the text layer has the wrapped lines a real PDF has.
 */
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib'
import { addresseeLines, findSerifFont, MOTTO, type DocumentModel } from './document-model.ts'

const MM = 72 / 25.4
const PAGE = { width: 210 * MM, height: 297 * MM }
const MARGIN = { left: 30 * MM, right: 15 * MM, top: 20 * MM, bottom: 20 * MM }
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right
/** Header and footer columns: about 6.5 cm and 9.5 cm of the 16.5 cm line. */
const LEFT_COL = WIDTH * 0.4

type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont }
type Styled = { text: string; size: number; font: keyof Fonts }

export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      out.push(line)
      line = word
    } else line = candidate
  }
  if (line) out.push(line)
  return out
}

/**
 * Word processors write a line as several text runs; some lines here are drawn word by word
 * (chosen by a hash of the text, so output is deterministic) to give the extractor both shapes.
 */
function drawLine(page: PDFPage, text: string, x: number, y: number, size: number, font: PDFFont): void {
  let hash = 0
  for (const ch of text) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0
  if (hash % 3 !== 0) {
    page.drawText(text, { x, y, size, font })
    return
  }
  let at = x
  for (const word of text.split(' ')) {
    page.drawText(word, { x: at, y, size, font })
    at += font.widthOfTextAtSize(`${word} `, size)
  }
}

class Writer {
  page: PDFPage
  y: number
  pages = 1
  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.page = pdf.addPage([PAGE.width, PAGE.height])
    this.y = PAGE.height - MARGIN.top
  }

  ensure(height: number): void {
    if (this.y - height >= MARGIN.bottom) return
    this.page = this.pdf.addPage([PAGE.width, PAGE.height])
    this.pages++
    // Pages after the first carry their number, centred in the top margin (Phụ lục I §I.6).
    const label = String(this.pages)
    const w = this.fonts.regular.widthOfTextAtSize(label, 12)
    this.page.drawText(label, {
      x: PAGE.width / 2 - w / 2,
      y: PAGE.height - 12 * MM,
      size: 12,
      font: this.fonts.regular,
    })
    this.y = PAGE.height - MARGIN.top
  }

  /** Lines of one column: x0, width, centred or left-aligned. Returns the height used. */
  column(lines: Styled[], x0: number, width: number, align: 'center' | 'left', top: number): number {
    let y = top
    for (const l of lines) {
      const font = this.fonts[l.font]
      for (const part of wrap(l.text, font, l.size, width)) {
        y -= l.size * 1.25
        const w = font.widthOfTextAtSize(part, l.size)
        const x = align === 'center' ? x0 + (width - w) / 2 : x0
        if (part) drawLine(this.page, part, x, y, l.size, font)
      }
      if (!l.text) y -= l.size * 1.25
    }
    return top - y
  }

  full(lines: Styled[], align: 'center' | 'left', indent = 0): void {
    for (const l of lines) {
      const font = this.fonts[l.font]
      for (const part of wrap(l.text, font, l.size, WIDTH - indent)) {
        this.ensure(l.size * 1.3)
        this.y -= l.size * 1.3
        const w = font.widthOfTextAtSize(part, l.size)
        const x = align === 'center' ? MARGIN.left + (WIDTH - w) / 2 : MARGIN.left + indent
        drawLine(this.page, part, x, this.y, l.size, font)
      }
    }
  }

  twoColumns(left: Styled[], right: Styled[], leftAlign: 'center' | 'left'): void {
    const height = (lines: Styled[], width: number) =>
      lines.reduce(
        (h, l) => h + Math.max(1, wrap(l.text, this.fonts[l.font], l.size, width).length) * l.size * 1.25,
        0,
      )
    this.ensure(Math.max(height(left, LEFT_COL), height(right, WIDTH - LEFT_COL)))
    const top = this.y
    const used = Math.max(
      this.column(left, MARGIN.left, LEFT_COL, leftAlign, top),
      this.column(right, MARGIN.left + LEFT_COL, WIDTH - LEFT_COL, 'center', top),
    )
    this.y = top - used - 6
  }
}

const at = (text: string, size: number, font: keyof Fonts = 'regular'): Styled => ({ text, size, font })

export async function renderPdf(doc: DocumentModel): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  const fonts: Fonts = {
    regular: await pdf.embedFont(findSerifFont('Regular'), { subset: true }),
    bold: await pdf.embedFont(findSerifFont('Bold'), { subset: true }),
    italic: await pdf.embedFont(findSerifFont('Italic'), { subset: true }),
  }
  const w = new Writer(pdf, fonts)
  const issuer = doc.issuerLines.map((l, i) =>
    at(l, 12.5, i === doc.issuerLines.length - 1 ? 'bold' : 'regular'),
  )
  w.twoColumns(
    [
      ...issuer,
      at(doc.numberLine, 13),
      ...(doc.letterSubject ? [at(doc.letterSubject, 12)] : []),
      ...(doc.stamp ? [at(doc.stamp, 13, 'bold')] : []),
    ],
    [at(MOTTO[0], 12.5, 'bold'), at(MOTTO[1], 13.5, 'bold'), at('', 6), at(doc.dateLine, 13, 'italic')],
    'center',
  )
  w.y -= 10
  w.full(
    doc.titleLines.map((l, i) => at(l, 14, i === 0 || l === l.toUpperCase() ? 'bold' : 'regular')),
    'center',
  )
  w.y -= 6
  w.full(
    addresseeLines(doc).map((l) => at(l, 14)),
    'left',
    40,
  )
  for (const paragraph of doc.body) w.full([at(paragraph, 14)], 'left')
  w.y -= 10
  const recipients = doc.recipientLines.map((l, i) => at(l, i === 0 ? 12 : 11, i === 0 ? 'bold' : 'regular'))
  const signature = doc.signatureLines
    .map((l) => at(l, 14, 'bold'))
    .flatMap((l, i, all) =>
      // Room for the signature and seal above the name.
      i === all.length - 1 ? [at('', 14), at('', 14), at('', 14), l] : [l],
    )
  w.twoColumns(recipients, signature, 'left')
  if (doc.annex) {
    w.ensure(PAGE.height)
    w.full(
      doc.annex.map((l) => at(l, 13, 'bold')),
      'center',
    )
  }
  return pdf.save()
}
