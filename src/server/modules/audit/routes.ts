/** The audit log: entries, the hash-chain check and login attempts, for holders of audit.read. Read only. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import {
  ZAuditActionList,
  ZAuditPage,
  ZAuditQuery,
  ZChainReport,
  ZLoginAttemptPage,
  ZLoginAttemptQuery,
} from '@common/contracts/audit'
import { actorOf } from '../../platform/http/guard.ts'
import { assertCanReadAudit } from './policy.ts'
import { presentChainReport, presentEvent, presentLoginAttempt } from './present.ts'
import { checkChain, listActions, listEvents, listLoginAttempts } from './queries.ts'

export async function auditRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['audit']
  const access = 'audit.read' as const
  const db = () => app.deps.database.db
  // The guard already checks the route's access; the policy says it again where the rule lives.
  app.addHook('preHandler', async (request) => assertCanReadAudit(actorOf(request)))

  app.get(
    '/api/audit/events',
    { schema: { tags, querystring: ZAuditQuery, response: { 200: ZAuditPage } }, config: { access } },
    async (request) => {
      const { items, total } = await listEvents(db(), request.query)
      return {
        items: items.map(presentEvent),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      }
    },
  )

  app.get(
    '/api/audit/actions',
    { schema: { tags, response: { 200: ZAuditActionList } }, config: { access } },
    async () => ({ items: await listActions(db()) }),
  )

  app.get(
    '/api/audit/verify',
    { schema: { tags, response: { 200: ZChainReport } }, config: { access } },
    async () => presentChainReport(await checkChain(db())),
  )

  app.get(
    '/api/audit/login-attempts',
    {
      schema: { tags, querystring: ZLoginAttemptQuery, response: { 200: ZLoginAttemptPage } },
      config: { access },
    },
    async (request) => {
      const { items, total } = await listLoginAttempts(db(), request.query)
      return {
        items: items.map(presentLoginAttempt),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      }
    },
  )
}
