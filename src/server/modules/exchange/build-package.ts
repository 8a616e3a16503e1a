/**
 * The edXML package of an issued outgoing document for one recipient agency (QCVN 102:2016
 * MessageHeader from the register metadata, the sealed PDF and its attachments), and the status
 * packages we send. Built once, on the first delivery attempt, then resent byte for byte.
 */
import { inArray, sql } from 'drizzle-orm'
import { documentTypeByCode } from '@common/document-types'
import type { Database } from '../../platform/db/client.ts'
import { queryRows } from '../../platform/db/client.ts'
import { organizations } from '../../platform/db/schema.ts'
import {
  buildEdoc,
  buildStatus,
  type AttachmentInput,
  type BusinessDocType,
  type Organ,
  type ResponseFor,
  type StaffInfo,
  type StatusCode,
} from '../../platform/edxml/index.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'
import { unsafeLoadOutgoing } from '../documents-out/index.ts'
import type { Identity, OwnOrganization } from './identity.ts'
import { readBytes, type MessageRow } from './store.ts'

const PRIORITY: Record<string, number> = { normal: 0, urgent: 1, very_urgent: 2, flash: 3 }

export function organOf(o: {
  code: string
  name: string
  address?: string | null
  email?: string | null
  phone?: string | null
}): Organ {
  return {
    organId: o.code,
    organName: o.name,
    ...(o.address ? { organAdd: o.address } : {}),
    ...(o.email ? { email: o.email } : {}),
    ...(o.phone ? { telephone: o.phone } : {}),
  }
}

export const ownOrgan = (own: OwnOrganization) => organOf(own)

/** Our document type code → edXML DocumentType: Công văn is Type 1 (the reference samples); the
 * official code list is not public, so other types carry Type 2 and our list position, and the name. */
function edxmlDocumentType(code: string) {
  const type = documentTypeByCode(code)
  if (code === 'CV') return { type: 1, typeDetail: 0, typeName: type?.name ?? 'Công văn' }
  return { type: 2, typeDetail: 0, typeName: type?.name ?? code }
}

/** "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" → competence "KT. CHỦ TỊCH", position "PHÓ CHỦ TỊCH". */
function signerParts(title: string | null): { competence: string; position: string } {
  const lines = (title ?? '')
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
  if (lines.length <= 1) return { competence: '', position: lines[0] ?? '' }
  return { competence: lines[0]!, position: lines.slice(1).join(' ') }
}

async function identifiersOf(database: Database, ids: string[]) {
  if (ids.length === 0) return []
  return queryRows<{
    id: string
    identifier: string | null
    numberAndNotation: string | null
    issueDate: string | null
    senderCode: string | null
  }>(
    database.db,
    sql`SELECT d.id, d.document_identifier AS identifier, d.number_and_notation AS "numberAndNotation",
          d.issue_date::text AS "issueDate", o.code AS "senderCode"
        FROM documents d LEFT JOIN organizations o ON o.id = d.sender_organization_id
        WHERE d.id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  )
}

export async function buildDocumentPackage(
  deps: { database: Database; blobs: BlobStore; clock: () => Date },
  identity: Identity,
  message: MessageRow,
): Promise<Uint8Array> {
  const doc = await unsafeLoadOutgoing(deps.database.db, message.outgoingDocumentId!)
  if (!doc || !doc.numberAndNotation || !doc.issueDate || !doc.documentIdentifier)
    throw new Error('the outgoing document is not issued')
  const [to] = await deps.database.db
    .select()
    .from(organizations)
    .where(inArray(organizations.id, [message.organizationId!]))
  if (!to?.code) throw new Error('the recipient agency has no organization code')
  const slash = doc.numberAndNotation.indexOf('/')
  const main = doc.files.find((f) => f.role === 'main')
  if (!main) throw new Error('the issued file is missing')
  const sealed = doc.files.filter((f) => f.role === 'sealed_attachment')
  const plain = doc.files.filter(
    (f) => f.role === 'attachment' && !sealed.some((s) => s.sourceFileId === f.fileId),
  )
  const attachments: AttachmentInput[] = []
  for (const f of [main, ...sealed, ...plain])
    attachments.push({
      name: f.filename,
      description: f === main ? 'Văn bản chính' : 'Phụ lục, tài liệu kèm theo',
      contentType: f.mediaType,
      data: await readBytes(deps.blobs, f.sha256),
    })
  const replyIds = doc.links.filter((l) => l.relation === 'reply_to').map((l) => l.id)
  const replacedIds = doc.links.filter((l) => l.relation === 'replaces').map((l) => l.id)
  const replies = await identifiersOf(deps.database, replyIds)
  const replaced = await identifiersOf(deps.database, replacedIds)
  const type = (message.businessType ?? 0) as BusinessDocType
  return buildEdoc(
    {
      header: {
        from: ownOrgan(identity.own),
        to: [organOf({ ...to, code: to.code })],
        code: {
          codeNumber: slash > 0 ? doc.numberAndNotation.slice(0, slash) : '',
          codeNotation: slash > 0 ? doc.numberAndNotation.slice(slash + 1) : doc.numberAndNotation,
        },
        promulgationInfo: { place: doc.issuePlace ?? 'Hà Nội', promulgationDate: doc.issueDate },
        documentType: edxmlDocumentType(doc.documentType),
        subject: doc.subject,
        content: '',
        signerInfo: { ...signerParts(doc.signerTitle), fullName: doc.signerName ?? '' },
        dueDate: doc.dueDate,
        toPlaces: doc.recipients.map((r) => r.name),
        otherInfo: {
          priority: PRIORITY[doc.urgency] ?? 0,
          sphereOfPromulgation: 'Liên thông văn bản quốc gia',
          typerNotation: '',
          promulgationAmount: doc.copyCount ?? 1,
          pageAmount: doc.pageCount ?? 0,
          appendixes: [...sealed, ...plain].map((f) => f.filename),
        },
        responseFor: replies
          .filter((r) => r.identifier && r.senderCode)
          .map((r) => ({
            organId: r.senderCode!,
            code: r.numberAndNotation ?? '',
            promulgationDate: r.issueDate,
            documentId: r.identifier!,
          })),
        steeringType: 0,
        documentId: doc.documentIdentifier,
      },
      traceHeaders: [{ organId: identity.own.code, timestamp: deps.clock() }],
      attachments,
      business: {
        documentId: type === 3 ? (replaced[0]?.identifier ?? null) : null,
        type,
        reason: type === 3 ? 'Văn bản thay thế' : 'Văn bản điện tử mới',
        paper: 0,
        staffInfo: { department: 'Văn thư' },
        replacementInfo:
          type === 3
            ? replaced
                .filter((r) => r.identifier)
                .map((r) => ({ documentId: r.identifier!, organIds: [to.code!] }))
            : [],
      },
    },
    { signer: identity.signer },
  )
}

/** What an outgoing status row keeps (summary), so the package can be rebuilt identically. */
export type StatusSummary = {
  responseFor: ResponseFor
  description: string
  timestamp: string
  staff: StaffInfo
}

export async function buildStatusPackage(identity: Identity, message: MessageRow): Promise<Uint8Array> {
  const s = message.summary as StatusSummary
  return buildStatus(
    {
      responseFor: s.responseFor,
      from: ownOrgan(identity.own),
      statusCode: message.statusCode as StatusCode,
      description: s.description,
      timestamp: new Date(s.timestamp),
      staffInfo: s.staff,
    },
    { signer: identity.signer },
  )
}
