/** Closed vocabularies shared by server and web. */

export const ROLES = [
  'admin',
  'clerk',
  'leader',
  'unit_head',
  'specialist',
  'secretary',
  'committee_member',
  'focal_point',
  'partner',
] as const
export type Role = (typeof ROLES)[number]

/** Kinds of organizations in the directory. */
export const ORGANIZATION_KINDS = [
  'own',
  'ministry',
  'province',
  'government',
  'international',
  'other',
] as const
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]

/** What a delegation allows the delegate to do on the principal's behalf. */
export const DELEGATION_SCOPES = [
  'all',
  'documentIn.direct',
  'documentOut.approve',
  'consultation.answer',
  'calendar.manage',
] as const
export type DelegationScope = (typeof DELEGATION_SCOPES)[number]

/**
 * National electronic identifier of an agency (Decision 20/2020/QĐ-TTg): `LLL.KK.JJ.XNN`,
 * read right to left; e.g. `000.00.00.G38`. Some lower-level codes may be longer, so we accept
 * the standard 13-character shape only; extended codes are added when the axis directory demands them.
 */
export const ORGANIZATION_CODE_PATTERN = /^[0-9]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/

export const LOCALES = ['vi', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export const TIME_ZONE = 'Asia/Ho_Chi_Minh'

/** Urgency (độ khẩn, Decree 30/2020 Art. 4, 23): shown everywhere, flash on top. */
export const URGENCIES = ['normal', 'urgent', 'very_urgent', 'flash'] as const
export type Urgency = (typeof URGENCIES)[number]

/** Secrecy marks: documents carrying any of them are refused (not handled on a networked system). */
export const SECRECY_MARKS = ['MẬT', 'TỐI MẬT', 'TUYỆT MẬT'] as const

export const DOCUMENT_DIRECTIONS = ['incoming', 'outgoing', 'internal'] as const
export type DocumentDirection = (typeof DOCUMENT_DIRECTIONS)[number]

/** How an incoming document arrived. */
export const RECEIVED_VIA = ['paper', 'email', 'exchange', 'internal'] as const
export type ReceivedVia = (typeof RECEIVED_VIA)[number]

/** States of an incoming document (Decree 30/2020 Art. 20–24: receive, register, submit, resolve). */
export const INCOMING_STATES = ['registered', 'submitted', 'assigned', 'in_progress', 'completed'] as const
export type IncomingState = (typeof INCOMING_STATES)[number]

export const ASSIGNMENT_ROLES = ['review', 'lead', 'cooperating', 'information'] as const
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number]

export const ASSIGNMENT_STATES = ['pending', 'in_progress', 'completed', 'returned', 'cancelled'] as const
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number]

/**
 * States of an outgoing document (Decree 30/2020 Art. 10–19): drafted, reviewed up the chain,
 * approved by the signer, signed, issued (numbered, sealed, sent); recalled or replaced after.
 */
export const OUTGOING_STATES = [
  'draft',
  'in_review',
  'returned',
  'rejected',
  'approved',
  'signed',
  'issued',
  'recalled',
  'replaced',
] as const
export type OutgoingState = (typeof OUTGOING_STATES)[number]

/** Who a step of an approval chain falls to: resolved when the draft is submitted. */
export const APPROVAL_STEP_KINDS = ['unit_head', 'office_chief', 'user', 'signer'] as const
export type ApprovalStepKind = (typeof APPROVAL_STEP_KINDS)[number]

export const APPROVAL_STEP_STATES = [
  'waiting',
  'pending',
  'approved',
  'returned',
  'rejected',
  'skipped',
] as const
export type ApprovalStepState = (typeof APPROVAL_STEP_STATES)[number]

/** The leader's decision on a submission slip (phiếu trình). */
export const SLIP_DECISIONS = ['approve', 'return', 'reject'] as const
export type SlipDecision = (typeof SLIP_DECISIONS)[number]

/** DOCX → PDF conversion of a draft version. */
export const CONVERSION_STATES = ['not_needed', 'pending', 'done', 'unavailable', 'failed'] as const
export type ConversionState = (typeof CONVERSION_STATES)[number]

export const OUTGOING_RECIPIENT_KINDS = ['unit', 'user', 'organization', 'email'] as const
export type OutgoingRecipientKind = (typeof OUTGOING_RECIPIENT_KINDS)[number]

/** How an issued document reaches a recipient; 'exchange' is the edXML axis (issue 5). */
export const DELIVERY_CHANNELS = ['internal', 'email', 'exchange'] as const
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number]

export const DELIVERY_STATES = ['pending', 'sent', 'failed', 'received', 'read', 'recalled'] as const
export type DeliveryState = (typeof DELIVERY_STATES)[number]

/** The leader's approval signature, the organization's seal signature, the signature on a separate attachment. */
export const SIGNATURE_KINDS = ['approval', 'seal', 'attachment'] as const
export type SignatureKind = (typeof SIGNATURE_KINDS)[number]

export const SIGNATURE_PROBLEMS = [
  'digest_mismatch',
  'signature_invalid',
  'untrusted_chain',
  'certificate_expired_at_signing',
  'certificate_not_yet_valid_at_signing',
  'unsupported_format',
  'modified_after_signing',
] as const
export type SignatureProblem = (typeof SIGNATURE_PROBLEMS)[number]

/** A number given from a register: used by a document, or cancelled with a reason (never reused). */
export const NUMBER_LOG_STATES = ['used', 'cancelled'] as const
export type NumberLogState = (typeof NUMBER_LOG_STATES)[number]
