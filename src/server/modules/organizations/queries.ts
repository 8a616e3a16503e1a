/** Read side of the organization directory and of our units. */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { TOrganizationListQuery } from '@common/contracts/organizations'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import { organizations, units } from '../../platform/db/schema.ts'

export type OrganizationRow = typeof organizations.$inferSelect & { userCount: number }
export type UnitRow = typeof units.$inferSelect & { userCount: number; activeChildCount: number }

// The counts read the users table (owned by accounts) as a read-only aggregate: one correlated
// subquery beats asking accounts once per row. Only active accounts count as members. The outer
// table is named in plain SQL: Drizzle leaves columns unqualified in a single-table select, and
// an unqualified "id" inside the subquery would mean users.id.
const organizationColumns = {
  organization: organizations,
  userCount: sql<number>`(SELECT count(*)::int FROM users WHERE users.organization_id = organizations.id AND users.is_active)`,
}
const unitColumns = {
  unit: units,
  userCount: sql<number>`(SELECT count(*)::int FROM users WHERE users.unit_id = units.id AND users.is_active)`,
  activeChildCount: sql<number>`(SELECT count(*)::int FROM units AS child WHERE child.parent_id = units.id AND child.is_active)`,
}

function flattenOrganization(r: {
  organization: typeof organizations.$inferSelect
  userCount: number
}): OrganizationRow {
  return { ...r.organization, userCount: Number(r.userCount) }
}

function flattenUnit(r: {
  unit: typeof units.$inferSelect
  userCount: number
  activeChildCount: number
}): UnitRow {
  return { ...r.unit, userCount: Number(r.userCount), activeChildCount: Number(r.activeChildCount) }
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** The directory page. Callers hold organizations.read: every organization is visible to them. */
export async function listOrganizations(
  db: Executor,
  query: TOrganizationListQuery,
): Promise<{ items: OrganizationRow[]; total: number }> {
  const where: SQL[] = []
  if (query.q) {
    const p = likePattern(query.q)
    where.push(
      sql`(f_unaccent(${organizations.name}) ILIKE f_unaccent(${p})
        OR f_unaccent(${organizations.shortName}) ILIKE f_unaccent(${p})
        OR ${organizations.code} ILIKE ${p})`,
    )
  }
  if (query.kind) where.push(eq(organizations.kind, query.kind))
  if (query.isActive !== undefined) where.push(eq(organizations.isActive, query.isActive))
  const condition = where.length ? and(...where) : undefined
  const [rows, totals] = await Promise.all([
    db
      .select(organizationColumns)
      .from(organizations)
      .where(condition)
      // Our own first, then by name without diacritics (close to Vietnamese order on both engines;
      // PGlite has no ICU collation).
      .orderBy(
        desc(organizations.isOwn),
        sql`f_unaccent(${organizations.name})`,
        asc(organizations.name),
        asc(organizations.id),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(organizations).where(condition),
  ])
  return { items: rows.map(flattenOrganization), total: Number(totals[0]?.n ?? 0) }
}

/** One organization, no visibility check: callers check policy. */
export async function unsafeFindOrganization(db: Executor, id: string): Promise<OrganizationRow | null> {
  const rows = await db
    .select(organizationColumns)
    .from(organizations)
    .where(eq(organizations.id, id))
    .limit(1)
  return rows[0] ? flattenOrganization(rows[0]) : null
}

export async function findOrganizationByCode(db: Executor, code: string): Promise<OrganizationRow | null> {
  const rows = await db
    .select(organizationColumns)
    .from(organizations)
    .where(eq(organizations.code, code))
    .limit(1)
  return rows[0] ? flattenOrganization(rows[0]) : null
}

/** Organizations holding any of these codes (the import caps its rows, so the list stays short). */
export async function findOrganizationsByCodes(
  db: Executor,
  codes: readonly string[],
): Promise<OrganizationRow[]> {
  if (codes.length === 0) return []
  const rows = await db
    .select(organizationColumns)
    .from(organizations)
    .where(inArray(organizations.code, [...codes]))
  return rows.map(flattenOrganization)
}

/** Our own organization (the single row with is_own = true), or null before the system is set up. */
export async function findOwnOrganization(db: Executor): Promise<{ id: string; name: string } | null> {
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.isOwn, true))
    .limit(1)
  return rows[0] ?? null
}

/** Every unit of an organization, ordered by sortOrder then name (Vietnamese collation, in JS). */
export async function listUnits(db: Executor, organizationId: string): Promise<UnitRow[]> {
  const rows = await db.select(unitColumns).from(units).where(eq(units.organizationId, organizationId))
  const collator = new Intl.Collator('vi')
  return rows
    .map(flattenUnit)
    .sort((a, b) => a.sortOrder - b.sortOrder || collator.compare(a.name, b.name) || a.id.localeCompare(b.id))
}

/** One unit, no visibility check: callers check that it belongs to our organization. */
export async function unsafeFindUnit(db: Executor, id: string): Promise<UnitRow | null> {
  const rows = await db.select(unitColumns).from(units).where(eq(units.id, id)).limit(1)
  return rows[0] ? flattenUnit(rows[0]) : null
}

export async function findUnitByCode(
  db: Executor,
  organizationId: string,
  code: string,
): Promise<{ id: string } | null> {
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.organizationId, organizationId), eq(units.code, code)))
    .limit(1)
  return rows[0] ?? null
}

/** The ids from a unit up to its root, the unit first. UNION (not UNION ALL) stops on a damaged, cyclic tree. */
export async function unitChainUp(db: Executor, unitId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`WITH RECURSIVE up(id, parent_id, depth) AS (
          SELECT id, parent_id, 0 FROM units WHERE id = ${unitId}
          UNION
          SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 1000
        )
        SELECT id FROM up ORDER BY depth`,
  )
  return rows.map((r) => r.id)
}
