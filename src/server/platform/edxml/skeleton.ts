/**
 * Reading a package without letting the XML parser see the attachments: each
 * ContentTransferEncoded body that is pure base64 is found with native Buffer.indexOf, cut out and
 * replaced by a marker that carries a random per-parse nonce (so a package cannot forge one); the
 * few kilobytes left are parsed strictly by saxes. A 1 MB attachment thus costs one byte scan and
 * one native base64 decode, not a 1.4 MB string built up inside a SAX parser.
 */
import { base64DecodedSize } from './base64.ts'
import { EdxmlError, type EdxmlLimits, type EdxmlWarning } from './errors.ts'
import { Markers, TreeBuilder, type Body } from './sax-tree.ts'
import type { XElement } from './xml-tree.ts'

export type { Body } from './sax-tree.ts'

export type Skeleton = {
  root: XElement
  /** The package bytes (UTF-8 BOM excluded). */
  bytes: Buffer
  /** The cut bodies, their markers and the way back. */
  markers: Markers
  /** True when parsing stopped at the end of edXMLHeader (headerOnly). */
  isPartial: boolean
}

const BODY_TAG = Buffer.from('ContentTransferEncoded')
/** Long base64 texts of the Signature: cut as well, saxes is slow on them (and headerOnly skips them). */
const SIGNATURE_TAGS = [Buffer.from('X509Certificate'), Buffer.from('SignatureValue')]
const HEADER_END = Buffer.from('edXMLHeader>')
const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const isSpace = (c: number | undefined) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
const isNameByte = (c: number | undefined) =>
  c !== undefined &&
  c > 0x20 &&
  c !== LT &&
  c !== GT &&
  c !== SLASH &&
  c !== 0x3a &&
  c !== 0x3d &&
  c !== 0x22 &&
  c !== 0x27

/** Byte ranges in [from, to) of `tag` elements' content that is plain base64 (anything else is left to saxes). */
function findBodies(buf: Buffer, tag: Buffer, from: number, to: number): Body[] {
  const bodies: Body[] = []
  // Search a view that ends at `to`: indexOf on the whole buffer would scan every attachment.
  const hay = buf.subarray(0, to)
  let i = hay.indexOf(tag, from)
  while (i !== -1) {
    let next = i + tag.length
    let j = i - 1
    if (buf[j] === 0x3a) {
      j--
      while (j >= 0 && isNameByte(buf[j])) j--
    }
    const nameStart = j + 1
    const nameEnd = i + tag.length
    if (buf[j] === LT && (buf[nameEnd] === GT || isSpace(buf[nameEnd]))) {
      // The end of the start tag; attribute values may hold '>'.
      let k = nameEnd
      let quote = 0
      for (; k < buf.length && k < nameEnd + 4096; k++) {
        const c = buf[k]!
        if (quote) {
          if (c === quote) quote = 0
        } else if (c === 0x22 || c === 0x27) quote = c
        else if (c === GT || c === LT) break
      }
      if (buf[k] === GT && buf[k - 1] !== SLASH) {
        const start = k + 1
        const end = buf.indexOf(LT, start)
        if (end === -1 || end >= to) break
        next = end
        const nameLength = nameEnd - nameStart
        let m = end + 2 + nameLength
        if (
          m <= buf.length &&
          buf[end + 1] === SLASH &&
          buf.compare(buf, nameStart, nameEnd, end + 2, m) === 0
        ) {
          while (isSpace(buf[m])) m++
          const size = buf[m] === GT ? base64DecodedSize(buf, start, end) : -1
          if (size >= 0) bodies.push({ start, end, size })
        }
      }
    }
    i = hay.indexOf(tag, next)
  }
  return bodies
}

/** Where the edXMLHeader element closes (just after its '>'), from `from`; -1 if nowhere. */
function headerEndAfter(buf: Buffer, from: number): number {
  let i = buf.indexOf(HEADER_END, from)
  while (i !== -1) {
    let j = i - 1
    if (buf[j] === 0x3a) {
      j--
      while (j >= 0 && isNameByte(buf[j])) j--
    }
    if (buf[j] === SLASH && buf[j - 1] === LT) return i + HEADER_END.length
    i = buf.indexOf(HEADER_END, i + 1)
  }
  return -1
}

/**
 * The byte range of a `<Signature>…</Signature>` (any prefix) that is the last thing before the
 * header's closing tag ending at `headerEnd`, or null. Only a guess from bytes: the caller parses
 * without it and falls back to the full header if the result is not a closed header.
 */
function trailingSignature(buf: Buffer, headerEnd: number): { start: number; end: number } | null {
  let j = buf.lastIndexOf(LT, headerEnd - 1) - 1
  while (j >= 0 && isSpace(buf[j])) j--
  if (buf[j] !== GT) return null
  const close = buf.lastIndexOf(LT, j)
  if (close < 0 || buf[close + 1] !== SLASH) return null
  const name = buf.toString('latin1', close + 2, j).trimEnd()
  if (name !== 'Signature' && !/^[^\s<>/:]+:Signature$/.test(name)) return null
  const open = Buffer.from(`<${name}`, 'latin1')
  for (let k = buf.lastIndexOf(open, close); k >= 0; k = buf.lastIndexOf(open, k - 1)) {
    const after = buf[k + open.length]
    if (after === GT || isSpace(after)) return { start: k, end: j + 1 }
    if (k === 0) break
  }
  return null
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function decode(buf: Buffer, start: number, end: number): string {
  try {
    return utf8.decode(buf.subarray(start, end))
  } catch (cause) {
    throw new EdxmlError('MALFORMED_XML', { message: 'Gói tin không phải văn bản UTF-8 hợp lệ', cause })
  }
}

/** A declared encoding other than UTF-8 is read as UTF-8 anyway (bytes that are not UTF-8 fail). */
function checkDeclaredEncoding(buf: Buffer, warnings: EdxmlWarning[]): void {
  const head = buf.toString('latin1', 0, Math.min(buf.length, 200))
  const encoding = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']/.exec(head)?.[1]
  if (encoding && !/^utf-?8$/i.test(encoding))
    warnings.push({
      code: 'ENCODING_DECLARED',
      path: '',
      message: `Gói tin khai báo mã hóa "${encoding.slice(0, 30)}" nhưng được đọc theo UTF-8`,
    })
}

const byStart = (a: Body, b: Body) => a.start - b.start

function signatureCuts(buf: Buffer, from: number, to: number): Body[] {
  return SIGNATURE_TAGS.flatMap((t) => findBodies(buf, t, from, to)).sort(byStart)
}

/**
 * Feed bytes [from, to) with `cuts` (sorted, inside the range) replaced by markers, as one string:
 * saxes reads char by char and stays fast on one flat string, much less on mixed pieces.
 */
function feed(
  tree: TreeBuilder,
  markers: Markers,
  buf: Buffer,
  from: number,
  to: number,
  cuts: Body[],
): void {
  const parts: Buffer[] = []
  let at = from
  for (const b of cuts) {
    parts.push(buf.subarray(at, b.start), Buffer.from(markers.add(b), 'latin1'))
    at = b.end
  }
  parts.push(buf.subarray(at, to))
  const joined = parts.length === 1 ? parts[0]! : Buffer.concat(parts)
  tree.write(decode(joined, 0, joined.length))
}

/**
 * Header-only fast path: the header without its trailing Signature (never used by a header-only
 * read). False when the bytes were not what they looked like (a nested or commented "Signature"):
 * the caller then reads the header in full.
 */
function feedHeaderWithoutSignature(tree: TreeBuilder, buf: Buffer, headerEnd: number): boolean {
  const signature = trailingSignature(buf, headerEnd)
  if (!signature) return false
  try {
    const joined = Buffer.concat([buf.subarray(0, signature.start), buf.subarray(signature.end, headerEnd)])
    tree.write(decode(joined, 0, joined.length))
    return tree.isHeaderClosed
  } catch (err) {
    if (err instanceof EdxmlError) return false
    throw err
  }
}

/**
 * Parse `input` into a skeleton tree. With `headerOnly`, parsing stops once edXMLHeader has closed:
 * neither the attachments nor the header's trailing Signature element are read or checked.
 */
export function readSkeleton(
  input: Uint8Array,
  limits: EdxmlLimits,
  warnings: EdxmlWarning[],
  options: { headerOnly?: boolean } = {},
): Skeleton {
  if (input.byteLength > limits.maxBytes)
    throw new EdxmlError('TOO_LARGE', {
      message: `Gói tin ${input.byteLength} byte, vượt giới hạn ${limits.maxBytes} byte`,
    })
  let buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength)
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3)
  if ((buf[0] === 0xfe && buf[1] === 0xff) || (buf[0] === 0xff && buf[1] === 0xfe))
    throw new EdxmlError('MALFORMED_XML', { message: 'Gói tin mã hóa UTF-16, chỉ nhận UTF-8' })
  checkDeclaredEncoding(buf, warnings)
  const firstWarning = warnings.length
  let markers = new Markers(buf)
  let tree = new TreeBuilder(limits, warnings, markers)
  const headerEnd = headerEndAfter(buf, 0)

  if (options.headerOnly && headerEnd !== -1) {
    if (feedHeaderWithoutSignature(tree, buf, headerEnd)) return skeletonOf(tree, markers, buf, true)
    warnings.length = firstWarning
    tree = new TreeBuilder(limits, warnings, markers)
    let fed = 0
    for (let end = headerEnd; end !== -1; end = headerEndAfter(buf, end)) {
      feed(tree, markers, buf, fed, end, signatureCuts(buf, fed, end))
      fed = end
      if (tree.isHeaderClosed) return skeletonOf(tree, markers, buf, true)
    }
    // The header never closed where expected (e.g. "edXMLHeader>" inside a comment): parse it all.
    warnings.length = firstWarning
    markers = new Markers(buf)
    tree = new TreeBuilder(limits, warnings, markers)
  }

  const cuts = [
    ...signatureCuts(buf, 0, headerEnd === -1 ? buf.length : headerEnd),
    ...findBodies(buf, BODY_TAG, 0, buf.length),
  ].sort(byStart)
  feed(tree, markers, buf, 0, buf.length, cuts)
  tree.write(null)
  return skeletonOf(tree, markers, buf, false)
}

function skeletonOf(tree: TreeBuilder, markers: Markers, buf: Buffer, isPartial: boolean): Skeleton {
  if (!tree.root) throw new EdxmlError('NOT_EDXML')
  return { root: tree.root, bytes: buf, markers, isPartial }
}
