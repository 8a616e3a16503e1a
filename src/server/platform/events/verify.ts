/** Walks the audit chain in id order and names the first entry whose hash or link is wrong. */
import { asc, gt } from 'drizzle-orm'
import type { Executor } from '../db/client.ts'
import { events } from '../db/schema.ts'
import { GENESIS_HASH, eventHash } from './hash.ts'

export type ChainReport =
  | { isIntact: true; checked: number; lastId: number | null }
  | {
      isIntact: false
      checked: number
      firstBroken: {
        id: number
        reason: 'hash_mismatch' | 'link_mismatch'
        occurredAt: string
        action: string
      }
    }

export async function verifyChain(db: Executor, batchSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH
  let afterId = 0
  let checked = 0
  let lastId: number | null = null
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
    }
    afterId = rows[rows.length - 1]!.id
  }
  return { isIntact: true, checked, lastId }
}
