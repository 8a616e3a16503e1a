/**
 * The database schema: the single source for tables; `npm run db:generate` writes migrations from it.
 * Modules own their tables but the definitions live here so drizzle-kit sees one schema.
 */
import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  char,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const id = () => uuid('id').primaryKey().defaultRandom()
const createdAt = () => ts('created_at').notNull().defaultNow()
const updatedAt = () => ts('updated_at').notNull().defaultNow()

/** Our own organization and every agency in the directory (ministries, provinces, partners). */
export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    code: text('code'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    isOwn: boolean('is_own').notNull().default(false),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    endpoint: text('endpoint'),
    /** The agency's exchange certificate (PEM): edXML packages from it must be signed with this key. */
    certificatePem: text('certificate_pem'),
    /** When the directory entry last came from the axis's agency list (null: typed or imported). */
    syncedAt: ts('synced_at'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organizations_code_key').on(t.code),
    uniqueIndex('organizations_one_own')
      .on(t.isOwn)
      .where(sql`${t.isOwn}`),
    // The directory's order (own first, then by name without diacritics): pages read the index, no sort.
    index('organizations_directory_order_idx').on(
      t.isOwn.desc().nullsFirst(),
      sql`f_unaccent(${t.name})`,
      t.name,
      t.id,
    ),
  ],
)

/** Units (departments) of our organization, as a tree. */
export const units = pgTable(
  'units',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    sortOrder: integer('sort_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('units_org_code_key').on(t.organizationId, t.code),
    index('units_parent_idx').on(t.parentId),
  ],
)

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    unitId: uuid('unit_id').references(() => units.id),
    position: text('position'),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    totpSecret: text('totp_secret'),
    totpEnabledAt: ts('totp_enabled_at'),
    /** The last accepted TOTP time step: a code is never accepted twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: ts('locked_until'),
    isActive: boolean('is_active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    locale: text('locale').notNull().default('vi'),
    lastLoginAt: ts('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    index('users_unit_idx').on(t.unitId),
    index('users_org_idx').on(t.organizationId),
  ],
)

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: char('token_hash', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    /** 'verified' | 'totp_pending' | 'totp_setup_required' */
    mfaState: text('mfa_state').notNull(),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    idleExpiresAt: ts('idle_expires_at').notNull(),
    absoluteExpiresAt: ts('absolute_expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Every login attempt, successful or not (also the source of the login rate limit). */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    userId: uuid('user_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    isSuccess: boolean('is_success').notNull(),
    reason: text('reason'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_ip_at_idx').on(t.ip, t.at),
    index('login_attempts_user_at_idx').on(t.username, t.at),
  ],
)

/** Who acts for whom, from when to when, for what (a secretary for a leader). */
export const delegations = pgTable(
  'delegations',
  {
    id: id(),
    principalId: uuid('principal_id')
      .notNull()
      .references(() => users.id),
    delegateId: uuid('delegate_id')
      .notNull()
      .references(() => users.id),
    scopes: text('scopes').array().notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    note: text('note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('delegations_delegate_idx').on(t.delegateId),
    index('delegations_principal_idx').on(t.principalId),
  ],
)

/**
 * The audit log and the trigger for after-commit handlers: append-only (a trigger refuses
 * UPDATE and DELETE) and hash-chained (each row's hash covers the previous row's hash).
 */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    occurredAt: ts('occurred_at').notNull(),
    actorId: uuid('actor_id'),
    principalId: uuid('principal_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    data: jsonb('data')
      .notNull()
      .default(sql`'{}'::jsonb`),
    prevHash: char('prev_hash', { length: 64 }).notNull(),
    hash: char('hash', { length: 64 }).notNull(),
  },
  (t) => [
    index('events_occurred_at_idx').on(t.occurredAt),
    index('events_target_idx').on(t.targetType, t.targetId),
    index('events_actor_idx').on(t.actorId),
    index('events_action_idx').on(t.action),
  ],
)

/**
 * The head of the audit chain, one row: writers lock it (SELECT ... FOR UPDATE) to append, which
 * serialises them until commit so ids follow commit order, and it names the last entry so that
 * deleting the newest entries is detected too.
 */
export const eventChainHead = pgTable('event_chain_head', {
  singleton: boolean('singleton').primaryKey().default(true),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  hash: char('hash', { length: 64 }).notNull(),
})

/** How far each after-commit handler has processed the events table. */
export const eventCursors = pgTable('event_cursors', {
  handler: text('handler').primaryKey(),
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull().default(0),
  updatedAt: updatedAt(),
})

/** Content-addressed blobs: one row per distinct content. */
export const blobs = pgTable('blobs', {
  sha256: char('sha256', { length: 64 }).primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mediaType: text('media_type').notNull(),
  createdAt: createdAt(),
})

/** A stored file: a name and an owner pointing at a blob. */
export const files = pgTable(
  'files',
  {
    id: id(),
    sha256: char('sha256', { length: 64 })
      .notNull()
      .references(() => blobs.sha256),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('files_sha_idx').on(t.sha256), index('files_uploader_idx').on(t.uploadedBy)],
)

/** In-app notifications, written by event handlers. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    data: jsonb('data')
      .notNull()
      .default(sql`'{}'::jsonb`),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_event_user_key').on(t.eventId, t.userId, t.kind),
  ],
)

/** Document registers (sổ văn bản đến / đi / nội bộ); numbers restart every year (Decree 30/2020, Art. 15, 22). */
export const registers = pgTable(
  'registers',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** 'incoming' | 'outgoing' | 'internal' */
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('registers_org_kind_code_key').on(t.organizationId, t.kind, t.code)],
)

/** The last number given per register and year: incremented under a row lock, so numbers never repeat or skip. */
export const registerSequences = pgTable(
  'register_sequences',
  {
    registerId: uuid('register_id')
      .notNull()
      .references(() => registers.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.registerId, t.year] })],
)

/** One table for incoming, outgoing and internal documents, with the register metadata of Decree 30/2020 Annex VI. */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    /** 'incoming' | 'outgoing' | 'internal' */
    direction: text('direction').notNull(),
    state: text('state').notNull(),
    registerId: uuid('register_id').references(() => registers.id),
    registerYear: integer('register_year'),
    /** The arrival number (số đến) of an incoming document, or the number of an outgoing one. */
    registerNumber: integer('register_number'),
    arrivedAt: ts('arrived_at'),
    /** 'paper' | 'email' | 'exchange' | 'internal' */
    receivedVia: text('received_via'),
    senderOrganizationId: uuid('sender_organization_id').references(() => organizations.id),
    /** The issuing organ as printed or typed (tác giả). */
    senderName: text('sender_name'),
    numberAndNotation: text('number_and_notation'),
    codeNumber: text('code_number'),
    codeNotation: text('code_notation'),
    /** Lower-case, unaccented, without spaces: duplicate detection and number search. */
    numberKey: text('number_key'),
    issueDate: date('issue_date', { mode: 'string' }),
    issuePlace: text('issue_place'),
    documentType: text('document_type').notNull(),
    subject: text('subject').notNull(),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    /** 'normal' | 'urgent' | 'very_urgent' | 'flash' */
    urgency: text('urgency').notNull().default('normal'),
    pageCount: integer('page_count'),
    copyCount: integer('copy_count'),
    dueDate: date('due_date', { mode: 'string' }),
    notes: text('notes'),
    /** Decree 30 Annex VI document identifier: OrganId,yyyy/MM/dd,number/notation. */
    documentIdentifier: text('document_identifier'),
    registeredBy: uuid('registered_by').references(() => users.id),
    registeredUnitId: uuid('registered_unit_id').references(() => units.id),
    /** Guards against a double submission of the same form. */
    clientRequestId: text('client_request_id'),
    completedAt: ts('completed_at'),
    /** Set on documents imported from the previous system: '<kind>:<its id or number>' (issue 6). */
    migrationKey: text('migration_key'),
    migrationRunId: uuid('migration_run_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('documents_migration_key').on(t.registerId, t.migrationKey),
    uniqueIndex('documents_register_number_key').on(t.registerId, t.registerYear, t.registerNumber),
    uniqueIndex('documents_client_request_key').on(t.registeredBy, t.clientRequestId),
    index('documents_number_key_idx').on(t.numberKey),
    index('documents_identifier_idx').on(t.documentIdentifier),
    index('documents_sender_idx').on(t.senderOrganizationId),
    index('documents_direction_state_idx').on(t.direction, t.state),
    index('documents_arrived_idx').on(t.arrivedAt),
    // Lists of incoming documents: newest arrival first, and the clerk's unit scope (issue 3).
    index('documents_incoming_arrived_idx')
      .on(t.arrivedAt.desc(), t.id)
      .where(sql`${t.direction} = 'incoming'`),
    index('documents_registered_unit_idx').on(t.registeredUnitId),
    // Search without diacritics (f_unaccent ILIKE '%…%').
    index('documents_subject_trgm_idx').using('gin', sql`f_unaccent(${t.subject}) gin_trgm_ops`),
  ],
)

/** Files of a document: the main file, attachments, files added while processing; with extracted text. */
export const documentFiles = pgTable(
  'document_files',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    /** 'main' | 'attachment' | 'processing' */
    role: text('role').notNull(),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    /** 'pending' | 'done' | 'failed' | 'scanned' (needs OCR) */
    textStatus: text('text_status').notNull().default('pending'),
    extractedText: text('extracted_text'),
    createdAt: createdAt(),
  },
  (t) => [
    index('document_files_document_idx').on(t.documentId),
    uniqueIndex('document_files_doc_file_key').on(t.documentId, t.fileId),
  ],
)

/**
 * Who must do what with a document: 'review' (submitted to a leader), 'lead' (chủ trì),
 * 'cooperating' (phối hợp), 'information' (nhận để biết); a unit head's re-assignment is a child.
 */
export const assignments = pgTable(
  'assignments',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    parentId: uuid('parent_id'),
    role: text('role').notNull(),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    assigneeUnitId: uuid('assignee_unit_id').references(() => units.id),
    directive: text('directive'),
    dueDate: date('due_date', { mode: 'string' }),
    /** 'pending' | 'in_progress' | 'completed' | 'returned' | 'cancelled' */
    state: text('state').notNull(),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    /** The leader on whose behalf a secretary assigned (else the assigner). */
    assignedFor: uuid('assigned_for')
      .notNull()
      .references(() => users.id),
    result: text('result'),
    resultDocumentId: uuid('result_document_id'),
    createdAt: createdAt(),
    startedAt: ts('started_at'),
    completedAt: ts('completed_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('assignments_document_idx').on(t.documentId),
    index('assignments_user_state_idx').on(t.assigneeUserId, t.state),
    index('assignments_unit_state_idx').on(t.assigneeUnitId, t.state),
    // The inbox's overdue tab and deadline order: open assignments of a person by due date.
    index('assignments_user_open_due_idx')
      .on(t.assigneeUserId, t.dueDate)
      .where(sql`${t.state} IN ('pending', 'in_progress')`),
    index('assignments_parent_idx').on(t.parentId),
  ],
)

/** Directives, progress notes, returns, extension requests and results, in order. */
export const documentNotes = pgTable(
  'document_notes',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    assignmentId: uuid('assignment_id').references(() => assignments.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    principalId: uuid('principal_id')
      .notNull()
      .references(() => users.id),
    /** 'directive' | 'progress' | 'return' | 'extension_request' | 'extension' | 'completion' */
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('document_notes_document_idx').on(t.documentId, t.createdAt)],
)

/** Read receipts: who opened a document, first and last time. */
export const documentReads = pgTable(
  'document_reads',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    firstReadAt: ts('first_read_at').notNull(),
    lastReadAt: ts('last_read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.userId] }), index('document_reads_user_idx').on(t.userId)],
)

/** Public holidays and compensating working days, editable by the admin (working-day deadlines). */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  /** 'holiday' | 'working_day' (a Saturday or Sunday worked in exchange for a bridge day) */
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  updatedAt: updatedAt(),
})

// Outgoing documents (issue 4) -------------------------------------------------------------

/** Raw bytes (PKCS#12 keys, certificates, images): a Uint8Array on both drivers. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => new Uint8Array(v),
})

/**
 * What an outgoing document needs beyond the shared `documents` row: drafter, signer, the
 * current version and approval step, issue facts, recall and replacement.
 */
export const outgoingDetails = pgTable(
  'outgoing_details',
  {
    documentId: uuid('document_id')
      .primaryKey()
      .references(() => documents.id),
    drafterId: uuid('drafter_id')
      .notNull()
      .references(() => users.id),
    drafterUnitId: uuid('drafter_unit_id').references(() => units.id),
    signerId: uuid('signer_id')
      .notNull()
      .references(() => users.id),
    currentVersionId: uuid('current_version_id'),
    /** The approval step the draft waits on (in review). */
    currentStepId: uuid('current_step_id'),
    /** The leader's signed PDF, then the issued (sealed) PDF. */
    signedFileId: uuid('signed_file_id').references(() => files.id),
    issuedFileId: uuid('issued_file_id').references(() => files.id),
    issuedAt: ts('issued_at'),
    issuedBy: uuid('issued_by').references(() => users.id),
    recalledAt: ts('recalled_at'),
    recallReason: text('recall_reason'),
    lastFormatCheck: jsonb('last_format_check'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('outgoing_details_drafter_idx').on(t.drafterId),
    index('outgoing_details_signer_idx').on(t.signerId),
  ],
)

/** Versions of a draft's main file: every upload is a new version; a DOCX is converted to the PDF that gets signed. */
export const draftVersions = pgTable(
  'draft_versions',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    version: integer('version').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    pdfFileId: uuid('pdf_file_id').references(() => files.id),
    /** 'not_needed' | 'pending' | 'done' | 'unavailable' | 'failed' */
    conversionStatus: text('conversion_status').notNull(),
    conversionError: text('conversion_error'),
    /** 'pending' | 'done' | 'failed' | 'scanned' */
    textStatus: text('text_status').notNull().default('pending'),
    extractedText: text('extracted_text'),
    note: text('note'),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('draft_versions_doc_version_key').on(t.documentId, t.version),
    index('draft_versions_conversion_idx')
      .on(t.createdAt)
      .where(sql`${t.conversionStatus} = 'pending'`),
    index('draft_versions_text_idx')
      .on(t.createdAt)
      .where(sql`${t.textStatus} = 'pending'`),
  ],
)

/** Comments on a draft's versions, and the reasons of returns and rejections. */
export const draftComments = pgTable(
  'draft_comments',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    versionId: uuid('version_id').references(() => draftVersions.id),
    /** 'comment' | 'approve' | 'return' | 'reject' */
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    principalId: uuid('principal_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('draft_comments_document_idx').on(t.documentId, t.createdAt)],
)

/** An approval chain per document type ('default' for the rest): the steps as data. */
export const approvalChains = pgTable('approval_chains', {
  documentType: text('document_type').primaryKey(),
  /** [{ kind: 'unit_head' | 'office_chief' | 'user' | 'signer', userId?: string }] */
  steps: jsonb('steps').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
})

/** The steps of one submission of a draft, resolved to people when submitted. */
export const approvalSteps = pgTable(
  'approval_steps',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    /** Which submission round (each submit after a return starts a new round). */
    round: integer('round').notNull(),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    assigneeUserId: uuid('assignee_user_id')
      .notNull()
      .references(() => users.id),
    /** 'waiting' | 'pending' | 'approved' | 'returned' | 'rejected' | 'skipped' */
    state: text('state').notNull(),
    versionId: uuid('version_id').references(() => draftVersions.id),
    comment: text('comment'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedFor: uuid('decided_for').references(() => users.id),
    decidedAt: ts('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('approval_steps_document_idx').on(t.documentId, t.round, t.position),
    index('approval_steps_assignee_idx')
      .on(t.assigneeUserId)
      .where(sql`${t.state} = 'pending'`),
  ],
)

/** Submission slips (phiếu trình): the proposal carried to the signing leader and the decision. */
export const submissionSlips = pgTable(
  'submission_slips',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    stepId: uuid('step_id').references(() => approvalSteps.id),
    leaderId: uuid('leader_id')
      .notNull()
      .references(() => users.id),
    proposal: text('proposal'),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    submittedAt: ts('submitted_at').notNull(),
    /** 'approve' | 'return' | 'reject' */
    decision: text('decision'),
    decisionNote: text('decision_note'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedFor: uuid('decided_for').references(() => users.id),
    decidedAt: ts('decided_at'),
  },
  (t) => [index('submission_slips_document_idx').on(t.documentId)],
)

/** Recipients of an outgoing document and the delivery state of each. */
export const outgoingRecipients = pgTable(
  'outgoing_recipients',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    position: integer('position').notNull(),
    /** 'unit' | 'user' | 'organization' | 'email' */
    kind: text('kind').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    userId: uuid('user_id').references(() => users.id),
    organizationId: uuid('organization_id').references(() => organizations.id),
    email: text('email'),
    name: text('name').notNull(),
    /** 'internal' | 'email' | 'exchange' */
    channel: text('channel').notNull(),
    /** null before issuing; 'pending' | 'sent' | 'failed' | 'received' | 'read' | 'recalled' */
    deliveryState: text('delivery_state'),
    deliveryError: text('delivery_error'),
    attempts: integer('attempts').notNull().default(0),
    sentAt: ts('sent_at'),
    messageId: text('message_id'),
    incomingDocumentId: uuid('incoming_document_id').references(() => documents.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('outgoing_recipients_document_idx').on(t.documentId),
    index('outgoing_recipients_pending_idx')
      .on(t.channel)
      .where(sql`${t.deliveryState} = 'pending'`),
  ],
)

/** Links between documents: a reply to an incoming one, related documents, a replacement. */
export const documentLinks = pgTable(
  'document_links',
  {
    fromDocumentId: uuid('from_document_id')
      .notNull()
      .references(() => documents.id),
    toDocumentId: uuid('to_document_id')
      .notNull()
      .references(() => documents.id),
    /** 'reply_to' | 'related' | 'replaces' | 'delivered_as' */
    kind: text('kind').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.fromDocumentId, t.toDocumentId, t.kind] }),
    index('document_links_to_idx').on(t.toDocumentId, t.kind),
  ],
)

/** Files of an outgoing document beyond its versions: attachments and the signed outputs. */
export const outgoingFiles = pgTable(
  'outgoing_files',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    /** 'attachment' | 'signed' (the leader's) | 'main' (issued, sealed) | 'sealed_attachment' */
    role: text('role').notNull(),
    /** The attachment a sealed attachment was made from. */
    sourceFileId: uuid('source_file_id').references(() => files.id),
    isSigned: boolean('is_signed').notNull().default(false),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    /** 'pending' | 'done' | 'failed' | 'scanned' | 'not_needed' (signed and sealed copies) */
    textStatus: text('text_status').notNull().default('pending'),
    extractedText: text('extracted_text'),
    createdAt: createdAt(),
  },
  (t) => [
    index('outgoing_files_document_idx').on(t.documentId),
    uniqueIndex('outgoing_files_doc_file_role_key').on(t.documentId, t.fileId, t.role),
    index('outgoing_files_file_idx').on(t.fileId),
    index('outgoing_files_text_idx')
      .on(t.createdAt)
      .where(sql`${t.textStatus} = 'pending'`),
  ],
)

/** Signing keys held by the system: PKCS#12 bytes (protected by the PIN, which is never stored). */
export const signingKeys = pgTable(
  'signing_keys',
  {
    id: id(),
    /** 'user' | 'organization' */
    ownerKind: text('owner_kind').notNull(),
    /** The organization the key signs for (the user's, or the organization's own seal key). */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id').references(() => users.id),
    p12: bytea('p12').notNull(),
    certificateDer: bytea('certificate_der').notNull(),
    certificate: jsonb('certificate').notNull(),
    /** The handwritten signature (blue PNG) or the seal (red PNG). */
    imagePng: bytea('image_png'),
    isActive: boolean('is_active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('signing_keys_active_user_key')
      .on(t.userId)
      .where(sql`${t.isActive} AND ${t.ownerKind} = 'user'`),
    uniqueIndex('signing_keys_active_org_key')
      .on(t.organizationId)
      .where(sql`${t.isActive} AND ${t.ownerKind} = 'organization'`),
  ],
)

/** Wrong PINs per user: 5 in a row lock signing for 15 minutes. Written outside the failed action's transaction. */
export const signingPinFailures = pgTable('signing_pin_failures', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  failedCount: integer('failed_count').notNull().default(0),
  lastFailedAt: ts('last_failed_at'),
  lockedUntil: ts('locked_until'),
})

/** Signatures made by the system: who, for whom, with which certificate, when, producing which file. */
export const documentSignatures = pgTable(
  'document_signatures',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    /** 'approval' | 'seal' | 'attachment' */
    kind: text('kind').notNull(),
    sourceFileId: uuid('source_file_id')
      .notNull()
      .references(() => files.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    signingKeyId: uuid('signing_key_id')
      .notNull()
      .references(() => signingKeys.id),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    signedFor: uuid('signed_for')
      .notNull()
      .references(() => users.id),
    signerName: text('signer_name').notNull(),
    certificateSubject: text('certificate_subject').notNull(),
    certificateSerial: text('certificate_serial').notNull(),
    certificateFingerprint: text('certificate_fingerprint').notNull(),
    signingTime: ts('signing_time').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('document_signatures_document_idx').on(t.documentId),
    // One approval signature per document: signing twice is refused by the database too.
    uniqueIndex('document_signatures_one_approval_key')
      .on(t.documentId)
      .where(sql`${t.kind} = 'approval'`),
  ],
)

/** Trusted root certificates for verification, managed by the admin. */
export const trustedRoots = pgTable('trusted_roots', {
  id: id(),
  name: text('name').notNull(),
  certificateDer: bytea('certificate_der').notNull(),
  certificate: jsonb('certificate').notNull(),
  fingerprint: char('fingerprint', { length: 64 }).notNull().unique(),
  isActive: boolean('is_active').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
})

/** Every verification run, with its result. */
export const signatureVerifications = pgTable(
  'signature_verifications',
  {
    id: id(),
    fileId: uuid('file_id').references(() => files.id),
    sha256: char('sha256', { length: 64 }).notNull(),
    filename: text('filename').notNull(),
    verifiedBy: uuid('verified_by').references(() => users.id),
    isSigned: boolean('is_signed').notNull(),
    isValid: boolean('is_valid').notNull(),
    report: jsonb('report').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('signature_verifications_file_idx').on(t.fileId)],
)

/**
 * Every number given from a register: used by a document, or cancelled with a reason. The
 * primary key makes a number impossible to give twice; a cancelled number stays recorded
 * (no silent hole) and is never given again.
 */
export const registerNumberLog = pgTable(
  'register_number_log',
  {
    registerId: uuid('register_id')
      .notNull()
      .references(() => registers.id),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    numberAndNotation: text('number_and_notation').notNull(),
    /** 'used' | 'cancelled' */
    state: text('state').notNull(),
    reason: text('reason'),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: ts('assigned_at').notNull(),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    cancelledAt: ts('cancelled_at'),
  },
  (t) => [
    primaryKey({ columns: [t.registerId, t.year, t.number] }),
    index('register_number_log_document_idx').on(t.documentId),
  ],
)

/**
 * The key that signs our edXML packages (the header signature of QCVN 102:2016). A system key,
 * unlocked without a PIN: packages and status messages go out unattended, from the queue. The
 * leader's and the seal's PAdES signatures stay inside the PDF.
 */
export const exchangeIdentity = pgTable('exchange_identity', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  privateKeyPem: text('private_key_pem').notNull(),
  certificatePem: text('certificate_pem').notNull(),
  createdAt: createdAt(),
})

/**
 * Every edXML package in or out: the durable outbox (retried with back-off until sent) and the
 * store of received packages (waiting for the clerk, accepted, refused, applied). One row per
 * package and counterpart agency.
 */
export const exchangeMessages = pgTable(
  'exchange_messages',
  {
    id: id(),
    /** 'out' | 'in' */
    direction: text('direction').notNull(),
    /** 'edoc' | 'status' */
    kind: text('kind').notNull(),
    /** edoc: its DocumentId; status: the DocumentId of the document it is about. */
    documentIdentifier: text('document_identifier').notNull(),
    /** edoc: 0 new, 1 revoke, 2 update, 3 replace. */
    businessType: integer('business_type'),
    statusCode: text('status_code'),
    fromCode: text('from_code').notNull(),
    toCode: text('to_code').notNull(),
    /** The other agency in the directory, when known. */
    organizationId: uuid('organization_id').references(() => organizations.id),
    /** 'axis' | 'peer', chosen when sent or as received. */
    transport: text('transport'),
    /** The package bytes in the blob store (for 'out', built on the first attempt, then resent as is). */
    packageSha256: char('package_sha256', { length: 64 }),
    packageSize: integer('package_size'),
    /**
     * out: 'queued' | 'sent' | 'failed' (gave up or refused) | 'cancelled'
     * in:  'received' (waiting for the clerk) | 'accepted' | 'refused' | 'applied' | 'destroyed' | 'recorded' (statuses)
     */
    state: text('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    lastError: text('last_error'),
    /** The id the axis (or the peer) gave the package. */
    transportId: text('transport_id'),
    /** Idempotency of received packages: the same package delivered twice is kept once. */
    dedupeKey: text('dedupe_key'),
    /** Our outgoing document (edoc out, 13 out, statuses in) and the recipient row it is for. */
    outgoingDocumentId: uuid('outgoing_document_id').references(() => documents.id),
    outgoingRecipientId: uuid('outgoing_recipient_id').references(() => outgoingRecipients.id),
    /** The incoming document registered from a received edoc (or that a status we send is about). */
    incomingDocumentId: uuid('incoming_document_id').references(() => documents.id),
    /** For a status we send: the received package it answers. */
    replyToMessageId: uuid('reply_to_message_id'),
    /** Received packages: the parsed header and business block, for the clerk's list and the form. */
    summary: jsonb('summary'),
    warnings: jsonb('warnings'),
    /** 'absent' | 'valid' | 'untrusted' | 'invalid' */
    signatureState: text('signature_state'),
    signatureDetail: jsonb('signature_detail'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    decisionReason: text('decision_reason'),
    sentAt: ts('sent_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('exchange_messages_dedupe_key').on(t.dedupeKey),
    // The sender's queue: what is due.
    index('exchange_messages_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.direction} = 'out' AND ${t.state} = 'queued'`),
    // The clerk's list of received packages.
    index('exchange_messages_inbox_idx')
      .on(t.createdAt.desc())
      .where(sql`${t.direction} = 'in' AND ${t.state} = 'received'`),
    index('exchange_messages_document_idx').on(t.documentIdentifier),
    index('exchange_messages_outgoing_idx').on(t.outgoingDocumentId),
    index('exchange_messages_incoming_idx').on(t.incomingDocumentId),
  ],
)

/**
 * Status feedback (01–06, 13, 15, 16) per document and agency, both ways: what the recipients of our
 * documents reported, and what we reported on theirs. The timeline of a sent document reads it.
 */
export const exchangeStatusLog = pgTable(
  'exchange_status_log',
  {
    id: id(),
    /** 'in' (about our document) | 'out' (we sent it about theirs) */
    direction: text('direction').notNull(),
    documentIdentifier: text('document_identifier').notNull(),
    /** The agency that reported (in) or that we reported to (out). */
    organizationCode: text('organization_code').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    outgoingDocumentId: uuid('outgoing_document_id').references(() => documents.id),
    outgoingRecipientId: uuid('outgoing_recipient_id').references(() => outgoingRecipients.id),
    statusCode: text('status_code').notNull(),
    description: text('description').notNull().default(''),
    /** The time the reporter gave (their clock); the timeline is ordered by it. */
    statusAt: ts('status_at').notNull(),
    staff: jsonb('staff'),
    messageId: uuid('message_id').references(() => exchangeMessages.id),
    recordedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('exchange_status_log_once_key').on(
      t.direction,
      t.documentIdentifier,
      t.organizationCode,
      t.statusCode,
      t.statusAt,
    ),
    index('exchange_status_log_outgoing_idx').on(t.outgoingDocumentId),
  ],
)

const tsvector = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'tsvector'
  },
})

/**
 * The search index (issue 6): one row per searchable thing (incoming and outgoing documents and
 * consultations now; dossiers, library and portal items later), written by the search module's event
 * handler from each source's loader. Text is unaccented, lower-case syllables and adjacent
 * syllable pairs (tokens.ts), so Vietnamese matches with or without diacritics and a phrase is a
 * chain of pairs. `readers` holds access keys (the source's visibility rules, denormalised): a
 * query keeps rows sharing a key with the actor, and the page is checked again by the source.
 */
export const searchEntries = pgTable(
  'search_entries',
  {
    /** 'documentIn' | 'documentOut' | 'consultation' | later sources */
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    organizationId: uuid('organization_id'),
    title: text('title').notNull(),
    numberAndNotation: text('number_and_notation'),
    /** Lower-case, unaccented, without spaces (as documents.number_key). */
    numberKey: text('number_key'),
    senderName: text('sender_name'),
    senderOrganizationId: uuid('sender_organization_id'),
    signerName: text('signer_name'),
    documentType: text('document_type'),
    registerId: uuid('register_id'),
    unitId: uuid('unit_id'),
    state: text('state'),
    /** The date a reader thinks of: issue date, else arrival or creation (Viet Nam day). */
    docDate: date('doc_date', { mode: 'string' }),
    year: integer('year'),
    /** The files' text (NFC, bounded) for snippets. */
    body: text('body'),
    readers: text('readers').array().notNull(),
    /** Title, number, sender and signer, weighted, with positions: ranking. */
    titleTsv: tsvector('title_tsv').notNull(),
    /** Everything, without positions: matching. */
    tsv: tsvector('tsv').notNull(),
    indexedAt: ts('indexed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.targetType, t.targetId] }),
    index('search_entries_tsv_idx').using('gin', t.tsv),
    index('search_entries_title_tsv_idx').using('gin', t.titleTsv),
    index('search_entries_readers_idx').using('gin', t.readers),
    index('search_entries_number_key_idx').on(sql`${t.numberKey} text_pattern_ops`),
    index('search_entries_number_trgm_idx').using('gin', sql`${t.numberKey} gin_trgm_ops`),
    index('search_entries_date_idx').on(t.docDate.desc(), t.targetId),
  ],
)

/**
 * A batch of scans a clerk uploaded at once (issue 6): each item becomes a draft registration,
 * pre-filled by smart capture through OCR, that the clerk confirms (or discards).
 */
export const scanBatches = pgTable(
  'scan_batches',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    registerId: uuid('register_id').references(() => registers.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    title: text('title'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('scan_batches_creator_idx').on(t.createdBy, t.createdAt)],
)

export const scanBatchItems = pgTable(
  'scan_batch_items',
  {
    id: id(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => scanBatches.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    position: integer('position').notNull(),
    /** 'queued' | 'reading' | 'ready' | 'failed' | 'registered' | 'discarded' */
    status: text('status').notNull().default('queued'),
    /** The captured fields (contracts/capture), the form's pre-fill. */
    fields: jsonb('fields'),
    textExcerpt: text('text_excerpt'),
    /** 'text' | 'ocr' | 'ocr_unavailable' … how the text was read. */
    method: text('method'),
    /** Scan-rule findings (PDF version, colour, resolution). */
    scanProblems: jsonb('scan_problems'),
    error: text('error'),
    documentId: uuid('document_id').references(() => documents.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('scan_batch_items_batch_idx').on(t.batchId, t.position),
    index('scan_batch_items_status_idx').on(t.status),
  ],
)

/**
 * Whole-file OCR reads kept by the file's SHA-256 (capture module): a scan read for the batch
 * pre-fill is not read again by Tesseract when it is registered, nor when the same bytes come again.
 * Only complete reads (every page) are kept.
 */
export const ocrReads = pgTable('ocr_reads', {
  sha256: char('sha256', { length: 64 })
    .primaryKey()
    .references(() => blobs.sha256),
  text: text('text').notNull(),
  pageCount: integer('page_count').notNull(),
  /** The scan with an invisible text layer (a blob, for a PDF); null for an image. */
  searchableSha256: char('searchable_sha256', { length: 64 }),
  searchableSize: bigint('searchable_size', { mode: 'number' }),
  /** What the read took, for the reports. */
  milliseconds: integer('milliseconds').notNull(),
  createdAt: createdAt(),
})

/**
 * One migration of the previous system's export (issue 6): a CSV or Excel file of documents in or
 * out, with their files in a zip. A dry run only validates; an import writes documents with
 * migration keys (documents.migration_key), so running it twice imports nothing twice, and it
 * resumes from next_row after a stop.
 */
export const migrationRuns = pgTable(
  'migration_runs',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** 'incoming' | 'outgoing' */
    kind: text('kind').notNull(),
    /** 'dry_run' | 'import' */
    mode: text('mode').notNull(),
    /** 'queued' | 'running' | 'done' | 'failed' | 'cancelled' */
    status: text('status').notNull().default('queued'),
    sourceFileId: uuid('source_file_id')
      .notNull()
      .references(() => files.id),
    archiveFileId: uuid('archive_file_id').references(() => files.id),
    registerId: uuid('register_id').references(() => registers.id),
    /**
     * The unit that holds the imported documents (incoming: registering unit, whose staff see them;
     * outgoing: drafting unit when the row names none). Null: the default (the register's keeping
     * unit for incoming, the administrator's unit for outgoing).
     */
    unitId: uuid('unit_id').references(() => units.id),
    totalRows: integer('total_rows'),
    nextRow: integer('next_row').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    skippedRows: integer('skipped_rows').notNull().default(0),
    problemCount: integer('problem_count').notNull().default(0),
    /** [{ row, column, message }] — bounded; problemCount has the full count. */
    problems: jsonb('problems')
      .notNull()
      .default(sql`'[]'::jsonb`),
    error: text('error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('migration_runs_org_idx').on(t.organizationId, t.createdAt)],
)

/**
 * Consultations (lấy ý kiến, issue 7): the Standing Office asks committee members for their
 * opinion by a deadline. `questions` holds the answer mechanisms (contract ZQuestionInput output);
 * state: 'draft' | 'submitted' | 'open' | 'closed' | 'cancelled'. A consultation launched by its
 * letter stays 'submitted' with approved_at set until the letter is issued.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: id(),
    /** The organization whose officers run it (the creator's: the committee). */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    title: text('title').notNull(),
    purpose: text('purpose').notNull(),
    background: text('background'),
    state: text('state').notNull().default('draft'),
    deadline: ts('deadline').notNull(),
    /** 'agree' | 'abstain' | 'not_counted' */
    silenceRule: text('silence_rule').notNull(),
    quorumPercent: integer('quorum_percent').notNull(),
    /** 'simple' | 'absolute' | 'two_thirds' */
    majority: text('majority').notNull(),
    openBallot: boolean('open_ballot').notNull().default(false),
    /** 'approval' | 'letter' */
    launchOn: text('launch_on').notNull().default('approval'),
    letterDocumentId: uuid('letter_document_id').references(() => documents.id),
    reminderHours: integer('reminder_hours').array().notNull(),
    questions: jsonb('questions').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    approverId: uuid('approver_id').references(() => users.id),
    submittedAt: ts('submitted_at'),
    approvedAt: ts('approved_at'),
    launchedAt: ts('launched_at'),
    closedAt: ts('closed_at'),
    cancelledAt: ts('cancelled_at'),
    summaryDocumentId: uuid('summary_document_id').references(() => documents.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('consultations_org_created_idx').on(t.organizationId, t.createdAt),
    index('consultations_creator_idx').on(t.createdBy, t.createdAt),
    index('consultations_approver_idx').on(t.approverId),
    index('consultations_open_deadline_idx')
      .on(t.deadline)
      .where(sql`${t.state} = 'open'`),
    index('consultations_letter_idx').on(t.letterDocumentId),
  ],
)

/** The materials of a consultation: files or existing documents; a revised draft keeps its sections' text. */
export const consultationMaterials = pgTable(
  'consultation_materials',
  {
    id: id(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    /** 'draft' | 'annex' | 'reference' | 'revised_draft' */
    role: text('role').notNull(),
    fileId: uuid('file_id').references(() => files.id),
    /** 'documentIn' | 'documentOut' */
    documentKind: text('document_kind'),
    documentId: uuid('document_id').references(() => documents.id),
    title: text('title').notNull(),
    /** revised_draft: [{ sectionKey, text }] */
    sections: jsonb('sections')
      .notNull()
      .default(sql`'[]'::jsonb`),
    position: integer('position').notNull().default(0),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [
    index('consultation_materials_consultation_idx').on(t.consultationId, t.position),
    index('consultation_materials_file_idx').on(t.fileId),
  ],
)

/** The committee members asked, in the order the officer listed them. */
export const consultationParticipants = pgTable(
  'consultation_participants',
  {
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => users.id),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.consultationId, t.memberId] }),
    index('consultation_participants_member_idx').on(t.memberId),
  ],
)

/**
 * One answer per consultation and member. state: 'draft' | 'awaiting_member' | 'submitted' |
 * 'final'. digest: SHA-256 of the canonical answer JSON at the last submission (the receipt).
 */
export const consultationResponses = pgTable(
  'consultation_responses',
  {
    id: id(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => users.id),
    state: text('state').notNull(),
    answers: jsonb('answers')
      .notNull()
      .default(sql`'[]'::jsonb`),
    fileIds: uuid('file_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    draftedBy: uuid('drafted_by').references(() => users.id),
    submittedBy: uuid('submitted_by').references(() => users.id),
    onBehalf: boolean('on_behalf').notNull().default(false),
    submittedAt: ts('submitted_at'),
    isFinal: boolean('is_final').notNull().default(false),
    signedFileId: uuid('signed_file_id').references(() => files.id),
    receiptNumber: text('receipt_number'),
    digest: char('digest', { length: 64 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('consultation_responses_member_key').on(t.consultationId, t.memberId),
    index('consultation_responses_member_idx').on(t.memberId),
    uniqueIndex('consultation_responses_receipt_key').on(t.receiptNumber),
  ],
)

/** Receipt numbers (YK-<year>-<seq>): one counter per year. */
export const consultationReceiptCounters = pgTable('consultation_receipt_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull().default(0),
})

/** Deadline changes, recorded. */
export const consultationExtensions = pgTable(
  'consultation_extensions',
  {
    id: id(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    fromDeadline: ts('from_deadline').notNull(),
    toDeadline: ts('to_deadline').notNull(),
    reason: text('reason').notNull(),
    extendedBy: uuid('extended_by')
      .notNull()
      .references(() => users.id),
    extendedAt: ts('extended_at').notNull(),
  },
  (t) => [index('consultation_extensions_consultation_idx').on(t.consultationId, t.extendedAt)],
)

/** The response table the officer completes: how each comment (summary.commentId) was handled. */
export const consultationDispositions = pgTable(
  'consultation_dispositions',
  {
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    commentId: text('comment_id').notNull(),
    /** 'accepted' | 'partly_accepted' | 'explained' | 'noted' */
    disposition: text('disposition'),
    explanation: text('explanation'),
    revisedText: text('revised_text'),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.commentId] })],
)

/** Reminders sent: one row per member and reminder mark (hours before the deadline), never twice. */
export const consultationReminders = pgTable(
  'consultation_reminders',
  {
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => users.id),
    /** The mark (hours before the deadline) of a scheduled reminder; 0 for one an officer sent by hand. */
    markHours: integer('mark_hours').notNull(),
    isManual: boolean('is_manual').notNull().default(false),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.consultationId, t.memberId, t.markHours, t.sentAt] }),
    // Each scheduled mark is sent once; reminders by hand may repeat.
    uniqueIndex('consultation_reminders_mark_key')
      .on(t.consultationId, t.memberId, t.markHours)
      .where(sql`NOT ${t.isManual}`),
  ],
)
