/**
 * Keeping the index current: an after-commit event handler (its own cursor, so it catches up after
 * a stop and replays history on a new installation), and a full re-index for the CLI.
 */
import type { Database, Executor } from '../../platform/db/client.ts'
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

/** Rebuild every source's entries (npm run search:reindex); returns how many were written. */
export async function reindexAll(database: Database, onProgress?: (kind: string, n: number) => void) {
  let total = 0
  for (const source of searchSources()) {
    let after: string | null = null
    for (;;) {
      const ids = await source.allIds(database.db, after, 1000)
      if (!ids.length) break
      await database.db.transaction((tx) => indexTargets(tx, source, ids, new Date()))
      total += ids.length
      after = ids[ids.length - 1]!
      onProgress?.(source.kind, total)
    }
  }
  return total
}
