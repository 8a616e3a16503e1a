/**
 * Positioned text of one page, read from the document pdf-lib already loaded: the page's content
 * streams are interpreted for the text operators only (ISO 32000-1 §9.4), and codes become text
 * through each font's ToUnicode CMap. Enough to find a signature block in ~1 ms, where pdfjs takes
 * 15–30 ms to load the whole file and build its fonts. Anything this reader does not handle throws
 * UnsupportedText and the caller falls back to pdfjs.
 */
import { inflateSync } from 'node:zlib'
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib'

export type TextItem = { text: string; x1: number; x2: number; baseline: number; size: number }

export class UnsupportedText extends Error {}

type Matrix = [number, number, number, number, number, number]
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ]
}

type Font = {
  twoByte: boolean
  /** Glyph width in thousandths of the font size. */
  width(code: number): number
  unicode(code: number): string
}

// ---- content stream tokens --------------------------------------------------------------------

type Operand = number | string | Uint8Array | Operand[] | { dict: true }
const WS = new Uint8Array(256)
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WS[c] = 1
const DELIM = new Uint8Array(256)
for (const c of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) DELIM[c] = 1

class Lexer {
  p = 0
  constructor(readonly b: Uint8Array) {}

  skip(): void {
    const b = this.b
    while (this.p < b.length) {
      const c = b[this.p]!
      if (WS[c]) this.p++
      else if (c === 0x25) while (this.p < b.length && b[this.p] !== 0x0a && b[this.p] !== 0x0d) this.p++
      else break
    }
  }

  word(): string {
    const b = this.b
    const s = this.p
    while (this.p < b.length && !WS[b[this.p]!] && !DELIM[b[this.p]!]) this.p++
    return Buffer.from(b.buffer, b.byteOffset + s, this.p - s).toString('latin1')
  }

  literal(): Uint8Array {
    const b = this.b
    const out: number[] = []
    let depth = 1
    this.p++
    while (this.p < b.length) {
      const c = b[this.p++]!
      if (c === 0x5c) {
        const n = b[this.p++]!
        const esc: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 }
        if (esc[n] !== undefined) out.push(esc[n])
        else if (n >= 0x30 && n <= 0x37) {
          let v = n - 0x30
          for (let i = 0; i < 2 && b[this.p]! >= 0x30 && b[this.p]! <= 0x37; i++)
            v = v * 8 + b[this.p++]! - 0x30
          out.push(v & 0xff)
        } else if (n === 0x0d) {
          if (b[this.p] === 0x0a) this.p++
        } else if (n !== 0x0a) out.push(n)
      } else if (c === 0x28) {
        depth++
        out.push(c)
      } else if (c === 0x29) {
        if (--depth === 0) break
        out.push(c)
      } else out.push(c)
    }
    return Uint8Array.from(out)
  }

  hex(): Uint8Array {
    const b = this.b
    const end = b.indexOf(0x3e, this.p)
    if (end < 0) throw new UnsupportedText('unterminated hex string')
    const out = new Uint8Array((end - this.p) >> 1)
    let n = 0
    let hi = -1
    for (let i = this.p + 1; i < end; i++) {
      const c = b[i]!
      const v = c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57
      if (v < 0 || v > 15 || (c > 0x39 && v < 10)) continue
      if (hi < 0) hi = v
      else {
        out[n++] = (hi << 4) | v
        hi = -1
      }
    }
    if (hi >= 0) out[n++] = hi << 4
    this.p = end + 1
    return out.subarray(0, n)
  }

  /** The next operand or operator; null at the end. Operators come back as { op }. */
  next(): Operand | { op: string } | null {
    this.skip()
    const b = this.b
    if (this.p >= b.length) return null
    const c = b[this.p]!
    if (c === 0x28) return this.literal()
    if (c === 0x3c) {
      if (b[this.p + 1] === 0x3c) {
        this.skipDict()
        return { dict: true }
      }
      return this.hex()
    }
    if (c === 0x5b) {
      this.p++
      const items: Operand[] = []
      for (;;) {
        const t = this.next()
        if (t === null) throw new UnsupportedText('unterminated array')
        if (typeof t === 'object' && 'op' in t) {
          if (t.op === ']') return items
          continue // a stray operator inside an array: ignore it
        }
        items.push(t)
      }
    }
    if (c === 0x5d) {
      this.p++
      return { op: ']' }
    }
    if (c === 0x2f) {
      this.p++
      return this.word() // names are plain strings; operators are { op }
    }
    if (c === 0x7b || c === 0x7d || c === 0x3e || c === 0x29) {
      this.p++
      return { op: String.fromCharCode(c) }
    }
    const w = this.word()
    if (w === '') {
      this.p++
      return { op: '' }
    }
    const n = Number(w)
    if (!Number.isNaN(n) && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) return n
    return { op: w }
  }

  skipDict(): void {
    let depth = 0
    const b = this.b
    while (this.p < b.length) {
      if (b[this.p] === 0x3c && b[this.p + 1] === 0x3c) {
        depth++
        this.p += 2
      } else if (b[this.p] === 0x3e && b[this.p + 1] === 0x3e) {
        depth--
        this.p += 2
        if (depth === 0) return
      } else if (b[this.p] === 0x28) this.literal()
      else this.p++
    }
  }

  /** After BI: skip the inline image's dictionary and data up to EI. */
  skipInlineImage(): void {
    const b = Buffer.from(this.b.buffer, this.b.byteOffset, this.b.byteLength)
    const id = b.indexOf('ID', this.p, 'latin1')
    if (id < 0) throw new UnsupportedText('inline image without ID')
    let at = id + 3
    for (;;) {
      const ei = b.indexOf('EI', at, 'latin1')
      if (ei < 0) throw new UnsupportedText('inline image without EI')
      const after = b[ei + 2]
      if (WS[b[ei - 1]!] && (after === undefined || WS[after] || DELIM[after])) {
        this.p = ei + 2
        return
      }
      at = ei + 2
    }
  }
}

// ---- fonts ------------------------------------------------------------------------------------

function num(v: PDFObject | undefined): number | undefined {
  return v instanceof PDFNumber ? v.asNumber() : undefined
}

function streamBytes(s: PDFObject | undefined): Uint8Array {
  if (!(s instanceof PDFStream)) throw new UnsupportedText('not a stream')
  if (!(s instanceof PDFRawStream)) return s.getContents()
  const filter = s.dict.get(PDFName.of('Filter'))
  const only = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter
  if (only === undefined) return s.contents
  if (only === PDFName.of('FlateDecode') && !s.dict.has(PDFName.of('DecodeParms')))
    return inflateSync(s.contents)
  return decodePDFRawStream(s).decode()
}

function utf16(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!)
  return s
}

function codeOf(bytes: Uint8Array): number {
  let n = 0
  for (const x of bytes) n = n * 256 + x
  return n
}

/** bfchar and bfrange of a ToUnicode CMap. */
function parseToUnicode(data: Uint8Array): Map<number, string> {
  const map = new Map<number, string>()
  const lex = new Lexer(data)
  const stack: Operand[] = []
  for (let t = lex.next(); t !== null; t = lex.next()) {
    if (typeof t !== 'object' || !('op' in t)) {
      stack.push(t)
      continue
    }
    if (t.op === 'endbfchar') {
      for (let i = 0; i + 1 < stack.length; i += 2) {
        const [src, dst] = [stack[i], stack[i + 1]]
        if (src instanceof Uint8Array && dst instanceof Uint8Array) map.set(codeOf(src), utf16(dst))
      }
    } else if (t.op === 'endbfrange') {
      for (let i = 0; i + 2 < stack.length; i += 3) {
        const [lo, hi, dst] = [stack[i], stack[i + 1], stack[i + 2]]
        if (!(lo instanceof Uint8Array) || !(hi instanceof Uint8Array)) continue
        const from = codeOf(lo)
        const to = Math.min(codeOf(hi), from + 65535)
        if (dst instanceof Uint8Array) {
          const base = utf16(dst)
          const lastUnit = base.charCodeAt(base.length - 1)
          for (let c = from; c <= to; c++)
            map.set(c, base.slice(0, -1) + String.fromCharCode(lastUnit + c - from))
        } else if (Array.isArray(dst)) {
          dst.forEach((d, k) => {
            if (d instanceof Uint8Array && from + k <= to) map.set(from + k, utf16(d))
          })
        }
      }
    }
    stack.length = 0
  }
  return map
}

// Windows-1252 for 0x80–0x9F; the rest of WinAnsiEncoding is Latin-1.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function loadFont(dict: PDFDict): Font {
  const lookup = (key: string) => dict.lookup(PDFName.of(key))
  const subtype = lookup('Subtype')
  const toUnicodeObj = lookup('ToUnicode')
  const toUnicode = toUnicodeObj instanceof PDFStream ? parseToUnicode(streamBytes(toUnicodeObj)) : null
  if (subtype === PDFName.of('Type0')) {
    const enc = lookup('Encoding')
    if (enc !== PDFName.of('Identity-H')) throw new UnsupportedText('Type0 font with another CMap')
    if (!toUnicode) throw new UnsupportedText('Type0 font without ToUnicode')
    const descendants = lookup('DescendantFonts')
    const cid = descendants instanceof PDFArray ? descendants.lookup(0) : undefined
    if (!(cid instanceof PDFDict)) throw new UnsupportedText('Type0 font without descendant')
    const dw = num(cid.lookup(PDFName.of('DW'))) ?? 1000
    const widths = new Map<number, number>()
    const w = cid.lookup(PDFName.of('W'))
    if (w instanceof PDFArray) {
      const a = w.asArray().map((x) => (x instanceof PDFRef ? cid.context.lookup(x) : x))
      for (let i = 0; i < a.length;) {
        const first = num(a[i])
        const second = a[i + 1]
        if (first === undefined) break
        if (second instanceof PDFArray) {
          second.asArray().forEach((x, k) => widths.set(first + k, num(cid.context.lookup(x)) ?? dw))
          i += 2
        } else {
          const last = num(second) ?? first
          const width = num(a[i + 2]) ?? dw
          for (let c = first; c <= last && c - first < 65536; c++) widths.set(c, width)
          i += 3
        }
      }
    }
    return {
      twoByte: true,
      width: (c) => widths.get(c) ?? dw,
      unicode: (c) => toUnicode.get(c) ?? '',
    }
  }
  if (subtype === PDFName.of('Type3')) throw new UnsupportedText('Type3 font')
  const first = num(lookup('FirstChar'))
  const widthsObj = lookup('Widths')
  if (first === undefined || !(widthsObj instanceof PDFArray))
    throw new UnsupportedText('font without widths')
  const widths = widthsObj.asArray().map((x) => num(dict.context.lookup(x)) ?? 0)
  const missing =
    num((lookup('FontDescriptor') as PDFDict | undefined)?.lookup(PDFName.of('MissingWidth'))) ?? 0
  let unicode: (c: number) => string
  if (toUnicode) unicode = (c) => toUnicode.get(c) ?? ''
  else {
    const enc = lookup('Encoding')
    if (enc instanceof PDFDict || (enc !== undefined && enc !== PDFName.of('WinAnsiEncoding')))
      throw new UnsupportedText('simple font without ToUnicode')
    unicode = (c) => (c >= 0x80 && c <= 0x9f ? CP1252[c - 0x80]! : String.fromCharCode(c))
  }
  return {
    twoByte: false,
    width: (c) => (c >= first && c - first < widths.length ? widths[c - first]! : missing),
    unicode,
  }
}

// ---- the interpreter --------------------------------------------------------------------------

type State = {
  ctm: Matrix
  font: Font | null
  size: number
  charSpace: number
  wordSpace: number
  scale: number
  leading: number
  rise: number
}

function inherited(node: PDFDict, key: string): PDFObject | undefined {
  for (let n: PDFDict | undefined = node, depth = 0; n && depth < 32; depth++) {
    const v = n.lookup(PDFName.of(key))
    if (v !== undefined) return v
    const parent: PDFObject | undefined = n.lookup(PDFName.of('Parent'))
    n = parent instanceof PDFDict ? parent : undefined
  }
  return undefined
}

function run(
  data: Uint8Array,
  resources: PDFDict | undefined,
  start: State,
  out: TextItem[],
  fonts: Map<PDFObject, Font>,
  depth: number,
): void {
  if (depth > 8) throw new UnsupportedText('form XObjects nested too deep')
  const lex = new Lexer(data)
  const stack: State[] = []
  let gs: State = { ...start }
  let tm: Matrix = IDENTITY
  let tlm: Matrix = IDENTITY
  const ops: Operand[] = []
  const number = (i: number) => {
    const v = ops[ops.length - i]
    return typeof v === 'number' ? v : 0
  }
  const fontNamed = (name: string): Font => {
    const dict = (resources?.lookup(PDFName.of('Font')) as PDFDict | undefined)?.get(PDFName.of(name))
    if (dict === undefined) throw new UnsupportedText(`font ${name} not in resources`)
    let font = fonts.get(dict)
    if (!font) {
      const resolved = dict instanceof PDFRef ? resources!.context.lookup(dict) : dict
      if (!(resolved instanceof PDFDict)) throw new UnsupportedText('font is not a dictionary')
      font = loadFont(resolved)
      fonts.set(dict, font)
    }
    return font
  }
  const show = (bytes: Uint8Array) => {
    const font = gs.font
    if (!font) throw new UnsupportedText('text without a font')
    const trm = mul(mul([gs.size * gs.scale, 0, 0, gs.size, 0, gs.rise], tm), gs.ctm)
    const startX = trm[4]
    const baseline = trm[5]
    let text = ''
    const step = font.twoByte ? 2 : 1
    for (let i = 0; i + step - 1 < bytes.length; i += step) {
      const code = step === 2 ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]!
      text += font.unicode(code)
      const spacing = gs.charSpace + (step === 1 && code === 0x20 ? gs.wordSpace : 0)
      const tx = ((font.width(code) / 1000) * gs.size + spacing) * gs.scale
      tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + tx * tm[0], tm[5] + tx * tm[1]]
    }
    const end = mul(mul([gs.size * gs.scale, 0, 0, gs.size, 0, gs.rise], tm), gs.ctm)
    if (text.trim() === '') return
    out.push({
      text,
      x1: Math.min(startX, end[4]),
      x2: Math.max(startX, end[4]),
      baseline,
      size: Math.hypot(trm[2], trm[3]),
    })
  }
  const nextLine = (tx: number, ty: number) => {
    tlm = mul([1, 0, 0, 1, tx, ty], tlm)
    tm = tlm
  }
  for (let t = lex.next(); t !== null; t = lex.next()) {
    if (typeof t !== 'object' || !('op' in t)) {
      ops.push(t)
      continue
    }
    switch (t.op) {
      case 'q':
        stack.push(gs)
        gs = { ...gs }
        break
      case 'Q':
        gs = stack.pop() ?? gs
        break
      case 'cm':
        gs.ctm = mul([number(6), number(5), number(4), number(3), number(2), number(1)], gs.ctm)
        break
      case 'BT':
        tm = tlm = IDENTITY
        break
      case 'Tf': {
        const name = ops[ops.length - 2]
        if (typeof name !== 'string') throw new UnsupportedText('Tf without a font name')
        gs.font = fontNamed(name)
        gs.size = number(1)
        break
      }
      case 'Tc':
        gs.charSpace = number(1)
        break
      case 'Tw':
        gs.wordSpace = number(1)
        break
      case 'Tz':
        gs.scale = number(1) / 100
        break
      case 'TL':
        gs.leading = number(1)
        break
      case 'Ts':
        gs.rise = number(1)
        break
      case 'Td':
        nextLine(number(2), number(1))
        break
      case 'TD':
        gs.leading = -number(1)
        nextLine(number(2), number(1))
        break
      case 'Tm':
        tm = tlm = [number(6), number(5), number(4), number(3), number(2), number(1)]
        break
      case 'T*':
        nextLine(0, -gs.leading)
        break
      case 'Tj':
      case "'":
      case '"': {
        if (t.op !== 'Tj') nextLine(0, -gs.leading)
        if (t.op === '"') {
          gs.wordSpace = number(3)
          gs.charSpace = number(2)
        }
        const s = ops[ops.length - 1]
        if (s instanceof Uint8Array) show(s)
        break
      }
      case 'TJ': {
        const arr = ops[ops.length - 1]
        if (!Array.isArray(arr)) break
        for (const el of arr) {
          if (el instanceof Uint8Array) show(el)
          else if (typeof el === 'number') {
            const tx = (-el / 1000) * gs.size * gs.scale
            tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + tx * tm[0], tm[5] + tx * tm[1]]
          }
        }
        break
      }
      case 'Do': {
        const name = ops[ops.length - 1]
        const xobjects = resources?.lookup(PDFName.of('XObject'))
        const xo =
          typeof name === 'string' && xobjects instanceof PDFDict
            ? xobjects.lookup(PDFName.of(name))
            : undefined
        if (xo instanceof PDFStream && xo.dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) {
          const m = xo.dict.lookup(PDFName.of('Matrix'))
          const matrix =
            m instanceof PDFArray && m.size() === 6
              ? (m.asArray().map((x) => num(x) ?? 0) as Matrix)
              : IDENTITY
          const own = xo.dict.lookup(PDFName.of('Resources'))
          run(
            streamBytes(xo),
            own instanceof PDFDict ? own : resources,
            { ...gs, ctm: mul(matrix, gs.ctm) },
            out,
            fonts,
            depth + 1,
          )
        }
        break
      }
      case 'BI':
        lex.skipInlineImage()
        break
      default:
        break
    }
    ops.length = 0
  }
}

/** Text items of a page (one per string shown), in page space. Throws UnsupportedText. */
export function pageTextItems(page: PDFPage): TextItem[] {
  const node = page.node
  const resources = inherited(node, 'Resources')
  const contents = node.lookup(PDFName.of('Contents'))
  const parts =
    contents instanceof PDFArray
      ? contents.asArray().map((x) => node.context.lookup(x))
      : contents
        ? [contents]
        : []
  const data = Buffer.concat(parts.map((s) => [streamBytes(s), Buffer.from('\n')]).flat())
  const out: TextItem[] = []
  const state: State = {
    ctm: IDENTITY,
    font: null,
    size: 0,
    charSpace: 0,
    wordSpace: 0,
    scale: 1,
    leading: 0,
    rise: 0,
  }
  run(data, resources instanceof PDFDict ? resources : undefined, state, out, new Map(), 0)
  return out
}
