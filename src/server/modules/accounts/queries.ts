/** Read side of accounts. */
import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm'
import type { TUserListQuery } from '@common/contracts/users'
import type { Executor } from '../../platform/db/client.ts'
import { organizations, units, users } from '../../platform/db/schema.ts'

export type UserRow = typeof users.$inferSelect
export type UserView = UserRow & { organizationName: string; unitName: string | null }

const viewColumns = { user: users, organizationName: organizations.name, unitName: units.name }

function flatten(r: { user: UserRow; organizationName: string; unitName: string | null }): UserView {
  return { ...r.user, organizationName: r.organizationName, unitName: r.unitName }
}

/** Load one user without a visibility check: callers check policy. */
export async function unsafeFindUser(db: Executor, id: string): Promise<UserView | null> {
  const rows = await db
    .select(viewColumns)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id))
    .limit(1)
  return rows[0] ? flatten(rows[0]) : null
}

export async function unsafeFindUserByUsername(db: Executor, username: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1)
  return rows[0] ?? null
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** The user list of the admin pages (callers hold admin.users.manage). */
export async function listUsers(
  db: Executor,
  query: TUserListQuery,
): Promise<{ items: UserView[]; total: number }> {
  const where: SQL[] = []
  if (query.q) {
    const p = likePattern(query.q)
    where.push(
      or(
        ilike(users.username, p),
        ilike(users.fullName, p),
        ilike(users.email, p),
        sql`f_unaccent(${users.fullName}) ILIKE f_unaccent(${p})`,
      )!,
    )
  }
  if (query.unitId) where.push(eq(users.unitId, query.unitId))
  if (query.organizationId) where.push(eq(users.organizationId, query.organizationId))
  if (query.role) where.push(sql`${query.role} = ANY(${users.roles})`)
  if (query.isActive !== undefined) where.push(eq(users.isActive, query.isActive))
  const condition = where.length ? and(...where) : undefined
  const [rows, totals] = await Promise.all([
    db
      .select(viewColumns)
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .leftJoin(units, eq(units.id, users.unitId))
      .where(condition)
      .orderBy(asc(users.fullName), asc(users.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(users).where(condition),
  ])
  return { items: rows.map(flatten), total: Number(totals[0]?.n ?? 0) }
}

/** Active users matching a text, for pickers (any signed-in staff member may pick colleagues). */
export async function searchUserOptions(
  db: Executor,
  q: string | undefined,
  limit: number,
): Promise<UserView[]> {
  const where: SQL[] = [eq(users.isActive, true)]
  if (q) {
    const p = likePattern(q)
    where.push(or(ilike(users.username, p), sql`f_unaccent(${users.fullName}) ILIKE f_unaccent(${p})`)!)
  }
  const rows = await db
    .select(viewColumns)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(...where))
    .orderBy(asc(users.fullName))
    .limit(limit)
  return rows.map(flatten)
}
