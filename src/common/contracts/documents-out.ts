/**
 * Outgoing documents (văn bản đi, Decree 30/2020/NĐ-CP Art. 10–19): drafts and their versions,
 * the approval chain and the submission slip, the format check, digital signing, numbering from
 * the outgoing register, issuing and delivery, recall and replace; signature verification and the
 * admin's signing keys, trusted roots and approval chains.
 *
 * Routes (all JSON unless said):
 *   GET    /api/documents-out                       ZOutgoingListQuery → ZOutgoingPage
 *   GET    /api/documents-out/counts                → ZOutgoingCounts
 *   GET    /api/documents-out/options               → ZDraftOptions
 *   GET    /api/documents-out/replies-to/:id        (an incoming document id) → ZReplyList
 *   POST   /api/documents-out                       ZCreateDraft → ZOutgoingDocument
 *   GET    /api/documents-out/:id                   → ZOutgoingDocument
 *   PATCH  /api/documents-out/:id                   ZUpdateDraft → ZOutgoingDocument
 *   POST   /api/documents-out/:id/versions          ZAddVersion → ZOutgoingDocument
 *   POST   /api/documents-out/:id/attachments       ZAddAttachments → ZOutgoingDocument
 *   DELETE /api/documents-out/:id/attachments/:fileId → ZOutgoingDocument
 *   POST   /api/documents-out/:id/comments          ZAddComment → ZOutgoingDocument
 *   GET    /api/documents-out/:id/diff?from=&to=    (version ids) → ZVersionDiff
 *   POST   /api/documents-out/:id/submit            ZSubmitDraft → ZOutgoingDocument
 *   POST   /api/documents-out/:id/approve           ZApproveDraft → ZOutgoingDocument
 *   POST   /api/documents-out/:id/return            ZReturnDraft → ZOutgoingDocument
 *   POST   /api/documents-out/:id/reject            ZRejectDraft → ZOutgoingDocument
 *   POST   /api/documents-out/:id/format-check      ZFormatCheckInput → ZFormatCheck
 *   POST   /api/documents-out/:id/sign              ZSignDraft → ZOutgoingDocument
 *   POST   /api/documents-out/:id/number            ZAssignNumber → ZOutgoingDocument
 *   POST   /api/documents-out/:id/cancel-number     ZCancelNumber → ZOutgoingDocument
 *   POST   /api/documents-out/:id/issue             ZIssueDocument → ZOutgoingDocument
 *   POST   /api/documents-out/:id/recall            ZRecallDocument → ZOutgoingDocument
 *   POST   /api/documents-out/:id/replace           ZReplaceDocument → ZOutgoingDocument (the new draft)
 *   POST   /api/documents-out/:id/deliveries/:deliveryId/retry → ZOutgoingDocument
 *   GET    /api/documents-out/registers/:id/export  ZOutgoingRegisterExportQuery → PDF or XLSX
 *   GET    /api/approval-chains                     → ZApprovalChainList (admin)
 *   PUT    /api/approval-chains/:documentType       ZApprovalChainInput → ZApprovalChain (admin)
 *   POST   /api/signatures/verify                   ZVerifyFile → ZVerificationResult
 *   POST   /api/signatures/verify-upload            multipart, one part "file" (a PDF) → ZVerificationResult
 *   GET    /api/signing/me                          → ZMySigningKey
 *   GET    /api/signing/keys                        → ZSigningKeyList (admin)
 *   POST   /api/signing/keys                        ZSigningKeyInput → ZSigningKey (admin)
 *   PATCH  /api/signing/keys/:id                    ZSigningKeyUpdate → ZSigningKey (admin)
 *   GET    /api/signing/trusted-roots               → ZTrustedRootList (admin)
 *   POST   /api/signing/trusted-roots               ZTrustedRootInput → ZTrustedRoot (admin)
 *   PATCH  /api/signing/trusted-roots/:id           ZTrustedRootUpdate → ZTrustedRoot (admin)
 */
import { z } from 'zod'
import { DOCUMENT_TYPE_CODES } from '../document-types.ts'
import {
  APPROVAL_STEP_KINDS,
  APPROVAL_STEP_STATES,
  CONVERSION_STATES,
  DELIVERY_CHANNELS,
  DELIVERY_STATES,
  OUTGOING_RECIPIENT_KINDS,
  OUTGOING_STATES,
  SIGNATURE_KINDS,
  SIGNATURE_PROBLEMS,
  SLIP_DECISIONS,
  URGENCIES,
} from '../domain.ts'
import { ZId, ZOptionalText, ZPage, ZPageQuery } from './common.ts'
import { ZMigratedMark } from './migration.ts'

const ZIsoDate = z.iso.date({ error: 'Ngày có dạng yyyy-mm-dd' })
/** A PIN of a signing key: 4–64 characters, never stored. */
const ZPin = z.string().min(4, { error: 'Nhập mã PIN (ít nhất 4 ký tự)' }).max(64)
const ZBase64 = z.base64({ error: 'Dữ liệu base64 không hợp lệ' })

// Drafting ----------------------------------------------------------------------------------

/** One recipient: an internal unit or person, an organization of the directory, or an e-mail address. */
export const ZRecipientInput = z
  .object({
    kind: z.enum(OUTGOING_RECIPIENT_KINDS),
    unitId: ZId.nullish(),
    userId: ZId.nullish(),
    organizationId: ZId.nullish(),
    email: z.email({ error: 'Địa chỉ thư điện tử không hợp lệ' }).nullish(),
    /** Shown in the recipients block; the unit's, person's or organization's name when omitted. */
    name: ZOptionalText(300),
  })
  .strict()
  .refine(
    (r) =>
      (r.kind === 'unit' && r.unitId) ||
      (r.kind === 'user' && r.userId) ||
      (r.kind === 'organization' && r.organizationId) ||
      (r.kind === 'email' && r.email),
    { error: 'Chọn nơi nhận phù hợp với loại nơi nhận' },
  )
export type TRecipientInput = z.infer<typeof ZRecipientInput>

export const ZCreateDraft = z
  .object({
    documentType: z.enum(DOCUMENT_TYPE_CODES, { error: 'Chọn loại văn bản' }),
    subject: z.string().trim().min(3, { error: 'Nhập trích yếu' }).max(1000),
    /** The leader who will sign. */
    signerId: ZId,
    /** The signer's title as printed (e.g. "CHỦ TỊCH", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"); the position when omitted. */
    signerTitle: ZOptionalText(200),
    urgency: z.enum(URGENCIES).default('normal'),
    recipients: z.array(ZRecipientInput).max(500).default([]),
    /** The incoming document this draft answers (linked both ways). */
    replyToDocumentId: ZId.nullish(),
    relatedDocumentIds: z.array(ZId).max(50).default([]),
    /** The main file (DOCX or PDF) uploaded through POST /api/files: the first version. */
    mainFileId: ZId.nullish(),
    attachmentFileIds: z.array(ZId).max(20).default([]),
    notes: ZOptionalText(2000),
    /** A random id the form generates once: a double submission returns the first draft. */
    clientRequestId: z.string().trim().min(8).max(100).optional(),
  })
  .strict()
export type TCreateDraft = z.infer<typeof ZCreateDraft>

/** Metadata changes while the draft is with the drafter (or a reviewer who edits it). */
export const ZUpdateDraft = z
  .object({
    documentType: z.enum(DOCUMENT_TYPE_CODES).optional(),
    subject: z.string().trim().min(3, { error: 'Nhập trích yếu' }).max(1000).optional(),
    signerId: ZId.optional(),
    signerTitle: ZOptionalText(200).optional(),
    urgency: z.enum(URGENCIES).optional(),
    recipients: z.array(ZRecipientInput).max(500).optional(),
    relatedDocumentIds: z.array(ZId).max(50).optional(),
    notes: ZOptionalText(2000).optional(),
  })
  .strict()
export type TUpdateDraft = z.infer<typeof ZUpdateDraft>

/** A new version of the main file (every upload is a new version). */
export const ZAddVersion = z.object({ fileId: ZId, note: ZOptionalText(2000) }).strict()
export type TAddVersion = z.infer<typeof ZAddVersion>

export const ZAddAttachments = z.object({ fileIds: z.array(ZId).min(1).max(20) }).strict()
export const ZRemoveAttachmentParams = z.object({ id: ZId, fileId: ZId }).strict()

export const ZAddComment = z
  .object({
    /** The version commented on; the current one when omitted. */
    versionId: ZId.nullish(),
    body: z.string().trim().min(2, { error: 'Nhập ý kiến' }).max(4000),
    /** A secretary writing the leader's comment: the leader's user id (needs a delegation). */
    onBehalfOf: ZId.nullish(),
  })
  .strict()

/** GET /api/documents-out/:id/diff?from=&to=: the word diff of two versions' text. */
export const ZDiffQuery = z.object({ from: ZId, to: ZId }).strict()
export const ZDiffSegment = z.object({
  kind: z.enum(['same', 'added', 'removed']),
  text: z.string(),
})
export const ZVersionDiff = z.object({
  fromVersion: z.number().int(),
  toVersion: z.number().int(),
  /** False when a version's text is not available yet (extraction pending or failed). */
  isComplete: z.boolean(),
  segments: z.array(ZDiffSegment),
  addedWords: z.number().int(),
  removedWords: z.number().int(),
})
export type TVersionDiff = z.infer<typeof ZVersionDiff>

// Approval ----------------------------------------------------------------------------------

export const ZSubmitDraft = z
  .object({
    note: ZOptionalText(2000),
    /** The proposal of the submission slip (phiếu trình) when the draft reaches the signer. */
    proposal: ZOptionalText(4000),
  })
  .strict()
export type TSubmitDraft = z.infer<typeof ZSubmitDraft>

export const ZApproveDraft = z
  .object({
    comment: ZOptionalText(4000),
    /** Carried on the submission slip when this approval hands the draft to the signer. */
    proposal: ZOptionalText(4000),
    /** A secretary entering the leader's decision: the leader's user id (needs a delegation). */
    onBehalfOf: ZId.nullish(),
  })
  .strict()
export type TApproveDraft = z.infer<typeof ZApproveDraft>

export const ZReturnDraft = z
  .object({
    reason: z.string().trim().min(5, { error: 'Nêu lý do trả lại' }).max(4000),
    onBehalfOf: ZId.nullish(),
  })
  .strict()
export type TReturnDraft = z.infer<typeof ZReturnDraft>

export const ZRejectDraft = z
  .object({
    reason: z.string().trim().min(5, { error: 'Nêu lý do không duyệt' }).max(4000),
    onBehalfOf: ZId.nullish(),
  })
  .strict()
export type TRejectDraft = z.infer<typeof ZRejectDraft>

// Format check, signing, numbering, issuing ------------------------------------------------

export const ZFormatProblem = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
})
export type TFormatProblem = z.infer<typeof ZFormatProblem>
export const ZFormatCheck = z.object({
  checkedAt: z.string(),
  /** The notation the document gets (or has), e.g. "12/QĐ-UBMC"; null when no register is chosen yet. */
  notation: z.string().nullable(),
  hasBlockingProblems: z.boolean(),
  problems: z.array(ZFormatProblem),
})
export type TFormatCheck = z.infer<typeof ZFormatCheck>
export const ZFormatCheckInput = z.object({ registerId: ZId.nullish() }).strict()

export const ZSignDraft = z.object({ pin: ZPin }).strict()
export type TSignDraft = z.infer<typeof ZSignDraft>

export const ZAssignNumber = z.object({ registerId: ZId }).strict()
export type TAssignNumber = z.infer<typeof ZAssignNumber>
export const ZCancelNumber = z
  .object({ reason: z.string().trim().min(5, { error: 'Nêu lý do hủy số' }).max(2000) })
  .strict()
export type TCancelNumber = z.infer<typeof ZCancelNumber>

export const ZIssueDocument = z
  .object({
    /** Needed when the document has no number yet: it is numbered from this register now. */
    registerId: ZId.nullish(),
    /** The PIN of the organization's seal key (kept by the clerks' office). */
    sealPin: ZPin,
    /** The issue date; today (Viet Nam) when omitted. */
    issueDate: ZIsoDate.nullish(),
  })
  .strict()
export type TIssueDocument = z.infer<typeof ZIssueDocument>

export const ZRecallDocument = z
  .object({ reason: z.string().trim().min(5, { error: 'Nêu lý do thu hồi' }).max(2000) })
  .strict()
export type TRecallDocument = z.infer<typeof ZRecallDocument>
/** Answers the new draft that replaces the issued document. */
export const ZReplaceDocument = z
  .object({ reason: z.string().trim().min(5, { error: 'Nêu lý do thay thế' }).max(2000) })
  .strict()
export type TReplaceDocument = z.infer<typeof ZReplaceDocument>
export const ZDeliveryParams = z.object({ id: ZId, deliveryId: ZId }).strict()

// The document ------------------------------------------------------------------------------

export const ZDraftVersion = z.object({
  id: z.string(),
  version: z.number().int(),
  fileId: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  /** The PDF that gets signed: the uploaded file itself, or its conversion from DOCX. */
  pdfFileId: z.string().nullable(),
  /** 'not_needed' (a PDF) | 'pending' | 'done' | 'unavailable' (no LibreOffice: upload the PDF) | 'failed'. */
  conversionStatus: z.enum(CONVERSION_STATES),
  textStatus: z.enum(['pending', 'done', 'failed', 'scanned']),
  note: z.string().nullable(),
  uploadedByName: z.string(),
  createdAt: z.string(),
})
export type TDraftVersion = z.infer<typeof ZDraftVersion>

export const ZDraftComment = z.object({
  id: z.string(),
  versionId: z.string().nullable(),
  version: z.number().int().nullable(),
  /** 'comment' | 'return' | 'reject' | 'approve' */
  kind: z.string(),
  body: z.string(),
  authorName: z.string(),
  /** Set when a secretary entered it for a leader. */
  principalName: z.string().nullable(),
  createdAt: z.string(),
})

export const ZApprovalStep = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: z.enum(APPROVAL_STEP_KINDS),
  assigneeUserId: z.string(),
  assigneeName: z.string(),
  state: z.enum(APPROVAL_STEP_STATES),
  comment: z.string().nullable(),
  decidedByName: z.string().nullable(),
  /** Different from decidedByName when a secretary decided for the leader. */
  decidedForName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The version approved (or returned). */
  version: z.number().int().nullable(),
})
export type TApprovalStep = z.infer<typeof ZApprovalStep>

export const ZSubmissionSlip = z.object({
  id: z.string(),
  leaderId: z.string(),
  leaderName: z.string(),
  proposal: z.string().nullable(),
  submittedByName: z.string(),
  submittedAt: z.string(),
  decision: z.enum(SLIP_DECISIONS).nullable(),
  decisionNote: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedForName: z.string().nullable(),
  decidedAt: z.string().nullable(),
})

export const ZRecipient = z.object({
  id: z.string(),
  kind: z.enum(OUTGOING_RECIPIENT_KINDS),
  unitId: z.string().nullable(),
  userId: z.string().nullable(),
  organizationId: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string(),
  /** How it is delivered: 'internal' (inbox), 'email', or 'exchange' (edXML, issue 5). */
  channel: z.enum(DELIVERY_CHANNELS),
  deliveryState: z.enum(DELIVERY_STATES).nullable(),
  deliveryError: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** The incoming document created for an internal recipient. */
  incomingDocumentId: z.string().nullable(),
})
export type TRecipient = z.infer<typeof ZRecipient>

export const ZSignature = z.object({
  id: z.string(),
  kind: z.enum(SIGNATURE_KINDS),
  /** The signed file this signature produced. */
  fileId: z.string(),
  signerName: z.string(),
  /** Who pressed the button (a clerk for the seal). */
  signedByName: z.string(),
  certificateSubject: z.string(),
  certificateSerial: z.string(),
  certificateFingerprint: z.string(),
  signingTime: z.string(),
})
export type TSignature = z.infer<typeof ZSignature>

export const ZOutgoingFile = z.object({
  id: z.string(),
  fileId: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  /** 'main' (the issued main file), 'attachment', 'signed' (signed by the leader), 'sealed_attachment'. */
  role: z.string(),
  /** For attachments at issuing: false when it could not be signed (not a PDF). */
  isSigned: z.boolean(),
  createdAt: z.string(),
})

export const ZLinkedDocument = z.object({
  id: z.string(),
  direction: z.enum(['incoming', 'outgoing', 'internal']),
  /** 'reply_to' | 'related' | 'replaces' | 'replaced_by' */
  relation: z.string(),
  numberAndNotation: z.string().nullable(),
  subject: z.string(),
  state: z.string(),
})

export const ZOutgoingAbilities = z.object({
  update: z.boolean(),
  addVersion: z.boolean(),
  comment: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  returnIt: z.boolean(),
  reject: z.boolean(),
  sign: z.boolean(),
  formatCheck: z.boolean(),
  assignNumber: z.boolean(),
  cancelNumber: z.boolean(),
  issue: z.boolean(),
  recall: z.boolean(),
  replace: z.boolean(),
  retryDelivery: z.boolean(),
})
export type TOutgoingAbilities = z.infer<typeof ZOutgoingAbilities>

export const ZOutgoingDocument = z.object({
  id: z.string(),
  state: z.enum(OUTGOING_STATES),
  documentType: z.enum(DOCUMENT_TYPE_CODES),
  subject: z.string(),
  urgency: z.enum(URGENCIES),
  signerId: z.string(),
  /** The signer's name as printed on the document (documents.signer_name), else the signer user's name. */
  signerName: z.string(),
  signerTitle: z.string().nullable(),
  drafterId: z.string(),
  drafterName: z.string(),
  drafterUnitName: z.string().nullable(),
  registerId: z.string().nullable(),
  registerName: z.string().nullable(),
  registerNumber: z.number().int().nullable(),
  registerYear: z.number().int().nullable(),
  numberAndNotation: z.string().nullable(),
  issueDate: z.string().nullable(),
  /** Decree 30 Annex VI identifier (edXML DocumentId), given when issued. */
  documentIdentifier: z.string().nullable(),
  notes: z.string().nullable(),
  /** Whose step the draft waits on (in review). */
  currentStepAssigneeName: z.string().nullable(),
  createdAt: z.string(),
  issuedAt: z.string().nullable(),
  recalledAt: z.string().nullable(),
  recallReason: z.string().nullable(),
  versions: z.array(ZDraftVersion),
  attachments: z.array(ZOutgoingFile),
  /** Signed outputs: the leader's signed PDF, the issued (sealed) PDF, signed attachments. */
  signedFiles: z.array(ZOutgoingFile),
  comments: z.array(ZDraftComment),
  steps: z.array(ZApprovalStep),
  slips: z.array(ZSubmissionSlip),
  recipients: z.array(ZRecipient),
  signatures: z.array(ZSignature),
  links: z.array(ZLinkedDocument),
  lastFormatCheck: ZFormatCheck.nullable(),
  /** Imported from the previous system's register (issue 6). */
  migrated: ZMigratedMark,
  abilities: ZOutgoingAbilities,
})
export type TOutgoingDocument = z.infer<typeof ZOutgoingDocument>

export const ZOutgoingRow = z.object({
  id: z.string(),
  state: z.enum(OUTGOING_STATES),
  documentType: z.enum(DOCUMENT_TYPE_CODES),
  subject: z.string(),
  urgency: z.enum(URGENCIES),
  numberAndNotation: z.string().nullable(),
  issueDate: z.string().nullable(),
  signerName: z.string(),
  drafterName: z.string(),
  currentStepAssigneeName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Imported from the previous system's register (issue 6). */
  migrated: ZMigratedMark,
})
export type TOutgoingRow = z.infer<typeof ZOutgoingRow>
export const ZOutgoingPage = ZPage(ZOutgoingRow)

/**
 * Tabs: 'mine' (drafted by me), 'to_review' (waiting on my approval step), 'to_sign' (approved,
 * I am the signer), 'to_issue' (clerks: signed, not issued), 'issued', 'all' (everything I may see).
 */
export const OUTGOING_TABS = ['mine', 'to_review', 'to_sign', 'to_issue', 'issued', 'all'] as const
export const ZOutgoingListQuery = ZPageQuery.extend({
  tab: z.enum(OUTGOING_TABS).default('all'),
  q: z.string().trim().max(200).optional(),
  state: z.enum(OUTGOING_STATES).optional(),
  documentType: z.enum(DOCUMENT_TYPE_CODES).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
}).strict()
export type TOutgoingListQuery = z.infer<typeof ZOutgoingListQuery>
export const ZOutgoingCounts = z.object({
  mine: z.number().int(),
  to_review: z.number().int(),
  to_sign: z.number().int(),
  to_issue: z.number().int(),
})

/** The replies drafted to an incoming document (GET /api/documents-out/replies-to/:id). */
export const ZReplyList = z.object({ items: z.array(ZOutgoingRow) })

/** What the draft form offers: the leaders who may sign and the outgoing registers. */
export const ZDraftOptions = z.object({
  signers: z.array(z.object({ id: z.string(), fullName: z.string(), position: z.string().nullable() })),
  registers: z.array(
    z.object({ id: z.string(), code: z.string(), name: z.string(), lastNumberThisYear: z.number().int() }),
  ),
})

// Approval chains (admin) -------------------------------------------------------------------

export const ZChainStepInput = z
  .object({
    kind: z.enum(APPROVAL_STEP_KINDS),
    /** For kind 'user': the fixed reviewer. */
    userId: ZId.nullish(),
  })
  .strict()
  .refine((s) => s.kind !== 'user' || s.userId, { error: 'Chọn người duyệt' })
export const ZApprovalChainInput = z
  .object({
    steps: z
      .array(ZChainStepInput)
      .min(1, { error: 'Quy trình cần ít nhất một bước' })
      .max(10)
      .refine((steps) => steps.at(-1)?.kind === 'signer', {
        error: 'Bước cuối cùng phải là người ký',
      }),
  })
  .strict()
export type TApprovalChainInput = z.infer<typeof ZApprovalChainInput>
/** ':documentType' is a document type code or 'default'. */
export const ZApprovalChainParams = z
  .object({ documentType: z.union([z.enum(DOCUMENT_TYPE_CODES), z.literal('default')]) })
  .strict()
export const ZApprovalChain = z.object({
  documentType: z.string(),
  /** True when the built-in default applies (no row configured). */
  isBuiltIn: z.boolean(),
  steps: z.array(
    z.object({
      kind: z.enum(APPROVAL_STEP_KINDS),
      userId: z.string().nullable(),
      userName: z.string().nullable(),
    }),
  ),
})
export const ZApprovalChainList = z.object({ items: z.array(ZApprovalChain) })

// Signatures: verification ------------------------------------------------------------------

export const ZCertificateInfo = z.object({
  subject: z.string(),
  commonName: z.string().nullable(),
  issuer: z.string(),
  issuerCommonName: z.string().nullable(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  sha256Fingerprint: z.string(),
})
export type TCertificateInfo = z.infer<typeof ZCertificateInfo>

export const ZSignatureReport = z.object({
  fieldName: z.string(),
  signerName: z.string().nullable(),
  certificate: ZCertificateInfo.nullable(),
  signingTime: z.string().nullable(),
  subFilter: z.string().nullable(),
  reason: z.string().nullable(),
  location: z.string().nullable(),
  isIntact: z.boolean(),
  coversWholeDocument: z.boolean(),
  isChainTrusted: z.boolean(),
  isCertificateValidAtSigningTime: z.boolean(),
  isValid: z.boolean(),
  problems: z.array(z.enum(SIGNATURE_PROBLEMS)),
  /** The problems in Vietnamese, one per line. */
  problemMessages: z.array(z.string()),
})
export const ZVerifyFile = z.object({ fileId: ZId }).strict()
export const ZVerificationResult = z.object({
  id: z.string(),
  fileId: z.string().nullable(),
  filename: z.string(),
  sha256: z.string(),
  verifiedAt: z.string(),
  isSigned: z.boolean(),
  isValid: z.boolean(),
  /** One Vietnamese sentence: "Tất cả chữ ký hợp lệ", "Tệp không có chữ ký số", ... */
  summary: z.string(),
  signatures: z.array(ZSignatureReport),
})
export type TVerificationResult = z.infer<typeof ZVerificationResult>

// Signing keys and trusted roots (admin) ----------------------------------------------------

export const ZSigningKey = z.object({
  id: z.string(),
  ownerKind: z.enum(['user', 'organization']),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  certificate: ZCertificateInfo,
  hasImage: z.boolean(),
  isActive: z.boolean(),
  createdAt: z.string(),
})
export type TSigningKey = z.infer<typeof ZSigningKey>
export const ZSigningKeyList = z.object({ items: z.array(ZSigningKey) })
/** Upload a PKCS#12 key (base64): the PIN is checked once and never stored. */
export const ZSigningKeyInput = z
  .object({
    ownerKind: z.enum(['user', 'organization']),
    userId: ZId.nullish(),
    p12Base64: ZBase64.min(8, { error: 'Chọn tệp khóa PKCS#12 (.p12)' }),
    pin: ZPin,
    /** The signature image (blue, transparent PNG) or, for the organization, the seal (red PNG). */
    imageBase64: ZBase64.nullish(),
  })
  .strict()
  .refine((k) => k.ownerKind === 'organization' || k.userId, { error: 'Chọn người ký', path: ['userId'] })
export type TSigningKeyInput = z.infer<typeof ZSigningKeyInput>
export const ZSigningKeyUpdate = z
  .object({ isActive: z.boolean().optional(), imageBase64: ZBase64.nullish() })
  .strict()
/** The signer's own view: whether they can sign, and the PIN lock. */
export const ZMySigningKey = z.object({
  hasKey: z.boolean(),
  certificate: ZCertificateInfo.nullable(),
  hasImage: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedAttempts: z.number().int(),
})

export const ZTrustedRoot = z.object({
  id: z.string(),
  name: z.string(),
  certificate: ZCertificateInfo,
  /** The certificate as PEM, to download (e.g. for pdfsig/NSS or a browser's trust store). */
  pem: z.string(),
  isActive: z.boolean(),
  createdAt: z.string(),
})
export const ZTrustedRootList = z.object({ items: z.array(ZTrustedRoot) })
export const ZTrustedRootInput = z
  .object({
    name: z.string().trim().min(2, { error: 'Nhập tên' }).max(200),
    /** PEM text ("-----BEGIN CERTIFICATE-----…") or base64 of the DER bytes. */
    certificate: z.string().trim().min(20, { error: 'Dán chứng thư số (PEM) hoặc base64 DER' }).max(20_000),
  })
  .strict()
export const ZTrustedRootUpdate = z.object({ isActive: z.boolean() }).strict()

// Outgoing register print and export --------------------------------------------------------

/** GET /api/documents-out/registers/:id/export: documents issued in [from, to] (Viet Nam dates), at most one year. */
export const ZOutgoingRegisterExportQuery = z
  .object({ from: ZIsoDate, to: ZIsoDate, format: z.enum(['pdf', 'xlsx']).default('pdf') })
  .strict()
export type TOutgoingRegisterExportQuery = z.infer<typeof ZOutgoingRegisterExportQuery>
