/** HTTP for search: any signed-in user; every answer holds only what the caller may see. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import {
  ZHighlightQuery,
  ZHighlightResult,
  ZSearchQuery,
  ZSearchResult,
  ZSuggestQuery,
  ZSuggestResult,
} from '@common/contracts/search'
import { notFound } from '../../platform/errors.ts'
import { actorOf } from '../../platform/http/guard.ts'
import { highlightOne, scopeOf, search, suggest } from './query.ts'

export async function searchRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>()
  const tags = ['search']
  const user = { access: 'user' as const }
  const scope = (request: Parameters<typeof actorOf>[0]) =>
    scopeOf(app.deps.database.db, actorOf(request), app.deps.clock())

  app.get(
    '/api/search',
    { schema: { tags, querystring: ZSearchQuery, response: { 200: ZSearchResult } }, config: user },
    async (request) => search(app.deps.database.db, await scope(request), request.query),
  )

  app.get(
    '/api/search/suggest',
    { schema: { tags, querystring: ZSuggestQuery, response: { 200: ZSuggestResult } }, config: user },
    async (request) => suggest(app.deps.database.db, await scope(request), request.query),
  )

  app.get(
    '/api/search/highlight',
    { schema: { tags, querystring: ZHighlightQuery, response: { 200: ZHighlightResult } }, config: user },
    async (request) => {
      const found = await highlightOne(app.deps.database.db, await scope(request), request.query)
      if (!found) throw notFound('document')
      return found
    },
  )
}
