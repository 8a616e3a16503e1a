/**
 * The two halves of reading a skeleton: a saxes parser that builds the tree under the limits, and
 * the markers that stand for the attachment bodies cut out before parsing.
 */
import { randomUUID } from 'node:crypto'
import { SaxesParser, type SaxesTagNS } from 'saxes'
import { EdxmlError, type EdxmlLimits, type EdxmlWarning } from './errors.ts'
import { EDXML_NS } from './model.ts'
import type { XAttr, XElement } from './xml-tree.ts'

/** A cut attachment body: byte range in the package, decoded size. */
export type Body = { start: number; end: number; size: number }

/** A saxes parser building the skeleton tree, with the limits enforced as it goes. */
export class TreeBuilder {
  private readonly parser: SaxesParser<{ xmlns: true }>
  private readonly stack: XElement[] = []
  private readonly bodyTextLimit: number
  private elements = 0
  private hasWarnedPrefix = false
  root: XElement | undefined
  isHeaderClosed = false

  constructor(
    private readonly limits: EdxmlLimits,
    private readonly warnings: EdxmlWarning[],
    private readonly markers: Markers,
  ) {
    this.bodyTextLimit = Math.ceil((limits.maxAttachmentBytes * 4) / 3) * 1.05 + 1024
    this.parser = new SaxesParser({
      xmlns: true,
      // Line and column would point into the skeleton (bodies cut out), not the package: not worth their cost.
      position: false,
      // Producers write <edXML:…> outside the envelope that declares the prefix (SDK samples do).
      resolvePrefix: (prefix: string) => this.resolvePrefix(prefix),
    })
    // Few handlers on purpose: past five, V8 gives the parser object a slow shape (5× slower).
    // saxes throws its well-formedness errors from write(), see write().
    this.parser.on('doctype', () => {
      // No DTD, ever: no entity expansion (billion laughs), no external entities (XXE).
      throw new EdxmlError('DOCTYPE_FORBIDDEN')
    })
    this.parser.on('opentag', (tag) => this.open(tag))
    this.parser.on('closetag', (tag) => this.close(tag.local))
    this.parser.on('text', (text) => this.text(text))
    this.parser.on('cdata', (text) => this.text(text))
  }

  /** Write a chunk (null closes); saxes errors become MALFORMED_XML. */
  write(chunk: string | null): void {
    try {
      if (chunk === null) this.parser.close()
      else this.parser.write(chunk)
    } catch (err) {
      if (err instanceof EdxmlError) throw err
      const message = err instanceof Error ? err.message : String(err)
      throw new EdxmlError('MALFORMED_XML', {
        message: `Gói tin không phải XML hợp lệ: ${message}`,
        cause: err,
      })
    }
  }

  private resolvePrefix(prefix: string): string | undefined {
    if (prefix !== 'edXML') return undefined
    if (!this.hasWarnedPrefix) {
      this.hasWarnedPrefix = true
      this.warnings.push({
        code: 'UNBOUND_PREFIX',
        path: '',
        message: 'Tiền tố "edXML:" được dùng mà không khai báo không gian tên; đã hiểu theo QCVN 102:2016',
      })
    }
    return EDXML_NS
  }

  private open(tag: SaxesTagNS): void {
    const { limits, stack } = this
    if (++this.elements > limits.maxElements)
      throw new EdxmlError('TOO_LARGE', { message: `Gói tin có quá ${limits.maxElements} phần tử XML` })
    if (stack.length >= limits.maxDepth)
      throw new EdxmlError('TOO_DEEP', { message: `Gói tin lồng thẻ XML sâu quá ${limits.maxDepth} mức` })
    const attrs: XAttr[] = []
    for (const key in tag.attributes) {
      const a = tag.attributes[key]!
      if (a.prefix === 'xmlns' || (a.prefix === '' && a.local === 'xmlns')) continue
      attrs.push({ name: a.name, local: a.local, prefix: a.prefix, uri: a.uri, value: a.value })
    }
    const el: XElement = {
      kind: 'element',
      name: tag.name,
      local: tag.local,
      prefix: tag.prefix,
      uri: tag.uri,
      attrs,
      ns: tag.ns,
      children: [],
    }
    const parent = stack[stack.length - 1]
    if (parent) parent.children.push(el)
    else this.root = el
    stack.push(el)
  }

  private close(local: string): void {
    this.stack.pop()
    // Only the header of the envelope (edXML > edXMLEnvelope > edXMLHeader) ends the header-only read.
    if (local === 'edXMLHeader' && this.stack.length === 2) this.isHeaderClosed = true
  }

  private text(raw: string): void {
    const el = this.stack[this.stack.length - 1]
    if (!el) return
    const isBody = el.local === 'ContentTransferEncoded'
    const text = isBody ? raw : this.markers.restore(raw)
    const last = el.children[el.children.length - 1]
    const length = text.length + (last?.kind === 'text' ? last.text.length : 0)
    if (length > (isBody ? this.bodyTextLimit : this.limits.maxTextLength))
      throw new EdxmlError('TOO_LARGE', {
        message: `Nội dung thẻ ${el.local} dài quá giới hạn cho phép`,
        path: el.local,
      })
    if (last?.kind === 'text') last.text += text
    else el.children.push({ kind: 'text', text })
  }
}

/**
 * The cut bodies and their markers. The marker carries a nonce drawn per parse (randomUUID, from a
 * cached entropy pool: unguessable and cheap), so no text in a package can pass for one.
 */
export class Markers {
  readonly prefix = `edxml-body-${randomUUID().replaceAll('-', '')}-`
  bodies: Body[] = []

  constructor(private readonly buf: Buffer) {}

  /** Register a cut body; its marker. */
  add(body: Body): string {
    this.bodies.push(body)
    return `${this.prefix}${this.bodies.length - 1}`
  }

  /** What saxes would have produced for a cut body: its text with line ends normalised. */
  bodyText(i: number): string {
    const b = this.bodies[i]!
    const t = this.buf.toString('latin1', b.start, b.end)
    return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t
  }

  /** Markers back to their text (every element but ContentTransferEncoded); a marker is always followed by '<'. */
  restore(t: string): string {
    // Markers are longer than the whitespace between elements: most texts skip the search.
    if (t.length < this.prefix.length || !t.includes(this.prefix)) return t
    const parts = t.split(this.prefix)
    let out = parts[0]!
    for (const part of parts.slice(1)) {
      const digits = /^\d+/.exec(part)?.[0]
      const index = digits === undefined ? -1 : Number(digits)
      out +=
        index >= 0 && index < this.bodies.length
          ? this.bodyText(index) + part.slice(digits!.length)
          : this.prefix + part
    }
    return out
  }

  /** A global pattern matching every marker; group 1 is the body index. */
  pattern(): RegExp {
    return new RegExp(`${this.prefix}(\\d+)`, 'g')
  }

  /** The body index a text stands for, or -1. */
  indexOf(t: string): number {
    const rest = t.startsWith(this.prefix) ? t.slice(this.prefix.length) : ''
    return /^\d+$/.test(rest) ? Number(rest) : -1
  }
}
