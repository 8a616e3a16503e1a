/**
 * Canonical XML for XML-DSig, done by xml-crypto's canonicalisers over an @xmldom/xmldom DOM built
 * from our tree (not by hand). Only the small skeleton ever becomes a DOM, never an attachment.
 */
import { DOMImplementation } from '@xmldom/xmldom'
import {
  C14nCanonicalization,
  C14nCanonicalizationWithComments,
  ExclusiveCanonicalization,
  ExclusiveCanonicalizationWithComments,
} from 'xml-crypto'
import type { XElement } from './xml-tree.ts'

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/'

export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#'

/** Canonicalisation algorithms we run, by URI. The `TR/xml-exc-c14n#` spelling is a known SDK typo. */
const ALGORITHMS: Record<string, () => { process(node: Node, options: object): string }> = {
  [EXC_C14N]: () => new ExclusiveCanonicalization(),
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments': () => new ExclusiveCanonicalizationWithComments(),
  'http://www.w3.org/TR/xml-exc-c14n#': () => new ExclusiveCanonicalization(),
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315': () => new C14nCanonicalization(),
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments': () =>
    new C14nCanonicalizationWithComments(),
}

export function isCanonicalization(uri: string): boolean {
  return uri in ALGORITHMS
}

/** The URIs that are not the standard spelling of what they mean. */
export function isMisspelledCanonicalization(uri: string): boolean {
  return uri === 'http://www.w3.org/TR/xml-exc-c14n#'
}

export type DomOf = Map<XElement, Element>

/**
 * Build a detached DOM element from `el`. `inScope` are the namespace declarations inherited from
 * ancestors: they are written on the apex, which makes inclusive C14N render them as the
 * specification asks (and exclusive C14N ignore those not visibly used). `omit` is left out (the
 * enveloped Signature: cheaper than building it and removing it).
 */
export function toDom(
  el: XElement,
  inScope: Record<string, string> = {},
  map?: DomOf,
  omit?: XElement,
): Element {
  const doc = new DOMImplementation().createDocument(null, null, null)
  const build = (x: XElement, decls: Record<string, string>): Element => {
    const node = doc.createElementNS(x.uri || null, x.name)
    map?.set(x, node)
    for (const [prefix, uri] of Object.entries(decls))
      node.setAttributeNS(XMLNS_NS, prefix ? `xmlns:${prefix}` : 'xmlns', uri)
    for (const a of x.attrs) node.setAttributeNS(a.uri || null, a.name, a.value)
    for (const k of x.children) {
      // An empty text node canonicalises to nothing, and xml-crypto refuses to process one.
      if ((k.kind === 'text' && k.text === '') || k === omit) continue
      node.appendChild(k.kind === 'text' ? doc.createTextNode(k.text) : build(k, k.ns))
    }
    return node
  }
  const apex = build(el, { ...inScope, ...el.ns })
  doc.appendChild(apex)
  return apex
}

/** Canonical form of `node` with the algorithm at `uri` (the caller checked isCanonicalization). */
export function canonicalize(node: Element, uri: string, inclusivePrefixes?: string[]): string {
  const make = ALGORITHMS[uri]
  if (!make) throw new Error(`unsupported canonicalization ${uri}`)
  return make().process(node, inclusivePrefixes ? { inclusiveNamespacesPrefixList: inclusivePrefixes } : {})
}

/** Namespace declarations in scope at `path[last]` from its ancestors (`path` runs root → element). */
export function inheritedNamespaces(path: XElement[]): Record<string, string> {
  const scope: Record<string, string> = {}
  for (const el of path.slice(0, -1)) Object.assign(scope, el.ns)
  return scope
}
