/** Units (departments) of our organization: a flat list any signed-in user may read, kept by administrators. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams } from '@common/contracts/common'
import { ZUnit, ZUnitInput, ZUnitList, ZUnitUpdate } from '@common/contracts/organizations'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { createUnit } from './actions/create-unit.ts'
import { updateUnit } from './actions/update-unit.ts'
import { presentUnit } from './present.ts'
import { findOwnOrganization, listUnits } from './queries.ts'

export async function unitRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['units']
  const manage = 'admin.units.manage' as const

  app.get(
    '/api/units',
    { schema: { tags, response: { 200: ZUnitList } }, config: { access: 'user' } },
    async (request) => {
      const db = app.deps.database.db
      const own = await findOwnOrganization(db)
      // Before the initial setup there is no organization of ours, hence no units: an empty tree.
      if (!own) return { items: [] }
      const actor = actorOf(request)
      return { items: (await listUnits(db, own.id)).map((u) => presentUnit(actor, u)) }
    },
  )

  app.post(
    '/api/admin/units',
    { schema: { tags, body: ZUnitInput, response: { 201: ZUnit } }, config: { access: manage } },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentUnit(actorOf(request), await runAction(request, createUnit, request.body))),
  )

  app.patch(
    '/api/admin/units/:id',
    {
      schema: { tags, params: ZIdParams, body: ZUnitUpdate, response: { 200: ZUnit } },
      config: { access: manage },
    },
    async (request) =>
      presentUnit(
        actorOf(request),
        await runAction(request, updateUnit, { ...request.body, id: request.params.id }),
      ),
  )
}
