/**
 * Inter-agency exchange (liên thông văn bản, QCVN 102:2016 edXML, QĐ 28/2018/QĐ-TTg status
 * feedback): the clerk's list of documents received electronically and their decisions, the status
 * timeline of each sent document per recipient agency, stuck deliveries, the outbox, the agency
 * directory and our exchange identity.
 *
 * Routes (all JSON unless said):
 *   GET    /api/exchange/received                  ZReceivedListQuery → ZReceivedPage (clerk)
 *   GET    /api/exchange/received/counts           → ZReceivedCounts (clerk)
 *   GET    /api/exchange/received/:id              → ZReceivedPackage (clerk)
 *   GET    /api/exchange/received/:id/attachments/:index  the file (?inline=1 to preview) (clerk)
 *   POST   /api/exchange/received/:id/accept       ZAcceptReceived → ZReceivedPackage (clerk)
 *          a new or replacing document: registered as an incoming document (status 03 sent);
 *          a recall (13 or revocation): the document and its metadata are destroyed (15 sent);
 *          an update: the registered document is updated (15 sent).
 *   POST   /api/exchange/received/:id/refuse       ZRefuseReceived → ZReceivedPackage (clerk)
 *          a document: 02 with the reason; a recall or an update: 16 with the reason.
 *   POST   /api/exchange/poll                      → ZPollResult (clerk, admin): fetch from the axis now
 *   GET    /api/exchange/sent/:documentId          → ZSentExchange (who sees the outgoing document)
 *   GET    /api/exchange/stuck                     ZStuckQuery → ZStuckList (clerk)
 *   GET    /api/exchange/outbox                    ZOutboxQuery → ZOutboxPage (clerk, admin)
 *   POST   /api/exchange/outbox/:id/retry          → ZOutboxItem (clerk, admin)
 *   GET    /api/exchange/identity                  → ZExchangeIdentity (admin, clerk)
 *   POST   /api/exchange/directory/sync            → ZDirectoryImportResult (admin): from the axis
 *   POST   /api/exchange/directory/import          ZDirectoryImport → ZDirectoryImportResult (admin)
 *   POST   /api/exchange/peer/packages             raw edXML (application/xml), no session: another
 *          instance delivers directly; authenticated by the package's signature against the
 *          sender's certificate in our directory → 202 { id } | 200 { id, duplicate: true }
 */
import { z } from 'zod'
import { URGENCIES } from '../domain.ts'
import { ZId, ZOptionalText, ZPage, ZPageQuery } from './common.ts'

/** Status codes of QĐ 28/2018 as used on the axis (07–12 and 14 exist in no source: none here). */
export const STATUS_CODES = ['01', '02', '03', '04', '05', '06', '13', '15', '16'] as const
export type StatusCode = (typeof STATUS_CODES)[number]

/** Bussiness/BussinessDocType: 0 new, 1 revocation, 2 update, 3 replacement. */
export const BUSINESS_TYPES = [0, 1, 2, 3] as const

/** What a received package asks of the clerk. */
export const RECEIVED_KINDS = ['document', 'replacement', 'update', 'recall'] as const
export type ReceivedKind = (typeof RECEIVED_KINDS)[number]

export const RECEIVED_STATES = ['received', 'accepted', 'refused', 'applied', 'destroyed'] as const
export type ReceivedState = (typeof RECEIVED_STATES)[number]

/** 'valid': signed by the key our directory holds for the sender; 'untrusted': valid but another key. */
export const PACKAGE_SIGNATURE_STATES = ['absent', 'valid', 'untrusted', 'invalid'] as const

export const OUTBOX_STATES = ['queued', 'sent', 'failed', 'cancelled'] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]

export const TRANSPORTS = ['axis', 'peer'] as const

export const ZOrgan = z.object({
  organId: z.string(),
  organName: z.string(),
  organAdd: z.string().nullable(),
  email: z.string().nullable(),
  telephone: z.string().nullable(),
})
export type TOrgan = z.infer<typeof ZOrgan>

export const ZReceivedAttachment = z.object({
  /** Download/preview URL (GET /api/exchange/received/:id/attachments/:index, `?inline=1` to preview). */
  url: z.string(),
  /** The file of the registered incoming document, once accepted. */
  fileId: z.string().nullable(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** PAdES signatures inside a PDF attachment (the leader's and the seal), checked on receipt. */
  pdfSignatures: z
    .array(z.object({ signerName: z.string(), isValid: z.boolean(), isTrusted: z.boolean() }))
    .nullable(),
})

export const ZReceivedSummary = z.object({
  id: z.string(),
  kind: z.enum(RECEIVED_KINDS),
  state: z.enum(RECEIVED_STATES),
  from: ZOrgan,
  /** The directory entry of the sender, when the code is known. */
  organizationId: z.string().nullable(),
  documentIdentifier: z.string(),
  numberAndNotation: z.string().nullable(),
  issueDate: z.string().nullable(),
  documentTypeName: z.string().nullable(),
  subject: z.string().nullable(),
  signatureState: z.enum(PACKAGE_SIGNATURE_STATES),
  warningCount: z.number().int(),
  transport: z.enum(TRANSPORTS).nullable(),
  receivedAt: z.string(),
})
export type TReceivedSummary = z.infer<typeof ZReceivedSummary>

export const ZReceivedPackage = ZReceivedSummary.extend({
  header: z
    .object({
      to: z.array(ZOrgan),
      issuePlace: z.string().nullable(),
      documentType: z.object({ type: z.number(), typeDetail: z.number(), typeName: z.string() }),
      /** Our document type code guessed from the type name (e.g. "Công văn" → CV); null when unknown. */
      documentTypeCode: z.string().nullable(),
      content: z.string(),
      signer: z.object({ competence: z.string(), position: z.string(), fullName: z.string() }),
      dueDate: z.string().nullable(),
      toPlaces: z.array(z.string()),
      priority: z.number(),
      urgency: z.enum(URGENCIES),
      pageAmount: z.number().nullable(),
      promulgationAmount: z.number().nullable(),
      appendixes: z.array(z.string()),
      steeringType: z.number(),
      responseFor: z.array(z.object({ organId: z.string(), code: z.string(), documentId: z.string() })),
    })
    .nullable(),
  business: z.object({
    type: z.number().int(),
    reason: z.string(),
    /** For recall, update, replacement: the document concerned. */
    targetDocumentIdentifier: z.string().nullable(),
    /** The incoming document registered earlier for that target, when we have it. */
    targetIncomingDocumentId: z.string().nullable(),
    paper: z.boolean(),
    staff: z.object({
      department: z.string().nullable(),
      staff: z.string().nullable(),
      mobile: z.string().nullable(),
      email: z.string().nullable(),
    }),
  }),
  attachments: z.array(ZReceivedAttachment),
  signature: z.object({
    state: z.enum(PACKAGE_SIGNATURE_STATES),
    subject: z.string().nullable(),
    serialNumber: z.string().nullable(),
    reason: z.string().nullable(),
  }),
  warnings: z.array(z.object({ code: z.string(), path: z.string(), message: z.string() })),
  /** After a decision. */
  incomingDocumentId: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** The statuses we sent back about this package. */
  statusesSent: z.array(
    z.object({ code: z.enum(STATUS_CODES), at: z.string(), state: z.enum(OUTBOX_STATES) }),
  ),
  abilities: z.object({ accept: z.boolean(), refuse: z.boolean() }),
})
export type TReceivedPackage = z.infer<typeof ZReceivedPackage>

export const ZReceivedListQuery = ZPageQuery.extend({
  state: z.enum([...RECEIVED_STATES, 'all']).default('received'),
  q: z.string().trim().max(200).optional(),
}).strict()
export type TReceivedListQuery = z.infer<typeof ZReceivedListQuery>
export const ZReceivedPage = ZPage(ZReceivedSummary)
export type TReceivedPage = z.infer<typeof ZReceivedPage>

export const ZReceivedCounts = z.object({ waiting: z.number().int() })

/** Accepting a document: the register form, pre-filled from the package; the clerk may correct it. */
export const ZAcceptReceived = z
  .object({
    registerId: ZId.optional(),
    documentType: z.string().trim().min(1).max(20).optional(),
    subject: z.string().trim().min(1).max(2000).optional(),
    urgency: z.enum(URGENCIES).optional(),
    dueDate: z.iso.date().nullish(),
    notes: ZOptionalText(2000),
    /** Register despite a duplicate warning (a paper copy registered earlier). */
    confirmDuplicate: z.boolean().default(false),
  })
  .strict()
export type TAcceptReceived = z.infer<typeof ZAcceptReceived>

export const ZRefuseReceived = z
  .object({ reason: z.string().trim().min(3, { error: 'Nêu lý do (ít nhất 3 ký tự)' }).max(1000) })
  .strict()
export type TRefuseReceived = z.infer<typeof ZRefuseReceived>

export const ZPollResult = z.object({
  configured: z.boolean(),
  received: z.number().int(),
  statuses: z.number().int(),
  failed: z.number().int(),
})

export const ZStatusEntry = z.object({
  code: z.enum(STATUS_CODES),
  description: z.string(),
  at: z.string(),
  staff: z.string().nullable(),
  recordedAt: z.string(),
})
export type TStatusEntry = z.infer<typeof ZStatusEntry>

export const ZOutboxItem = z.object({
  id: z.string(),
  kind: z.enum(['edoc', 'status']),
  statusCode: z.enum(STATUS_CODES).nullable(),
  businessType: z.number().int().nullable(),
  documentIdentifier: z.string(),
  toCode: z.string(),
  toName: z.string().nullable(),
  transport: z.enum(TRANSPORTS).nullable(),
  state: z.enum(OUTBOX_STATES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  outgoingDocumentId: z.string().nullable(),
})
export type TOutboxItem = z.infer<typeof ZOutboxItem>

/** Per recipient agency of an outgoing document: delivery and the latest status, with the timeline. */
export const ZSentRecipient = z.object({
  recipientId: z.string(),
  organizationId: z.string().nullable(),
  organizationCode: z.string(),
  name: z.string(),
  delivery: ZOutboxItem.nullable(),
  latest: ZStatusEntry.nullable(),
  timeline: z.array(ZStatusEntry),
})
export const ZSentExchange = z.object({
  documentId: z.string(),
  documentIdentifier: z.string().nullable(),
  recipients: z.array(ZSentRecipient),
})
export type TSentExchange = z.infer<typeof ZSentExchange>

export const ZStuckQuery = z
  .object({
    /** How long without a new status counts as stuck (default 48 h). */
    hours: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 365)
      .default(48),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict()
export const ZStuckItem = z.object({
  documentId: z.string(),
  numberAndNotation: z.string().nullable(),
  subject: z.string(),
  recipientName: z.string(),
  organizationCode: z.string(),
  /** 'queued' / 'failed' delivery, or the latest status code. */
  state: z.string(),
  since: z.string(),
  hours: z.number(),
})
export const ZStuckList = z.object({ items: z.array(ZStuckItem), hours: z.number().int() })
export type TStuckList = z.infer<typeof ZStuckList>

export const ZOutboxQuery = ZPageQuery.extend({
  state: z.enum([...OUTBOX_STATES, 'all']).default('all'),
}).strict()
export const ZOutboxPage = ZPage(ZOutboxItem)

export const ZExchangeIdentity = z.object({
  organizationCode: z.string(),
  organizationName: z.string(),
  certificatePem: z.string(),
  certificateSubject: z.string(),
  certificateNotAfter: z.string(),
  /** The axis adapter is configured (EXCHANGE_AXIS_URL, system id and secret). */
  axisConfigured: z.boolean(),
  axisUrl: z.string().nullable(),
  /** Where other instances deliver directly to us. */
  peerEndpoint: z.string().nullable(),
  directory: z.object({
    total: z.number().int(),
    withCertificate: z.number().int(),
    synced: z.number().int(),
  }),
})
export type TExchangeIdentity = z.infer<typeof ZExchangeIdentity>

export const ZDirectoryEntry = z
  .object({
    code: z.string().trim().min(3).max(35),
    name: z.string().trim().min(2).max(300),
    email: z.email().nullish().or(z.literal('')),
    endpoint: z.url().nullish().or(z.literal('')),
    certificatePem: z.string().max(20_000).nullish(),
  })
  .strict()
export const ZDirectoryImport = z
  .object({
    /** JSON array of entries, or CSV text with columns code,name,email,endpoint,certificate_pem. */
    entries: z.array(ZDirectoryEntry).max(200_000).optional(),
    csv: z.string().max(20_000_000).optional(),
    dryRun: z.boolean().default(true),
  })
  .strict()
export type TDirectoryImport = z.infer<typeof ZDirectoryImport>
export const ZDirectoryImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
})
export type TDirectoryImportResult = z.infer<typeof ZDirectoryImportResult>
