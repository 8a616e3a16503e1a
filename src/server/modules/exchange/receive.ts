/**
 * Receiving a package, from the axis (polled) or from a peer (pushed): parse and check it, keep it
 * once (idempotent on the sender and its DocumentId), store its files, and either put it in the
 * clerk's list (documents, replacements, updates, recall requests) with status 01 sent back, or
 * record a status about one of our documents. Nothing is registered here: the clerk decides.
 */
import { createHash } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import type { Config } from '../../config.ts'
import { queryRows, type Database, type Executor, type Tx } from '../../platform/db/client.ts'
import { exchangeMessages, organizations, trustedRoots } from '../../platform/db/schema.ts'
import { AppError } from '../../platform/errors.ts'
import { recordEvent, systemEventSource } from '../../platform/events/record.ts'
import {
  EdxmlError,
  parseEdxml,
  type EdocPackage,
  type ParsedEdxml,
  type StatusPackage,
} from '../../platform/edxml/index.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'
import { createVerificationCache, verifyPdf } from '../../platform/signing/index.ts'
import { setRecipientDelivery } from '../documents-out/index.ts'
import { EXCHANGE_EVENTS, EXCHANGE_TARGET } from './events.ts'
import { findOwnOrganization, type OwnOrganization } from './identity.ts'
import { queueStatus } from './outbox.ts'
import { insertMessage, insertStatus, putBytes, type MessageInsert } from './store.ts'

export type ReceiveDeps = { database: Database; blobs: BlobStore; config: Config; clock: () => Date }
export type ReceivedVia = {
  transport: 'axis' | 'peer'
  transportId?: string | null
  claimedFrom?: string | null
}
export type ReceiveResult = { id: string; duplicate: boolean; kind: 'edoc' | 'status' }

/** What the clerk's list and the accept form read (exchange_messages.summary of a received edoc). */
export type ReceivedSummary = {
  header: EdocPackage['header']
  business: EdocPackage['business']
  attachments: {
    name: string
    contentType: string
    size: number
    sha256: string
    zipped: boolean
    description: string
    pdfSignatures: { signerName: string; isValid: boolean; isTrusted: boolean }[] | null
    fileId?: string
  }[]
  signature: { subject: string | null; serialNumber: string | null; reason: string | null }
}

const verificationCache = createVerificationCache(1000)

function refuse(
  code:
    | 'EDXML_INVALID'
    | 'SIGNATURE_INVALID'
    | 'EXCHANGE_UNKNOWN_SENDER'
    | 'EXCHANGE_NOT_ADDRESSED'
    | 'EXCHANGE_UNKNOWN_DOCUMENT',
  message: string,
  details?: unknown,
): never {
  throw new AppError(code, { message, details })
}

async function findSender(db: Executor, code: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name, certificatePem: organizations.certificatePem })
    .from(organizations)
    .where(and(eq(organizations.code, code), eq(organizations.isActive, true)))
    .limit(1)
  return row ?? null
}

/** Valid and made with the key our directory holds for the sender → 'valid'; another key → 'untrusted'. */
function signatureState(
  parsed: ParsedEdxml,
  directoryPem: string | null,
): 'absent' | 'valid' | 'untrusted' | 'invalid' {
  const s = parsed.signature
  if (s.state !== 'valid') return s.state
  if (!directoryPem) return 'untrusted'
  const der = Buffer.from(
    directoryPem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, ''),
    'base64',
  )
  return Buffer.compare(der, Buffer.from(s.certificateDer)) === 0 ? 'valid' : 'untrusted'
}

async function parseOrRefuse(bytes: Uint8Array): Promise<ParsedEdxml> {
  try {
    return await parseEdxml(bytes)
  } catch (err) {
    if (err instanceof EdxmlError)
      refuse('EDXML_INVALID', err.message, [{ path: err.path ?? 'edXML', message: err.message }])
    throw err
  }
}

/** Receive one package. Throws AppError with a clear reason for anything we must refuse. */
export async function receivePackage(
  deps: ReceiveDeps,
  bytes: Uint8Array,
  via: ReceivedVia,
): Promise<ReceiveResult> {
  const parsed = await parseOrRefuse(bytes)
  const db = deps.database.db
  const own = await findOwnOrganization(db)
  const pkg = parsed.package
  const fromCode = pkg.kind === 'edoc' ? pkg.header.from.organId : pkg.from.organId
  if (via.claimedFrom && via.claimedFrom !== fromCode)
    refuse('EXCHANGE_UNKNOWN_SENDER', `Gói tin ghi cơ quan gửi ${fromCode}, khác ${via.claimedFrom}`)
  const sender = await findSender(db, fromCode)
  // A direct delivery is authenticated by its signature alone: the sender must be in our directory
  // with its certificate. The axis authenticates its members itself; unknown senders from it are kept.
  if (!sender && via.transport === 'peer')
    refuse('EXCHANGE_UNKNOWN_SENDER', `Cơ quan gửi ${fromCode} không có trong danh bạ liên thông`)
  const signature = signatureState(parsed, sender?.certificatePem ?? null)
  if (signature === 'invalid')
    refuse(
      'SIGNATURE_INVALID',
      `Chữ ký số của gói tin không hợp lệ: ${parsed.signature.state === 'invalid' ? parsed.signature.reason : ''}`,
    )
  if (via.transport === 'peer' && signature !== 'valid')
    refuse(
      'SIGNATURE_INVALID',
      signature === 'absent'
        ? 'Gói tin gửi trực tiếp phải có chữ ký số của cơ quan gửi'
        : 'Gói tin không được ký bằng chứng thư số của cơ quan gửi đã đăng ký trong danh bạ',
    )
  const packageSha = createHash('sha256').update(bytes).digest('hex')
  const common = { fromCode, parsed, own, sender, signature, packageSha, via, bytes }
  return pkg.kind === 'edoc' ? receiveDocument(deps, pkg, common) : receiveStatus(deps, pkg, common)
}

type Common = {
  fromCode: string
  parsed: ParsedEdxml
  own: OwnOrganization
  sender: { id: string; name: string } | null
  signature: 'absent' | 'valid' | 'untrusted' | 'invalid'
  packageSha: string
  via: ReceivedVia
  bytes: Uint8Array
}

async function existingId(db: Executor, dedupeKey: string): Promise<string | null> {
  const [row] = await db
    .select({ id: exchangeMessages.id })
    .from(exchangeMessages)
    .where(eq(exchangeMessages.dedupeKey, dedupeKey))
  return row?.id ?? null
}

async function checkPdfSignatures(db: Executor, data: Uint8Array, sha256: string, now: Date) {
  const roots = await db
    .select({ der: trustedRoots.certificateDer })
    .from(trustedRoots)
    .where(eq(trustedRoots.isActive, true))
  try {
    const v = await verifyPdf(data, {
      trustedRoots: roots.map((r) => r.der),
      now,
      cache: verificationCache,
      sha256,
    })
    return v.signatures.map((s) => ({
      signerName: s.signerName,
      isValid: s.isIntact,
      isTrusted: s.isChainTrusted,
    }))
  } catch {
    return []
  }
}

async function receiveDocument(deps: ReceiveDeps, pkg: EdocPackage, c: Common): Promise<ReceiveResult> {
  const db = deps.database.db
  const now = deps.clock()
  const h = pkg.header
  if (!h.to.some((t) => t.organId === c.own.code))
    refuse('EXCHANGE_NOT_ADDRESSED', `Gói tin không gửi cho cơ quan ${c.own.code}`)
  const type = pkg.business.type
  // The same document from the same sender is kept once; an update or a revocation may come again
  // with other content, so the package's own hash is part of their key.
  const dedupeKey =
    type === 0 || type === 3
      ? `in|edoc|${h.from.organId}|${h.documentId}|${type}`
      : `in|edoc|${h.from.organId}|${h.documentId}|${type}|${c.packageSha}`
  const earlier = await existingId(db, dedupeKey)
  if (earlier) return { id: earlier, duplicate: true, kind: 'edoc' }

  const attachments: ReceivedSummary['attachments'] = []
  for (const a of pkg.attachments) {
    const stored = await putBytes(deps.blobs, a.data)
    attachments.push({
      name: a.name,
      contentType: a.contentType,
      size: a.data.length,
      sha256: stored.sha256,
      zipped: a.zipped,
      description: a.description,
      pdfSignatures:
        a.contentType === 'application/pdf' ? await checkPdfSignatures(db, a.data, stored.sha256, now) : null,
    })
  }
  const stored = await putBytes(deps.blobs, c.bytes)
  const sig = c.parsed.signature
  const summary: ReceivedSummary = {
    header: h,
    business: pkg.business,
    attachments,
    signature: {
      subject: sig.state === 'valid' ? sig.certificate.subject : null,
      serialNumber: sig.state === 'valid' ? sig.certificate.serialNumber : null,
      reason:
        c.signature === 'untrusted'
          ? 'Chữ ký hợp lệ nhưng không khớp chứng thư số của cơ quan gửi trong danh bạ'
          : c.signature === 'absent'
            ? 'Gói tin không có chữ ký số'
            : null,
    },
  }
  return keepOnce(
    deps,
    c,
    {
      kind: 'edoc',
      documentIdentifier: h.documentId,
      businessType: type,
      packageSha256: stored.sha256,
      packageSize: stored.size,
      state: 'received',
      dedupeKey,
      summary,
    },
    {
      action: EXCHANGE_EVENTS.packageReceived,
      data: {
        fromName: h.from.organName,
        documentIdentifier: h.documentId,
        businessType: type,
        subject: h.subject,
        warnings: c.parsed.warnings.length,
      },
    },
    async (tx, id, now) => {
      // Status 01: the software received it; the clerk has not acted yet.
      if (type === 0 || type === 3)
        await queueStatus(tx, {
          ownCode: c.own.code,
          toCode: h.from.organId,
          organizationId: c.sender?.id ?? null,
          statusCode: '01',
          summary: {
            responseFor: {
              organId: h.from.organId,
              code: `${h.code.codeNumber}/${h.code.codeNotation}`,
              promulgationDate: h.promulgationInfo.promulgationDate,
              documentId: h.documentId,
            },
            description: 'Văn bản đã đến hệ thống quản lý văn bản',
            timestamp: now.toISOString(),
            staff: {},
          },
          replyToMessageId: id,
          once: `${id}|01`,
          now,
        })
    },
  )
}

const STATUS_DELIVERY: Record<string, string | undefined> = {
  '01': 'received',
  '02': 'failed',
  '03': 'received',
  '04': 'received',
  '05': 'received',
  '06': 'received',
  '15': 'recalled',
}

async function receiveStatus(deps: ReceiveDeps, pkg: StatusPackage, c: Common): Promise<ReceiveResult> {
  const db = deps.database.db
  const docId = pkg.responseFor.documentId
  const dedupeKey = `in|status|${pkg.from.organId}|${docId}|${pkg.statusCode}|${pkg.timestamp.toISOString()}`
  const earlier = await existingId(db, dedupeKey)
  if (earlier) return { id: earlier, duplicate: true, kind: 'status' }

  if (pkg.statusCode === '13') return receiveRecallRequest(deps, pkg, c, dedupeKey)

  // A status about one of our documents, from one of its recipients.
  const [target] = await queryRows<{ id: string; recipient_id: string | null; state: string }>(
    db,
    sql`SELECT d.id, r.id AS recipient_id, d.state FROM documents d
        LEFT JOIN outgoing_recipients r ON r.document_id = d.id AND r.channel = 'exchange'
          AND r.organization_id = (SELECT id FROM organizations WHERE code = ${pkg.from.organId})
        WHERE d.direction = 'outgoing' AND d.document_identifier = ${docId}
        LIMIT 1`,
  )
  if (!target) refuse('EXCHANGE_UNKNOWN_DOCUMENT', `Không có văn bản đi ${docId} để nhận trạng thái`)
  if (!target.recipient_id)
    refuse('EXCHANGE_UNKNOWN_SENDER', `Cơ quan ${pkg.from.organId} không phải nơi nhận văn bản ${docId}`)
  return keepOnce(
    deps,
    c,
    {
      kind: 'status',
      documentIdentifier: docId,
      statusCode: pkg.statusCode,
      state: 'recorded',
      dedupeKey,
      summary: { description: pkg.description, staff: pkg.staffInfo, timestamp: pkg.timestamp.toISOString() },
      outgoingDocumentId: target.id,
      outgoingRecipientId: target.recipient_id,
    },
    {
      action: EXCHANGE_EVENTS.statusReceived,
      data: {
        documentId: target.id,
        documentIdentifier: docId,
        statusCode: pkg.statusCode,
        description: pkg.description,
        statusAt: pkg.timestamp.toISOString(),
      },
    },
    async (tx, id, now) => {
      await insertStatus(tx, {
        direction: 'in',
        documentIdentifier: docId,
        organizationCode: pkg.from.organId,
        organizationId: c.sender?.id ?? null,
        outgoingDocumentId: target.id,
        outgoingRecipientId: target.recipient_id,
        statusCode: pkg.statusCode,
        description: pkg.description,
        statusAt: pkg.timestamp,
        staff: pkg.staffInfo,
        messageId: id,
        recordedAt: now,
      })
      // The delivery column follows the news (a late 01 after 03 changes nothing visible).
      const delivery = STATUS_DELIVERY[pkg.statusCode]
      if (delivery)
        await setRecipientDelivery(tx, target.recipient_id!, {
          deliveryState: delivery,
          deliveryError: pkg.statusCode === '02' ? `Từ chối tiếp nhận: ${pkg.description}` : null,
          updatedAt: now,
        })
      if (pkg.statusCode === '16')
        await setRecipientDelivery(tx, target.recipient_id!, {
          deliveryError: `Từ chối thu hồi: ${pkg.description}`,
          updatedAt: now,
        })
    },
  )
}

/** 13: the sender asks to take back a document it sent us: the clerk decides (15 or 16). */
async function receiveRecallRequest(
  deps: ReceiveDeps,
  pkg: StatusPackage,
  c: Common,
  dedupeKey: string,
): Promise<ReceiveResult> {
  const db = deps.database.db
  const docId = pkg.responseFor.documentId
  const [original] = await db
    .select({ id: exchangeMessages.id, summary: exchangeMessages.summary })
    .from(exchangeMessages)
    .where(
      and(
        eq(exchangeMessages.direction, 'in'),
        eq(exchangeMessages.kind, 'edoc'),
        eq(exchangeMessages.fromCode, pkg.from.organId),
        eq(exchangeMessages.documentIdentifier, docId),
      ),
    )
    .limit(1)
  if (!original)
    refuse(
      'EXCHANGE_UNKNOWN_DOCUMENT',
      `Không có văn bản ${docId} của cơ quan ${pkg.from.organId} để thu hồi`,
    )
  const originalSummary = original.summary as ReceivedSummary
  return keepOnce(
    deps,
    c,
    {
      kind: 'status',
      documentIdentifier: docId,
      statusCode: '13',
      businessType: 1,
      state: 'received',
      dedupeKey,
      summary: {
        ...originalSummary,
        attachments: [],
        business: {
          ...originalSummary.business,
          type: 1,
          documentId: docId,
          reason: pkg.description,
          staffInfo: pkg.staffInfo,
        },
        recall: { description: pkg.description, timestamp: pkg.timestamp.toISOString() },
      },
      replyToMessageId: original.id,
    },
    {
      action: EXCHANGE_EVENTS.packageReceived,
      data: {
        documentIdentifier: docId,
        businessType: 1,
        statusCode: '13',
        fromName: originalSummary.header.from.organName,
        subject: originalSummary.header.subject,
        reason: pkg.description,
      },
    },
  )
}

/**
 * Keep a received package once: the first delivery inserts its row, records `event` and runs
 * `then` in the same transaction; a repeat (or a racing twin) gets the first one's id.
 */
async function keepOnce(
  deps: ReceiveDeps,
  c: Common,
  row: Omit<
    MessageInsert,
    | 'direction'
    | 'fromCode'
    | 'toCode'
    | 'organizationId'
    | 'transport'
    | 'transportId'
    | 'warnings'
    | 'signatureState'
    | 'createdAt'
    | 'updatedAt'
  > & { kind: 'edoc' | 'status'; dedupeKey: string },
  event: { action: string; data: Record<string, unknown> },
  then?: (tx: Tx, id: string, now: Date) => Promise<void>,
): Promise<ReceiveResult> {
  const now = deps.clock()
  return deps.database.db.transaction(async (tx) => {
    const id = await insertMessage(tx, {
      ...row,
      direction: 'in',
      fromCode: c.fromCode,
      toCode: c.own.code,
      organizationId: c.sender?.id ?? null,
      transport: c.via.transport,
      transportId: c.via.transportId ?? null,
      warnings: c.parsed.warnings,
      signatureState: c.signature,
      createdAt: now,
      updatedAt: now,
    })
    if (!id) return { id: (await existingId(tx, row.dedupeKey))!, duplicate: true, kind: row.kind }
    await recordEvent(systemEventSource(tx, now), {
      action: event.action,
      targetType: EXCHANGE_TARGET,
      targetId: id,
      data: {
        messageId: id,
        from: c.fromCode,
        transport: c.via.transport,
        signature: c.signature,
        ...event.data,
      },
    })
    await then?.(tx, id, now)
    return { id, duplicate: false, kind: row.kind }
  })
}
