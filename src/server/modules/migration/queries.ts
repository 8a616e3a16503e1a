/**
 * The read side of the migration: runs (with register, files and creator), and the directory
 * lookups a run resolves names against (sender organizations, signers, drafting units). Reads
 * other modules' tables by id and name only; every write to them goes through their index.ts.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { TMigrationRunListQuery } from '@common/contracts/migration'
import type { Actor } from '../../platform/context.ts'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import { files, migrationRuns, organizations, registers, units, users } from '../../platform/db/schema.ts'

export type RunRow = typeof migrationRuns.$inferSelect
export type RunView = RunRow & {
  registerName: string | null
  sourceFilename: string
  archiveFilename: string | null
  unitName: string | null
  createdByName: string
}

const archive = alias(files, 'archive')

const VIEW = {
  run: migrationRuns,
  registerName: registers.name,
  sourceFilename: files.filename,
  archiveFilename: archive.filename,
  unitName: units.name,
  createdByName: users.fullName,
}

function baseQuery(db: Executor) {
  return db
    .select(VIEW)
    .from(migrationRuns)
    .innerJoin(files, eq(files.id, migrationRuns.sourceFileId))
    .innerJoin(users, eq(users.id, migrationRuns.createdBy))
    .leftJoin(archive, eq(archive.id, migrationRuns.archiveFileId))
    .leftJoin(registers, eq(registers.id, migrationRuns.registerId))
    .leftJoin(units, eq(units.id, migrationRuns.unitId))
}

function flatten(r: { run: RunRow } & Omit<RunView, keyof RunRow>): RunView {
  return {
    ...r.run,
    registerName: r.registerName,
    sourceFilename: r.sourceFilename,
    archiveFilename: r.archiveFilename,
    unitName: r.unitName,
    createdByName: r.createdByName,
  }
}

/** A run of the actor's organization, or null ("not found" and "another organization's" look the same). */
export async function findRun(db: Executor, actor: Pick<Actor, 'organizationId'>, id: string) {
  const rows = await baseQuery(db)
    .where(and(eq(migrationRuns.id, id), eq(migrationRuns.organizationId, actor.organizationId)))
    .limit(1)
  return rows[0] ? flatten(rows[0]) : null
}

/** A run by id, whatever its organization: for the background job. */
export async function unsafeFindRun(db: Executor, id: string): Promise<RunRow | null> {
  const rows = await db.select().from(migrationRuns).where(eq(migrationRuns.id, id)).limit(1)
  return rows[0] ?? null
}

/** The organization's runs, newest first. */
export async function listRuns(db: Executor, organizationId: string, query: TMigrationRunListQuery) {
  const where: SQL[] = [eq(migrationRuns.organizationId, organizationId)]
  if (query.kind) where.push(eq(migrationRuns.kind, query.kind))
  const condition = and(...where)
  const rows = await baseQuery(db)
    .where(condition)
    .orderBy(desc(migrationRuns.createdAt), desc(migrationRuns.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(migrationRuns)
    .where(condition)
  return { items: rows.map(flatten), total: Number(count?.n ?? 0) }
}

/** Runs waiting for the worker or interrupted mid-way (a stopped process leaves them 'running'), oldest first. */
export async function pendingRunIds(db: Executor, only?: string): Promise<string[]> {
  const rows = await db
    .select({ id: migrationRuns.id })
    .from(migrationRuns)
    .where(
      and(
        sql`${migrationRuns.status} IN ('queued', 'running')`,
        only ? eq(migrationRuns.id, only) : undefined,
      ),
    )
    .orderBy(migrationRuns.createdAt)
    .limit(20)
  return rows.map((r) => r.id)
}

/** An import into the register that has not finished, if any. */
export async function activeImportInto(db: Executor, registerId: string): Promise<string | null> {
  const rows = await db
    .select({ id: migrationRuns.id })
    .from(migrationRuns)
    .where(
      and(
        eq(migrationRuns.registerId, registerId),
        eq(migrationRuns.mode, 'import'),
        sql`${migrationRuns.status} IN ('queued', 'running')`,
      ),
    )
    .limit(1)
  return rows[0]?.id ?? null
}

/** A unit of the organization, or null. */
export async function findUnit(db: Executor, organizationId: string, id: string) {
  const rows = await db
    .select({ id: units.id, name: units.name, isActive: units.isActive })
    .from(units)
    .where(and(eq(units.id, id), eq(units.organizationId, organizationId)))
    .limit(1)
  return rows[0] ?? null
}

export async function findRegister(db: Executor, id: string) {
  const rows = await db.select().from(registers).where(eq(registers.id, id)).limit(1)
  return rows[0] ?? null
}

/** The directory a run resolves names against. */
export type Lookups = {
  organizationCode: string | null
  organizations: { id: string; name: string; shortName: string | null; code: string | null }[]
  users: { id: string; fullName: string }[]
  units: { id: string; name: string; shortName: string | null; code: string }[]
}

export async function loadLookups(db: Executor, organizationId: string): Promise<Lookups> {
  const [own] = await db
    .select({ code: organizations.code })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
  return {
    organizationCode: own?.code ?? null,
    organizations: await db
      .select({
        id: organizations.id,
        name: organizations.name,
        shortName: organizations.shortName,
        code: organizations.code,
      })
      .from(organizations),
    users: await db
      .select({ id: users.id, fullName: users.fullName })
      .from(users)
      .where(eq(users.organizationId, organizationId)),
    units: await db
      .select({ id: units.id, name: units.name, shortName: units.shortName, code: units.code })
      .from(units)
      .where(eq(units.organizationId, organizationId)),
  }
}

/**
 * The unit whose staff see migrated incoming documents (documents-in visibility rule a): the unit
 * that registered most of the register's own documents, i.e. the office that keeps it; in a
 * register with none yet, the importing administrator's unit.
 */
export async function keepingUnit(db: Executor, registerId: string, fallback: string | null) {
  const rows = await queryRows<{ unit_id: string }>(
    db,
    sql`SELECT registered_unit_id AS unit_id FROM documents
      WHERE register_id = ${registerId} AND migration_key IS NULL AND registered_unit_id IS NOT NULL
      GROUP BY registered_unit_id ORDER BY count(*) DESC LIMIT 1`,
  )
  return rows[0]?.unit_id ?? fallback
}
