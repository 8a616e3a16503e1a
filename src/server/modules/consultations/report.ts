/**
 * The consultation summary as a report (báo cáo tổng hợp ý kiến) in the administrative layout of
 * Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm;
 * Times New Roman 13–14 pt; the issuer and the national title side by side in a borderless
 * table, the number line and the place and date line under them; the type name and the subject
 * centred; body justified with a first-line indent; page numbers centred in the header from the
 * second page; the recipients ("Nơi nhận") and the signature block side by side at the end.
 *
 * The text is Vietnamese whatever the reader's language: an administrative document is written in
 * Vietnamese (Nghị định 30/2020/NĐ-CP), so its fixed wording lives in TEXT below, not in the UI
 * catalogs. The PDF is the DOCX converted by LibreOffice (platform/convert).
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type {
  Disposition,
  MajorityRule,
  SilenceRule,
  TAnswer,
  TConsultationSummary,
  TPerson,
  TResponseTableRow,
} from '@common/contracts/consultations'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { DocxConverter } from '../../platform/convert/index.ts'
import { OPINION_LABELS, VOTE_LABELS } from './summary.ts'

export type ReportOptions = {
  /** The notation after "Số: …/" (the number is left blank until the report is registered). */
  notation?: string
  /** The signature block, e.g. "CHÁNH VĂN PHÒNG" and the signer's name (blank lines when unknown). */
  signerTitle?: string
  signerName?: string | null
}

const TEXT = {
  parentIssuer: 'ỦY BAN SÔNG MÊ CÔNG VIỆT NAM',
  issuer: 'VĂN PHÒNG THƯỜNG TRỰC',
  nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  place: 'Hà Nội',
  notation: 'BC-VPTT',
  typeName: 'BÁO CÁO',
  addressee: 'Kính gửi: Lãnh đạo Ủy ban sông Mê Công Việt Nam.',
  signerTitle: 'CHÁNH VĂN PHÒNG',
  recipients: ['- Như trên;', '- Các thành viên Ủy ban (để biết);', '- Lưu: VT, VPTT.'],
}

const SILENCE_TEXT: Record<SilenceRule, string> = {
  agree: 'được tính là đồng ý (đối với nội dung biểu quyết: tán thành)',
  abstain: 'được tính là không biểu quyết đối với nội dung biểu quyết và không được tính đối với ý kiến',
  not_counted: 'không được tính vào kết quả',
}
const MAJORITY_TEXT: Record<MajorityRule, string> = {
  simple: 'số tán thành quá một nửa tổng số phiếu tán thành và không tán thành',
  absolute: 'số tán thành quá một nửa tổng số thành viên được lấy ý kiến',
  two_thirds: 'số tán thành đạt ít nhất hai phần ba tổng số thành viên được lấy ý kiến',
}
const RESULT_TEXT = {
  adopted: 'THÔNG QUA',
  rejected: 'KHÔNG THÔNG QUA',
  no_quorum: 'KHÔNG ĐỦ TỶ LỆ THAM GIA',
}
const DISPOSITION_TEXT: Record<Disposition, string> = {
  accepted: 'Tiếp thu',
  partly_accepted: 'Tiếp thu một phần',
  explained: 'Giải trình',
  noted: 'Ghi nhận',
}
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI']

const MM = convertMillimetersToTwip
const FONT = 'Times New Roman'
/** A4 210 mm less the left (30 mm) and right (15 mm) margins. */
const CONTENT = MM(165)
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' }
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
}

type RunStyle = { bold?: boolean; italics?: boolean; size?: number }
type ParaStyle = RunStyle & {
  align?: 'left' | 'center' | 'justify'
  indent?: boolean
  after?: number
  before?: number
  keepNext?: boolean
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED }

function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({ text, bold: s.bold, italics: s.italics, size: (s.size ?? 14) * 2, font: FONT })
}

function para(content: string | TextRun[], s: ParaStyle = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[s.align ?? 'justify'],
    indent: s.indent === false ? undefined : { firstLine: MM(10) },
    spacing: { before: (s.before ?? 0) * 20, after: (s.after ?? 6) * 20 },
    keepNext: s.keepNext,
    children: typeof content === 'string' ? [run(content, s)] : content,
  })
}

/** A centred line of text with no indent or spacing (header blocks, table cells). */
function line(
  text: string,
  s: RunStyle & { align?: 'left' | 'center' | 'justify'; after?: number; before?: number } = {},
) {
  return para(text, { align: 'center', indent: false, after: 0, ...s })
}

/** The short rule under the issuer, the motto and the subject: a bottom border on an empty paragraph of that width. */
function rule(columnWidth: number, ruleWidth: number): Paragraph {
  const side = Math.max(0, Math.round((columnWidth - ruleWidth) / 2))
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 40, after: 0, line: 60 },
    border: { bottom: LINE },
    children: [run('', { size: 2 })],
  })
}

function borderless(columns: number[], rows: Paragraph[][][], indent = 0): Table {
  return new Table({
    borders: NO_BORDERS,
    indent: { size: indent, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: columns,
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (children, i) =>
              new TableCell({
                children,
                width: { size: columns[i]!, type: WidthType.DXA },
                margins: { left: 0, right: 0 },
              }),
          ),
        }),
    ),
  })
}

const vnTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
function parts(iso: string) {
  const p = Object.fromEntries(vnTime.formatToParts(new Date(iso)).map((x) => [x.type, x.value]))
  return { day: p.day!, month: p.month!, year: p.year!, hour: p.hour!, minute: p.minute! }
}
/** dd/mm/yyyy in Viet Nam time. */
function date(iso: string): string {
  const p = parts(iso)
  return `${p.day}/${p.month}/${p.year}`
}
/** hh:mm dd/mm/yyyy in Viet Nam time. */
function dateTime(iso: string): string {
  const p = parts(iso)
  return `${p.hour} giờ ${p.minute} ngày ${p.day}/${p.month}/${p.year}`
}
/** "Hà Nội, ngày 05 tháng 01 năm 2026": a zero before days under 10 and months 1 and 2 (Phụ lục I). */
function placeAndDate(iso: string): string {
  const p = parts(iso)
  const month = Number(p.month) < 3 ? p.month : String(Number(p.month))
  return `${TEXT.place}, ngày ${p.day} tháng ${month} năm ${p.year}`
}

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })
function percent(count: number, of: number): string {
  return of
    ? `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format((count * 100) / of)}%`
    : '0%'
}
function who(p: TPerson): string {
  return [p.fullName, p.position, p.organizationName].filter(Boolean).join(', ')
}
/** "Dự thảo Quy chế" → "dự thảo Quy chế" after "về"; acronyms ("MRC …") are kept. */
function lowerFirst(title: string): string {
  return /^\p{Lu}\p{Ll}/u.test(title) ? title[0]!.toLocaleLowerCase('vi') + title.slice(1) : title
}

function heading(index: number, text: string): Paragraph {
  return para(`${ROMAN[index]}. ${text}`, { bold: true, indent: false, before: 6, keepNext: true })
}

/**
 * The issuer (left) and the national title (right), then the number and the place and date: the
 * block reaches 5 mm into the left margin, as agencies type it, so that each name fits on one line.
 */
function header(s: TConsultationSummary, o: ReportOptions): Table {
  const left = MM(72)
  const right = CONTENT + MM(5) - left
  return borderless(
    [left, right],
    [
      [
        [
          line(TEXT.parentIssuer, { size: 12 }),
          line(TEXT.issuer, { size: 12, bold: true }),
          rule(left, MM(26)),
        ],
        [
          line(TEXT.nationalTitle, { size: 12, bold: true }),
          line(TEXT.motto, { size: 13, bold: true }),
          rule(right, MM(60)),
        ],
      ],
      [
        [line(`Số:        /${o.notation ?? TEXT.notation}`, { size: 13, before: 4 })],
        [line(placeAndDate(s.generatedAt), { size: 14, italics: true, before: 4 })],
      ],
    ],
    -MM(5),
  )
}

function title(s: TConsultationSummary): Paragraph[] {
  const out = [
    para(TEXT.typeName, { align: 'center', indent: false, bold: true, before: 18, after: 0 }),
    line(`Tổng hợp ý kiến thành viên Ủy ban về ${lowerFirst(s.consultation.title)}`, {
      bold: true,
      size: 14,
    }),
    rule(CONTENT, MM(40)),
  ]
  if (!s.final)
    out.push(line('(Số liệu tạm tính: việc lấy ý kiến chưa kết thúc)', { italics: true, size: 13, after: 0 }))
  out.push(para(TEXT.addressee, { align: 'center', indent: false, before: 12, after: 12 }))
  return out
}

function participation(s: TConsultationSummary): Paragraph[] {
  const onBehalf = s.opinions.filter((o) => o.onBehalf).length
  const out = [
    para(`Số thành viên được lấy ý kiến: ${s.participants}.`),
    para(
      `Số thành viên đã trả lời: ${s.answered}/${s.participants} (${percent(s.answered, s.participants)})` +
        (onBehalf
          ? `, trong đó ${onBehalf} ý kiến do đầu mối giúp việc gửi thay theo ủy quyền của thành viên.`
          : '.'),
    ),
  ]
  if (!s.final) {
    const waiting = s.participants - s.answered
    out.push(para(`Việc lấy ý kiến chưa kết thúc; còn ${waiting} thành viên chưa trả lời.`))
  } else if (s.silent.length) {
    out.push(
      para(
        `Số thành viên không trả lời đến hết hạn: ${s.silent.length} (${s.silent.map(who).join('; ')}). ` +
          `Theo quy định của đợt lấy ý kiến (đã thông báo cho các thành viên), thành viên không trả lời ${SILENCE_TEXT[s.consultation.silenceRule]}.`,
      ),
    )
  } else out.push(para('Tất cả thành viên được lấy ý kiến đã trả lời.'))
  return out
}

function results(s: TConsultationSummary): Paragraph[] {
  const out: Paragraph[] = []
  s.questions.forEach((q, i) => {
    out.push(para(`${i + 1}. ${q.title}`, { bold: true, keepNext: true }))
    const bullet = (text: string) => para(`- ${text}`)
    // A list's items end with ";" and the last one with "."
    const list = (items: string[]) => items.map((t, k) => bullet(`${t}${k === items.length - 1 ? '.' : ';'}`))
    if (q.kind === 'opinion' || q.kind === 'motion') {
      const silenceValue =
        q.kind === 'opinion' ? 'agree' : s.consultation.silenceRule === 'agree' ? 'approve' : 'abstain'
      out.push(
        ...list(
          q.tallies.map((t) => {
            const bySilence =
              q.countedBySilence && t.value === silenceValue
                ? `, trong đó ${q.countedBySilence} thành viên không trả lời được tính theo quy định`
                : ''
            return `${t.label}: ${t.count}/${s.participants} thành viên (${percent(t.count, s.participants)})${bySilence}`
          }),
        ),
      )
    }
    if (q.motion) {
      out.push(
        para([
          run('Kết quả: '),
          run(RESULT_TEXT[q.motion.result], { bold: true }),
          run(`. ${q.motion.explanation}.`),
        ]),
        para(
          `(Quy tắc: tỷ lệ tham gia tối thiểu ${s.consultation.quorumPercent}% số thành viên; thông qua khi ${MAJORITY_TEXT[s.consultation.majority]}.)`,
          { italics: true, size: 13 },
        ),
      )
    }
    if (q.kind === 'single_choice' || q.kind === 'multiple_choice')
      out.push(...list(q.tallies.map((t) => `${t.label}: ${t.count} ý kiến`)))
    if (q.kind === 'number')
      out.push(
        q.numbers
          ? bullet(
              `${q.numbers.n} ý kiến; trung bình ${decimal.format(q.numbers.mean)}, thấp nhất ${decimal.format(q.numbers.min)}, cao nhất ${decimal.format(q.numbers.max)}.`,
            )
          : bullet('Không có ý kiến.'),
      )
    if (q.kind === 'sections') {
      const commented = q.tallies.filter((t) => t.count > 0)
      const total = commented.reduce((a, t) => a + t.count, 0)
      out.push(
        para(
          total
            ? `Có ${total} ý kiến góp ý vào ${commented.length}/${q.tallies.length} mục của dự thảo (chi tiết tại Mục IV):`
            : 'Không có ý kiến góp ý vào các mục của dự thảo.',
        ),
      )
      out.push(...list(commented.map((t) => `${t.label}: ${t.count} ý kiến`)))
    }
    if (q.kind === 'text') {
      if (!q.texts.length) out.push(bullet('Không có ý kiến.'))
      for (const t of q.texts) out.push(bullet(`${who(t.member)}: ${t.text}`))
    }
  })
  return out
}

const TABLE_COLUMNS: [string, number][] = [
  ['STT', MM(11)],
  ['Mục', MM(26)],
  ['Nội dung góp ý', MM(50)],
  ['Thành viên', MM(30)],
  ['Tiếp thu/ Giải trình', MM(20)],
  ['Lý do', MM(28)],
]

const CHUNK = 50
const TABLE_MARKER = '§§RESPONSE-TABLE§§'
const groupOf = (r: TResponseTableRow) => `${r.questionKey}/${r.sectionKey ?? ''}`

/** Text for WordprocessingML: escaped, without the control characters XML 1.0 forbids. */
function xmlText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  )
}

const RUN_PROPS = (bold: boolean) =>
  `<w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}"/>${bold ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>`

/** One cell: one paragraph, its lines broken inside it. */
function cellXml(
  text: string,
  width: number,
  o: { bold?: boolean; center?: boolean; noTop?: boolean; noBottom?: boolean } = {},
): string {
  const props = RUN_PROPS(o.bold ?? false)
  const runs = text
    .split('\n')
    .map((t, i) => `<w:r>${props}${i ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(t)}</w:t></w:r>`)
    .join('')
  const borders =
    o.noTop || o.noBottom
      ? `<w:tcBorders>${o.noTop ? '<w:top w:val="nil"/>' : ''}${o.noBottom ? '<w:bottom w:val="nil"/>' : ''}</w:tcBorders>`
      : ''
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${borders}${o.bold ? '<w:vAlign w:val="center"/>' : ''}</w:tcPr>` +
    `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:ind w:firstLine="0"/><w:jc w:val="${o.center ? 'center' : 'left'}"/></w:pPr>${runs}</w:p></w:tc>`
  )
}

function tableXml(rowsXml: string[], widths: number[], first: boolean): string {
  const side = (name: string, none = false) =>
    none ? `<w:${name} w:val="nil"/>` : `<w:${name} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`
  const margin = (name: string, mm: number) => `<w:${name} w:w="${MM(mm)}" w:type="dxa"/>`
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${CONTENT}" w:type="dxa"/>` +
    `<w:tblBorders>${side('top', !first)}${side('left')}${side('bottom')}${side('right')}${side('insideH')}${side('insideV')}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar>${margin('top', 0.8)}${margin('left', 1.2)}${margin('bottom', 0.8)}${margin('right', 1.2)}</w:tblCellMar>` +
    `</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rowsXml.join('')}</w:tbl>`
  )
}

/**
 * Bảng tổng hợp, tiếp thu, giải trình ý kiến as WordprocessingML: a row per comment. The section is
 * named on the first row of its group (again, "(tiếp)", where a long group goes on in the next
 * table) and the rules inside the group's section cell are left out, so the cell reads as merged.
 * Written as text and spliced into the packed document: the docx object model takes seconds for
 * 4,000 rows, the string tens of milliseconds. One table per group of at most CHUNK rows, with no
 * rule between them: LibreOffice lays out one table of thousands of rows in time that grows faster
 * than the rows (over 2 minutes for 4,000), and a real vertical merge slows it down further.
 */
function responseTableXml(rows: TResponseTableRow[]): string {
  const widths = TABLE_COLUMNS.map(([, w]) => w)
  const head =
    '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' +
    TABLE_COLUMNS.map(([label, w]) => cellXml(label, w, { bold: true, center: true })).join('') +
    '</w:tr>'
  const separator =
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'
  const out: string[] = []
  for (let start = 0; start < rows.length;) {
    let end = start + 1
    while (end < rows.length && end - start < CHUNK && groupOf(rows[end]!) === groupOf(rows[start]!)) end++
    const body = rows.slice(start, end).map((r, k) => {
      const i = start + k
      const continued = k === 0 && i > 0 && groupOf(rows[i - 1]!) === groupOf(r)
      const label = `${r.sectionLabel ?? 'Ý kiến chung'}${continued ? ' (tiếp)' : ''}`
      const reason = [r.explanation, r.revisedText ? `Nội dung sửa đổi: ${r.revisedText}` : null]
        .filter(Boolean)
        .join('\n')
      const member = `${r.member.fullName}${r.member.organizationName ? `\n(${r.member.organizationName})` : ''}`
      return (
        '<w:tr><w:trPr><w:cantSplit/></w:trPr>' +
        cellXml(String(i + 1), widths[0]!, { center: true }) +
        cellXml(k === 0 ? label : '', widths[1]!, { noTop: k > 0, noBottom: i < end - 1 }) +
        cellXml(r.comment, widths[2]!) +
        cellXml(member, widths[3]!) +
        cellXml(r.disposition ? DISPOSITION_TEXT[r.disposition] : '', widths[4]!, { center: true }) +
        cellXml(reason, widths[5]!) +
        '</w:tr>'
      )
    })
    if (out.length) out.push(separator)
    out.push(tableXml(start === 0 ? [head, ...body] : body, widths, start === 0))
    start = end
  }
  return out.join('')
}

/** Replace the marker paragraph of the packed document with the response table. */
function spliceTable(docx: Uint8Array, tableXml: string): Buffer {
  const files = unzipSync(docx)
  const xml = strFromU8(files['word/document.xml']!)
  const at = xml.indexOf(TABLE_MARKER)
  const from = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at))
  const to = xml.indexOf('</w:p>', at) + '</w:p>'.length
  if (at < 0 || from < 0) throw new Error('response table marker not found in the packed document')
  files['word/document.xml'] = strToU8(xml.slice(0, from) + tableXml + xml.slice(to))
  return Buffer.from(zipSync(files, { level: 6 }))
}

function responseTable(rows: TResponseTableRow[]): Paragraph[] {
  if (!rows.length) return [para('Không có ý kiến góp ý cụ thể.')]
  return [new Paragraph({ children: [new TextRun(TABLE_MARKER)] })]
}

function answerText(a: TAnswer, kind: string | undefined): string {
  if (kind === 'sections') {
    const n = (a.sectionComments ?? []).filter((c) => c.comment.trim()).length
    return n ? `góp ý ${n} mục (tại Mục IV)` : 'không góp ý'
  }
  const parts: string[] = []
  if (a.opinion) parts.push(OPINION_LABELS[a.opinion])
  if (a.vote) parts.push(VOTE_LABELS[a.vote])
  if (a.choice) parts.push(a.choice)
  if (a.choices?.length) parts.push(a.choices.join('; '))
  if (typeof a.number === 'number') parts.push(decimal.format(a.number))
  if (a.text) parts.push(parts.length ? `“${a.text}”` : a.text)
  return parts.join(': ') || '(không trả lời)'
}

function opinions(s: TConsultationSummary): Paragraph[] {
  if (!s.opinions.length) return [para('Chưa có thành viên nào trả lời.')]
  const questions = new Map(s.questions.map((q) => [q.key, q]))
  const out: Paragraph[] = []
  s.opinions.forEach((o, i) => {
    const how = [
      o.submittedAt ? `gửi lúc ${dateTime(o.submittedAt)}` : null,
      o.state === 'final' ? 'ý kiến chính thức' : null,
      o.signedFileId ? 'đã ký số' : null,
      o.onBehalf && o.submittedBy ? `do ${o.submittedBy.fullName} (đầu mối giúp việc) gửi thay` : null,
    ].filter(Boolean)
    out.push(
      para(
        [
          run(`${i + 1}. ${who(o.member)}`, { bold: true }),
          run(how.length ? ` (${how.join('; ')})` : '', { italics: true }),
        ],
        {
          keepNext: true,
        },
      ),
    )
    for (const a of o.answers) {
      const q = questions.get(a.questionKey)
      out.push(para(`- ${q?.title ?? a.questionKey}: ${answerText(a, q?.kind)}`))
    }
  })
  return out
}

function closing(o: ReportOptions): Table {
  const left = MM(80)
  return borderless(
    [left, CONTENT - left],
    [
      [
        [
          line('Nơi nhận:', { align: 'left', bold: true, italics: true, size: 12 }),
          ...TEXT.recipients.map((r) => line(r, { align: 'left', size: 11 })),
        ],
        [
          line(o.signerTitle ?? TEXT.signerTitle, { bold: true, size: 14 }),
          ...Array.from({ length: 4 }, () => line('', { size: 14 })),
          line(o.signerName ?? '', { bold: true, size: 14 }),
        ],
      ],
    ],
  )
}

/** The summary report as a DOCX (Nghị định 30/2020/NĐ-CP layout). */
export async function summaryDocx(
  summary: TConsultationSummary,
  options: ReportOptions = {},
): Promise<Buffer> {
  const s = summary
  const c = s.consultation
  const period = c.launchedAt
    ? `từ ngày ${date(c.launchedAt)} đến ${dateTime(c.closedAt && c.closedAt < c.deadline ? c.closedAt : c.deadline)}`
    : `hạn trả lời ${dateTime(c.deadline)}`
  const document = new Document({
    creator: TEXT.issuer,
    title: `Báo cáo tổng hợp ý kiến: ${c.title}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 28 }, paragraph: { spacing: { line: 276 } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: MM(210), height: MM(297) },
            margin: {
              top: MM(20),
              bottom: MM(20),
              left: MM(30),
              right: MM(15),
              header: MM(10),
              footer: MM(10),
            },
          },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })],
              }),
            ],
          }),
        },
        children: [
          header(s, options),
          ...title(s),
          para(
            `Thực hiện việc lấy ý kiến thành viên Ủy ban sông Mê Công Việt Nam về ${lowerFirst(c.title)} (${period}), Văn phòng Thường trực báo cáo kết quả tổng hợp ý kiến như sau:`,
          ),
          heading(0, 'MỤC ĐÍCH LẤY Ý KIẾN'),
          ...c.purpose
            .split(/\n+/)
            .filter((p) => p.trim())
            .map((p) => para(p.trim())),
          heading(1, 'TÌNH HÌNH THAM GIA Ý KIẾN'),
          ...participation(s),
          heading(2, 'KẾT QUẢ LẤY Ý KIẾN'),
          ...results(s),
          heading(3, 'BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN'),
          ...responseTable(s.responseTable),
          heading(4, 'Ý KIẾN CỦA CÁC THÀNH VIÊN'),
          ...opinions(s),
          para('Văn phòng Thường trực kính báo cáo Lãnh đạo Ủy ban xem xét, chỉ đạo./.', {
            before: 6,
            after: 12,
          }),
          closing(options),
        ],
      },
    ],
  })
  const packed = await Packer.toBuffer(document)
  return s.responseTable.length ? spliceTable(packed, responseTableXml(s.responseTable)) : packed
}

/** The summary report as a PDF: the DOCX converted by LibreOffice (throws ConversionError when unavailable). */
export async function summaryPdf(
  summary: TConsultationSummary,
  converter: DocxConverter,
  options: ReportOptions = {},
): Promise<Buffer> {
  const pdf = await converter.docxToPdf(await summaryDocx(summary, options))
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)
}
