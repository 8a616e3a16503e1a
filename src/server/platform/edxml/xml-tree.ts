/**
 * A small XML tree shared by the builder and the parser. The builder renders it to text and the
 * parser fills it from saxes; both turn it into a DOM for canonicalisation, so what is signed and
 * what is verified come from the same representation (no second parser that could disagree).
 */
import { EdxmlError } from './errors.ts'
import { DSIG_NS, EDXML_NS } from './model.ts'

export type XText = { kind: 'text'; text: string }
export type XAttr = { name: string; local: string; prefix: string; uri: string; value: string }
export type XElement = {
  kind: 'element'
  /** The qualified name as written. */
  name: string
  local: string
  prefix: string
  /** Namespace URI, '' for none. */
  uri: string
  /** Attributes other than namespace declarations. */
  attrs: XAttr[]
  /** Namespace declarations written on this element: prefix ('' for the default) → URI. */
  ns: Record<string, string>
  children: XNode[]
}
export type XNode = XElement | XText

type Content = string | number | XNode[] | undefined | null

function childrenOf(content: Content): XNode[] {
  if (content === undefined || content === null) return []
  if (typeof content === 'string' || typeof content === 'number')
    return [{ kind: 'text', text: String(content) }]
  return content
}

/** `<edXML:{local}>` in the QCVN 102 namespace. */
export function edxml(local: string, content?: Content): XElement {
  return {
    kind: 'element',
    name: `edXML:${local}`,
    local,
    prefix: 'edXML',
    uri: EDXML_NS,
    attrs: [],
    ns: {},
    children: childrenOf(content),
  }
}

/** An unprefixed element in the default namespace `uri` (edXML or XML-DSig). */
export function plain(
  local: string,
  uri: string,
  content?: Content,
  attrs: Record<string, string> = {},
): XElement {
  return {
    kind: 'element',
    name: local,
    local,
    prefix: '',
    uri,
    attrs: Object.entries(attrs).map(([name, value]) => ({ name, local: name, prefix: '', uri: '', value })),
    ns: {},
    children: childrenOf(content),
  }
}

/** An XML-DSig element (unprefixed; the `<Signature>` carries the default namespace declaration). */
export function dsig(local: string, content?: Content, attrs: Record<string, string> = {}): XElement {
  return plain(local, DSIG_NS, content, attrs)
}

/** Drop the undefined entries of a child list (optional elements). */
export function present(...nodes: (XElement | undefined | false)[]): XElement[] {
  return nodes.filter((n): n is XElement => Boolean(n))
}

/** Indent elements that hold only elements, in place; the whitespace becomes part of what is signed. */
export function indent(el: XElement, level = 0): XElement {
  const kids = el.children
  if (kids.length === 0 || kids.some((k) => k.kind === 'text')) return el
  const inner = `\n${'  '.repeat(level + 1)}`
  const next: XNode[] = []
  for (const k of kids) {
    next.push({ kind: 'text', text: inner }, indent(k as XElement, level + 1))
  }
  next.push({ kind: 'text', text: `\n${'  '.repeat(level)}` })
  el.children = next
  return el
}

/** Characters XML 1.0 allows; anything else (controls, lone surrogates) cannot be sent at all. */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

export function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;',
  )
}

export function escapeAttribute(s: string): string {
  return s.replace(/[&<"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`)
}

function checkChars(s: string, path: string): void {
  if (NOT_XML_CHAR.test(s))
    throw new EdxmlError('BAD_VALUE', { message: `Ký tự không được phép trong XML tại ${path}`, path })
}

/** Serialise; throws BAD_VALUE (with the element path) for characters XML cannot carry. */
export function renderXml(el: XElement, path = ''): string {
  // Paths as the parser reports them: relative to edXMLHeader.
  const isFrame = el.local === 'edXMLEnvelope' || el.local === 'edXMLHeader'
  const here = isFrame ? path : path ? `${path}/${el.local}` : el.local
  let out = `<${el.name}`
  for (const [prefix, uri] of Object.entries(el.ns))
    out += ` ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${escapeAttribute(uri)}"`
  for (const a of el.attrs) {
    checkChars(a.value, here)
    out += ` ${a.name}="${escapeAttribute(a.value)}"`
  }
  if (el.children.length === 0) return `${out}/>`
  out += '>'
  for (const k of el.children) {
    if (k.kind === 'text') {
      checkChars(k.text, here)
      out += escapeText(k.text)
    } else out += renderXml(k, here)
  }
  return `${out}</${el.name}>`
}

/** The element children. */
export function elementsOf(el: XElement): XElement[] {
  return el.children.filter((k): k is XElement => k.kind === 'element')
}

/** The text directly inside `el` (entities resolved, CDATA included). */
export function textOf(el: XElement): string {
  let s = ''
  for (const k of el.children) if (k.kind === 'text') s += k.text
  return s
}
