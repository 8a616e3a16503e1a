/**
 * Incoming documents (văn bản đến): registers, registration, the document record, routing and
 * processing, the inbox. Decree 30/2020/NĐ-CP Art. 20–24 and Annex IV (incoming register), Annex VI.
 */
import { z } from 'zod'
import { DOCUMENT_TYPE_CODES } from '../document-types.ts'
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATES, INCOMING_STATES, RECEIVED_VIA, URGENCIES } from '../domain.ts'
import { ZId, ZOptionalText, ZPage, ZPageQuery } from './common.ts'
import { ZMigratedMark } from './migration.ts'

const ZIsoDate = z.iso.date({ error: 'Ngày có dạng yyyy-mm-dd' })

// Registers ---------------------------------------------------------------------------------

export const ZRegister = z.object({
  id: z.string(),
  kind: z.enum(['incoming', 'outgoing', 'internal']),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  isActive: z.boolean(),
  /** The last number given this year (0 when none yet). */
  lastNumberThisYear: z.number().int(),
  abilities: z.object({ update: z.boolean(), register: z.boolean() }),
})
export type TRegister = z.infer<typeof ZRegister>
export const ZRegisterList = z.object({ items: z.array(ZRegister) })

export const ZRegisterInput = z
  .object({
    kind: z.enum(['incoming', 'outgoing', 'internal']),
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{1,30}$/, { error: 'Mã sổ gồm 1–30 ký tự chữ, số, dấu chấm, gạch' }),
    name: z.string().trim().min(2).max(200),
    description: ZOptionalText(500),
  })
  .strict()
export type TRegisterInput = z.infer<typeof ZRegisterInput>
export const ZRegisterUpdate = z
  .object({
    name: z.string().trim().min(2).max(200).optional(),
    description: ZOptionalText(500).optional(),
    isActive: z.boolean().optional(),
  })
  .strict()
export type TRegisterUpdate = z.infer<typeof ZRegisterUpdate>
export const ZRegisterListQuery = z
  .object({ kind: z.enum(['incoming', 'outgoing', 'internal']).optional() })
  .strict()

// Registration ------------------------------------------------------------------------------

export const ZRegisterIncoming = z
  .object({
    registerId: ZId,
    /** When it arrived; the server's clock when omitted. */
    arrivedAt: z.iso.datetime({ offset: true }).optional(),
    receivedVia: z.enum(RECEIVED_VIA).default('paper'),
    /** From the directory, or typed in senderName. */
    senderOrganizationId: ZId.nullish(),
    senderName: ZOptionalText(300),
    numberAndNotation: ZOptionalText(60),
    issueDate: ZIsoDate.nullish(),
    issuePlace: ZOptionalText(100),
    documentType: z.enum(DOCUMENT_TYPE_CODES),
    subject: z.string().trim().min(3, { error: 'Nhập trích yếu' }).max(1000),
    signerName: ZOptionalText(100),
    signerTitle: ZOptionalText(200),
    urgency: z.enum(URGENCIES).default('normal'),
    /** The clerk confirms the document bears no secrecy mark; secret documents are refused. */
    secrecyMark: z.enum(['none', 'MẬT', 'TỐI MẬT', 'TUYỆT MẬT']).default('none'),
    pageCount: z.number().int().min(1).max(10_000).nullish(),
    copyCount: z.number().int().min(1).max(1000).nullish(),
    dueDate: ZIsoDate.nullish(),
    notes: ZOptionalText(2000),
    /** Files already uploaded through POST /api/files; the first is the main file unless mainFileId says otherwise. */
    fileIds: z.array(ZId).max(20).default([]),
    mainFileId: ZId.nullish(),
    /** Registering despite a duplicate warning. */
    confirmDuplicate: z.boolean().default(false),
    /** A random id the form generates once: a double submission returns the first registration. */
    clientRequestId: z.string().trim().min(8).max(100).optional(),
  })
  .strict()
  .refine((v) => v.senderOrganizationId || v.senderName, {
    error: 'Chọn hoặc nhập cơ quan gửi',
    path: ['senderName'],
  })
export type TRegisterIncoming = z.infer<typeof ZRegisterIncoming>

/** The clerk corrects the metadata before submission: the registration fields, minus register, arrival, secrecy and files. */
export const ZUpdateIncoming = z
  .object({
    receivedVia: z.enum(RECEIVED_VIA).optional(),
    senderOrganizationId: ZId.nullish(),
    senderName: ZOptionalText(300).optional(),
    numberAndNotation: ZOptionalText(60).optional(),
    issueDate: ZIsoDate.nullish(),
    issuePlace: ZOptionalText(100).optional(),
    documentType: z.enum(DOCUMENT_TYPE_CODES).optional(),
    subject: z.string().trim().min(3, { error: 'Nhập trích yếu' }).max(1000).optional(),
    signerName: ZOptionalText(100).optional(),
    signerTitle: ZOptionalText(200).optional(),
    urgency: z.enum(URGENCIES).optional(),
    pageCount: z.number().int().min(1).max(10_000).nullish(),
    copyCount: z.number().int().min(1).max(1000).nullish(),
    dueDate: ZIsoDate.nullish(),
    notes: ZOptionalText(2000).optional(),
  })
  .strict()
export type TUpdateIncoming = z.infer<typeof ZUpdateIncoming>

/** Possible duplicates (Decree 30, Annex VI: same identifier, or same issuer + number and notation). */
export const ZDuplicateCandidate = z.object({
  id: z.string(),
  registerNumber: z.number().int().nullable(),
  registerYear: z.number().int().nullable(),
  numberAndNotation: z.string().nullable(),
  senderName: z.string().nullable(),
  subject: z.string(),
  arrivedAt: z.string().nullable(),
  reason: z.enum(['identifier', 'issuer_and_number']),
})
export const ZDuplicateCheck = z
  .object({
    senderOrganizationId: ZId.nullish(),
    senderName: ZOptionalText(300),
    numberAndNotation: ZOptionalText(60),
    issueDate: ZIsoDate.nullish(),
  })
  .strict()
export const ZDuplicateList = z.object({ items: z.array(ZDuplicateCandidate) })

// The document ------------------------------------------------------------------------------

export const ZDocumentFile = z.object({
  id: z.string(),
  fileId: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  /** 'searchable': the copy of a scan with the text layer OCR added. */
  role: z.enum(['main', 'attachment', 'processing', 'searchable']),
  /** 'scanned': waits for OCR; 'ocr_unavailable': OCR is not installed (retried when it is). */
  textStatus: z.enum(['pending', 'done', 'failed', 'scanned', 'ocr_done', 'ocr_failed', 'ocr_unavailable']),
  addedByName: z.string(),
  createdAt: z.string(),
})

export const ZAssignment = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  role: z.enum(ASSIGNMENT_ROLES),
  assigneeUserId: z.string().nullable(),
  assigneeUserName: z.string().nullable(),
  assigneeUnitId: z.string().nullable(),
  assigneeUnitName: z.string().nullable(),
  directive: z.string().nullable(),
  dueDate: z.string().nullable(),
  isOverdue: z.boolean(),
  state: z.enum(ASSIGNMENT_STATES),
  assignedByName: z.string(),
  /** Set when a secretary entered it for a leader: shown as "entered by X for Y". */
  assignedForName: z.string().nullable(),
  result: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
})
export type TAssignment = z.infer<typeof ZAssignment>

export const ZDocumentAbilities = z.object({
  update: z.boolean(),
  submit: z.boolean(),
  assign: z.boolean(),
  reassign: z.boolean(),
  start: z.boolean(),
  addNote: z.boolean(),
  complete: z.boolean(),
  returnIt: z.boolean(),
  extend: z.boolean(),
  requestExtension: z.boolean(),
})

export const ZIncomingDocument = z.object({
  id: z.string(),
  state: z.enum(INCOMING_STATES),
  registerId: z.string(),
  registerName: z.string(),
  registerNumber: z.number().int(),
  registerYear: z.number().int(),
  arrivedAt: z.string(),
  receivedVia: z.enum(RECEIVED_VIA),
  senderOrganizationId: z.string().nullable(),
  senderName: z.string(),
  numberAndNotation: z.string().nullable(),
  issueDate: z.string().nullable(),
  issuePlace: z.string().nullable(),
  documentType: z.enum(DOCUMENT_TYPE_CODES),
  subject: z.string(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  urgency: z.enum(URGENCIES),
  pageCount: z.number().int().nullable(),
  copyCount: z.number().int().nullable(),
  dueDate: z.string().nullable(),
  notes: z.string().nullable(),
  documentIdentifier: z.string().nullable(),
  registeredByName: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** Imported from the previous system's register (issue 6). */
  migrated: ZMigratedMark,
  files: z.array(ZDocumentFile),
  assignments: z.array(ZAssignment),
  abilities: ZDocumentAbilities,
})
export type TIncomingDocument = z.infer<typeof ZIncomingDocument>

/** A row of lists and the inbox. */
export const ZIncomingRow = z.object({
  id: z.string(),
  state: z.enum(INCOMING_STATES),
  registerNumber: z.number().int(),
  registerYear: z.number().int(),
  arrivedAt: z.string(),
  senderName: z.string(),
  numberAndNotation: z.string().nullable(),
  issueDate: z.string().nullable(),
  documentType: z.enum(DOCUMENT_TYPE_CODES),
  subject: z.string(),
  urgency: z.enum(URGENCIES),
  dueDate: z.string().nullable(),
  isOverdue: z.boolean(),
  isRead: z.boolean(),
  /** The viewer's own assignment on it, in the inbox. */
  myRole: z.enum(ASSIGNMENT_ROLES).nullable(),
  myState: z.enum(ASSIGNMENT_STATES).nullable(),
  /** Imported from the previous system's register (issue 6). */
  migrated: ZMigratedMark,
})
export type TIncomingRow = z.infer<typeof ZIncomingRow>
export const ZIncomingPage = ZPage(ZIncomingRow)

export const ZIncomingListQuery = ZPageQuery.extend({
  q: z.string().trim().max(200).optional(),
  registerId: ZId.optional(),
  state: z.enum(INCOMING_STATES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  documentType: z.enum(DOCUMENT_TYPE_CODES).optional(),
  senderOrganizationId: ZId.optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
}).strict()
export type TIncomingListQuery = z.infer<typeof ZIncomingListQuery>

// Routing and processing --------------------------------------------------------------------

/** A deadline as a date, or as a number of working days from today (weekends and holidays skipped). */
export const ZDeadline = z.union([
  z.object({ date: ZIsoDate }).strict(),
  z.object({ workingDays: z.number().int().min(0).max(365) }).strict(),
])

export const ZSubmit = z.object({ leaderId: ZId, note: ZOptionalText(2000) }).strict()

const ZAssignee = z
  .object({ userId: ZId.nullish(), unitId: ZId.nullish(), deadline: ZDeadline.nullish() })
  .strict()
  .refine((a) => Boolean(a.userId) !== Boolean(a.unitId), { error: 'Chọn một người hoặc một đơn vị' })

/** A leader's (or their secretary's) directive and assignment: one lead, any cooperating, any for information. */
export const ZAssign = z
  .object({
    directive: z.string().trim().min(2, { error: 'Nhập ý kiến chỉ đạo' }).max(4000),
    lead: ZAssignee,
    cooperating: z.array(ZAssignee).max(50).default([]),
    information: z.array(ZAssignee).max(200).default([]),
    /** A secretary recording the leader's decision: the leader's user id (needs an active delegation). */
    onBehalfOf: ZId.nullish(),
  })
  .strict()
export type TAssign = z.infer<typeof ZAssign>

/** A unit head hands the unit's assignment to people of the unit. */
export const ZReassign = z
  .object({
    assignmentId: ZId,
    directive: ZOptionalText(4000),
    lead: ZAssignee,
    cooperating: z.array(ZAssignee).max(50).default([]),
  })
  .strict()

/** The handler starts work on one of their assignments. */
export const ZStart = z.object({ assignmentId: ZId }).strict()
export const ZAssignmentNote = z
  .object({
    assignmentId: ZId,
    body: z.string().trim().min(2).max(4000),
    fileIds: z.array(ZId).max(10).default([]),
  })
  .strict()
export const ZComplete = z
  .object({
    assignmentId: ZId,
    result: z.string().trim().min(2).max(4000),
    resultDocumentId: ZId.nullish(),
    fileIds: z.array(ZId).max(10).default([]),
  })
  .strict()
export const ZReturn = z
  .object({ assignmentId: ZId, reason: z.string().trim().min(5, { error: 'Nêu lý do trả lại' }).max(2000) })
  .strict()
export const ZExtend = z
  .object({ assignmentId: ZId, deadline: ZDeadline, reason: ZOptionalText(2000) })
  .strict()
export const ZRequestExtension = z
  .object({ assignmentId: ZId, proposedDate: ZIsoDate, reason: z.string().trim().min(5).max(2000) })
  .strict()

// Timeline and inbox ------------------------------------------------------------------------

export const ZTimelineEntry = z.object({
  at: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  /** Different from the actor when a secretary acted for a leader. */
  principalName: z.string().nullable(),
  text: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
})
export const ZTimeline = z.object({
  items: z.array(ZTimelineEntry),
  reads: z.array(
    z.object({ userId: z.string(), userName: z.string(), firstReadAt: z.string(), lastReadAt: z.string() }),
  ),
})

export const INBOX_TABS = ['to_process', 'in_progress', 'done', 'overdue', 'information'] as const
/** Deadline filter: due by the end of today, of this week (Monday to Sunday), of this month, or no deadline. */
export const INBOX_DUE_WITHIN = ['today', 'week', 'month', 'none'] as const
export const ZInboxQuery = ZIncomingListQuery.extend({
  tab: z.enum(INBOX_TABS).default('to_process'),
  due: z.enum(INBOX_DUE_WITHIN).optional(),
}).strict()
export type TInboxQuery = z.infer<typeof ZInboxQuery>
export const ZInboxCounts = z.object({
  to_process: z.number().int(),
  in_progress: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  information: z.number().int(),
  unread: z.number().int(),
})

// Register print and export -----------------------------------------------------------------

export const REGISTER_EXPORT_FORMATS = ['pdf', 'xlsx'] as const
/** GET /api/registers/:id/export: the documents that arrived in [from, to] (Viet Nam dates), at most one year. */
export const ZRegisterExportQuery = z
  .object({ from: ZIsoDate, to: ZIsoDate, format: z.enum(REGISTER_EXPORT_FORMATS).default('pdf') })
  .strict()
export type TRegisterExportQuery = z.infer<typeof ZRegisterExportQuery>
