/** Delegations: who acts for whom. Everyone sees their own; administrators see and manage all. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams } from '@common/contracts/common'
import {
  ZDelegation,
  ZDelegationInput,
  ZDelegationList,
  ZDelegationListQuery,
} from '@common/contracts/delegations'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { createDelegation } from './actions/create-delegation.ts'
import { revokeDelegation } from './actions/revoke-delegation.ts'
import { seesAllDelegations } from './policy.ts'
import { presentDelegation } from './present.ts'
import { listDelegations } from './queries.ts'

export async function delegationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['delegations']
  const now = () => app.deps.clock()

  app.get(
    '/api/delegations',
    {
      schema: { tags, querystring: ZDelegationListQuery, response: { 200: ZDelegationList } },
      config: { access: 'user' },
    },
    async (request) => {
      const actor = actorOf(request)
      const at = now()
      const rows = await listDelegations(app.deps.database.db, {
        visibleTo: seesAllDelegations(actor) ? null : actor.id,
        status: request.query.status,
        userId: request.query.userId,
        now: at,
      })
      return { items: rows.map((d) => presentDelegation(actor, d, at)) }
    },
  )

  app.post(
    '/api/delegations',
    { schema: { tags, body: ZDelegationInput, response: { 201: ZDelegation } }, config: { access: 'user' } },
    async (request, reply) => {
      const delegation = await runAction(request, createDelegation, request.body)
      return reply.status(201).send(presentDelegation(actorOf(request), delegation, now()))
    },
  )

  app.post(
    '/api/delegations/:id/revoke',
    { schema: { tags, params: ZIdParams, response: { 200: ZDelegation } }, config: { access: 'user' } },
    async (request) =>
      presentDelegation(
        actorOf(request),
        await runAction(request, revokeDelegation, { id: request.params.id }),
        now(),
      ),
  )
}
