/**
 * Search (tra cứu, issue 6): one index over everything a user may see. Modules plug in a
 * SearchSource (source.ts) from their register(); the index follows their events.
 */
import type { FastifyInstance } from 'fastify'
import type { AppModule } from '../../app.ts'
import { defineBackfillJob, searchIndexHandler } from './indexer.ts'
import { searchRoutes } from './routes.ts'

export { idPages, registerSearchSource, type SearchDoc, type SearchSource } from './source.ts'
export { reindexAll, indexTargets, backfillNewSources, SEARCH_HANDLER } from './indexer.ts'
export { search, suggest, highlightOne, scopeOf, CANDIDATE_CAP } from './query.ts'
export { entryRow, insertSql, BODY_MAX_CHARS } from './store.ts'

export const searchModule: AppModule = {
  name: 'search',
  routes: async (app: FastifyInstance) => {
    await searchRoutes(app)
  },
  register: (deps) => {
    deps.dispatcher.register(searchIndexHandler())
    defineBackfillJob(deps)
  },
}
