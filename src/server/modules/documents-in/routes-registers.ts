/** Registers (sổ văn bản): list for readers, create and update for clerks and administrators. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams } from '@common/contracts/common'
import {
  ZRegister,
  ZRegisterInput,
  ZRegisterList,
  ZRegisterListQuery,
  ZRegisterUpdate,
} from '@common/contracts/documents-in'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { createRegister } from './actions/create-register.ts'
import { updateRegister } from './actions/update-register.ts'
import { vnYear } from './dates.ts'
import { presentRegister } from './present.ts'
import { listRegisters } from './queries.ts'

export async function registerRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['registers']

  app.get(
    '/api/registers',
    {
      schema: { tags, querystring: ZRegisterListQuery, response: { 200: ZRegisterList } },
      config: { access: 'documentsIn.read' },
    },
    async (request) => {
      const actor = actorOf(request)
      const rows = await listRegisters(
        app.deps.database.db,
        actor.organizationId,
        request.query.kind,
        vnYear(app.deps.clock()),
      )
      return { items: rows.map((r) => presentRegister(actor, r)) }
    },
  )

  app.post(
    '/api/registers',
    {
      schema: { tags, body: ZRegisterInput, response: { 201: ZRegister } },
      config: { access: 'registers.manage' },
    },
    async (request, reply) => {
      const row = await runAction(request, createRegister, request.body)
      return reply.status(201).send(presentRegister(actorOf(request), row))
    },
  )

  app.patch(
    '/api/registers/:id',
    {
      schema: { tags, params: ZIdParams, body: ZRegisterUpdate, response: { 200: ZRegister } },
      config: { access: 'registers.manage' },
    },
    async (request) =>
      presentRegister(
        actorOf(request),
        await runAction(request, updateRegister, { ...request.body, id: request.params.id }),
      ),
  )
}
