/** Lookups the actions need: people, units, organizations, registers, documents of any direction. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { OutgoingState } from '@common/domain'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import { documents, organizations, units, users } from '../../platform/db/schema.ts'

export async function findUsersByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .select({
      id: users.id,
      fullName: users.fullName,
      position: users.position,
      unitId: users.unitId,
      roles: users.roles,
      isActive: users.isActive,
      organizationId: users.organizationId,
      email: users.email,
    })
    .from(users)
    .where(inArray(users.id, [...ids]))
}

export async function findUnitsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .select({
      id: units.id,
      name: units.name,
      shortName: units.shortName,
      code: units.code,
      organizationId: units.organizationId,
      isActive: units.isActive,
    })
    .from(units)
    .where(inArray(units.id, [...ids]))
}

export async function findOrganizationsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      shortName: organizations.shortName,
      email: organizations.email,
      endpoint: organizations.endpoint,
      isOwn: organizations.isOwn,
      code: organizations.code,
    })
    .from(organizations)
    .where(inArray(organizations.id, [...ids]))
}

/** Active unit heads of a unit. */
export async function unitHeadsOf(db: Executor, unitId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.isActive, true), sql`'unit_head' = ANY(${users.roles})`))
    .orderBy(asc(users.createdAt))
  return rows.map((r) => r.id)
}

/**
 * The office chief (chánh văn phòng): the head of the organization's office unit (code 'VP',
 * else 'VPTT'), else an active user whose position starts with "Chánh Văn phòng".
 */
export async function officeChiefOf(db: Executor, organizationId: string): Promise<string | null> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT us.id FROM users us LEFT JOIN units un ON un.id = us.unit_id
      WHERE us.organization_id = ${organizationId} AND us.is_active
        AND ((un.code IN ('VP', 'VPTT') AND 'unit_head' = ANY(us.roles)) OR us.position ILIKE 'Chánh Văn phòng%')
      ORDER BY CASE WHEN us.position ILIKE 'Chánh Văn phòng%' THEN 0 WHEN un.code = 'VP' THEN 1 ELSE 2 END, us.created_at
      LIMIT 1`,
  )
  return rows[0]?.id ?? null
}

export async function findRegisterForYear(db: Executor, id: string, year: number) {
  const rows = await queryRows<{
    id: string
    organizationId: string
    kind: string
    code: string
    name: string
    isActive: boolean
    lastNumber: number | null
  }>(
    db,
    sql`SELECT r.id, r.organization_id AS "organizationId", r.kind, r.code, r.name, r.is_active AS "isActive", s.last_number AS "lastNumber"
      FROM registers r LEFT JOIN register_sequences s ON s.register_id = r.id AND s.year = ${year}
      WHERE r.id = ${id}`,
  )
  return rows[0] ?? null
}

export async function outgoingRegisters(db: Executor, organizationId: string, year: number) {
  return queryRows<{ id: string; code: string; name: string; lastNumberThisYear: number }>(
    db,
    sql`SELECT r.id, r.code, r.name, COALESCE(s.last_number, 0)::int AS "lastNumberThisYear"
      FROM registers r LEFT JOIN register_sequences s ON s.register_id = r.id AND s.year = ${year}
      WHERE r.organization_id = ${organizationId} AND r.kind = 'outgoing' AND r.is_active ORDER BY r.code`,
  )
}

export async function leadersOf(db: Executor, organizationId: string) {
  return db
    .select({ id: users.id, fullName: users.fullName, position: users.position })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.isActive, true),
        sql`'leader' = ANY(${users.roles})`,
      ),
    )
    .orderBy(asc(users.fullName))
}

export async function findOrganization(db: Executor, id: string) {
  const rows = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1)
  return rows[0] ?? null
}

/** A document of any direction, for links (reply to, related). */
export async function findAnyDocument(db: Executor, id: string) {
  const rows = await db
    .select({ id: documents.id, direction: documents.direction, state: documents.state })
    .from(documents)
    .where(eq(documents.id, id))
    .limit(1)
  return rows[0] ?? null
}

/** Documents (outgoing) holding a file in any role: versions, attachments, signed outputs. */
export async function outgoingIdsHoldingFile(db: Executor, fileId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT document_id AS id FROM draft_versions WHERE file_id = ${fileId} OR pdf_file_id = ${fileId}
      UNION SELECT document_id FROM outgoing_files WHERE file_id = ${fileId}`,
  )
  return rows.map((r) => r.id)
}

/** What numbering and the format check need, in one query (the numbering path is hot under load). */
export type NumberingFacts = {
  id: string
  state: OutgoingState
  registerId: string | null
  registerYear: number | null
  registerNumber: number | null
  numberAndNotation: string | null
  documentType: string
  signerName: string | null
  signerTitle: string | null
  organizationId: string
  drafterId: string
  organizationShortName: string | null
  organizationName: string
  unitShortName: string | null
  unitCode: string | null
  textStatus: string | null
  extractedText: string | null
  recipientCount: number
}

export async function unsafeLoadNumberingFacts(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<NumberingFacts | null> {
  const rows = await queryRows<NumberingFacts & { recipientCount: number | string }>(
    db,
    sql`SELECT d.id, d.state, d.register_id AS "registerId", d.register_year AS "registerYear",
        d.register_number AS "registerNumber", d.number_and_notation AS "numberAndNotation",
        d.document_type AS "documentType", d.signer_name AS "signerName", d.signer_title AS "signerTitle",
        u.organization_id AS "organizationId", o.drafter_id AS "drafterId", org.short_name AS "organizationShortName",
        org.name AS "organizationName", un.short_name AS "unitShortName", un.code AS "unitCode",
        v.text_status AS "textStatus", v.extracted_text AS "extractedText",
        (SELECT count(*) FROM outgoing_recipients r WHERE r.document_id = d.id) AS "recipientCount"
      FROM documents d
      JOIN outgoing_details o ON o.document_id = d.id
      JOIN users u ON u.id = o.drafter_id
      JOIN organizations org ON org.id = u.organization_id
      LEFT JOIN units un ON un.id = o.drafter_unit_id
      LEFT JOIN draft_versions v ON v.id = o.current_version_id
      WHERE d.id = ${id} AND d.direction = 'outgoing'
      ${options.forUpdate ? sql`FOR UPDATE OF d` : sql``}`,
  )
  const r = rows[0]
  return r ? { ...r, recipientCount: Number(r.recipientCount) } : null
}
