/**
 * The inbox: the actor's own assignments (as a person, or as head of a unit for the unit's), by tab.
 * Reads start from assignments through the assignee indexes, so a busy user's inbox stays fast with
 * 100,000 documents in the table (see bench/ and the indexes in schema.ts).
 */
import { sql, type SQL } from 'drizzle-orm'
import type { TInboxQuery } from '@common/contracts/documents-in'
import type { Actor } from '../../platform/context.ts'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import { listFilters, toListRow } from './list-queries.ts'

export type InboxTab = TInboxQuery['tab']

/** Assignments the actor answers for. */
function mine(actor: Actor): SQL {
  if (actor.unitId && actor.roles.includes('unit_head')) {
    return sql`(a.assignee_user_id = ${actor.id} OR a.assignee_unit_id = ${actor.unitId})`
  }
  return sql`a.assignee_user_id = ${actor.id}`
}

function tabCondition(tab: InboxTab, today: string): SQL {
  switch (tab) {
    case 'to_process':
      return sql`a.state = 'pending' AND a.role <> 'information'`
    case 'in_progress':
      return sql`a.state = 'in_progress' AND a.role <> 'information'`
    case 'done':
      return sql`a.state = 'completed' AND a.role <> 'information'`
    case 'overdue':
      return sql`a.state IN ('pending', 'in_progress') AND a.role <> 'information' AND a.due_date < ${today}::date`
    case 'information':
      return sql`a.role = 'information' AND a.state <> 'cancelled'`
  }
}

/** Urgency order: flash on top (Decree 30/2020, Art. 23.1: urgent documents are handled at once). */
const URGENCY_RANK = sql`CASE d.urgency WHEN 'flash' THEN 0 WHEN 'very_urgent' THEN 1 WHEN 'urgent' THEN 2 ELSE 3 END`

/** The last day a deadline filter accepts, from today's Viet Nam date (yyyy-mm-dd). */
export function dueLimit(due: 'today' | 'week' | 'month', today: string): string {
  if (due === 'today') return today
  const d = new Date(`${today}T00:00:00Z`)
  if (due === 'week') d.setUTCDate(d.getUTCDate() + ((7 - d.getUTCDay()) % 7))
  else d.setUTCMonth(d.getUTCMonth() + 1, 0)
  return d.toISOString().slice(0, 10)
}

function dueCondition(due: TInboxQuery['due'], today: string): SQL | null {
  if (!due) return null
  const deadline = sql`coalesce(m.due_date, d.due_date)`
  if (due === 'none') return sql`${deadline} IS NULL`
  return sql`${deadline} <= ${dueLimit(due, today)}::date`
}

/** A page of one inbox tab: one row per document, with the actor's own role and state on it. */
export async function inboxPage(db: Executor, actor: Actor, query: TInboxQuery, today: string) {
  const filters = listFilters(query)
  const due = dueCondition(query.due, today)
  if (due) filters.push(due)
  const where = filters.length ? sql`WHERE ${sql.join(filters, sql` AND `)}` : sql``
  const offset = (query.page - 1) * query.pageSize
  const mineCte = sql`WITH m AS (
      SELECT DISTINCT ON (a.document_id) a.document_id, a.role, a.state, a.due_date
      FROM assignments a WHERE ${mine(actor)} AND ${tabCondition(query.tab, today)}
      ORDER BY a.document_id, a.due_date NULLS LAST, a.created_at)`
  const rows = await queryRows<Parameters<typeof toListRow>[0]>(
    db,
    sql`${mineCte}
      SELECT d.id, d.state, d.register_number, d.register_year, d.arrived_at, d.sender_name, d.number_and_notation,
        d.issue_date::text AS issue_date, d.document_type, d.subject, d.urgency, d.migration_run_id, d.created_at,
        coalesce(m.due_date, d.due_date)::text AS due_date, m.role AS my_role, m.state AS my_state,
        EXISTS (SELECT 1 FROM document_reads dr WHERE dr.document_id = d.id AND dr.user_id = ${actor.id}) AS is_read
      FROM m JOIN documents d ON d.id = m.document_id ${where}
      ORDER BY ${URGENCY_RANK}, coalesce(m.due_date, d.due_date) NULLS LAST, d.arrived_at DESC, d.id
      LIMIT ${query.pageSize} OFFSET ${offset}`,
  )
  const [count] = await queryRows<{ n: number | string }>(
    db,
    sql`${mineCte} SELECT count(*) AS n FROM m JOIN documents d ON d.id = m.document_id ${where}`,
  )
  return { items: rows.map(toListRow), total: Number(count?.n ?? 0) }
}

/** Every tab's count and the unread count, in one pass over the actor's assignments. */
export async function inboxCounts(db: Executor, actor: Actor, today: string) {
  const [row] = await queryRows<Record<string, number | string>>(
    db,
    sql`SELECT
        count(DISTINCT a.document_id) FILTER (WHERE ${tabCondition('to_process', today)}) AS to_process,
        count(DISTINCT a.document_id) FILTER (WHERE ${tabCondition('in_progress', today)}) AS in_progress,
        count(DISTINCT a.document_id) FILTER (WHERE ${tabCondition('done', today)}) AS done,
        count(DISTINCT a.document_id) FILTER (WHERE ${tabCondition('overdue', today)}) AS overdue,
        count(DISTINCT a.document_id) FILTER (WHERE ${tabCondition('information', today)}) AS information,
        count(DISTINCT a.document_id) FILTER (WHERE a.state IN ('pending', 'in_progress') AND dr.user_id IS NULL) AS unread
      FROM assignments a
      LEFT JOIN document_reads dr ON dr.document_id = a.document_id AND dr.user_id = ${actor.id}
      WHERE ${mine(actor)} AND a.state <> 'cancelled'`,
  )
  const n = (k: string) => Number(row?.[k] ?? 0)
  return {
    to_process: n('to_process'),
    in_progress: n('in_progress'),
    done: n('done'),
    overdue: n('overdue'),
    information: n('information'),
    unread: n('unread'),
  }
}
