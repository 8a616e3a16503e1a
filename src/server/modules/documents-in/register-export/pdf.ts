/**
 * The incoming register as a PDF to print and bind (Decree 30/2020 Art. 22 and Annex IV): a portrait
 * cover, then landscape A4 pages with the ten-column table, its header repeated on every page,
 * text wrapped in the cells, page numbers centred at the top from page 2 (Annex I). Times New Roman
 * is asked for; Liberation Serif has the same metrics and covers Vietnamese (fonts-liberation2).
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { embedSerif } from '../../../platform/pdf/fonts.ts'
import { coverLines, REGISTER_COLUMNS, type RegisterExport } from './layout.ts'

const MM = 72 / 25.4
const A4 = { w: 210 * MM, h: 297 * MM }
/** Annex I margins: top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM }
const BODY_SIZE = 10
const HEAD_SIZE = 10
const LINE = 12
const PAD = 3
const BLACK = rgb(0, 0, 0)

type Fonts = { regular: PDFFont; bold: PDFFont }

/** Greedy word wrap with cached word widths (measuring through fontkit is the slow part). */
class Measurer {
  private readonly widths = new Map<string, number>()
  constructor(
    private readonly font: PDFFont,
    private readonly size: number,
  ) {}

  width(text: string): number {
    let w = this.widths.get(text)
    if (w === undefined) {
      w = this.font.widthOfTextAtSize(text, this.size)
      this.widths.set(text, w)
    }
    return w
  }

  wrap(text: string, maxWidth: number): string[] {
    const lines: string[] = []
    for (const paragraph of text.normalize('NFC').split(/\r?\n/)) {
      let line = ''
      let lineWidth = 0
      const space = this.width(' ')
      for (const raw of paragraph.split(/\s+/).filter(Boolean)) {
        for (const word of this.breakWord(raw, maxWidth)) {
          const w = this.width(word)
          if (line && lineWidth + space + w <= maxWidth) {
            line += ` ${word}`
            lineWidth += space + w
          } else {
            if (line) lines.push(line)
            line = word
            lineWidth = w
          }
        }
      }
      lines.push(line)
    }
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
    return lines
  }

  /** A word wider than the cell (a long notation, a URL) is cut between characters. */
  private breakWord(word: string, maxWidth: number): string[] {
    if (this.width(word) <= maxWidth) return [word]
    const parts: string[] = []
    let part = ''
    for (const ch of word) {
      if (part && this.width(part + ch) > maxWidth) {
        parts.push(part)
        part = ch
      } else part += ch
    }
    if (part) parts.push(part)
    return parts
  }
}

function drawCentered(page: PDFPage, text: string, font: PDFFont, size: number, y: number) {
  const t = text.normalize('NFC')
  const w = font.widthOfTextAtSize(t, size)
  page.drawText(t, { x: (page.getWidth() - w) / 2, y, size, font, color: BLACK })
}

function drawCover(pdf: PDFDocument, fonts: Fonts, e: RegisterExport) {
  const page = pdf.addPage([A4.w, A4.h])
  const lines = coverLines(e)
  let y = A4.h - MARGIN.top - 30
  if (e.cover.parentOrganName) {
    drawCentered(page, e.cover.parentOrganName.toUpperCase(), fonts.regular, 13, y)
    y -= 18
  }
  drawCentered(page, e.cover.organName.toUpperCase(), fonts.bold, 13, y)
  y -= 10
  page.drawLine({
    start: { x: A4.w / 2 - 40, y },
    end: { x: A4.w / 2 + 40, y },
    thickness: 0.6,
    color: BLACK,
  })
  y = A4.h * 0.6
  drawCentered(page, e.registerName.toUpperCase(), fonts.bold, 22, y)
  y -= 40
  for (const text of [lines.year, lines.dates, lines.numbers]) {
    drawCentered(page, text, fonts.regular, 14, y)
    y -= 24
  }
  drawCentered(page, 'Quyển số: ............', fonts.regular, 14, y)
}

type Grid = { xs: number[]; widths: number[] }

function grid(width: number): Grid {
  const total = REGISTER_COLUMNS.reduce((s, c) => s + c.width, 0)
  const widths = REGISTER_COLUMNS.map((c) => (c.width / total) * width)
  const xs: number[] = []
  let x = MARGIN.left
  for (const w of widths) {
    xs.push(x)
    x += w
  }
  xs.push(x)
  return { xs, widths }
}

/** Lines of each cell of one row, and the row's height. */
type Block = { cells: string[][]; bold: boolean; height: number }

function block(cells: string[][], bold: boolean): Block {
  const lines = Math.max(1, ...cells.map((c) => c.length))
  return { cells, bold, height: lines * LINE + 2 * PAD }
}

/** The column rules of a page's table, drawn once per page rather than once per row. */
function drawColumnRules(page: PDFPage, g: Grid, top: number, bottom: number) {
  for (const x of g.xs)
    page.drawLine({ start: { x, y: top }, end: { x, y: bottom }, thickness: 0.5, color: BLACK })
}

/** Draws the cells of a block from line `start` up to `count` lines, with its row rules, at `top`. */
function drawBlock(
  page: PDFPage,
  g: Grid,
  fonts: Fonts,
  b: Block,
  top: number,
  start: number,
  count: number,
) {
  const height = count * LINE + 2 * PAD
  const font = b.bold ? fonts.bold : fonts.regular
  const size = b.bold ? HEAD_SIZE : BODY_SIZE
  REGISTER_COLUMNS.forEach((col, i) => {
    const x = g.xs[i]!
    const w = g.widths[i]!
    const lines = b.cells[i]!.slice(start, start + count)
    lines.forEach((line, k) => {
      if (!line) return
      const baseline = top - PAD - (k + 1) * LINE + 2.5
      const center = b.bold || col.align === 'center'
      const dx = center ? (w - font.widthOfTextAtSize(line, size)) / 2 : PAD
      page.drawText(line, { x: x + dx, y: baseline, size, font, color: BLACK })
    })
  })
  const bottom = top - height
  const thickness = 0.5
  page.drawLine({ start: { x: g.xs[0]!, y: top }, end: { x: g.xs.at(-1)!, y: top }, thickness, color: BLACK })
  page.drawLine({
    start: { x: g.xs[0]!, y: bottom },
    end: { x: g.xs.at(-1)!, y: bottom },
    thickness,
    color: BLACK,
  })
  return height
}

export async function renderRegisterPdf(e: RegisterExport): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const fonts: Fonts = { regular: await embedSerif(pdf, 'regular'), bold: await embedSerif(pdf, 'bold') }
  pdf.setTitle(`${e.registerName} ${e.from} – ${e.to}`)
  pdf.setLanguage('vi-VN')
  drawCover(pdf, fonts, e)

  const pageW = A4.h
  const pageH = A4.w
  const g = grid(pageW - MARGIN.left - MARGIN.right)
  const regular = new Measurer(fonts.regular, BODY_SIZE)
  const bold = new Measurer(fonts.bold, HEAD_SIZE)
  const inner = (i: number) => g.widths[i]! - 2 * PAD
  const header = [
    block(
      REGISTER_COLUMNS.map((c, i) => bold.wrap(c.title, inner(i))),
      true,
    ),
    block(
      REGISTER_COLUMNS.map((_, i) => [`(${i + 1})`]),
      true,
    ),
  ]
  const tableTop = pageH - MARGIN.top
  let y = 0
  let fresh = true
  let last: PDFPage | null = null
  const newPage = (): PDFPage => {
    if (last) drawColumnRules(last, g, tableTop, y)
    const page = pdf.addPage([pageW, pageH])
    last = page
    const number = String(pdf.getPageCount())
    const w = fonts.regular.widthOfTextAtSize(number, 12)
    page.drawText(number, {
      x: (pageW - w) / 2,
      y: pageH - MARGIN.top / 2 - 6,
      size: 12,
      font: fonts.regular,
    })
    y = tableTop
    for (const b of header) y -= drawBlock(page, g, fonts, b, y, 0, maxLines(b))
    fresh = true
    return page
  }
  let current = newPage()

  for (const row of e.rows) {
    const b = block(
      REGISTER_COLUMNS.map((c, i) => regular.wrap(c.value(row).text, inner(i))),
      false,
    )
    const total = maxLines(b)
    let start = 0
    while (start < total) {
      const fit = Math.floor((y - MARGIN.bottom - 2 * PAD) / LINE)
      const remaining = total - start
      // A row moves whole to the next page; only a row taller than a page is split.
      if (fit < remaining && !fresh) {
        current = newPage()
        continue
      }
      const count = Math.min(Math.max(fit, 1), remaining)
      y -= drawBlock(current, g, fonts, b, y, start, count)
      fresh = false
      start += count
      if (start < total) current = newPage()
    }
  }
  drawColumnRules(current, g, tableTop, y)
  return pdf.save({ useObjectStreams: true })
}

function maxLines(b: Block): number {
  return Math.max(1, ...b.cells.map((c) => c.length))
}
