/**
 * A member's final answer as a one-document PDF to sign (issue 7: "a final answer may be digitally
 * signed with the member's key"). The layout follows a letter of opinion (Decree 30/2020, Annex I):
 * the member's agency and the national title, "Ý KIẾN" with the consultation's title, every
 * question with its answer, the attached files with their SHA-256 (so the signature covers them),
 * the receipt and its digest, and the signature block whose gap takes the signature image.
 * Times New Roman is asked for; Liberation Serif has its metrics and covers Vietnamese.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import type { TAnswer, TQuestion } from '@common/contracts/consultations'
import { embedSerif, wrapText as wrap } from '../../platform/pdf/fonts.ts'
import type { PlacementHint } from '../../platform/signing/index.ts'
import { OPINION_LABELS, VOTE_LABELS } from './summary.ts'

export type AnswerPdfInput = {
  organizationName: string
  /** The place before the date (địa danh), e.g. "Hà Nội", "Cần Thơ"; null: the date alone. */
  placeName: string | null
  consultationTitle: string
  /** The requester, e.g. "Ủy ban sông Mê Công Việt Nam". */
  addressee: string
  questions: TQuestion[]
  answers: TAnswer[]
  files: { filename: string; sha256: string }[]
  memberName: string
  /** The signature block's title line, e.g. "ỦY VIÊN". */
  signerTitle: string
  receiptNumber: string
  digest: string
  submittedAt: Date
  /** The submitter when not the member (a focal point under delegation). */
  submittedByName: string | null
}

const MM = 72 / 25.4
const A4 = { w: 210 * MM, h: 297 * MM }
/** Annex I margins: top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM }
const SIZE = 13
const LINE = SIZE * 1.3
const BLACK = rgb(0, 0, 0)
/** The gap between the title line and the name, where the signature image goes. */
const SIGNATURE_GAP = 70

type TextRun = PlacementHint['name']
type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont }
type Style = { font?: keyof Fonts; size?: number; align?: 'left' | 'center'; indent?: number }

class Writer {
  page: PDFPage
  y: number
  constructor(
    private doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.page = doc.addPage([A4.w, A4.h])
    this.y = A4.h - MARGIN.top
  }

  get width() {
    return A4.w - MARGIN.left - MARGIN.right
  }

  ensure(height: number) {
    if (this.y - height >= MARGIN.bottom) return
    this.page = this.doc.addPage([A4.w, A4.h])
    this.y = A4.h - MARGIN.top
  }

  text(text: string, style: Style = {}) {
    const font = this.fonts[style.font ?? 'regular']
    const size = style.size ?? SIZE
    const indent = style.indent ?? 0
    for (const line of wrap(text, font, size, this.width - indent)) {
      this.ensure(size * 1.3)
      this.y -= size * 1.3
      const w = font.widthOfTextAtSize(line, size)
      const x = style.align === 'center' ? MARGIN.left + (this.width - w) / 2 : MARGIN.left + indent
      this.page.drawText(line, { x, y: this.y, size, font, color: BLACK })
    }
  }

  /** A line centred in the column [x, x + width] at the current position; returns where it went. */
  centred(text: string, x: number, width: number, font: PDFFont, size: number): TextRun {
    const w = font.widthOfTextAtSize(text, size)
    const x1 = x + (width - w) / 2
    this.page.drawText(text, { x: x1, y: this.y, size, font, color: BLACK })
    return { text, x1, x2: x1 + w, baseline: this.y, size }
  }

  space(points: number) {
    this.y -= points
  }
}

function numberText(n: number, unit: string): string {
  const value = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 }).format(n)
  return unit ? `${value} ${unit}` : value
}

/** The answer to one question as lines of (label, text). */
function answerLines(q: TQuestion, a: TAnswer | undefined): { label: string; text: string }[] {
  if (!a) return [{ label: '', text: '(Không trả lời)' }]
  const lines: { label: string; text: string }[] = []
  if (a.opinion) lines.push({ label: 'Ý kiến: ', text: OPINION_LABELS[a.opinion] })
  if (a.vote) lines.push({ label: 'Biểu quyết: ', text: VOTE_LABELS[a.vote] })
  if (a.choice) lines.push({ label: 'Lựa chọn: ', text: a.choice })
  if (a.choices?.length) lines.push({ label: 'Lựa chọn: ', text: a.choices.join('; ') })
  if (a.number !== undefined) lines.push({ label: 'Giá trị: ', text: numberText(a.number, q.unit ?? '') })
  for (const c of a.sectionComments ?? []) {
    const label = q.sections.find((s) => s.key === c.sectionKey)?.label ?? c.sectionKey
    lines.push({ label: `${label}: `, text: c.comment })
  }
  if (a.text) lines.push({ label: lines.length ? 'Nội dung: ' : '', text: a.text })
  return lines.length ? lines : [{ label: '', text: '(Không trả lời)' }]
}

/** "09:05 ngày 04/12/2026", Hà Nội time. */
function vnDateTime(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('hour')}:${part('minute')} ngày ${part('day')}/${part('month')}/${part('year')}`
}

/**
 * The place name of an agency for its documents (Decree 30/2020, Annex I §II.5): the last part of
 * its address without "Thành phố"/"TP."/"Tỉnh" ("2 Hòa Bình, Ninh Kiều, Cần Thơ" → "Cần Thơ");
 * Hà Nội for a ministry without an address; null when unknown.
 */
export function placeNameOf(org: { address: string | null; kind: string | null }): string | null {
  const last = org.address?.split(',').at(-1)?.trim()
  if (last) return last.replace(/^(thành phố|tp\.?|tỉnh)\s+/iu, '').trim() || null
  return org.kind === 'ministry' ? 'Hà Nội' : null
}

/** "ngày 04 tháng 12 năm 2026" in Hà Nội time (Annex I §II.5: days and months below 10 with a zero). */
function vnLongDate(d: Date): string {
  const [y, m, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d).split('-')
  return `ngày ${day} tháng ${m} năm ${y}`
}

export async function answerPdf(
  input: AnswerPdfInput,
): Promise<{ pdf: Uint8Array; placement: PlacementHint }> {
  const doc = await PDFDocument.create()
  doc.setTitle(`Ý kiến: ${input.consultationTitle}`)
  doc.setAuthor(input.memberName)
  doc.setCreator('Mekong eOffice')
  const fonts: Fonts = {
    regular: await embedSerif(doc, 'regular'),
    bold: await embedSerif(doc, 'bold'),
    italic: await embedSerif(doc, 'italic'),
  }
  const w = new Writer(doc, fonts)
  // Annex I: the agency on the left (about 2/5), the national title and motto on the right, each
  // underlined by a short rule; the place and date in italics under the motto.
  const left = { x: MARGIN.left, width: w.width * 0.4 }
  const right = { x: MARGIN.left + w.width * 0.4, width: w.width * 0.6 }
  const rule = (column: { x: number; width: number }, length: number) =>
    w.page.drawLine({
      start: { x: column.x + (column.width - length) / 2, y: w.y - 4 },
      end: { x: column.x + (column.width + length) / 2, y: w.y - 4 },
      thickness: 0.6,
      color: BLACK,
    })
  const top = w.y
  const agency = wrap(input.organizationName.toLocaleUpperCase('vi'), fonts.bold, 12, left.width)
  agency.forEach((line, i) => {
    w.y = top - 12 - i * 14
    w.centred(line, left.x, left.width, fonts.bold, 12)
  })
  rule(left, 50)
  const leftBottom = w.y
  w.y = top - 12
  w.centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', right.x, right.width, fonts.bold, 12)
  w.y -= 15
  const motto = 'Độc lập - Tự do - Hạnh phúc'
  w.centred(motto, right.x, right.width, fonts.bold, 13)
  rule(right, fonts.bold.widthOfTextAtSize(motto, 13))
  w.y -= 24
  const date = vnLongDate(input.submittedAt)
  const dated = input.placeName ? `${input.placeName}, ${date}` : date.charAt(0).toUpperCase() + date.slice(1)
  w.centred(dated, right.x, right.width, fonts.italic, 13)
  w.y = Math.min(w.y, leftBottom) - 2 * LINE

  w.text('Ý KIẾN CỦA THÀNH VIÊN ỦY BAN', { font: 'bold', size: 14, align: 'center' })
  w.text(input.consultationTitle, { font: 'bold', align: 'center' })
  w.space(LINE)
  w.text(`Kính gửi: ${input.addressee}`, { align: 'center' })
  w.space(LINE / 2)

  input.questions.forEach((q, i) => {
    w.space(LINE / 3)
    w.text(`${i + 1}. ${q.title}`, { font: 'bold' })
    const answer = input.answers.find((a) => a.questionKey === q.key)
    for (const line of answerLines(q, answer)) w.text(`${line.label}${line.text}`, { indent: 14 })
  })

  if (input.files.length) {
    w.space(LINE / 2)
    w.text('Tệp kèm theo (mã băm SHA-256):', { font: 'bold' })
    for (const f of input.files) w.text(`- ${f.filename}: ${f.sha256}`, { indent: 14, size: 11 })
  }

  w.space(LINE / 2)
  const receipt = [
    `Số biên nhận ${input.receiptNumber}, nhận lúc ${vnDateTime(input.submittedAt)}`,
    input.submittedByName ? `, do ${input.submittedByName} gửi thay` : '',
    `. Mã băm SHA-256 của ý kiến: ${input.digest}.`,
  ].join('')
  w.text(receipt, { font: 'italic', size: 11 })

  // The signature block on the right half, kept on one page.
  const half = w.width / 2
  const titleLines = wrap(input.signerTitle.toLocaleUpperCase('vi'), fonts.bold, SIZE, half)
  w.ensure(LINE * (titleLines.length + 1) + SIGNATURE_GAP + LINE)
  w.space(LINE)
  let title: TextRun | null = null
  for (const line of titleLines) {
    w.y -= LINE
    title = w.centred(line, MARGIN.left + half, half, fonts.bold, SIZE)
  }
  w.y -= SIGNATURE_GAP
  const name = w.centred(input.memberName, MARGIN.left + half, half, fonts.bold, SIZE)
  const pageCount = doc.getPageCount()
  return {
    pdf: await doc.save({ useObjectStreams: false }),
    // Where the block is, so signing need not read the page's text to find it.
    placement: { page: pageCount, pageCount, signerName: input.memberName, name, title },
  }
}
