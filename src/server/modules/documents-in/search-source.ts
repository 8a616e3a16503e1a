/**
 * Incoming documents in the search index (issue 6). Readers keys mirror canSeeDocument (policy.ts):
 *   u:<user>          the registrant, and every assignee, assigner and principal of an assignment
 *   unitstaff:<unit>  staff of the registering unit and of an assigned unit (rules a, b)
 *   leader:<org>      leaders of the organization whose register holds it (rule c)
 *   review:<leader>   a secretary acting for a leader sees what awaits that leader's review
 */
import { sql } from 'drizzle-orm'
import type { Actor } from '../../platform/context.ts'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import type { RecordedEvent } from '../../platform/events/record.ts'
import { idPages, type SearchDoc, type SearchSource } from '../search/index.ts'
import { actingForLeaders } from './actions/support.ts'
import { DESTROYED } from './actions/exchange-hooks.ts'
import { DOCUMENT_IN_EVENTS, DOCUMENT_IN_TARGET } from './events.ts'
import { OCR_DONE } from './ocr-job.ts'
import { TEXT_EXTRACTED } from './jobs.ts'
import { isUnitStaff } from './policy.ts'
import { visibleScope } from './queries.ts'

const ACTIONS = [
  ...Object.values(DOCUMENT_IN_EVENTS).filter((a) => a.startsWith('documentIn.')),
  DESTROYED,
  OCR_DONE,
  TEXT_EXTRACTED,
  'migration.rowsImported',
]

type Row = {
  id: string
  organization_id: string | null
  subject: string
  number_and_notation: string | null
  sender_name: string | null
  sender_organization_id: string | null
  signer_name: string | null
  document_type: string
  register_id: string | null
  registered_unit_id: string | null
  state: string
  doc_date: string | null
  body: string | null
  registered_by: string | null
  people: string[] | null
  units: string[] | null
  reviewers: string[] | null
}

function targetsOf(event: RecordedEvent): string[] {
  if (event.action === 'migration.rowsImported') {
    const data = event.data as { kind?: string; documentIds?: unknown }
    return data.kind === 'incoming' && Array.isArray(data.documentIds)
      ? data.documentIds.filter((x): x is string => typeof x === 'string')
      : []
  }
  return event.targetType === DOCUMENT_IN_TARGET && event.targetId ? [event.targetId] : []
}

async function load(db: Executor, ids: readonly string[]): Promise<SearchDoc[]> {
  if (!ids.length) return []
  const rows = await queryRows<Row>(
    db,
    sql`SELECT d.id, r.organization_id, d.subject, d.number_and_notation, d.sender_name, d.sender_organization_id,
        d.signer_name, d.document_type, d.register_id, d.registered_unit_id, d.state,
        coalesce(d.issue_date, (d.arrived_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::text AS doc_date,
        (SELECT string_agg(left(df.extracted_text, 20000), E'\n\n' ORDER BY df.created_at) FROM document_files df
          WHERE df.document_id = d.id AND df.role <> 'searchable' AND df.extracted_text IS NOT NULL) AS body,
        d.registered_by,
        (SELECT array_agg(DISTINCT p) FROM assignments a, unnest(ARRAY[a.assignee_user_id, a.assigned_by, a.assigned_for]) p
          WHERE a.document_id = d.id AND p IS NOT NULL) AS people,
        (SELECT array_agg(DISTINCT a.assignee_unit_id) FROM assignments a
          WHERE a.document_id = d.id AND a.assignee_unit_id IS NOT NULL) AS units,
        (SELECT array_agg(DISTINCT a.assignee_user_id) FROM assignments a WHERE a.document_id = d.id
          AND a.role = 'review' AND a.state IN ('pending', 'in_progress') AND a.assignee_user_id IS NOT NULL) AS reviewers
      FROM documents d LEFT JOIN registers r ON r.id = d.register_id
      WHERE d.direction = 'incoming' AND d.id IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  )
  return rows.map((r) => {
    const readers = new Set<string>()
    if (r.registered_by) readers.add(`u:${r.registered_by}`)
    if (r.registered_unit_id) readers.add(`unitstaff:${r.registered_unit_id}`)
    if (r.organization_id) readers.add(`leader:${r.organization_id}`)
    for (const p of r.people ?? []) readers.add(`u:${p}`)
    for (const u of r.units ?? []) readers.add(`unitstaff:${u}`)
    for (const l of r.reviewers ?? []) readers.add(`review:${l}`)
    return {
      targetId: r.id,
      organizationId: r.organization_id,
      title: r.subject,
      numberAndNotation: r.number_and_notation,
      senderName: r.sender_name,
      senderOrganizationId: r.sender_organization_id,
      signerName: r.signer_name,
      documentType: r.document_type,
      registerId: r.register_id,
      unitId: r.registered_unit_id,
      state: r.state,
      docDate: r.doc_date,
      body: r.body,
      readers: [...readers],
    }
  })
}

async function actorKeys(db: Executor, actor: Actor, now: Date): Promise<string[]> {
  const keys = [`u:${actor.id}`]
  if (isUnitStaff(actor) && actor.unitId) keys.push(`unitstaff:${actor.unitId}`)
  if (actor.roles.includes('leader')) keys.push(`leader:${actor.organizationId}`)
  for (const leader of await actingForLeaders(db, actor, now)) keys.push(`review:${leader}`)
  return keys
}

async function visibleIds(db: Executor, actor: Actor, now: Date, ids: readonly string[]) {
  if (!ids.length) return new Set<string>()
  const actingFor = await actingForLeaders(db, actor, now)
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT d.id FROM documents d WHERE ${visibleScope(actor, actingFor)} AND d.id IN (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  )
  return new Set(rows.map((r) => r.id))
}

export const incomingSearchSource: SearchSource = {
  kind: 'documentIn',
  actions: ACTIONS,
  targetsOf,
  load,
  allIds: idPages('documents', sql`direction = 'incoming'`),
  actorKeys,
  visibleIds,
  path: (id) => `/documents-in/${encodeURIComponent(id)}`,
}
