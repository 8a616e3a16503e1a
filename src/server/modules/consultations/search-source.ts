/**
 * Consultations in the search index (issue 6 engine, issue 7 module). Readers keys mirror
 * canSeeConsultation (policy.ts):
 *   consofficer:<org>  officers: holders of consultations.manage in the consultation's organization
 *   u:<user>           the creator and the leader it was submitted to (in every state)
 *   consmember:<user>  once launched (open, closed): a participant who is a committee member
 *   consfocal:<org>    once launched: focal points of a participant's organization
 * A draft, a submitted or a cancelled consultation carries only the first two kinds of key. A
 * delegation lets a delegate submit an answer (save-response.ts) but gives no sight of the
 * consultation beyond the policy's, so it adds no key here. The body is the purpose, background,
 * the materials' titles and the questions with the draft's sections: material files are plain
 * uploads whose text nobody extracts (the documents' text jobs do not run for them).
 */
import { asc, eq, inArray, sql } from 'drizzle-orm'
import type { TConsultation } from '@common/contracts/consultations'
import type { Actor } from '../../platform/context.ts'
import type { Executor } from '../../platform/db/client.ts'
import {
  consultationMaterials,
  consultationParticipants,
  consultations,
  organizations,
  users,
} from '../../platform/db/schema.ts'
import type { RecordedEvent } from '../../platform/events/record.ts'
import { idPages, type SearchDoc, type SearchSource } from '../search/index.ts'
import { CONSULTATION_EVENTS as E, CONSULTATION_TARGET } from './events.ts'
import { canSeeConsultation, isLaunched, isOfficer, type MemberFacts } from './policy.ts'
import { factsOf } from './queries.ts'

/** What changes the title, the text, the state, the date or who may see it. */
const ACTIONS = [
  E.created,
  E.updated,
  E.submitted,
  E.approved,
  E.returned,
  E.launched,
  E.closed,
  E.cancelled,
  E.revisedDraftAdded,
]

function targetsOf(event: RecordedEvent): string[] {
  return event.targetType === CONSULTATION_TARGET && event.targetId ? [event.targetId] : []
}

/** The participants of these consultations with their organizations (what canAnswerFor needs). */
async function membersByConsultation(db: Executor, ids: readonly string[]) {
  const rows = await db
    .select({
      consultationId: consultationParticipants.consultationId,
      id: consultationParticipants.memberId,
      organizationId: users.organizationId,
    })
    .from(consultationParticipants)
    .innerJoin(users, eq(users.id, consultationParticipants.memberId))
    .where(inArray(consultationParticipants.consultationId, [...ids]))
    .orderBy(asc(consultationParticipants.position))
  const out = new Map<string, MemberFacts[]>()
  for (const r of rows) {
    out.set(r.consultationId, [
      ...(out.get(r.consultationId) ?? []),
      { id: r.id, organizationId: r.organizationId },
    ])
  }
  return out
}

/** The questions as words: titles, descriptions, options, and the draft's sections (label and text). */
function questionsText(questions: TConsultation['questions']): string[] {
  return questions.flatMap((q) => [
    q.title,
    q.description ?? '',
    ...q.options,
    ...q.sections.flatMap((s) => [s.label, s.text ?? '']),
  ])
}

async function load(db: Executor, ids: readonly string[]): Promise<SearchDoc[]> {
  if (!ids.length) return []
  const rows = await db
    .select({
      c: consultations,
      organizationName: organizations.name,
      creatorUnitId: users.unitId,
      docDate: sql<string>`((coalesce(${consultations.launchedAt}, ${consultations.createdAt}) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::text`,
    })
    .from(consultations)
    .innerJoin(users, eq(users.id, consultations.createdBy))
    .leftJoin(organizations, eq(organizations.id, consultations.organizationId))
    .where(inArray(consultations.id, [...ids]))
  if (!rows.length) return []
  const found = rows.map((r) => r.c.id)
  const members = await membersByConsultation(db, found)
  const materials = await db
    .select({ consultationId: consultationMaterials.consultationId, title: consultationMaterials.title })
    .from(consultationMaterials)
    .where(inArray(consultationMaterials.consultationId, found))
    .orderBy(asc(consultationMaterials.position), asc(consultationMaterials.addedAt))
  return rows.map(({ c, organizationName, creatorUnitId, docDate }) => {
    const facts = factsOf(c)
    const readers = new Set<string>([`consofficer:${c.organizationId}`, `u:${c.createdBy}`])
    if (c.approverId) readers.add(`u:${c.approverId}`)
    if (isLaunched(facts)) {
      for (const m of members.get(c.id) ?? []) {
        readers.add(`consmember:${m.id}`)
        readers.add(`consfocal:${m.organizationId}`)
      }
    }
    const body = [
      c.purpose,
      c.background ?? '',
      ...materials.filter((m) => m.consultationId === c.id).map((m) => m.title),
      ...questionsText(c.questions as TConsultation['questions']),
    ]
      .map((s) => s.trim())
      .filter(Boolean)
      .join('\n\n')
    return {
      targetId: c.id,
      organizationId: c.organizationId,
      title: c.title,
      numberAndNotation: null,
      senderName: organizationName,
      senderOrganizationId: c.organizationId,
      signerName: null,
      documentType: null,
      registerId: null,
      unitId: creatorUnitId,
      state: c.state,
      docDate,
      body: body || null,
      readers: [...readers],
    }
  })
}

async function actorKeys(_db: Executor, actor: Actor): Promise<string[]> {
  const keys = [`u:${actor.id}`]
  if (isOfficer(actor, { organizationId: actor.organizationId }))
    keys.push(`consofficer:${actor.organizationId}`)
  // canAnswerFor: a committee member answers for themself, a focal point for their organization's members.
  if (actor.roles.includes('committee_member')) keys.push(`consmember:${actor.id}`)
  if (actor.roles.includes('focal_point')) keys.push(`consfocal:${actor.organizationId}`)
  return keys
}

/** The module's own rule, on freshly loaded facts: a stale index entry never shows. */
async function visibleIds(db: Executor, actor: Actor, _now: Date, ids: readonly string[]) {
  if (!ids.length) return new Set<string>()
  const rows = await db
    .select()
    .from(consultations)
    .where(inArray(consultations.id, [...ids]))
  const members = await membersByConsultation(
    db,
    rows.map((r) => r.id),
  )
  const out = new Set<string>()
  for (const row of rows) {
    const m = members.get(row.id) ?? []
    const facts = factsOf(
      row,
      m.map((p) => p.id),
    )
    if (canSeeConsultation(actor, facts, m)) out.add(row.id)
  }
  return out
}

export const consultationSearchSource: SearchSource = {
  kind: 'consultation',
  actions: ACTIONS,
  targetsOf,
  load,
  allIds: idPages('consultations'),
  actorKeys,
  visibleIds,
  // The web's consultationPath (src/web/features/consultations/paths.ts).
  path: (id) => `/consultations/${encodeURIComponent(id)}`,
}
