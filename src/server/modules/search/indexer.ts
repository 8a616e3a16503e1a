/**
 * Keeping the index current: an after-commit event handler (its own cursor, so it catches up after
 * a stop and replays history on a new installation), and a full re-index for the CLI.
 */
import { eq } from 'drizzle-orm'
import type { Database, Executor } from '../../platform/db/client.ts'
import { searchEntries } from '../../platform/db/schema.ts'
import type { Jobs } from '../../platform/jobs/queue.ts'
import type { EventHandler } from '../../platform/events/dispatch.ts'
import { searchSources, type SearchSource } from './source.ts'
import { writeEntries } from './store.ts'

export const SEARCH_HANDLER = 'search.index'

/** Index these targets of one source again, from its current data. */
export async function indexTargets(db: Executor, source: SearchSource, ids: readonly string[], at: Date) {
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += 500) {
    const part = unique.slice(i, i + 500)
    await writeEntries(db, source.kind, part, await source.load(db, part), at)
  }
}

/** The handler: the actions are read on every batch, so sources registered later count. */
export function searchIndexHandler(): EventHandler {
  return {
    name: SEARCH_HANDLER,
    get actions() {
      return [...new Set(searchSources().flatMap((s) => s.actions))]
    },
    async handle(event, tx) {
      for (const source of searchSources()) {
        if (!source.actions.includes(event.action)) continue
        const ids = source.targetsOf(event)
        if (ids.length) await indexTargets(tx, source, ids, new Date())
      }
    },
  }
}

/** Rebuild one source's entries in pages of 1,000; returns how many were written. */
async function reindexSource(database: Database, source: SearchSource, onProgress?: (n: number) => void) {
  let total = 0
  let after: string | null = null
  for (;;) {
    const ids = await source.allIds(database.db, after, 1000)
    if (!ids.length) break
    await database.db.transaction((tx) => indexTargets(tx, source, ids, new Date()))
    total += ids.length
    after = ids[ids.length - 1]!
    onProgress?.(total)
  }
  return total
}

/** Rebuild every source's entries (npm run search:reindex); returns how many were written. */
export async function reindexAll(database: Database, onProgress?: (kind: string, n: number) => void) {
  let total = 0
  for (const source of searchSources()) {
    const before = total
    total += await reindexSource(database, source, (n) => onProgress?.(source.kind, before + n))
  }
  return total
}

/**
 * A source added by an upgrade finds its records' events already behind the handler's cursor:
 * when a kind has records and no entry at all, index all of it once. Cheap when nothing is
 * missing (two one-row reads per source); run by a job every ten minutes.
 */
export async function backfillNewSources(database: Database): Promise<number> {
  let total = 0
  for (const source of searchSources()) {
    const [entry] = await database.db
      .select({ id: searchEntries.targetId })
      .from(searchEntries)
      .where(eq(searchEntries.targetType, source.kind))
      .limit(1)
    if (entry) continue
    if ((await source.allIds(database.db, null, 1)).length === 0) continue
    total += await reindexSource(database, source)
  }
  return total
}

export const BACKFILL_JOB = 'search.backfill'

export function defineBackfillJob(deps: { database: Database; jobs: Jobs }): void {
  deps.jobs.define({
    name: BACKFILL_JOB,
    policy: 'stately',
    cron: '*/10 * * * *',
    handler: async () => {
      await backfillNewSources(deps.database)
    },
  })
}
