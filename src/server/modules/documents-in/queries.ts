/**
 * Read side of incoming documents: registers, one document with its files and assignments, and
 * the SQL twin of policy.canSeeDocument. Names of people, units and organizations come from the
 * accounts' and organizations' tables through read-only joins (the only way to list names in one query).
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { AssignmentRole, AssignmentState, IncomingState } from '@common/domain'
import type { Actor } from '../../platform/context.ts'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import {
  assignments,
  documentFiles,
  documents,
  files,
  organizations,
  registers,
  registerSequences,
  units,
  users,
} from '../../platform/db/schema.ts'
import { isUnitStaff, type DocumentFacts } from './policy.ts'

export type RegisterRow = typeof registers.$inferSelect & { lastNumberThisYear: number }
export type DocumentRow = typeof documents.$inferSelect
export type AssignmentRow = typeof assignments.$inferSelect

export type AssignmentView = Omit<AssignmentRow, 'role' | 'state'> & {
  role: AssignmentRole
  state: AssignmentState
  assigneeUserName: string | null
  assigneeUnitName: string | null
  assignedByName: string
  assignedForName: string
}
export type DocumentFileView = typeof documentFiles.$inferSelect & {
  filename: string
  mediaType: string
  size: number
  addedByName: string
}
export type DocumentView = Omit<DocumentRow, 'state'> &
  Omit<DocumentFacts, 'assignments'> & {
    state: IncomingState
    registerName: string
    registeredByName: string | null
    files: DocumentFileView[]
    assignments: AssignmentView[]
  }

/** One register with this year's last number; no visibility check (registers are per organization). */
export async function findRegister(db: Executor, id: string, year: number): Promise<RegisterRow | null> {
  const rows = await db
    .select({ register: registers, lastNumber: registerSequences.lastNumber })
    .from(registers)
    .leftJoin(
      registerSequences,
      and(eq(registerSequences.registerId, registers.id), eq(registerSequences.year, year)),
    )
    .where(eq(registers.id, id))
    .limit(1)
  const r = rows[0]
  return r ? { ...r.register, lastNumberThisYear: r.lastNumber ?? 0 } : null
}

export async function listRegisters(
  db: Executor,
  organizationId: string,
  kind: string | undefined,
  year: number,
): Promise<RegisterRow[]> {
  const rows = await db
    .select({ register: registers, lastNumber: registerSequences.lastNumber })
    .from(registers)
    .leftJoin(
      registerSequences,
      and(eq(registerSequences.registerId, registers.id), eq(registerSequences.year, year)),
    )
    .where(and(eq(registers.organizationId, organizationId), kind ? eq(registers.kind, kind) : undefined))
    .orderBy(asc(registers.kind), asc(registers.code))
  return rows.map((r) => ({ ...r.register, lastNumberThisYear: r.lastNumber ?? 0 }))
}

export async function findRegisterByCode(db: Executor, organizationId: string, kind: string, code: string) {
  const rows = await db
    .select({ id: registers.id })
    .from(registers)
    .where(
      and(eq(registers.organizationId, organizationId), eq(registers.kind, kind), eq(registers.code, code)),
    )
    .limit(1)
  return rows[0] ?? null
}

/** A directory entry, for the sender of a document. */
export async function findOrganization(db: Executor, id: string) {
  const rows = await db
    .select({ id: organizations.id, code: organizations.code, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, id))
    .limit(1)
  return rows[0] ?? null
}

/** Active users by id, with their unit, for assignment checks and names. */
export async function findUsers(db: Executor, ids: string[]) {
  if (ids.length === 0) return []
  return db
    .select({
      id: users.id,
      fullName: users.fullName,
      unitId: users.unitId,
      roles: users.roles,
      isActive: users.isActive,
      organizationId: users.organizationId,
    })
    .from(users)
    .where(inArray(users.id, ids))
}

export async function findUnits(db: Executor, ids: string[]) {
  if (ids.length === 0) return []
  return db
    .select({
      id: units.id,
      name: units.name,
      organizationId: units.organizationId,
      isActive: units.isActive,
    })
    .from(units)
    .where(inArray(units.id, ids))
}

/** Heads of a unit (they receive the unit's assignments). */
export async function unitHeadIds(db: Executor, unitId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.isActive, true), sql`'unit_head' = ANY(${users.roles})`))
  return rows.map((r) => r.id)
}

const assignee = alias(users, 'assignee')
const assigner = alias(users, 'assigner')
const principal = alias(users, 'principal')

export async function loadAssignments(db: Executor, documentId: string): Promise<AssignmentView[]> {
  const rows = await db
    .select({
      a: assignments,
      assigneeUserName: assignee.fullName,
      assigneeUnitName: units.name,
      assignedByName: assigner.fullName,
      assignedForName: principal.fullName,
    })
    .from(assignments)
    .leftJoin(assignee, eq(assignee.id, assignments.assigneeUserId))
    .leftJoin(units, eq(units.id, assignments.assigneeUnitId))
    .innerJoin(assigner, eq(assigner.id, assignments.assignedBy))
    .innerJoin(principal, eq(principal.id, assignments.assignedFor))
    .where(eq(assignments.documentId, documentId))
    .orderBy(asc(assignments.createdAt), asc(assignments.id))
  return rows.map((r) => ({
    ...r.a,
    role: r.a.role as AssignmentRole,
    state: r.a.state as AssignmentState,
    assigneeUserName: r.assigneeUserName,
    assigneeUnitName: r.assigneeUnitName,
    assignedByName: r.assignedByName,
    assignedForName: r.assignedForName,
  }))
}

const adder = alias(users, 'adder')

async function loadFiles(db: Executor, documentId: string): Promise<DocumentFileView[]> {
  const rows = await db
    .select({
      df: documentFiles,
      filename: files.filename,
      mediaType: files.mediaType,
      size: files.size,
      addedByName: adder.fullName,
    })
    .from(documentFiles)
    .innerJoin(files, eq(files.id, documentFiles.fileId))
    .innerJoin(adder, eq(adder.id, documentFiles.addedBy))
    .where(eq(documentFiles.documentId, documentId))
    .orderBy(
      sql`CASE ${documentFiles.role} WHEN 'main' THEN 0 WHEN 'attachment' THEN 1 ELSE 2 END`,
      asc(documentFiles.createdAt),
    )
  return rows.map((r) => ({
    ...r.df,
    filename: r.filename,
    mediaType: r.mediaType,
    size: r.size,
    addedByName: r.addedByName,
  }))
}

const registrant = alias(users, 'registrant')

/** One incoming document with everything the detail page and the policy need; no visibility check. */
export async function unsafeLoadDocument(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<DocumentView | null> {
  // Row lock first: transitions of one document run one at a time (two leaders, a double click).
  if (options.forUpdate) await db.execute(sql`SELECT 1 FROM documents WHERE id = ${id} FOR UPDATE`)
  const rows = await db
    .select({
      d: documents,
      organizationId: registers.organizationId,
      registerName: registers.name,
      registeredByName: registrant.fullName,
    })
    .from(documents)
    .innerJoin(registers, eq(registers.id, documents.registerId))
    .leftJoin(registrant, eq(registrant.id, documents.registeredBy))
    .where(and(eq(documents.id, id), eq(documents.direction, 'incoming')))
    .limit(1)
  const r = rows[0]
  if (!r) return null
  const [fileRows, assignmentRows] = [await loadFiles(db, id), await loadAssignments(db, id)]
  return {
    ...r.d,
    state: r.d.state as IncomingState,
    organizationId: r.organizationId,
    registerName: r.registerName,
    registeredByName: r.registeredByName,
    files: fileRows,
    assignments: assignmentRows,
  }
}

/** Whether any document (incoming or outgoing) has this id: the reply named by a result. */
export async function documentExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: documents.id }).from(documents).where(eq(documents.id, id)).limit(1)
  return rows.length > 0
}

/** The document holding a file and visible to the actor, for the file read grant. */
export async function documentIdsHoldingFile(db: Executor, fileId: string): Promise<string[]> {
  const rows = await queryRows<{ document_id: string }>(
    db,
    sql`SELECT document_id FROM document_files WHERE file_id = ${fileId} LIMIT 20`,
  )
  return rows.map((r) => r.document_id)
}

/**
 * The SQL twin of policy.canSeeDocument over `documents d`: keep both in step (policy.test.ts and
 * visibility.test.ts prove each rule on both sides).
 */
export function visibleScope(actor: Actor, actingFor: readonly string[] = []): SQL {
  const ors: SQL[] = [sql`d.registered_by = ${actor.id}`]
  for (const leaderId of actingFor) {
    ors.push(sql`EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = d.id AND a.role = 'review'
      AND a.state IN ('pending', 'in_progress') AND a.assignee_user_id = ${leaderId})`)
  }
  if (actor.roles.includes('leader')) {
    ors.push(
      sql`EXISTS (SELECT 1 FROM registers r WHERE r.id = d.register_id AND r.organization_id = ${actor.organizationId})`,
    )
  }
  const staffUnit = isUnitStaff(actor) ? actor.unitId : null
  if (staffUnit) ors.push(sql`d.registered_unit_id = ${staffUnit}`)
  ors.push(sql`EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = d.id AND (
    a.assignee_user_id = ${actor.id} OR a.assigned_by = ${actor.id} OR a.assigned_for = ${actor.id}
    ${staffUnit ? sql`OR a.assignee_unit_id = ${staffUnit}` : sql``}))`)
  return sql`(d.direction = 'incoming' AND (${sql.join(ors, sql` OR `)}))`
}

/** Attached files whose text has not been extracted yet, oldest first (the extraction job's outbox). */
export async function pendingTextFiles(db: Executor, limit: number) {
  return db
    .select({
      id: documentFiles.id,
      documentId: documentFiles.documentId,
      fileId: documentFiles.fileId,
      sha256: files.sha256,
      mediaType: files.mediaType,
      size: files.size,
    })
    .from(documentFiles)
    .innerJoin(files, eq(files.id, documentFiles.fileId))
    .where(eq(documentFiles.textStatus, 'pending'))
    .orderBy(asc(documentFiles.createdAt))
    .limit(limit)
}

/** What a notification says about a document, and who registered and directed it. */
export async function documentSummary(db: Executor, id: string) {
  const rows = await queryRows<{
    subject: string
    register_number: number | null
    registered_by: string | null
    directors: string[] | null
  }>(
    db,
    sql`SELECT d.subject, d.register_number, d.registered_by,
        (SELECT array_agg(DISTINCT a.assigned_for::text) FROM assignments a WHERE a.document_id = d.id AND a.role = 'lead' AND a.parent_id IS NULL) AS directors
      FROM documents d WHERE d.id = ${id}`,
  )
  const r = rows[0]
  return r
    ? {
        subject: r.subject,
        registerNumber: r.register_number === null ? null : Number(r.register_number),
        registeredBy: r.registered_by,
        directors: r.directors ?? [],
      }
    : null
}
