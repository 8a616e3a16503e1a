/**
 * The rows of a printed incoming register (Decree 30/2020, Annex IV): the documents of one register
 * that arrived in [from, to] (Viet Nam calendar dates), in arrival-number order, with who received
 * the document (the lead assignee, else the leader it was submitted to) and when it was handed over
 * (the first assignment). Names come through read-only joins, as in ../queries.ts.
 */
import { sql } from 'drizzle-orm'
import { documentTypeByCode } from '@common/document-types'
import { queryRows, type Executor } from '../../../platform/db/client.ts'

export type RegisterExportRow = {
  registerYear: number
  registerNumber: number
  arrivedAt: Date
  author: string
  numberAndNotation: string | null
  issueDate: string | null
  documentTypeName: string
  subject: string
  recipient: string | null
  handedOverAt: Date | null
  notes: string | null
}

export type RegisterCover = {
  /** Cơ quan chủ quản: our organization when the register is kept by one of its units. */
  parentOrganName: string | null
  /** Cơ quan, đơn vị: the unit keeping the register (the exporting clerk's), else our organization. */
  organName: string
}

/** Viet Nam has had no daylight saving since 1975: a calendar day starts at 00:00 +07:00. */
export function vnDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`)
}

function vnNextDayStart(day: string): Date {
  return new Date(vnDayStart(day).getTime() + 24 * 3600 * 1000)
}

type RawRow = {
  register_year: number | string
  register_number: number | string
  arrived_at: Date | string
  author: string | null
  number_and_notation: string | null
  issue_date: string | null
  document_type: string
  subject: string
  lead_unit: string | null
  lead_user: string | null
  reviewer: string | null
  handed_over_at: Date | string | null
  notes: string | null
}

export async function loadRegisterRows(
  db: Executor,
  registerId: string,
  from: string,
  to: string,
): Promise<RegisterExportRow[]> {
  const rows = await queryRows<RawRow>(
    db,
    sql`
      SELECT d.register_year, d.register_number, d.arrived_at,
        coalesce(nullif(d.sender_name, ''), o.name) AS author,
        d.number_and_notation, d.issue_date::text AS issue_date, d.document_type, d.subject, d.notes,
        lead.unit_name AS lead_unit, lead.user_name AS lead_user, review.user_name AS reviewer,
        (SELECT min(a.created_at) FROM assignments a WHERE a.document_id = d.id) AS handed_over_at
      FROM documents d
      LEFT JOIN organizations o ON o.id = d.sender_organization_id
      LEFT JOIN LATERAL (
        SELECT un.name AS unit_name, us.full_name AS user_name
        FROM assignments a
        LEFT JOIN units un ON un.id = a.assignee_unit_id
        LEFT JOIN users us ON us.id = a.assignee_user_id
        WHERE a.document_id = d.id AND a.role = 'lead' AND a.parent_id IS NULL AND a.state <> 'cancelled'
        ORDER BY a.created_at
        LIMIT 1
      ) lead ON true
      LEFT JOIN LATERAL (
        SELECT us.full_name AS user_name
        FROM assignments a
        JOIN users us ON us.id = a.assignee_user_id
        WHERE a.document_id = d.id AND a.role = 'review'
        ORDER BY a.created_at
        LIMIT 1
      ) review ON true
      WHERE d.register_id = ${registerId}
        AND d.direction = 'incoming'
        AND d.arrived_at >= ${vnDayStart(from).toISOString()}::timestamptz
        AND d.arrived_at < ${vnNextDayStart(to).toISOString()}::timestamptz
      ORDER BY d.register_year, d.register_number`,
  )
  return rows.map((r) => ({
    registerYear: Number(r.register_year),
    registerNumber: Number(r.register_number),
    arrivedAt: new Date(r.arrived_at),
    author: r.author ?? '',
    numberAndNotation: r.number_and_notation,
    issueDate: r.issue_date,
    documentTypeName: documentTypeByCode(r.document_type)?.name ?? r.document_type,
    subject: r.subject,
    recipient: r.lead_unit ?? r.lead_user ?? r.reviewer,
    handedOverAt: r.handed_over_at === null ? null : new Date(r.handed_over_at),
    notes: r.notes,
  }))
}

/** The organ lines of the cover: our organization, and the unit of the person printing. */
export async function loadRegisterCover(
  db: Executor,
  organizationId: string,
  unitId: string | null,
): Promise<RegisterCover> {
  const [row] = await queryRows<{ org_name: string; unit_name: string | null }>(
    db,
    sql`
      SELECT o.name AS org_name,
        (SELECT u.name FROM units u WHERE u.id = ${unitId} AND u.organization_id = o.id) AS unit_name
      FROM organizations o WHERE o.id = ${organizationId}`,
  )
  if (!row) return { parentOrganName: null, organName: '' }
  return row.unit_name
    ? { parentOrganName: row.org_name, organName: row.unit_name }
    : { parentOrganName: null, organName: row.org_name }
}
