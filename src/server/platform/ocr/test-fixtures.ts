/**
 * Fixtures for the OCR tests and bench: pages of known Vietnamese text set in Liberation Serif,
 * rasterised by pdftoppm and wrapped as image-only PDFs — synthetic "scans" whose text is known.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import fontkit from '@pdf-lib/fontkit'
import {
  concatTransformationMatrix,
  degrees,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib'
import { fontBytes } from '../signing/fonts.ts'

const run = promisify(execFile)
const A4: [number, number] = [595.28, 841.89]

const PARAGRAPHS = [
  'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư, Ủy ban sông Mê Công Việt Nam hướng dẫn các đơn vị trực thuộc thực hiện số hóa tài liệu lưu trữ.',
  'Các đơn vị rà soát hồ sơ, tài liệu đã giải quyết xong, lập danh mục và chuyển bản giấy cho Văn phòng để quét, nhận dạng ký tự và cập nhật vào hệ thống quản lý văn bản điện tử.',
  'Bản số hóa phải bảo đảm định dạng PDF phiên bản 1.4 trở lên, ảnh màu, độ phân giải tối thiểu 200 dpi, tỷ lệ số hóa 100% và được ký số bởi cơ quan thực hiện số hóa.',
  'Việc khai thác dữ liệu tài nguyên nước lưu vực sông Mê Công phải tuân thủ quy chế bảo vệ bí mật nhà nước, không sao chép, chuyển giao tài liệu cho tổ chức, cá nhân khi chưa được phép.',
  'Đề nghị Thủ trưởng các đơn vị chỉ đạo triển khai, báo cáo kết quả trước ngày 15 tháng 12 năm 2025. Trong quá trình thực hiện, nếu có vướng mắc, phản ánh kịp thời về Văn phòng để tổng hợp.',
  'Tổ chức hội thảo tham vấn về tác động xuyên biên giới của các công trình thủy điện trên dòng chính, mời đại diện các bộ, ngành, địa phương vùng đồng bằng sông Cửu Long tham dự.',
]

/** The known text of page `n` (1-based): a heading and three paragraphs, varied by page. */
export function knownText(n: number): string {
  const pick = (k: number) => PARAGRAPHS[(n + k) % PARAGRAPHS.length]!
  return [`THÔNG BÁO SỐ ${n}/TB-UBSMCVN`, pick(0), pick(1), pick(2)].join('\n')
}

/** A born-digital A4 page with `text` wrapped at the margins, 13 pt Liberation Serif. */
export async function textPagePdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const font = await doc.embedFont(fontBytes('serif'), { subset: true })
  const page = doc.addPage(A4)
  const size = 13
  const maxWidth = A4[0] - 140
  let y = A4[1] - 80
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word
      if (font.widthOfTextAtSize(candidate, size) > maxWidth && line) {
        page.drawText(line, { x: 70, y, size, font })
        y -= size * 1.5
        line = word
      } else line = candidate
    }
    page.drawText(line, { x: 70, y, size, font })
    y -= size * 2.2
  }
  return doc.save()
}

/**
 * Rasterise page 1 with pdftoppm: a colour JPEG (what scanners send; pdf-lib embeds it without
 * re-encoding), or a greyscale PGM when `isGrey`.
 */
export async function rasterise(
  pdf: Uint8Array,
  dpi: number,
  options: { isGrey?: boolean } = {},
): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'ocr-fixture-'))
  try {
    await writeFile(join(dir, 'in.pdf'), pdf)
    const format = options.isGrey ? ['-gray'] : ['-jpeg', '-jpegopt', 'quality=90']
    await run('pdftoppm', [
      '-r',
      String(dpi),
      ...format,
      '-singlefile',
      join(dir, 'in.pdf'),
      join(dir, 'out'),
    ])
    return new Uint8Array(await readFile(join(dir, options.isGrey ? 'out.pgm' : 'out.jpg')))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Put a binary PGM on a full A4 page as a /DeviceGray image. pdf-lib's embedPng always writes
 * /DeviceRGB (and pdftoppm's "-gray -jpeg" still writes three components), so greyscale scans
 * are built by hand.
 */
function drawGreyPage(doc: PDFDocument, pgm: Uint8Array): void {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(Buffer.from(pgm.subarray(0, 64)).toString('latin1'))
  if (!header) throw new Error('not an 8-bit binary PGM')
  const image = doc.context.flateStream(pgm.subarray(header[0].length), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: Number(header[1]),
    Height: Number(header[2]),
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 8,
  })
  const page = doc.addPage(A4)
  const name = page.node.newXObject('Scan', doc.context.register(image))
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(A4[0], 0, 0, A4[1], 0, 0),
    drawObject(name),
    popGraphicsState(),
  )
}

/** An image-only A4 PDF (a "scan") with one image per page, optionally turned a little. */
export async function scanPdf(
  images: Uint8Array[],
  options: { rotateDegrees?: number; version?: string } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  for (const bytes of images) {
    if (bytes[0] === 0x50 && bytes[1] === 0x35) {
      drawGreyPage(doc, bytes)
      continue
    }
    const image = await doc.embedJpg(bytes)
    const page = doc.addPage(A4)
    const angle = options.rotateDegrees ?? 0
    page.drawImage(image, { x: angle * 4, y: 0, width: A4[0], height: A4[1], rotate: degrees(angle) })
  }
  const bytes = await doc.save()
  if (!options.version) return bytes
  // pdf-lib always writes %PDF-1.7; an older producer is simulated by rewriting the header.
  const header = new TextEncoder().encode(`%PDF-${options.version}`)
  const patched = new Uint8Array(bytes)
  patched.set(header, 0)
  return patched
}

/** Edit distance between two strings, by code point, in O(n·m) time and O(m) memory. */
export function levenshtein(a: string, b: string): number {
  const s = [...a]
  const t = [...b]
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const current = [i]
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[t.length]!
}

function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** 1 − edit distance / expected length, after NFC and whitespace normalisation (STACK.md §8). */
export function characterAccuracy(expected: string, actual: string): number {
  const want = normalise(expected)
  return 1 - levenshtein(want, normalise(actual)) / [...want].length
}
