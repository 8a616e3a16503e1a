/** Lists of incoming documents, the duplicate check and the timeline: always through visibleScope or an explicit owner. */
import { sql, type SQL } from 'drizzle-orm'
import type { TIncomingListQuery } from '@common/contracts/documents-in'
import type { AssignmentRole, AssignmentState, IncomingState, Urgency } from '@common/domain'
import type { DocumentTypeCode } from '@common/document-types'
import type { Actor } from '../../platform/context.ts'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import { visibleScope } from './queries.ts'

export type IncomingListRow = {
  id: string
  state: IncomingState
  registerNumber: number
  registerYear: number
  arrivedAt: Date
  senderName: string
  numberAndNotation: string | null
  issueDate: string | null
  documentType: DocumentTypeCode
  subject: string
  urgency: Urgency
  dueDate: string | null
  isRead: boolean
  myRole: AssignmentRole | null
  myState: AssignmentState | null
  /** Set on a document imported from the previous system (issue 6). */
  migrationRunId: string | null
  createdAt: Date
}

type RawRow = {
  id: string
  state: string
  register_number: number
  register_year: number
  arrived_at: Date | string
  sender_name: string | null
  number_and_notation: string | null
  issue_date: string | null
  document_type: string
  subject: string
  urgency: string
  due_date: string | null
  is_read: boolean
  my_role?: string | null
  my_state?: string | null
  migration_run_id?: string | null
  created_at: Date | string
}

/** The columns every list reads from `documents d` (dates as text: the same on both drivers). */
export const ROW_COLUMNS = sql`d.id, d.state, d.register_number, d.register_year, d.arrived_at, d.sender_name,
  d.number_and_notation, d.issue_date::text AS issue_date, d.document_type, d.subject, d.urgency, d.due_date::text AS due_date,
  d.migration_run_id, d.created_at`

export function toListRow(r: RawRow): IncomingListRow {
  return {
    id: r.id,
    state: r.state as IncomingState,
    registerNumber: Number(r.register_number),
    registerYear: Number(r.register_year),
    arrivedAt: new Date(r.arrived_at),
    senderName: r.sender_name ?? '',
    numberAndNotation: r.number_and_notation,
    issueDate: r.issue_date,
    documentType: r.document_type as DocumentTypeCode,
    subject: r.subject,
    urgency: r.urgency as Urgency,
    dueDate: r.due_date,
    isRead: Boolean(r.is_read),
    myRole: (r.my_role ?? null) as AssignmentRole | null,
    myState: (r.my_state ?? null) as AssignmentState | null,
    migrationRunId: r.migration_run_id ?? null,
    createdAt: new Date(r.created_at),
  }
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** The list filters over `documents d`, shared by the register list and the inbox. */
export function listFilters(query: Omit<TIncomingListQuery, 'page' | 'pageSize'>): SQL[] {
  const where: SQL[] = []
  if (query.q) {
    const p = likePattern(query.q)
    const key = likePattern(query.q.replace(/\s+/g, ''))
    where.push(sql`(f_unaccent(d.subject) ILIKE f_unaccent(${p})
      OR d.number_key LIKE lower(f_unaccent(${key}))
      OR f_unaccent(d.sender_name) ILIKE f_unaccent(${p}))`)
  }
  if (query.registerId) where.push(sql`d.register_id = ${query.registerId}`)
  if (query.state) where.push(sql`d.state = ${query.state}`)
  if (query.urgency) where.push(sql`d.urgency = ${query.urgency}`)
  if (query.documentType) where.push(sql`d.document_type = ${query.documentType}`)
  if (query.senderOrganizationId) where.push(sql`d.sender_organization_id = ${query.senderOrganizationId}`)
  // Arrival dates are Viet Nam days: compare instants, so the arrival index still serves.
  if (query.from)
    where.push(sql`d.arrived_at >= (${query.from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`)
  if (query.to)
    where.push(sql`d.arrived_at < ((${query.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`)
  return where
}

/** A page of the incoming documents the actor sees, newest arrival first. */
export async function listIncoming(
  db: Executor,
  actor: Actor,
  actingFor: readonly string[],
  query: TIncomingListQuery,
) {
  const where = sql.join([visibleScope(actor, actingFor), ...listFilters(query)], sql` AND `)
  const offset = (query.page - 1) * query.pageSize
  const rows = await queryRows<RawRow>(
    db,
    sql`SELECT ${ROW_COLUMNS}, EXISTS (SELECT 1 FROM document_reads dr WHERE dr.document_id = d.id AND dr.user_id = ${actor.id}) AS is_read
      FROM documents d WHERE ${where}
      ORDER BY d.arrived_at DESC, d.id DESC LIMIT ${query.pageSize} OFFSET ${offset}`,
  )
  const [count] = await queryRows<{ n: number | string }>(
    db,
    sql`SELECT count(*) AS n FROM documents d WHERE ${where}`,
  )
  return { items: rows.map(toListRow), total: Number(count?.n ?? 0) }
}

export type DuplicateProbe = {
  organizationId: string
  documentIdentifier: string | null
  senderOrganizationId: string | null
  senderName: string | null
  numberAndNotation: string | null
  excludeId?: string
}

/**
 * Possible duplicates among the organization's incoming documents (Decree 30/2020, Annex VI §III:
 * warn when the identifier, or the issuer with the number and notation, repeats).
 */
export async function findDuplicates(db: Executor, probe: DuplicateProbe) {
  const byIdentifier = probe.documentIdentifier
    ? sql`d.document_identifier = ${probe.documentIdentifier}`
    : sql`false`
  const issuer: SQL[] = []
  if (probe.senderOrganizationId) issuer.push(sql`d.sender_organization_id = ${probe.senderOrganizationId}`)
  if (probe.senderName) {
    issuer.push(sql`lower(f_unaccent(regexp_replace(trim(d.sender_name), '\\s+', ' ', 'g')))
      = lower(f_unaccent(regexp_replace(trim(${probe.senderName}), '\\s+', ' ', 'g')))`)
  }
  const byNumber =
    probe.numberAndNotation && issuer.length
      ? sql`(d.number_key = lower(f_unaccent(regexp_replace(${probe.numberAndNotation}, '\\s', '', 'g'))) AND (${sql.join(issuer, sql` OR `)}))`
      : sql`false`
  const rows = await queryRows<{
    id: string
    register_number: number | null
    register_year: number | null
    number_and_notation: string | null
    sender_name: string | null
    subject: string
    arrived_at: Date | string | null
    by_identifier: boolean
  }>(
    db,
    sql`SELECT d.id, d.register_number, d.register_year, d.number_and_notation, d.sender_name, d.subject, d.arrived_at,
        (${byIdentifier}) AS by_identifier
      FROM documents d JOIN registers r ON r.id = d.register_id
      WHERE d.direction = 'incoming' AND r.organization_id = ${probe.organizationId}
        AND ((${byIdentifier}) OR ${byNumber})
        ${probe.excludeId ? sql`AND d.id <> ${probe.excludeId}` : sql``}
      ORDER BY d.arrived_at DESC LIMIT 20`,
  )
  return rows.map((r) => ({
    id: r.id,
    registerNumber: r.register_number === null ? null : Number(r.register_number),
    registerYear: r.register_year === null ? null : Number(r.register_year),
    numberAndNotation: r.number_and_notation,
    senderName: r.sender_name,
    subject: r.subject,
    arrivedAt: r.arrived_at ? new Date(r.arrived_at).toISOString() : null,
    reason: r.by_identifier ? ('identifier' as const) : ('issuer_and_number' as const),
  }))
}

/** Every recorded step of one document, with who acted and for whom; and who has opened it. */
export async function timelineOf(db: Executor, documentId: string) {
  const items = await queryRows<{
    occurred_at: Date | string
    action: string
    actor_name: string | null
    principal_name: string | null
    actor_id: string | null
    principal_id: string | null
    data: Record<string, unknown>
  }>(
    db,
    sql`SELECT e.occurred_at, e.action, e.actor_id, e.principal_id, a.full_name AS actor_name, p.full_name AS principal_name, e.data
      FROM events e LEFT JOIN users a ON a.id = e.actor_id LEFT JOIN users p ON p.id = e.principal_id
      WHERE e.target_type = 'documentIn' AND e.target_id = ${documentId} ORDER BY e.id`,
  )
  const reads = await queryRows<{
    user_id: string
    full_name: string
    first_read_at: Date | string
    last_read_at: Date | string
  }>(
    db,
    sql`SELECT r.user_id, u.full_name, r.first_read_at, r.last_read_at FROM document_reads r JOIN users u ON u.id = r.user_id
      WHERE r.document_id = ${documentId} ORDER BY r.first_read_at`,
  )
  return { items, reads }
}
