/** Lists and counts of outgoing documents, always through visibleScope. */
import { sql, type SQL } from 'drizzle-orm'
import type { TOutgoingListQuery } from '@common/contracts/documents-out'
import { globalCan } from '../accounts/index.ts'
import type { Actor } from '../../platform/context.ts'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import { ROW_SELECT, visibleScope, type OutgoingRowView } from './queries.ts'

function peopleArray(actor: Actor, actingFor: readonly string[]): SQL {
  return sql`ARRAY[${sql.join(
    [actor.id, ...actingFor].map((p) => sql`${p}::uuid`),
    sql`, `,
  )}]`
}

function tabFilter(tab: TOutgoingListQuery['tab'], actor: Actor, actingFor: readonly string[]): SQL {
  const people = peopleArray(actor, actingFor)
  switch (tab) {
    case 'mine':
      return sql`o.drafter_id = ${actor.id}`
    case 'to_review':
      return sql`d.state = 'in_review' AND st.assignee_user_id = ANY(${people})`
    case 'to_sign':
      return sql`d.state = 'approved' AND o.signer_id = ${actor.id}`
    case 'to_issue':
      return globalCan(actor, 'documentsOut.issue')
        ? sql`d.state IN ('approved', 'signed') AND u.organization_id = ${actor.organizationId}`
        : sql`false`
    case 'issued':
      return sql`d.state IN ('issued', 'recalled', 'replaced')`
    case 'all':
      return sql`true`
  }
}

export function scopeOf(actor: Actor, actingFor: readonly string[]): SQL {
  const isOrgWide = actor.roles.includes('leader') || globalCan(actor, 'documentsOut.issue')
  return visibleScope(actor, actingFor, isOrgWide)
}

export async function listOutgoing(
  db: Executor,
  actor: Actor,
  actingFor: readonly string[],
  q: TOutgoingListQuery,
) {
  const where: SQL[] = [
    sql`d.direction = 'outgoing'`,
    scopeOf(actor, actingFor),
    tabFilter(q.tab, actor, actingFor),
  ]
  if (q.state) where.push(sql`d.state = ${q.state}`)
  if (q.documentType) where.push(sql`d.document_type = ${q.documentType}`)
  if (q.q) {
    const like = `%${q.q}%`
    where.push(sql`(f_unaccent(d.subject) ILIKE f_unaccent(${like}) OR d.number_and_notation ILIKE ${like})`)
  }
  if (q.from) where.push(sql`d.created_at >= ${q.from}::date`)
  if (q.to) where.push(sql`d.created_at < ${q.to}::date + 1`)
  const condition = sql.join(where, sql` AND `)
  const offset = (q.page - 1) * q.pageSize
  const rows = await queryRows<OutgoingRowView>(
    db,
    sql`${ROW_SELECT} WHERE ${condition} ORDER BY d.updated_at DESC, d.id LIMIT ${q.pageSize} OFFSET ${offset}`,
  )
  const [count] = await queryRows<{ n: number | string }>(
    db,
    sql`SELECT count(*) AS n FROM documents d JOIN outgoing_details o ON o.document_id = d.id JOIN users u ON u.id = o.drafter_id
      LEFT JOIN approval_steps st ON st.id = o.current_step_id AND d.state = 'in_review' WHERE ${condition}`,
  )
  return { rows, total: Number(count?.n ?? 0) }
}

export async function countOutgoing(db: Executor, actor: Actor, actingFor: readonly string[]) {
  const counts = { mine: 0, to_review: 0, to_sign: 0, to_issue: 0 }
  for (const tab of ['mine', 'to_review', 'to_sign', 'to_issue'] as const) {
    const extra = tab === 'mine' ? sql`AND d.state IN ('draft', 'returned')` : sql``
    const [row] = await queryRows<{ n: number | string }>(
      db,
      sql`SELECT count(*) AS n FROM documents d JOIN outgoing_details o ON o.document_id = d.id JOIN users u ON u.id = o.drafter_id
        LEFT JOIN approval_steps st ON st.id = o.current_step_id AND d.state = 'in_review'
        WHERE d.direction = 'outgoing' AND ${scopeOf(actor, actingFor)} AND ${tabFilter(tab, actor, actingFor)} ${extra}`,
    )
    counts[tab] = Number(row?.n ?? 0)
  }
  return counts
}
