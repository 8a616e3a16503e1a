/**
 * The visible part of a signature: a form XObject put in the widget's /AP /N (an empty one would
 * leave the signature invisible, STACK.md P7), drawing the PNG image or the text.
 */
import { createHash } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import fontkit from '@pdf-lib/fontkit'
import { PDFDict, PDFDocument, PDFObjectCopier, type PDFContext, type PDFFont, type PDFRef } from 'pdf-lib'
import { PNG } from 'pngjs'
import { LruMap } from './cache.ts'
import { fontBytes, type FontRole } from './fonts.ts'

export type EmbeddedImage = { ref: PDFRef; width: number; height: number }
type EncodedImage = { width: number; height: number; rgb: Buffer; alpha: Buffer | null }

export type AppearanceContent =
  | { kind: 'image'; image: EmbeddedImage }
  | {
      kind: 'text'
      lines: string[]
      font: TextFont
      size: number
      rgb: [number, number, number]
      align: 'left' | 'right' | 'center'
    }

// The same few images (a leader's signature, the seal) are stamped again and again: decode and
// compress each once, natively (pdf-lib's own PNG path runs pako in JavaScript: ~30 ms a stamp).
const encoded = new LruMap<string, EncodedImage>(64)

function encodePng(png: Uint8Array): EncodedImage {
  const key = createHash('sha256').update(png).digest('hex')
  const hit = encoded.get(key)
  if (hit) return hit
  const image = PNG.sync.read(Buffer.from(png.buffer, png.byteOffset, png.byteLength))
  const pixels = image.width * image.height
  const rgb = Buffer.alloc(pixels * 3)
  const alpha = Buffer.alloc(pixels)
  let opaque = true
  for (let i = 0; i < pixels; i++) {
    rgb[i * 3] = image.data[i * 4]!
    rgb[i * 3 + 1] = image.data[i * 4 + 1]!
    rgb[i * 3 + 2] = image.data[i * 4 + 2]!
    alpha[i] = image.data[i * 4 + 3]!
    if (alpha[i] !== 255) opaque = false
  }
  const result = {
    width: image.width,
    height: image.height,
    rgb: deflateSync(rgb),
    alpha: opaque ? null : deflateSync(alpha),
  }
  encoded.set(key, result)
  return result
}

/** An image XObject (with a soft mask for transparency) from PNG bytes. */
export function embedImage(doc: PDFDocument, png: Uint8Array): EmbeddedImage {
  const { width, height, rgb, alpha } = encodePng(png)
  const common = {
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  }
  const smask = alpha
    ? doc.context.register(doc.context.stream(alpha, { ...common, ColorSpace: 'DeviceGray' }))
    : undefined
  const ref = doc.context.register(
    doc.context.stream(rgb, { ...common, ColorSpace: 'DeviceRGB', ...(smask ? { SMask: smask } : {}) }),
  )
  return { ref, width, height }
}

// fontkit parses a whole TTF on every create(); the parsed font is reusable (subsets are separate).
const parsedFonts = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>()
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create(data: Uint8Array, postscriptName?: string) {
    let font = parsedFonts.get(data)
    if (!font) {
      font = fontkit.create(data, postscriptName)
      parsedFonts.set(data, font)
    }
    return font
  },
}

/** A font embedded in one document, ready to measure and encode text. */
export type TextFont = {
  ref: PDFRef
  widthOfTextAtSize(text: string, size: number): number
  /** The text as a PDF hex string of glyph ids. */
  encodeText(text: string): string
}

type FontTemplate = { context: PDFContext; font: PDFFont; dict: PDFDict }

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)).join('')

// Subsetting with fontkit and compressing with pako costs 10–15 ms: each subset is built once per
// process in a scratch document, then its objects are copied into each signed document. Any
// printable ASCII text shares one subset (the attachment stamp: number, symbol, date); other
// texts get ASCII plus their own characters.
const templates = new LruMap<string, Promise<FontTemplate>>(64)

async function buildTemplate(role: FontRole, chars: string): Promise<FontTemplate> {
  const scratch = await PDFDocument.create({ updateMetadata: false })
  scratch.registerFontkit(cachingFontkit)
  const font = await scratch.embedFont(fontBytes(role), { subset: true })
  font.encodeText(chars)
  await font.embed()
  return { context: scratch.context, font, dict: scratch.context.lookup(font.ref, PDFDict) }
}

/** Embed a subset of the `role` font that covers `lines` (NFC) into `doc`. */
export async function embedFont(doc: PDFDocument, role: FontRole, lines: string[]): Promise<TextFont> {
  const wanted = new Set(ASCII + lines.join('').normalize('NFC').replace(/\s/g, ''))
  const chars = [...wanted].sort().join('')
  const key = `${role}|${chars}`
  let pending = templates.get(key)
  if (!pending) {
    pending = buildTemplate(role, chars)
    templates.set(key, pending)
    pending.catch(() => templates.delete(key))
  }
  const template = await pending
  const copy = PDFObjectCopier.for(template.context, doc.context).copy(template.dict)
  const ref = doc.context.register(copy)
  return {
    ref,
    widthOfTextAtSize: (text, size) => template.font.widthOfTextAtSize(text.normalize('NFC'), size),
    encodeText: (text) => template.font.encodeText(text.normalize('NFC')).toString(),
  }
}

export const TEXT_PADDING = 2

/** Width and height a text block needs. */
export function textBlockSize(
  lines: string[],
  font: TextFont,
  size: number,
): { width: number; height: number } {
  const width = Math.max(...lines.map((l) => font.widthOfTextAtSize(l, size)))
  return { width: width + 2 * TEXT_PADDING, height: lines.length * size * 1.2 + 2 * TEXT_PADDING }
}

function n(x: number): string {
  return (Math.round(x * 1000) / 1000).toString()
}

/** Register the form XObject drawing `content` in a box of `width` × `height`; returns its ref. */
export async function registerAppearance(
  doc: PDFDocument,
  content: AppearanceContent,
  width: number,
  height: number,
): Promise<PDFRef> {
  let ops: string
  const resources: Record<string, Record<string, PDFRef>> = {}
  if (content.kind === 'image') {
    resources.XObject = { Im0: content.image.ref }
    ops = `q ${n(width)} 0 0 ${n(height)} 0 0 cm /Im0 Do Q`
  } else {
    const { lines, font, size, rgb, align } = content
    resources.Font = { F0: font.ref }
    const lead = size * 1.2
    const parts = [`q BT /F0 ${n(size)} Tf ${rgb.map(n).join(' ')} rg`]
    lines.forEach((line, i) => {
      const w = font.widthOfTextAtSize(line, size)
      const x =
        align === 'left' ? TEXT_PADDING : align === 'right' ? width - TEXT_PADDING - w : (width - w) / 2
      const y = height - TEXT_PADDING - lead * i - size * 0.9
      parts.push(`1 0 0 1 ${n(x)} ${n(y)} Tm ${font.encodeText(line)} Tj`)
    })
    parts.push('ET Q')
    ops = parts.join('\n')
  }
  const stream = doc.context.flateStream(ops, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Resources: resources,
  })
  return doc.context.register(stream)
}
