/**
 * The digitisation rules (Thông tư 02/2019/TT-BNV: colour, at least 200 dpi) for a scan sent as an
 * image rather than a PDF, read from the image's own header: JPEG (JFIF density, SOF components),
 * PNG (IHDR colour type, pHYs) and TIFF (photometric interpretation, resolution). A resolution the
 * file does not state is not reported: only what the file says can be checked without decoding it.
 */
import type { TScanProblem, TScanReport } from '@common/contracts/digitisation'

export const MIN_IMAGE_DPI = 200

type ImageFacts = { isColour: boolean | null; dpi: number | null }

function jpegFacts(b: Buffer): ImageFacts {
  const facts: ImageFacts = { isColour: null, dpi: null }
  let i = 2
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1]!
    const length = b.readUInt16BE(i + 2)
    if (marker === 0xe0 && b.toString('latin1', i + 4, i + 9) === 'JFIF\0' && i + 16 <= b.length) {
      const units = b[i + 11]!
      const density = b.readUInt16BE(i + 12)
      if (units === 1) facts.dpi = density
      else if (units === 2) facts.dpi = Math.round(density * 2.54)
    }
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): the frame header names its components.
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)
    if (isFrame && i + 10 <= b.length) {
      facts.isColour = b[i + 9]! >= 3
      break
    }
    if (marker === 0xda) break
    i += 2 + length
  }
  return facts
}

function pngFacts(b: Buffer): ImageFacts {
  const facts: ImageFacts = { isColour: null, dpi: null }
  let i = 8
  while (i + 8 <= b.length) {
    const length = b.readUInt32BE(i)
    const type = b.toString('latin1', i + 4, i + 8)
    const data = i + 8
    if (type === 'IHDR' && data + 10 <= b.length) {
      // 0 grey, 4 grey with alpha; 2 RGB, 6 RGBA; 3 palette (colour unless every entry is grey).
      facts.isColour = ![0, 4].includes(b[data + 9]!)
    }
    if (type === 'pHYs' && data + 9 <= b.length && b[data + 8] === 1) {
      facts.dpi = Math.round(b.readUInt32BE(data) * 0.0254)
    }
    if (type === 'IDAT' || type === 'IEND') break
    i = data + length + 4
  }
  return facts
}

function tiffFacts(b: Buffer): ImageFacts {
  const facts: ImageFacts = { isColour: null, dpi: null }
  const little = b.toString('latin1', 0, 2) === 'II'
  const u16 = (at: number) => (little ? b.readUInt16LE(at) : b.readUInt16BE(at))
  const u32 = (at: number) => (little ? b.readUInt32LE(at) : b.readUInt32BE(at))
  const ifd = u32(4)
  if (ifd + 2 > b.length) return facts
  let xResolution: number | null = null
  let unit = 2
  for (let n = 0, count = u16(ifd); n < count; n++) {
    const entry = ifd + 2 + n * 12
    if (entry + 12 > b.length) break
    const tag = u16(entry)
    const value = entry + 8
    // 262 PhotometricInterpretation: 0/1 bilevel or grey, 2 RGB, 3 palette, 5 CMYK, 6 YCbCr.
    if (tag === 262) facts.isColour = ![0, 1, 4].includes(u16(value))
    if (tag === 282) {
      const at = u32(value)
      if (at + 8 <= b.length && u32(at + 4) > 0) xResolution = u32(at) / u32(at + 4)
    }
    if (tag === 296) unit = u16(value)
  }
  if (xResolution !== null && unit !== 1)
    facts.dpi = Math.round(unit === 3 ? xResolution * 2.54 : xResolution)
  return facts
}

/** Check an image scan against the rules; problems carry Vietnamese messages, as the PDF checker's do. */
export function checkImageRules(bytes: Uint8Array, mediaType: string, minDpi = MIN_IMAGE_DPI): TScanReport {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let facts: ImageFacts = { isColour: null, dpi: null }
  try {
    if (mediaType === 'image/jpeg') facts = jpegFacts(b)
    else if (mediaType === 'image/png') facts = pngFacts(b)
    else if (mediaType === 'image/tiff') facts = tiffFacts(b)
  } catch (err) {
    // A truncated header: the rules cannot be checked, which is not a reason to refuse the scan.
    if (!(err instanceof RangeError)) throw err
  }
  const problems: TScanProblem[] = []
  if (facts.dpi !== null && facts.dpi > 1 && facts.dpi < minDpi) {
    const message = `Ảnh quét: độ phân giải ${facts.dpi} dpi, yêu cầu tối thiểu ${minDpi} dpi`
    problems.push({ code: 'LOW_RESOLUTION', message, page: 1, dpi: facts.dpi })
  }
  if (facts.isColour === false) {
    const message = 'Ảnh quét đen trắng hoặc thang xám, yêu cầu ảnh màu'
    problems.push({ code: 'NOT_COLOUR', message, page: 1, dpi: null })
  }
  return { pdfVersion: null, pageCount: 1, problems }
}
