/**
 * Outgoing documents in the search index (issue 6). Readers keys mirror canSeeOutgoing (policy.ts):
 *   u:<user>           the drafter; after issue, a recipient person
 *   p:<user>           the signer and every approval step's assignee (and whoever acts for them)
 *   outorg:<org>       leaders and issuing clerks of the drafter's organization
 *   unitmember:<unit>  after issue, anyone in a recipient unit
 */
import { sql } from 'drizzle-orm'
import { globalCan } from '../accounts/index.ts'
import type { Actor } from '../../platform/context.ts'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import type { RecordedEvent } from '../../platform/events/record.ts'
import { BODY_MAX_CHARS, idPages, type SearchDoc, type SearchSource } from '../search/index.ts'
import { actingForOut } from './actions/support.ts'
import { DOCUMENT_OUT_EVENTS } from './events.ts'
import { TEXT_EXTRACTED } from './jobs.ts'
import { scopeOf } from './list-queries.ts'

const ISSUED = ['issued', 'recalled', 'replaced']

const ACTIONS = [
  ...Object.values(DOCUMENT_OUT_EVENTS).filter((a) => a.startsWith('documentOut.')),
  TEXT_EXTRACTED,
  'migration.rowsImported',
]

type Row = {
  id: string
  organization_id: string
  organization_name: string | null
  subject: string
  number_and_notation: string | null
  signer_name: string | null
  document_type: string
  register_id: string | null
  drafter_unit_id: string | null
  state: string
  doc_date: string | null
  version_text: string | null
  issued_text: string | null
  attachment_texts: string[] | null
  drafter_id: string
  signer_id: string
  step_people: string[] | null
  recipient_users: string[] | null
  recipient_units: string[] | null
}

function targetsOf(event: RecordedEvent): string[] {
  if (event.action === 'migration.rowsImported') {
    const data = event.data as { kind?: string; documentIds?: unknown }
    return data.kind === 'outgoing' && Array.isArray(data.documentIds)
      ? data.documentIds.filter((x): x is string => typeof x === 'string')
      : []
  }
  return event.targetType === 'documentOut' && event.targetId ? [event.targetId] : []
}

const SEPARATOR = '\n\n'

/**
 * Share `budget` characters among texts of these lengths: an equal share each, and what a short
 * one leaves over goes to the longer ones.
 */
export function shareBudget(lengths: readonly number[], budget: number): number[] {
  const given = lengths.map(() => 0)
  let left = Math.max(0, budget)
  let open = lengths.flatMap((n, i) => (n > 0 ? [i] : []))
  while (open.length > 0 && left >= open.length) {
    const share = Math.floor(left / open.length)
    for (const i of open) {
      const more = Math.min(share, lengths[i]! - given[i]!)
      given[i]! += more
      left -= more
    }
    open = open.filter((i) => given[i]! < lengths[i]!)
  }
  return given
}

/**
 * The indexed text within the index's budget (BODY_MAX_CHARS): the document's own text and its
 * attachments each get at least half when both need more; the attachments share theirs equally.
 * A long letter no longer hides its appendices, nor a thick appendix the letter.
 */
export function bodyOf(main: string | null, attachments: readonly string[]): string | null {
  const parts = attachments.filter((a) => a.length > 0)
  const joins = parts.length * SEPARATOR.length
  const attachmentChars = parts.reduce((n, a) => n + a.length, 0)
  const [forMain, forAttachments] = shareBudget([main?.length ?? 0, attachmentChars], BODY_MAX_CHARS - joins)
  const cuts = shareBudget(
    parts.map((a) => a.length),
    forAttachments!,
  )
  const texts = [main?.slice(0, forMain) ?? '', ...parts.map((a, i) => a.slice(0, cuts[i]))].filter(Boolean)
  return texts.length ? texts.join(SEPARATOR) : null
}

async function load(db: Executor, ids: readonly string[]): Promise<SearchDoc[]> {
  if (!ids.length) return []
  const rows = await queryRows<Row>(
    db,
    sql`SELECT d.id, u.organization_id, org.name AS organization_name, d.subject, d.number_and_notation,
        coalesce(d.signer_name, sg.full_name) AS signer_name, d.document_type, d.register_id, o.drafter_unit_id, d.state,
        coalesce(d.issue_date, (d.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::text AS doc_date,
        (SELECT left(v.extracted_text, ${BODY_MAX_CHARS}) FROM draft_versions v WHERE v.id = o.current_version_id) AS version_text,
        (SELECT left(f.extracted_text, ${BODY_MAX_CHARS}) FROM outgoing_files f WHERE f.document_id = d.id
          AND f.role = 'main' AND f.extracted_text IS NOT NULL ORDER BY f.created_at DESC LIMIT 1) AS issued_text,
        (SELECT array_agg(left(f.extracted_text, ${BODY_MAX_CHARS}) ORDER BY f.created_at, f.id) FROM outgoing_files f
          WHERE f.document_id = d.id AND f.role = 'attachment' AND f.extracted_text IS NOT NULL) AS attachment_texts,
        o.drafter_id, o.signer_id,
        (SELECT array_agg(DISTINCT s.assignee_user_id) FROM approval_steps s WHERE s.document_id = d.id
          AND s.assignee_user_id IS NOT NULL) AS step_people,
        (SELECT array_agg(DISTINCT r.user_id) FROM outgoing_recipients r WHERE r.document_id = d.id AND r.user_id IS NOT NULL) AS recipient_users,
        (SELECT array_agg(DISTINCT r.unit_id) FROM outgoing_recipients r WHERE r.document_id = d.id AND r.unit_id IS NOT NULL) AS recipient_units
      FROM documents d JOIN outgoing_details o ON o.document_id = d.id
      JOIN users u ON u.id = o.drafter_id
      LEFT JOIN organizations org ON org.id = u.organization_id
      LEFT JOIN users sg ON sg.id = o.signer_id
      WHERE d.direction = 'outgoing' AND d.id IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  )
  return rows.map((r) => {
    const readers = new Set<string>([`u:${r.drafter_id}`, `p:${r.signer_id}`, `outorg:${r.organization_id}`])
    for (const p of r.step_people ?? []) readers.add(`p:${p}`)
    if (ISSUED.includes(r.state)) {
      for (const u of r.recipient_users ?? []) readers.add(`u:${u}`)
      for (const u of r.recipient_units ?? []) readers.add(`unitmember:${u}`)
    }
    return {
      targetId: r.id,
      organizationId: r.organization_id,
      title: r.subject,
      numberAndNotation: r.number_and_notation,
      senderName: r.organization_name,
      senderOrganizationId: r.organization_id,
      signerName: r.signer_name,
      documentType: r.document_type,
      registerId: r.register_id,
      unitId: r.drafter_unit_id,
      state: r.state,
      docDate: r.doc_date,
      // Once issued, the issued PDF is the document (a migrated one has no versions).
      body: bodyOf(r.issued_text ?? r.version_text, r.attachment_texts ?? []),
      readers: [...readers],
    }
  })
}

async function actorKeys(db: Executor, actor: Actor, now: Date): Promise<string[]> {
  const keys = [`u:${actor.id}`, `p:${actor.id}`]
  for (const p of await actingForOut(db, actor, now)) keys.push(`p:${p}`)
  if (actor.roles.includes('leader') || globalCan(actor, 'documentsOut.issue'))
    keys.push(`outorg:${actor.organizationId}`)
  if (actor.unitId) keys.push(`unitmember:${actor.unitId}`)
  return keys
}

async function visibleIds(db: Executor, actor: Actor, now: Date, ids: readonly string[]) {
  if (!ids.length) return new Set<string>()
  const actingFor = await actingForOut(db, actor, now)
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT d.id FROM documents d JOIN outgoing_details o ON o.document_id = d.id JOIN users u ON u.id = o.drafter_id
      WHERE d.direction = 'outgoing' AND ${scopeOf(actor, actingFor)} AND d.id IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  )
  return new Set(rows.map((r) => r.id))
}

export const outgoingSearchSource: SearchSource = {
  kind: 'documentOut',
  actions: ACTIONS,
  targetsOf,
  load,
  allIds: idPages('documents', sql`direction = 'outgoing'`),
  actorKeys,
  visibleIds,
  path: (id) => `/documents-out/${encodeURIComponent(id)}`,
}
