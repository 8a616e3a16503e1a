/**
 * Parsing received edXML packages: strict XML (no DTD, bounded size, depth and counts), lenient
 * edXML (real-world variants become warnings), attachments decoded natively, signature checked.
 */
import { DEFAULT_LIMITS, EdxmlError, type EdxmlLimits, type EdxmlWarning } from './errors.ts'
import { DSIG_NS, EDXML_NS, type BusinessDocType, type EdxmlPackage } from './model.ts'
import { readAttachments } from './read-attachments.ts'
import { readMessageHeader, readStatus, readTrace } from './read-header.ts'
import { Reader } from './read.ts'
import { readSkeleton, type Skeleton } from './skeleton.ts'
import { verifySignature, type SignatureCheck } from './verify-signature.ts'
import type { XElement } from './xml-tree.ts'

export type ParsedEdxml = { package: EdxmlPackage; warnings: EdxmlWarning[]; signature: SignatureCheck }

export type ParseOptions = {
  /** Read the header only: attachments are [] and the signature is not checked ({state:'absent'}). */
  headerOnly?: boolean
  limits?: Partial<EdxmlLimits>
}

type Located = { envelope: XElement; header: XElement; headerPath: XElement[] }

function locate(r: Reader, skeleton: Skeleton): Located {
  const root = skeleton.root
  if (root.local !== 'edXML')
    throw new EdxmlError('NOT_EDXML', {
      message: `Phần tử gốc là "${root.local.slice(0, 40)}", không phải edXML`,
    })
  if (root.uri !== EDXML_NS)
    r.warn('NAMESPACE', 'edXML', 'Gói tin không dùng không gian tên QCVN 102:2016; đã đọc theo tên thẻ')
  if (!skeleton.isPartial) r.known(root, 'edXML', ['edXMLEnvelope', 'AttachmentEncoded'])
  const envelope = r.one(root, 'edXML', 'edXMLEnvelope')
  const header = r.one(envelope, 'edXMLEnvelope', 'edXMLHeader')
  if (!envelope || !header)
    throw new EdxmlError('NOT_EDXML', { message: 'Gói tin thiếu edXMLEnvelope/edXMLHeader' })
  if (!skeleton.isPartial)
    r.known(envelope, 'edXMLEnvelope', ['edXMLHeader', 'edXMLBody', 'AttachmentEncoded'])
  r.known(header, 'edXMLHeader', [
    'MessageHeader',
    'TraceHeaderList',
    'Status',
    'Signature',
    'DigitalSignature',
  ])
  return { envelope, header, headerPath: [root, envelope, header] }
}

function signatureOf(r: Reader, header: XElement): XElement | undefined {
  const signature = r.one(header, 'edXMLHeader', 'Signature')
  if (signature && signature.uri !== DSIG_NS)
    r.warn(
      'SIGNATURE_NAMESPACE',
      'edXMLHeader/Signature',
      'Thẻ Signature không thuộc không gian tên XML-DSig; vẫn kiểm tra chữ ký',
    )
  if (r.all(header, 'DigitalSignature').length)
    r.warn(
      'SIGNATURE_PLACEHOLDER',
      'edXMLHeader/DigitalSignature',
      'Gói tin chỉ có thẻ DigitalSignature giữ chỗ, không có chữ ký số XML',
    )
  return signature
}

/** Parse a package. Fatal problems throw EdxmlError; signature problems are reported, never thrown. */
export async function parseEdxml(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedEdxml> {
  const limits: EdxmlLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const warnings: EdxmlWarning[] = []
  const isHeaderOnly = options.headerOnly ?? false
  const skeleton = readSkeleton(bytes, limits, warnings, { headerOnly: isHeaderOnly })
  const r = new Reader(warnings)
  const { envelope, header, headerPath } = locate(r, skeleton)
  const messageHeader = r.one(header, 'edXMLHeader', 'MessageHeader')
  const status = r.one(header, 'edXMLHeader', 'Status')
  if (messageHeader && status)
    throw new EdxmlError('NOT_EDXML', {
      message: 'Gói tin có cả MessageHeader và Status',
      path: 'edXMLHeader',
    })
  if (!messageHeader && !status)
    throw new EdxmlError('NOT_EDXML', {
      message: 'Gói tin không có MessageHeader hay Status',
      path: 'edXMLHeader',
    })
  const signature = signatureOf(r, header)

  let pkg: EdxmlPackage
  let carried = new Map<string, Uint8Array>()
  if (status) pkg = readStatus(r, status)
  else {
    const edocHeader = readMessageHeader(r, messageHeader!)
    const { traceHeaders, business } = readTrace(r, r.one(header, 'edXMLHeader', 'TraceHeaderList'))
    const read = isHeaderOnly ? null : readAttachments(r, skeleton, envelope, limits)
    carried = read?.carried ?? carried
    pkg = { kind: 'edoc', header: edocHeader, traceHeaders, business, attachments: read?.attachments ?? [] }
  }
  const check: SignatureCheck =
    !signature || isHeaderOnly
      ? { state: 'absent' }
      : verifySignature({ skeleton, headerPath, signature, carried, warn: (c, p, m) => r.warn(c, p, m) })
  return { package: pkg, warnings, signature: check }
}

/** Who sends a package to whom: what an exchange axis needs to route it (header only, fast). */
export type EdxmlRoute = {
  kind: 'edoc' | 'status'
  from: string
  /** Recipients' OrganIds; for a status package, the original document's issuer. */
  to: string[]
  documentId: string
  businessType: BusinessDocType | null
}

/** Read the route of a package; throws EdxmlError when it is not a usable edXML package. */
export async function inspectRoute(bytes: Uint8Array): Promise<EdxmlRoute> {
  const { package: p } = await parseEdxml(bytes, { headerOnly: true })
  if (p.kind === 'status')
    return {
      kind: 'status',
      from: p.from.organId,
      to: [p.responseFor.organId],
      documentId: p.responseFor.documentId,
      businessType: null,
    }
  return {
    kind: 'edoc',
    from: p.header.from.organId,
    to: p.header.to.map((t) => t.organId),
    documentId: p.header.documentId,
    businessType: p.business.type,
  }
}
