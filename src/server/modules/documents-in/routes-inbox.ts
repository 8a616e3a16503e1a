/** The inbox of the signed-in user, by tab, and the counts for the navigation. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZInboxCounts, ZInboxQuery, ZIncomingPage } from '@common/contracts/documents-in'
import { actorOf } from '../../platform/http/guard.ts'
import { vnDate } from './dates.ts'
import { inboxCounts, inboxPage } from './inbox-queries.ts'
import { presentRow } from './present.ts'

export async function inboxRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['inbox']

  app.get(
    '/api/inbox',
    {
      schema: { tags, querystring: ZInboxQuery, response: { 200: ZIncomingPage } },
      config: { access: 'documentsIn.read' },
    },
    async (request) => {
      const today = vnDate(app.deps.clock())
      const page = await inboxPage(app.deps.database.db, actorOf(request), request.query, today)
      return {
        items: page.items.map((r) => presentRow(r, today)),
        total: page.total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      }
    },
  )

  app.get(
    '/api/inbox/counts',
    { schema: { tags, response: { 200: ZInboxCounts } }, config: { access: 'documentsIn.read' } },
    async (request) => inboxCounts(app.deps.database.db, actorOf(request), vnDate(app.deps.clock())),
  )
}
