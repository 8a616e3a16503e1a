/**
 * Building edXML packages (REGULATIONS §2.2–2.3): UTF-8, the element layout of the SDK samples,
 * attachments outside the envelope as base64 (optionally zipped first), and an optional enveloped
 * XML-DSig signature (sign.ts).
 */
import { randomUUID } from 'node:crypto'
import type { Signer } from '../signing/index.ts'
import { isZipType, zipOne } from './attachments.ts'
import { base64Lines } from './base64.ts'
import { EdxmlError } from './errors.ts'
import {
  BUSINESS_DOC_TYPES,
  EDXML_NS,
  STATUS_CODES,
  type AttachmentInput,
  type EdocPackage,
  type StatusPackage,
} from './model.ts'
import { signHeader } from './sign.ts'
import { isIsoDate } from './wire-dates.ts'
import { messageHeaderXml, statusXml, traceHeaderListXml } from './write-header.ts'
import { edxml, indent, plain, renderXml, type XElement } from './xml-tree.ts'

export type EdocInput = Omit<EdocPackage, 'kind' | 'attachments'> & { attachments: AttachmentInput[] }
export type StatusInput = Omit<StatusPackage, 'kind'>
export type BuildOptions = {
  /** Sign the package (enveloped XML-DSig, RSA-SHA256). */
  signer?: Signer
  /** Zip each attachment alone before base64, as the SDK samples do (ContentType becomes application/zip). */
  zipAttachments?: boolean
}

const missing = (path: string) =>
  new EdxmlError('MISSING_FIELD', { message: `Thiếu thông tin bắt buộc ${path}`, path })
const bad = (path: string, what: string) =>
  new EdxmlError('BAD_VALUE', { message: `Giá trị không hợp lệ tại ${path}: ${what}`, path })

function requireText(value: string | undefined | null, path: string): void {
  if (!value?.trim()) throw missing(path)
}
function requireDate(value: string | null, path: string, isNullable = false): void {
  if (value === null ? !isNullable : !isIsoDate(value)) throw bad(path, 'cần ngày dạng yyyy-MM-dd')
}
function requireInteger(value: number, path: string): void {
  if (!Number.isSafeInteger(value)) throw bad(path, 'cần số nguyên')
}
function requireInstant(value: Date, path: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw bad(path, 'thời điểm không hợp lệ')
}

function validateEdoc(pkg: EdocInput): void {
  const h = pkg.header
  requireText(h.from.organId, 'MessageHeader/From/OrganId')
  if (h.to.length === 0) throw missing('MessageHeader/To')
  const seen = new Set<string>()
  for (const t of h.to) {
    requireText(t.organId, 'MessageHeader/To/OrganId')
    if (seen.has(t.organId)) throw bad('MessageHeader/To/OrganId', `nơi nhận ${t.organId} bị lặp`)
    seen.add(t.organId)
  }
  if (!h.code.codeNumber.trim() && !h.code.codeNotation.trim()) throw missing('MessageHeader/Code')
  requireDate(h.promulgationInfo.promulgationDate, 'MessageHeader/PromulgationInfo/PromulgationDate')
  requireDate(h.dueDate, 'MessageHeader/DueDate', true)
  requireText(h.subject, 'MessageHeader/Subject')
  requireText(h.documentId, 'MessageHeader/DocumentId')
  for (const [path, n] of [
    ['DocumentType/Type', h.documentType.type],
    ['DocumentType/TypeDetail', h.documentType.typeDetail],
    ['OtherInfo/Priority', h.otherInfo.priority],
    ['OtherInfo/PromulgationAmount', h.otherInfo.promulgationAmount],
    ['OtherInfo/PageAmount', h.otherInfo.pageAmount],
    ['SteeringType', h.steeringType],
  ] as const)
    requireInteger(n, `MessageHeader/${path}`)
  for (const r of h.responseFor) {
    requireText(r.organId, 'MessageHeader/ResponseFor/OrganId')
    requireText(r.documentId, 'MessageHeader/ResponseFor/DocumentId')
    requireDate(r.promulgationDate, 'MessageHeader/ResponseFor/PromulgationDate', true)
  }
  for (const t of pkg.traceHeaders) {
    requireText(t.organId, 'TraceHeaderList/TraceHeader/OrganId')
    requireInstant(t.timestamp, 'TraceHeaderList/TraceHeader/Timestamp')
  }
  const b = pkg.business
  if (!(BUSINESS_DOC_TYPES as readonly number[]).includes(b.type))
    throw bad('TraceHeaderList/Bussiness/BussinessDocType', 'chỉ nhận 0, 1, 2, 3')
  if (b.paper !== 0 && b.paper !== 1) throw bad('TraceHeaderList/Bussiness/Paper', 'chỉ nhận 0 hoặc 1')
  for (const r of b.replacementInfo)
    requireText(r.documentId, 'TraceHeaderList/Bussiness/ReplacementInfo/DocumentId')
}

function validateStatus(pkg: StatusInput): void {
  requireText(pkg.responseFor.organId, 'Status/ResponseFor/OrganId')
  requireText(pkg.responseFor.documentId, 'Status/ResponseFor/DocumentId')
  requireDate(pkg.responseFor.promulgationDate, 'Status/ResponseFor/PromulgationDate', true)
  requireText(pkg.from.organId, 'Status/From/OrganId')
  if (!(STATUS_CODES as readonly string[]).includes(pkg.statusCode))
    throw bad(
      'Status/StatusCode',
      `mã trạng thái "${pkg.statusCode}" không có trong danh mục 01–06, 13, 15, 16`,
    )
  requireInstant(pkg.timestamp, 'Status/Timestamp')
}

type WireFile = {
  contentId: string
  name: string
  description: string
  wireType: string
  carried: Uint8Array
}

function wireFiles(inputs: AttachmentInput[], shouldZip: boolean): WireFile[] {
  const ids = new Set<string>()
  return inputs.map((a, i) => {
    const path = `AttachmentEncoded/Attachment[${i + 1}]`
    const contentId = a.contentId === undefined ? randomUUID() : a.contentId.trim().replace(/^cid:/i, '')
    if (!/^[^\s<>"'&]+$/.test(contentId)) throw bad(`${path}/ContentId`, 'mã tệp đính kèm không hợp lệ')
    if (ids.has(contentId)) throw bad(`${path}/ContentId`, `mã tệp ${contentId} bị lặp`)
    ids.add(contentId)
    requireText(a.name, `${path}/AttachmentName`)
    requireText(a.contentType, `${path}/ContentType`)
    // A file that already is a zip travels as it is: zipping it again would hide it from receivers.
    const isZipped = shouldZip && !isZipType(a.contentType)
    return {
      contentId,
      name: a.name,
      description: a.description ?? '',
      wireType: isZipped ? 'application/zip' : a.contentType,
      carried: isZipped ? zipOne(a.name, a.data) : a.data,
    }
  })
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
const ROOT_OPEN = `<edXML xmlns="${EDXML_NS}">\n  `
/** Namespace declarations in scope at edXMLHeader (from the root and the envelope). */
const HEADER_SCOPE = { '': EDXML_NS, edXML: EDXML_NS }

function envelopeOf(header: XElement, body?: XElement): XElement {
  const envelope = edxml('edXMLEnvelope', body ? [header, body] : [header])
  envelope.ns = { edXML: EDXML_NS }
  return indent(envelope, 1)
}

function manifestXml(files: WireFile[]): XElement {
  const manifest = edxml(
    'edXMLManifest',
    files.map((f) =>
      edxml('Reference', [
        edxml('ContentId', `cid:${f.contentId}`),
        edxml('ContentType', f.wireType),
        edxml('Description', f.description),
        edxml('AttachmentName', f.name),
      ]),
    ),
  )
  manifest.attrs.push({ name: 'version', local: 'version', prefix: '', uri: '', value: '1.0' })
  // Named so the signature can cover it: the files' names, types and descriptions are signed too.
  manifest.attrs.push({ name: 'Id', local: 'Id', prefix: '', uri: '', value: MANIFEST_ID })
  return edxml('edXMLBody', [manifest])
}

/** The Id of the manifest, referenced by our signature (`#edXMLManifest`). */
export const MANIFEST_ID = 'edXMLManifest'

function attachmentParts(files: WireFile[]): (string | Buffer)[] {
  if (files.length === 0) return []
  const parts: (string | Buffer)[] = ['\n  <AttachmentEncoded>']
  for (const f of files) {
    const meta = [
      plain('ContentId', EDXML_NS, `cid:${f.contentId}`),
      plain('AttachmentName', EDXML_NS, f.name),
      plain('Description', EDXML_NS, f.description),
      plain('ContentType', EDXML_NS, f.wireType),
    ].map((m) => `\n      ${renderXml(m, 'AttachmentEncoded/Attachment')}`)
    parts.push(
      '\n    <Attachment>',
      ...meta,
      `\n      <edXML:ContentTransferEncoded xmlns:edXML="${EDXML_NS}">`,
    )
    parts.push(base64Lines(f.carried), '</edXML:ContentTransferEncoded>\n    </Attachment>')
  }
  parts.push('\n  </AttachmentEncoded>')
  return parts
}

function assemble(envelope: XElement, files: WireFile[] = []): Uint8Array {
  const parts = [XML_DECLARATION + ROOT_OPEN + renderXml(envelope), ...attachmentParts(files), '\n</edXML>\n']
  const out = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)))
  // Small Buffers live in Node's shared pool: hand out an exact copy rather than a view into it.
  return out.byteLength < 4096
    ? new Uint8Array(out)
    : new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

/** Build a document package ("edoc"); signed when `options.signer` is given. */
export async function buildEdoc(pkg: EdocInput, options: BuildOptions = {}): Promise<Uint8Array> {
  validateEdoc(pkg)
  const files = wireFiles(pkg.attachments, options.zipAttachments ?? false)
  const header = edxml('edXMLHeader', [
    messageHeaderXml(pkg.header),
    traceHeaderListXml(pkg.traceHeaders, pkg.business),
  ])
  const body = manifestXml(files)
  const envelope = envelopeOf(header, body)
  const manifest = body.children.find((c): c is XElement => c.kind !== 'text')
  if (options.signer)
    await signHeader(
      header,
      HEADER_SCOPE,
      2,
      files,
      options.signer,
      manifest ? { id: MANIFEST_ID, element: manifest } : undefined,
    )
  return assemble(envelope, files)
}

/** Build a status package (01–06, 13, 15, 16); signed when `options.signer` is given. */
export async function buildStatus(pkg: StatusInput, options: { signer?: Signer } = {}): Promise<Uint8Array> {
  validateStatus(pkg)
  const header = edxml('edXMLHeader', [statusXml(pkg)])
  const envelope = envelopeOf(header)
  if (options.signer) await signHeader(header, HEADER_SCOPE, 2, [], options.signer)
  return assemble(envelope)
}
