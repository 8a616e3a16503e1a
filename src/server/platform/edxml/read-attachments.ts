/** edXMLManifest + AttachmentEncoded → attachments, reconciled leniently but never ambiguously. */
import { createHash } from 'node:crypto'
import { unpack } from './attachments.ts'
import { base64DecodedSize } from './base64.ts'
import { EdxmlError, type EdxmlLimits } from './errors.ts'
import { FIELD_MAX_LENGTHS, type Attachment } from './model.ts'
import type { Reader } from './read.ts'
import type { Skeleton } from './skeleton.ts'
import { textOf, type XElement } from './xml-tree.ts'

type ManifestEntry = {
  contentId: string
  contentType?: string
  description?: string
  name?: string
  isUsed: boolean
}

/** `cid:x` or `x` → x; warns when the `cid:` form is missing. */
function contentIdOf(r: Reader, raw: string | undefined, path: string): string | undefined {
  if (!raw) return undefined
  const m = /^cid:(.*)$/i.exec(raw)
  if (!m)
    r.warn('CONTENT_ID_FORM', path, `ContentId "${raw.slice(0, 60)}" không có tiền tố "cid:"; đã chấp nhận`)
  return (m ? m[1]! : raw).trim() || undefined
}

function readManifest(r: Reader, body: XElement | undefined, limits: EdxmlLimits): ManifestEntry[] {
  const P = 'edXMLBody/edXMLManifest'
  const manifest = r.one(body, 'edXMLBody', 'edXMLManifest')
  r.known(manifest, P, ['Reference'])
  const refs = r.all(manifest, 'Reference')
  if (refs.length > limits.maxAttachments) throw new EdxmlError('TOO_MANY_ATTACHMENTS', { path: P })
  return refs.flatMap((el, i) => {
    const p = `${P}/Reference[${i + 1}]`
    r.known(el, p, ['ContentId', 'ContentType', 'Description', 'AttachmentName'])
    const href = el.attrs.find((a) => a.local === 'href')?.value
    const contentId = contentIdOf(r, r.text(el, p, 'ContentId') || href, `${p}/ContentId`)
    if (!contentId) {
      r.warn('FIELD_MISSING', p, 'Mục danh sách tệp không có ContentId; bỏ qua')
      return []
    }
    return [
      {
        contentId,
        contentType: r.optional(el, p, 'ContentType'),
        description: r.text(el, p, 'Description'),
        name: r.optional(el, p, 'AttachmentName'),
        isUsed: false,
      },
    ]
  })
}

/** The bytes carried by a ContentTransferEncoded element (a cut body, or text left to saxes). */
function carriedBytes(skeleton: Skeleton, cte: XElement, path: string, limits: EdxmlLimits): Uint8Array {
  const text = textOf(cte)
  const body = skeleton.markers.bodies[skeleton.markers.indexOf(text)]
  const raw = body ? skeleton.bytes.subarray(body.start, body.end) : Buffer.from(text, 'utf8')
  const size = body ? body.size : base64DecodedSize(raw)
  if (size < 0)
    throw new EdxmlError('BAD_ATTACHMENT', {
      message: `Nội dung tệp đính kèm tại ${path} không phải base64 hợp lệ`,
      path,
    })
  if (size > limits.maxAttachmentBytes)
    throw new EdxmlError('TOO_LARGE', {
      message: `Tệp đính kèm tại ${path} lớn quá ${limits.maxAttachmentBytes} byte`,
      path,
    })
  const decoded = Buffer.from(raw.toString('latin1'), 'base64')
  // Small Buffers share Node's pool: hand out an exact copy rather than a view into it.
  return decoded.byteLength < 4096
    ? new Uint8Array(decoded)
    : new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength)
}

/** A `Reference` for an attachment whose ContentId is missing: the one unused entry with its name. */
function byName(manifest: ManifestEntry[], name: string | undefined): ManifestEntry | undefined {
  const candidates = manifest.filter((m) => !m.isUsed && name !== undefined && m.name === name)
  return candidates.length === 1 ? candidates[0] : undefined
}

export type ReadAttachments = { attachments: Attachment[]; carried: Map<string, Uint8Array> }

/** Decode, reconcile with the manifest, unzip. */
export function readAttachments(
  r: Reader,
  skeleton: Skeleton,
  envelope: XElement,
  limits: EdxmlLimits,
): ReadAttachments {
  const root = skeleton.root
  const manifest = readManifest(r, r.one(envelope, 'edXMLEnvelope', 'edXMLBody'), limits)
  const encoded =
    r.one(root, '', 'AttachmentEncoded') ?? r.one(envelope, 'edXMLEnvelope', 'AttachmentEncoded')
  r.known(encoded, 'AttachmentEncoded', ['Attachment'])
  const items = r.all(encoded, 'Attachment')
  if (items.length > limits.maxAttachments)
    throw new EdxmlError('TOO_MANY_ATTACHMENTS', { path: 'AttachmentEncoded' })
  const attachments: Attachment[] = []
  const carried = new Map<string, Uint8Array>()
  let total = 0
  items.forEach((item, i) => {
    const p = `AttachmentEncoded/Attachment[${i + 1}]`
    r.known(item, p, ['ContentId', 'AttachmentName', 'Description', 'ContentType', 'ContentTransferEncoded'])
    const ownName = r.optional(item, p, 'AttachmentName')
    let contentId = contentIdOf(r, r.text(item, p, 'ContentId'), `${p}/ContentId`)
    const entry = contentId ? manifest.find((m) => m.contentId === contentId) : byName(manifest, ownName)
    if (!contentId) {
      if (!entry)
        throw new EdxmlError('BAD_ATTACHMENT', {
          message: `Tệp đính kèm thứ ${i + 1} không có ContentId và không khớp được danh sách tệp`,
          path: p,
        })
      r.warn(
        'FIELD_MISSING',
        `${p}/ContentId`,
        `Tệp đính kèm thứ ${i + 1} không có ContentId; khớp theo tên với danh sách tệp`,
      )
      contentId = entry.contentId
    }
    if (carried.has(contentId))
      throw new EdxmlError('BAD_ATTACHMENT', {
        message: `Hai tệp đính kèm cùng ContentId "${contentId}"`,
        path: `${p}/ContentId`,
      })
    if (!entry)
      r.warn(
        'ATTACHMENT_NOT_IN_MANIFEST',
        p,
        `Tệp đính kèm "${contentId}" không có trong danh sách tệp (edXMLManifest)`,
      )
    else entry.isUsed = true
    const cte = r.one(item, p, 'ContentTransferEncoded')
    if (!cte)
      throw new EdxmlError('BAD_ATTACHMENT', {
        message: `Tệp đính kèm "${contentId}" không có nội dung`,
        path: p,
      })
    const bytes = carriedBytes(skeleton, cte, `${p}/ContentTransferEncoded`, limits)
    carried.set(contentId, bytes)
    const name = ownName ?? entry?.name ?? contentId
    const wireType = r.optional(item, p, 'ContentType') ?? entry?.contentType ?? 'application/octet-stream'
    if (entry?.contentType && entry.contentType !== wireType)
      r.warn(
        'CONTENT_TYPE_MISMATCH',
        p,
        `Kiểu tệp "${wireType}" khác danh sách tệp ("${entry.contentType}"); dùng kiểu của tệp`,
      )
    const budget = Math.min(limits.maxAttachmentBytes, limits.maxTotalAttachmentBytes - total)
    const file = unpack(bytes, {
      name,
      contentType: wireType,
      path: p,
      budget,
      warn: (w) => r.warn(w.code, w.path, w.message),
    })
    total += file.data.byteLength
    if (total > limits.maxTotalAttachmentBytes)
      throw new EdxmlError('TOO_LARGE', { message: 'Tổng dung lượng tệp đính kèm vượt giới hạn', path: p })
    r.long(`${p}/AttachmentName`, name, FIELD_MAX_LENGTHS.attachmentName)
    attachments.push({
      contentId,
      name: file.name,
      description: r.text(item, p, 'Description') ?? entry?.description ?? '',
      contentType: file.contentType,
      data: file.data,
      zipped: file.zipped,
      sha256: createHash('sha256').update(file.data).digest('hex'),
    })
  })
  for (const m of manifest)
    if (!m.isUsed)
      r.warn(
        'MANIFEST_WITHOUT_ATTACHMENT',
        'edXMLBody/edXMLManifest',
        `Danh sách tệp có "${m.contentId}" nhưng gói tin không kèm tệp này; bỏ qua`,
      )
  return { attachments, carried }
}
