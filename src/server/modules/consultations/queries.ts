/** Read side of consultations: one consultation with its participants, materials and answers; lists. */
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm'
import type {
  ConsultationState,
  ResponseState,
  TAnswer,
  TConsultation,
  TPerson,
} from '@common/contracts/consultations'
import type { Executor } from '../../platform/db/client.ts'
import {
  consultationDispositions,
  consultationExtensions,
  consultationMaterials,
  consultationParticipants,
  consultationReminders,
  consultationResponses,
  consultations,
  files,
  organizations,
  users,
} from '../../platform/db/schema.ts'
import type { ConsultationFacts, MemberFacts } from './policy.ts'

export type ConsultationRow = typeof consultations.$inferSelect
export type ResponseRow = typeof consultationResponses.$inferSelect
export type PersonRow = TPerson & {
  organizationId: string
  organizationKind: string | null
  roles: string[]
  isActive: boolean
}
export type MaterialRow = typeof consultationMaterials.$inferSelect & {
  filename: string | null
  mediaType: string | null
}

export type ConsultationView = ConsultationRow & {
  questions: TConsultation['questions']
  participants: PersonRow[]
  materials: MaterialRow[]
  extensions: (typeof consultationExtensions.$inferSelect & { byName: string })[]
  responses: ResponseRow[]
  people: Map<string, PersonRow>
}

// Names come from the users and organizations tables (accounts', organizations'): read-only joins.
/** A person with their organization (users joined to organizations). */
const PERSON_COLUMNS = {
  id: users.id,
  fullName: users.fullName,
  position: users.position,
  organizationId: users.organizationId,
  organizationName: organizations.name,
  organizationKind: organizations.kind,
  roles: users.roles,
  isActive: users.isActive,
}

/** People by id, with their organization: the persons the contract shows. */
export async function loadPeople(db: Executor, ids: readonly string[]): Promise<Map<string, PersonRow>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db
    .select(PERSON_COLUMNS)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(inArray(users.id, unique))
  return new Map(rows.map((r) => [r.id, r]))
}

/** The contract's person (no internal fields). */
export function person(p: PersonRow): TPerson {
  return { id: p.id, fullName: p.fullName, position: p.position, organizationName: p.organizationName }
}

/** One consultation with everything its page needs, no visibility check: callers check policy. */
export async function unsafeLoadConsultation(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ConsultationView | null> {
  const base = db.select().from(consultations).where(eq(consultations.id, id)).limit(1)
  const [row] = options.forUpdate ? await base.for('update') : await base
  if (!row) return null
  // One after the other: a transaction's connection runs one query at a time.
  const participantRows = await db
    .select({ memberId: consultationParticipants.memberId })
    .from(consultationParticipants)
    .where(eq(consultationParticipants.consultationId, id))
    .orderBy(asc(consultationParticipants.position))
  const materials = await db
    .select({ material: consultationMaterials, filename: files.filename, mediaType: files.mediaType })
    .from(consultationMaterials)
    .leftJoin(files, eq(files.id, consultationMaterials.fileId))
    .where(eq(consultationMaterials.consultationId, id))
    .orderBy(asc(consultationMaterials.position), asc(consultationMaterials.addedAt))
  const extensions = await db
    .select({ extension: consultationExtensions, byName: users.fullName })
    .from(consultationExtensions)
    .innerJoin(users, eq(users.id, consultationExtensions.extendedBy))
    .where(eq(consultationExtensions.consultationId, id))
    .orderBy(asc(consultationExtensions.extendedAt))
  const responses = await db
    .select()
    .from(consultationResponses)
    .where(eq(consultationResponses.consultationId, id))

  const ids = [
    row.createdBy,
    ...(row.approverId ? [row.approverId] : []),
    ...participantRows.map((p) => p.memberId),
    ...responses.flatMap((r) => [r.draftedBy, r.submittedBy].filter((v): v is string => v !== null)),
  ]
  const people = await loadPeople(db, ids)
  return {
    ...row,
    questions: row.questions as TConsultation['questions'],
    participants: participantRows.map((p) => people.get(p.memberId)!),
    materials: materials.map((m) => ({ ...m.material, filename: m.filename, mediaType: m.mediaType })),
    extensions: extensions.map((e) => ({ ...e.extension, byName: e.byName })),
    responses,
    people,
  }
}

/** The facts policy.ts needs. */
export function factsOf(c: ConsultationView | ConsultationRow, participantIds?: string[]): ConsultationFacts {
  return {
    organizationId: c.organizationId,
    state: c.state as ConsultationState,
    deadline: c.deadline,
    createdBy: c.createdBy,
    approverId: c.approverId,
    approvedAt: c.approvedAt,
    openBallot: c.openBallot,
    participantIds: participantIds ?? ('participants' in c ? c.participants.map((p) => p.id) : []),
  }
}

export function membersOf(c: ConsultationView): MemberFacts[] {
  return c.participants.map((p) => ({ id: p.id, organizationId: p.organizationId }))
}

export function responseOf(c: ConsultationView, memberId: string): ResponseRow | null {
  return c.responses.find((r) => r.memberId === memberId) ?? null
}

export function answersOf(r: ResponseRow): TAnswer[] {
  return r.answers as TAnswer[]
}

/** Stored dispositions of a consultation's response table. */
export async function loadDispositions(db: Executor, consultationId: string) {
  return db
    .select()
    .from(consultationDispositions)
    .where(eq(consultationDispositions.consultationId, consultationId))
}

/** When each member was last reminded. */
export async function lastReminders(db: Executor, consultationId: string): Promise<Map<string, Date>> {
  const rows = await db
    .select({
      memberId: consultationReminders.memberId,
      at: sql<Date>`max(${consultationReminders.sentAt})`.mapWith(consultationReminders.sentAt),
    })
    .from(consultationReminders)
    .where(eq(consultationReminders.consultationId, consultationId))
    .groupBy(consultationReminders.memberId)
  return new Map(rows.map((r) => [r.memberId, r.at]))
}

// Spelled out: drizzle renders a column of the only table in a select unqualified, which a subquery would capture.
const CONSULTATION_ID = sql.raw('"consultations"."id"')

export type ListFilter = {
  box: 'to_answer' | 'managed' | 'all'
  actor: { id: string; organizationId: string; isFocalPoint: boolean; isOfficer: boolean }
  state?: ConsultationState | undefined
  q?: string | undefined
  page: number
  pageSize: number
}

export type ListRow = {
  id: string
  title: string
  state: ConsultationState
  deadline: Date
  createdAt: Date
  participants: number
  answered: number
  myResponseState: ResponseState | null
}

/** The members the actor answers for: themself, and as a focal point every member of their organization. */
function answeredByActor(actor: ListFilter['actor']): SQL {
  const own = sql`${consultationParticipants.memberId} = ${actor.id}`
  if (!actor.isFocalPoint) return own
  return sql`(${own} OR ${consultationParticipants.memberId} IN (SELECT id FROM users WHERE organization_id = ${actor.organizationId}))`
}

/** A page of consultations in one box, newest first. */
export async function listConsultations(
  db: Executor,
  filter: ListFilter,
): Promise<{ rows: ListRow[]; total: number }> {
  const where: SQL[] = []
  const a = filter.actor
  if (filter.box === 'to_answer') {
    where.push(
      sql`${consultations.state} IN ('open', 'closed')`,
      sql`EXISTS (SELECT 1 FROM consultation_participants WHERE consultation_participants.consultation_id = ${CONSULTATION_ID} AND ${answeredByActor(a)})`,
    )
  } else if (filter.box === 'managed') {
    where.push(or(eq(consultations.createdBy, a.id), eq(consultations.approverId, a.id))!)
  } else {
    if (!a.isOfficer) return { rows: [], total: 0 }
    where.push(eq(consultations.organizationId, a.organizationId))
  }
  if (filter.state) where.push(eq(consultations.state, filter.state))
  if (filter.q) where.push(ilike(consultations.title, `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`))
  const condition = and(...where)
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(consultations)
    .where(condition)
  const answered = sql<number>`(SELECT count(*)::int FROM consultation_responses r WHERE r.consultation_id = ${CONSULTATION_ID} AND r.state IN ('submitted', 'final'))`
  const participants = sql<number>`(SELECT count(*)::int FROM consultation_participants p WHERE p.consultation_id = ${CONSULTATION_ID})`
  const mine = a.isFocalPoint
    ? sql<
        string | null
      >`(SELECT min(r.state) FROM consultation_responses r JOIN users u ON u.id = r.member_id WHERE r.consultation_id = ${CONSULTATION_ID} AND (r.member_id = ${a.id} OR u.organization_id = ${a.organizationId}))`
    : sql<
        string | null
      >`(SELECT r.state FROM consultation_responses r WHERE r.consultation_id = ${CONSULTATION_ID} AND r.member_id = ${a.id})`
  const isAsked = sql<boolean>`EXISTS (SELECT 1 FROM consultation_participants WHERE consultation_participants.consultation_id = ${CONSULTATION_ID} AND ${answeredByActor(a)})`
  const rows = await db
    .select({
      id: consultations.id,
      title: consultations.title,
      state: consultations.state,
      deadline: consultations.deadline,
      createdAt: consultations.createdAt,
      participants,
      answered,
      mine,
      isAsked,
    })
    .from(consultations)
    .where(condition)
    .orderBy(desc(consultations.createdAt), desc(consultations.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
  return {
    total: count?.n ?? 0,
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      state: r.state as ConsultationState,
      deadline: r.deadline,
      createdAt: r.createdAt,
      participants: Number(r.participants),
      answered: Number(r.answered),
      myResponseState: r.isAsked ? ((r.mine as ResponseState | null) ?? 'none') : null,
    })),
  }
}

/** Every active committee member who can be asked, with their organization. */
export async function listCommitteeMembers(db: Executor): Promise<PersonRow[]> {
  return db
    .select(PERSON_COLUMNS)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.isActive, true), sql`'committee_member' = ANY(${users.roles})`))
    .orderBy(asc(organizations.name), asc(users.fullName))
}

/** Active focal points of these organizations (they are told what their members are told). */
export async function focalPointsOf(
  db: Executor,
  organizationIds: readonly string[],
): Promise<{ id: string; organizationId: string }[]> {
  if (organizationIds.length === 0) return []
  return db
    .select({ id: users.id, organizationId: users.organizationId })
    .from(users)
    .where(
      and(
        inArray(users.organizationId, [...new Set(organizationIds)]),
        eq(users.isActive, true),
        sql`'focal_point' = ANY(${users.roles})`,
      ),
    )
}
