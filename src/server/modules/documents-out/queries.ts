/** The read side of outgoing documents: one document with everything its page needs, lists, lookups. */
import { and, asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { OutgoingState } from '@common/domain'
import type { TFormatCheck } from '@common/contracts/documents-out'
import type { Actor } from '../../platform/context.ts'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import {
  approvalSteps,
  documentReads,
  documentSignatures,
  documents,
  draftComments,
  draftVersions,
  files,
  outgoingDetails,
  outgoingFiles,
  outgoingRecipients,
  registers,
  submissionSlips,
  units,
  users,
} from '../../platform/db/schema.ts'
import type { OutgoingFacts } from './policy.ts'

export type DocumentRow = typeof documents.$inferSelect
export type DetailsRow = typeof outgoingDetails.$inferSelect
export type VersionView = typeof draftVersions.$inferSelect & {
  filename: string
  mediaType: string
  uploadedByName: string
}
export type StepView = typeof approvalSteps.$inferSelect & {
  assigneeName: string
  decidedByName: string | null
  decidedForName: string | null
}
export type SlipView = typeof submissionSlips.$inferSelect & {
  leaderName: string
  submittedByName: string
  decidedByName: string | null
  decidedForName: string | null
}
export type CommentView = typeof draftComments.$inferSelect & { authorName: string; principalName: string }
export type RecipientView = typeof outgoingRecipients.$inferSelect & { isRead: boolean }
/** A file of the document as its page and actions need it (not its extracted text: search reads that). */
export type OutgoingFileView = Omit<typeof outgoingFiles.$inferSelect, 'extractedText'> & {
  filename: string
  mediaType: string
  size: number
  sha256: string
}
export type SignatureView = typeof documentSignatures.$inferSelect & { signedByName: string }
export type LinkView = {
  id: string
  direction: string
  relation: string
  numberAndNotation: string | null
  subject: string
  state: string
}

export type OutgoingView = Omit<DocumentRow, 'state'> & {
  state: OutgoingState
  details: DetailsRow
  organizationId: string
  drafterName: string
  drafterUnitName: string | null
  signerName: string
  registerName: string | null
  versions: VersionView[]
  files: OutgoingFileView[]
  comments: CommentView[]
  steps: StepView[]
  slips: SlipView[]
  recipients: RecipientView[]
  signatures: SignatureView[]
  links: LinkView[]
}

const drafter = alias(users, 'drafter')
const signer = alias(users, 'signer')
const uploader = alias(users, 'uploader')
const assignee = alias(users, 'assignee')
const decider = alias(users, 'decider')
const decidedFor = alias(users, 'decided_for')
const leader = alias(users, 'leader')
const submitter = alias(users, 'submitter')
const author = alias(users, 'author')
const principal = alias(users, 'principal')

export async function loadVersions(db: Executor, documentId: string): Promise<VersionView[]> {
  const rows = await db
    .select({
      v: draftVersions,
      filename: files.filename,
      mediaType: files.mediaType,
      uploadedByName: uploader.fullName,
    })
    .from(draftVersions)
    .innerJoin(files, eq(files.id, draftVersions.fileId))
    .innerJoin(uploader, eq(uploader.id, draftVersions.uploadedBy))
    .where(eq(draftVersions.documentId, documentId))
    .orderBy(asc(draftVersions.version))
  return rows.map((r) => ({
    ...r.v,
    filename: r.filename,
    mediaType: r.mediaType,
    uploadedByName: r.uploadedByName,
  }))
}

async function loadSteps(db: Executor, documentId: string): Promise<StepView[]> {
  const rows = await db
    .select({
      s: approvalSteps,
      assigneeName: assignee.fullName,
      decidedByName: decider.fullName,
      decidedForName: decidedFor.fullName,
    })
    .from(approvalSteps)
    .innerJoin(assignee, eq(assignee.id, approvalSteps.assigneeUserId))
    .leftJoin(decider, eq(decider.id, approvalSteps.decidedBy))
    .leftJoin(decidedFor, eq(decidedFor.id, approvalSteps.decidedFor))
    .where(eq(approvalSteps.documentId, documentId))
    .orderBy(asc(approvalSteps.round), asc(approvalSteps.position))
  return rows.map((r) => ({
    ...r.s,
    assigneeName: r.assigneeName,
    decidedByName: r.decidedByName,
    decidedForName: r.decidedForName,
  }))
}

async function loadSlips(db: Executor, documentId: string): Promise<SlipView[]> {
  const rows = await db
    .select({
      s: submissionSlips,
      leaderName: leader.fullName,
      submittedByName: submitter.fullName,
      decidedByName: decider.fullName,
      decidedForName: decidedFor.fullName,
    })
    .from(submissionSlips)
    .innerJoin(leader, eq(leader.id, submissionSlips.leaderId))
    .innerJoin(submitter, eq(submitter.id, submissionSlips.submittedBy))
    .leftJoin(decider, eq(decider.id, submissionSlips.decidedBy))
    .leftJoin(decidedFor, eq(decidedFor.id, submissionSlips.decidedFor))
    .where(eq(submissionSlips.documentId, documentId))
    .orderBy(asc(submissionSlips.submittedAt))
  return rows.map((r) => ({
    ...r.s,
    leaderName: r.leaderName,
    submittedByName: r.submittedByName,
    decidedByName: r.decidedByName,
    decidedForName: r.decidedForName,
  }))
}

async function loadComments(db: Executor, documentId: string): Promise<CommentView[]> {
  const rows = await db
    .select({ c: draftComments, authorName: author.fullName, principalName: principal.fullName })
    .from(draftComments)
    .innerJoin(author, eq(author.id, draftComments.authorId))
    .innerJoin(principal, eq(principal.id, draftComments.principalId))
    .where(eq(draftComments.documentId, documentId))
    .orderBy(asc(draftComments.createdAt), asc(draftComments.id))
  return rows.map((r) => ({ ...r.c, authorName: r.authorName, principalName: r.principalName }))
}

async function loadRecipients(db: Executor, documentId: string): Promise<RecipientView[]> {
  const rows = await db
    .select({
      r: outgoingRecipients,
      isRead: sql<boolean>`EXISTS (SELECT 1 FROM ${documentReads} WHERE ${documentReads.documentId} = ${outgoingRecipients.incomingDocumentId})`,
    })
    .from(outgoingRecipients)
    .where(eq(outgoingRecipients.documentId, documentId))
    .orderBy(asc(outgoingRecipients.position))
  return rows.map((r) => ({ ...r.r, isRead: Boolean(r.isRead) }))
}

// The files' text is large and only search reads it.
const { extractedText: _text, ...FILE_COLUMNS } = getTableColumns(outgoingFiles)

export async function loadOutgoingFiles(db: Executor, documentId: string): Promise<OutgoingFileView[]> {
  const rows = await db
    .select({
      f: FILE_COLUMNS,
      filename: files.filename,
      mediaType: files.mediaType,
      size: files.size,
      sha256: files.sha256,
    })
    .from(outgoingFiles)
    .innerJoin(files, eq(files.id, outgoingFiles.fileId))
    .where(eq(outgoingFiles.documentId, documentId))
    .orderBy(asc(outgoingFiles.createdAt), asc(outgoingFiles.id))
  return rows.map((r) => ({
    ...r.f,
    filename: r.filename,
    mediaType: r.mediaType,
    size: r.size,
    sha256: r.sha256,
  }))
}

async function loadSignatures(db: Executor, documentId: string): Promise<SignatureView[]> {
  const rows = await db
    .select({ s: documentSignatures, signedByName: decider.fullName })
    .from(documentSignatures)
    .innerJoin(decider, eq(decider.id, documentSignatures.signedBy))
    .where(eq(documentSignatures.documentId, documentId))
    .orderBy(asc(documentSignatures.signingTime))
  return rows.map((r) => ({ ...r.s, signedByName: r.signedByName }))
}

/** Links both ways: what this document answers, relates to or replaces, and what points at it. */
export async function loadLinks(db: Executor, documentId: string): Promise<LinkView[]> {
  return queryRows<LinkView>(
    db,
    sql`SELECT d.id, d.direction, l.kind AS relation, d.number_and_notation AS "numberAndNotation", d.subject, d.state
        FROM document_links l JOIN documents d ON d.id = l.to_document_id
        WHERE l.from_document_id = ${documentId} AND l.kind <> 'delivered_as'
      UNION ALL
      SELECT d.id, d.direction, CASE l.kind WHEN 'replaces' THEN 'replaced_by' WHEN 'reply_to' THEN 'replied_by' ELSE l.kind END,
        d.number_and_notation, d.subject, d.state
        FROM document_links l JOIN documents d ON d.id = l.from_document_id
        WHERE l.to_document_id = ${documentId} AND l.kind <> 'delivered_as'`,
  )
}

/** One outgoing document with everything the page and the policy need; no visibility check. */
export async function unsafeLoadOutgoing(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<OutgoingView | null> {
  // Row lock first: transitions of one document run one at a time (two reviewers, a double click).
  if (options.forUpdate) await db.execute(sql`SELECT 1 FROM documents WHERE id = ${id} FOR UPDATE`)
  const rows = await db
    .select({
      d: documents,
      details: outgoingDetails,
      organizationId: drafter.organizationId,
      drafterName: drafter.fullName,
      drafterUnitName: units.name,
      signerName: signer.fullName,
      registerName: registers.name,
    })
    .from(documents)
    .innerJoin(outgoingDetails, eq(outgoingDetails.documentId, documents.id))
    .innerJoin(drafter, eq(drafter.id, outgoingDetails.drafterId))
    .innerJoin(signer, eq(signer.id, outgoingDetails.signerId))
    .leftJoin(units, eq(units.id, outgoingDetails.drafterUnitId))
    .leftJoin(registers, eq(registers.id, documents.registerId))
    .where(and(eq(documents.id, id), eq(documents.direction, 'outgoing')))
    .limit(1)
  const r = rows[0]
  if (!r) return null
  return {
    ...r.d,
    state: r.d.state as OutgoingState,
    details: r.details,
    organizationId: r.organizationId,
    drafterName: r.drafterName,
    drafterUnitName: r.drafterUnitName,
    // The name printed on the document wins over the signer user's: a migrated document's signer
    // may have no account here (its signer user is then the importing administrator).
    signerName: r.d.signerName ?? r.signerName,
    registerName: r.registerName,
    versions: await loadVersions(db, id),
    files: await loadOutgoingFiles(db, id),
    comments: await loadComments(db, id),
    steps: await loadSteps(db, id),
    slips: await loadSlips(db, id),
    recipients: await loadRecipients(db, id),
    signatures: await loadSignatures(db, id),
    links: await loadLinks(db, id),
  }
}

export function currentStep(doc: OutgoingView): StepView | null {
  return doc.steps.find((s) => s.id === doc.details.currentStepId) ?? null
}

export function currentVersion(doc: Pick<OutgoingView, 'versions' | 'details'>): VersionView | null {
  return doc.versions.find((v) => v.id === doc.details.currentVersionId) ?? doc.versions.at(-1) ?? null
}

export function lastFormatCheck(doc: OutgoingView): TFormatCheck | null {
  return (doc.details.lastFormatCheck as TFormatCheck | null) ?? null
}

/** The facts policy.ts decides on. */
export function factsOf(doc: OutgoingView): OutgoingFacts {
  return {
    state: doc.state,
    organizationId: doc.organizationId,
    drafterId: doc.details.drafterId,
    signerId: doc.details.signerId,
    reviewerIds: [...new Set(doc.steps.map((s) => s.assigneeUserId))],
    currentAssigneeId: doc.state === 'in_review' ? (currentStep(doc)?.assigneeUserId ?? null) : null,
    isNumbered: doc.registerNumber !== null,
    hasApprovalSignature: doc.signatures.some((s) => s.kind === 'approval'),
    isReplaced: doc.links.some((l) => l.relation === 'replaced_by'),
    recipientUserIds: doc.recipients.flatMap((r) => (r.userId ? [r.userId] : [])),
    recipientUnitIds: doc.recipients.flatMap((r) => (r.unitId ? [r.unitId] : [])),
  }
}

/** The SQL twin of canSeeOutgoing, over `documents d` joined with `outgoing_details o`. */
export function visibleScope(actor: Actor, actingFor: readonly string[], isClerkOrLeader: boolean): SQL {
  const people = [actor.id, ...actingFor]
  const peopleArray = sql`ARRAY[${sql.join(
    people.map((p) => sql`${p}::uuid`),
    sql`, `,
  )}]`
  const orgWide = isClerkOrLeader ? sql`u.organization_id = ${actor.organizationId}` : sql`false`
  const unitRule = actor.unitId
    ? sql`OR (d.state IN ('issued','recalled','replaced') AND EXISTS (SELECT 1 FROM outgoing_recipients r WHERE r.document_id = d.id AND (r.user_id = ${actor.id} OR r.unit_id = ${actor.unitId})))`
    : sql`OR (d.state IN ('issued','recalled','replaced') AND EXISTS (SELECT 1 FROM outgoing_recipients r WHERE r.document_id = d.id AND r.user_id = ${actor.id}))`
  return sql`(o.drafter_id = ${actor.id} OR o.signer_id = ANY(${peopleArray}) OR ${orgWide}
    OR EXISTS (SELECT 1 FROM approval_steps s WHERE s.document_id = d.id AND s.assignee_user_id = ANY(${peopleArray}))
    ${unitRule})`
}

export type OutgoingRowView = {
  id: string
  state: OutgoingState
  documentType: string
  subject: string
  urgency: string
  numberAndNotation: string | null
  issueDate: string | null
  signerName: string
  drafterName: string
  currentStepAssigneeName: string | null
  createdAt: Date | string
  updatedAt: Date | string
  /** Set on a document imported from the previous system (issue 6). */
  migrationRunId: string | null
}

/** The signer shown is the name printed on the document when there is one (see unsafeLoadOutgoing). */
export const ROW_SELECT = sql`SELECT d.id, d.state, d.document_type AS "documentType", d.subject, d.urgency,
  d.number_and_notation AS "numberAndNotation", d.issue_date::text AS "issueDate",
  COALESCE(d.signer_name, sg.full_name) AS "signerName", dr.full_name AS "drafterName",
  cs.full_name AS "currentStepAssigneeName", d.created_at AS "createdAt", d.updated_at AS "updatedAt",
  d.migration_run_id AS "migrationRunId"
  FROM documents d
  JOIN outgoing_details o ON o.document_id = d.id
  JOIN users sg ON sg.id = o.signer_id
  JOIN users dr ON dr.id = o.drafter_id
  JOIN users u ON u.id = o.drafter_id
  LEFT JOIN approval_steps st ON st.id = o.current_step_id AND d.state = 'in_review'
  LEFT JOIN users cs ON cs.id = st.assignee_user_id`

/** Outgoing documents replying to an incoming one. */
export async function unsafeRepliesTo(db: Executor, incomingId: string): Promise<OutgoingRowView[]> {
  return queryRows<OutgoingRowView>(
    db,
    sql`${ROW_SELECT} WHERE d.id IN (SELECT from_document_id FROM document_links WHERE to_document_id = ${incomingId} AND kind = 'reply_to')
      ORDER BY d.created_at DESC`,
  )
}
