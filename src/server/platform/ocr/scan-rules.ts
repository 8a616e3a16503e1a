/**
 * The technical rules for scanned copies made during digitisation (Thông tư 02/2019/TT-BNV:
 * PDF version 1.4 or later, colour images, at least 200 dpi), checked on the PDF's own objects
 * without rendering, so it is cheap enough to run on every upload.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFStream,
  type PDFObject,
} from 'pdf-lib'
import { OcrError } from './errors.ts'

export const MIN_PDF_VERSION = '1.4'
export const MIN_SCAN_DPI = 200

export const SCAN_PROBLEM_CODES = [
  'PDF_VERSION_TOO_OLD',
  'NO_SCAN_IMAGE',
  'LOW_RESOLUTION',
  'NOT_COLOUR',
] as const
export type ScanProblemCode = (typeof SCAN_PROBLEM_CODES)[number]

export type ScanProblem = { code: ScanProblemCode; message: string; page?: number }
/** The largest image on the page: its resolution against the page size, and whether it is in colour. */
export type ScanPage = { dpi: number | null; isColour: boolean | null }
export type ScanReport = { pdfVersion: string; pages: ScanPage[]; problems: ScanProblem[] }

type PageImage = { width: number; height: number; isColour: boolean }

const COLOUR_NAMES = new Set(['DeviceRGB', 'DeviceCMYK', 'CalRGB', 'Lab'])
const GREY_NAMES = new Set(['DeviceGray', 'CalGray', 'Pattern'])

function versionNumber(version: string): number {
  const [major = '0', minor = '0'] = version.split('.')
  return Number(major) * 100 + Number(minor)
}

/** The header version, raised by the catalog's /Version entry when that is later (PDF 1.4 allows it). */
function readVersion(bytes: Uint8Array, doc: PDFDocument): string {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  const header = /%PDF-(\d+\.\d+)/.exec(head)?.[1] ?? '0.0'
  const catalog = doc.catalog.lookup(PDFName.of('Version'))
  const override = catalog instanceof PDFName ? catalog.decodeText() : null
  return override && versionNumber(override) > versionNumber(header) ? override : header
}

/** Whether a colour space has more than one colour component. Unknown spaces count as colour. */
function isColourSpace(space: PDFObject | undefined, doc: PDFDocument, depth = 0): boolean {
  const resolved = space === undefined ? undefined : doc.context.lookup(space)
  // No /ColorSpace: JPEG 2000 carries its own, which only decoding would reveal.
  if (resolved === undefined || depth > 4) return true
  if (resolved instanceof PDFName) {
    const name = resolved.decodeText()
    return COLOUR_NAMES.has(name) || !GREY_NAMES.has(name)
  }
  if (!(resolved instanceof PDFArray) || resolved.size() === 0) return true
  const family = resolved.lookup(0)
  const name = family instanceof PDFName ? family.decodeText() : ''
  if (name === 'ICCBased') {
    const stream = resolved.lookup(1)
    const n = stream instanceof PDFStream ? stream.dict.lookup(PDFName.of('N')) : undefined
    return !(n instanceof PDFNumber) || n.asNumber() >= 3
  }
  if (name === 'Indexed') return isColourSpace(resolved.get(1), doc, depth + 1)
  if (name === 'Separation') return false
  if (name === 'DeviceN') {
    const inks = resolved.lookup(1)
    return !(inks instanceof PDFArray) || inks.size() > 1
  }
  return isColourSpace(family, doc, depth + 1)
}

/** Image XObjects of a resource dictionary, looking into form XObjects a few levels deep. */
function collectImages(
  resources: PDFDict | undefined,
  doc: PDFDocument,
  found: PageImage[],
  depth = 0,
): void {
  const xobjects = resources?.lookup(PDFName.of('XObject'))
  if (!(xobjects instanceof PDFDict) || depth > 3) return
  for (const [, ref] of xobjects.entries()) {
    const stream = doc.context.lookup(ref)
    if (!(stream instanceof PDFRawStream || stream instanceof PDFStream)) continue
    const dict = stream.dict
    const subtype = dict.lookup(PDFName.of('Subtype'))
    if (subtype === PDFName.of('Form')) {
      const inner = dict.lookup(PDFName.of('Resources'))
      collectImages(inner instanceof PDFDict ? inner : undefined, doc, found, depth + 1)
      continue
    }
    if (subtype !== PDFName.of('Image')) continue
    const width = dict.lookup(PDFName.of('Width'))
    const height = dict.lookup(PDFName.of('Height'))
    if (!(width instanceof PDFNumber) || !(height instanceof PDFNumber)) continue
    const isMask = dict.lookup(PDFName.of('ImageMask'))?.toString() === 'true'
    const bits = dict.lookup(PDFName.of('BitsPerComponent'))
    const isBilevel = bits instanceof PDFNumber && bits.asNumber() === 1
    const isColour = !isMask && !isBilevel && isColourSpace(dict.get(PDFName.of('ColorSpace')), doc)
    found.push({ width: width.asNumber(), height: height.asNumber(), isColour })
  }
}

/** Pixels per inch of an image stretched over the page, matching orientations first. */
function imageDpi(image: PageImage, pageWidth: number, pageHeight: number): number {
  const isSwapped = image.width > image.height !== pageWidth > pageHeight
  const [pw, ph] = isSwapped ? [pageHeight, pageWidth] : [pageWidth, pageHeight]
  return Math.round(Math.min(image.width / (pw / 72), image.height / (ph / 72)))
}

/** Check a scanned PDF against the digitisation rules; problems carry Vietnamese messages. */
export async function checkScanRules(
  pdfBytes: Uint8Array,
  options: { minDpi?: number } = {},
): Promise<ScanReport> {
  const minDpi = options.minDpi ?? MIN_SCAN_DPI
  let doc: PDFDocument
  try {
    doc = await PDFDocument.load(pdfBytes, { ignoreEncryption: true, updateMetadata: false })
  } catch (cause) {
    throw new OcrError('NOT_SUPPORTED', { message: 'Tệp không phải là PDF hợp lệ', cause })
  }
  const pdfVersion = readVersion(pdfBytes, doc)
  const problems: ScanProblem[] = []
  if (versionNumber(pdfVersion) < versionNumber(MIN_PDF_VERSION)) {
    problems.push({
      code: 'PDF_VERSION_TOO_OLD',
      message: `Tệp PDF phiên bản ${pdfVersion}, yêu cầu từ phiên bản ${MIN_PDF_VERSION} trở lên`,
    })
  }
  const pages = doc.getPages().map((page, index): ScanPage => {
    const n = index + 1
    const images: PageImage[] = []
    collectImages(page.node.Resources(), doc, images)
    const main = images.sort((a, b) => b.width * b.height - a.width * a.height)[0]
    if (!main) {
      problems.push({ code: 'NO_SCAN_IMAGE', page: n, message: `Trang ${n} không có ảnh quét` })
      return { dpi: null, isColour: null }
    }
    const { width, height } = page.getSize()
    const dpi = imageDpi(main, width, height)
    if (dpi < minDpi) {
      const message = `Trang ${n}: độ phân giải ${dpi} dpi, yêu cầu tối thiểu ${minDpi} dpi`
      problems.push({ code: 'LOW_RESOLUTION', page: n, message })
    }
    if (!main.isColour) {
      const message = `Trang ${n}: ảnh quét đen trắng hoặc thang xám, yêu cầu ảnh màu`
      problems.push({ code: 'NOT_COLOUR', page: n, message })
    }
    return { dpi, isColour: main.isColour }
  })
  return { pdfVersion, pages, problems }
}
