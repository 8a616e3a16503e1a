/** Walks the audit chain in id order and names the first entry whose hash or link is wrong. */
import { asc, gt } from 'drizzle-orm'
import type { Executor } from '../db/client.ts'
import { eventChainHead, events } from '../db/schema.ts'
import { GENESIS_HASH, eventHash } from './hash.ts'

export type ChainReport =
  | { isIntact: true; checked: number; lastId: number | null }
  | {
      isIntact: false
      checked: number
      firstBroken: {
        id: number
        reason: 'hash_mismatch' | 'link_mismatch' | 'head_mismatch'
        occurredAt: string
        action: string
      }
    }

export async function verifyChain(db: Executor, batchSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH
  let afterId = 0
  let checked = 0
  let lastId: number | null = null
  let last: { occurredAt: Date; action: string } | null = null
  for (;;) {
    const rows = await db
      .select()
      .from(events)
      .where(gt(events.id, afterId))
      .orderBy(asc(events.id))
      .limit(batchSize)
    if (rows.length === 0) break
    for (const row of rows) {
      const broken = (reason: 'hash_mismatch' | 'link_mismatch'): ChainReport => ({
        isIntact: false,
        checked,
        firstBroken: { id: row.id, reason, occurredAt: row.occurredAt.toISOString(), action: row.action },
      })
      if (row.prevHash !== prevHash) return broken('link_mismatch')
      if (eventHash(row) !== row.hash) return broken('hash_mismatch')
      prevHash = row.hash
      checked += 1
      lastId = row.id
      last = row
    }
    afterId = rows[rows.length - 1]!.id
  }
  // The head names the newest entry: entries deleted from the end (and the head left alone) show here.
  const [head] = await db.select().from(eventChainHead).limit(1)
  if (head && (head.lastId !== (lastId ?? 0) || head.hash !== prevHash)) {
    return {
      isIntact: false,
      checked,
      firstBroken: {
        id: (lastId ?? 0) + 1,
        reason: 'head_mismatch',
        occurredAt: (last?.occurredAt ?? new Date(0)).toISOString(),
        action: last?.action ?? '',
      },
    }
  }
  return { isIntact: true, checked, lastId }
}
