/**
 * Random concurrent issue/cancel histories on one outgoing register, and the audit that proves
 * them sound: every number of the year is given once, and every number below the last is either
 * used by a document or recorded as cancelled (no duplicate, no silent gap). Used by the
 * concurrency test and by bench/numbering-out.ts.
 */
import { sql } from 'drizzle-orm'
import type { Config } from '../../config.ts'
import type { Actor, Ctx } from '../../platform/context.ts'
import { queryRows, type Database } from '../../platform/db/client.ts'
import { AppError } from '../../platform/errors.ts'
import { assignNumber, cancelNumber } from './actions/assign-number.ts'
import { insertOutgoing, replaceRecipients } from './store.ts'

export type RegisterAudit = {
  used: number
  cancelled: number
  lastNumber: number
  duplicates: number
  silentGaps: number
  /** Documents whose number does not match a 'used' log row. */
  mismatches: number
}

export async function auditRegister(
  database: Database,
  registerId: string,
  year: number,
): Promise<RegisterAudit> {
  const db = database.db
  const [log] = await queryRows<{
    used: string | number
    cancelled: string | number
    distinct: string | number
    total: string | number
    max: string | number | null
  }>(
    db,
    sql`SELECT count(*) FILTER (WHERE state = 'used') AS used, count(*) FILTER (WHERE state = 'cancelled') AS cancelled,
        count(DISTINCT number) AS distinct, count(*) AS total, max(number) AS max
      FROM register_number_log WHERE register_id = ${registerId} AND year = ${year}`,
  )
  const [seq] = await queryRows<{ last: number | null }>(
    db,
    sql`SELECT last_number AS last FROM register_sequences WHERE register_id = ${registerId} AND year = ${year}`,
  )
  const lastNumber = Number(seq?.last ?? 0)
  const [gaps] = await queryRows<{ n: string | number }>(
    db,
    sql`SELECT count(*) AS n FROM generate_series(1, ${lastNumber}::int) g(n)
      WHERE NOT EXISTS (SELECT 1 FROM register_number_log l WHERE l.register_id = ${registerId} AND l.year = ${year} AND l.number = g.n)`,
  )
  const [docDupes] = await queryRows<{ n: string | number }>(
    db,
    sql`SELECT count(*) AS n FROM (SELECT register_number FROM documents WHERE register_id = ${registerId} AND register_year = ${year}
      GROUP BY register_number HAVING count(*) > 1) x`,
  )
  const [mismatch] = await queryRows<{ n: string | number }>(
    db,
    sql`SELECT count(*) AS n FROM documents d WHERE d.register_id = ${registerId} AND d.register_year = ${year}
      AND NOT EXISTS (SELECT 1 FROM register_number_log l WHERE l.register_id = d.register_id AND l.year = d.register_year
        AND l.number = d.register_number AND l.document_id = d.id AND l.state = 'used')`,
  )
  return {
    used: Number(log!.used),
    cancelled: Number(log!.cancelled),
    lastNumber,
    duplicates: Number(log!.total) - Number(log!.distinct) + Number(docDupes!.n),
    silentGaps: Number(gaps!.n),
    mismatches: Number(mismatch!.n),
  }
}

/** Approved documents ready to number (metadata only: the format check then warns it has no text). */
export async function makeApprovedDocuments(
  database: Database,
  input: { count: number; drafter: Actor; signerId: string; recipientUnitId: string },
): Promise<string[]> {
  const ids: string[] = []
  const now = new Date()
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < input.count; i++) {
      const id = await insertOutgoing(
        tx,
        {
          direction: 'outgoing',
          state: 'approved',
          documentType: i % 3 === 0 ? 'QĐ' : 'CV',
          subject: `Văn bản thử số ${i}`,
          signerName: 'Người ký',
          urgency: 'normal',
          registeredBy: input.drafter.id,
          createdAt: now,
          updatedAt: now,
        },
        {
          drafterId: input.drafter.id,
          drafterUnitId: input.drafter.unitId,
          signerId: input.signerId,
          createdAt: now,
          updatedAt: now,
        },
      )
      await replaceRecipients(tx, id, [
        {
          position: 0,
          kind: 'unit',
          unitId: input.recipientUnitId,
          userId: null,
          organizationId: null,
          email: null,
          name: 'Đơn vị',
          channel: 'internal',
          updatedAt: now,
        },
      ])
      ids.push(id)
    }
  })
  return ids
}

export type HistoryResult = { numbered: number; cancelled: number; refused: number; ms: number }

/**
 * `concurrency` workers take documents and number them; with probability `cancelRate` the clerk
 * then cancels the number and numbers the document again; every `doubleRate` a second worker
 * races to number the same document (one must be refused).
 */
export async function runNumberingHistory(
  database: Database,
  config: Config,
  input: {
    clerk: Actor
    registerId: string
    documentIds: string[]
    concurrency: number
    cancelRate: number
    doubleRate?: number
    seed?: number
  },
): Promise<HistoryResult> {
  let rnd = input.seed ?? 42
  const random = () => (rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const result: HistoryResult = { numbered: 0, cancelled: 0, refused: 0, ms: 0 }
  const run = <I>(action: (ctx: Ctx, input: I) => Promise<unknown>, actionInput: I) =>
    database.db.transaction(async (tx) =>
      action(
        {
          actor: input.clerk,
          principalId: input.clerk.id,
          tx,
          now: new Date(),
          request: { ip: null, userAgent: 'numbering' },
          config,
          hasEvents: false,
        },
        actionInput,
      ),
    )
  const number = async (id: string) => {
    try {
      await run(assignNumber, { id, registerId: input.registerId })
      result.numbered += 1
      return true
    } catch (err) {
      if (err instanceof AppError && err.code === 'NUMBER_ALREADY_ASSIGNED') {
        result.refused += 1
        return false
      }
      throw err
    }
  }
  const queue = [...input.documentIds]
  const started = performance.now()
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const isDouble = random() < (input.doubleRate ?? 0.05)
      const [first] = await Promise.all([number(id), isDouble ? number(id) : Promise.resolve(false)])
      if (first !== undefined && random() < input.cancelRate) {
        await run(cancelNumber, { id, reason: 'Hủy để thử nghiệm số đồng thời' })
        result.cancelled += 1
        await number(id)
      }
    }
  }
  await Promise.all(Array.from({ length: input.concurrency }, worker))
  result.ms = performance.now() - started
  return result
}
