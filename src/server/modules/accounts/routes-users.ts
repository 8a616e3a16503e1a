/** Administration of user accounts. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams } from '@common/contracts/common'
import {
  ZCreateUser,
  ZUpdateUser,
  ZUser,
  ZUserListQuery,
  ZUserPage,
  ZUserWithPassword,
} from '@common/contracts/users'
import { notFound } from '../../platform/errors.ts'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import {
  disableUser,
  enableUser,
  resetPassword,
  resetTotp,
  unlockUser,
} from './actions/admin-account-actions.ts'
import { createUser } from './actions/create-user.ts'
import { updateUser } from './actions/update-user.ts'
import { presentUser } from './present.ts'
import { listUsers, unsafeFindUser } from './queries.ts'

export async function userAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['users']
  const access = 'admin.users.manage' as const
  const now = () => app.deps.clock()

  app.get(
    '/api/admin/users',
    { schema: { tags, querystring: ZUserListQuery, response: { 200: ZUserPage } }, config: { access } },
    async (request) => {
      const { items, total } = await listUsers(app.deps.database.db, request.query)
      const actor = actorOf(request)
      return {
        items: items.map((u) => presentUser(actor, u, now())),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      }
    },
  )

  app.get(
    '/api/admin/users/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZUser } }, config: { access } },
    async (request) => {
      const user = await unsafeFindUser(app.deps.database.db, request.params.id)
      if (!user) throw notFound('user')
      return presentUser(actorOf(request), user, now())
    },
  )

  app.post(
    '/api/admin/users',
    { schema: { tags, body: ZCreateUser, response: { 201: ZUserWithPassword } }, config: { access } },
    async (request, reply) => {
      const { user, temporaryPassword } = await runAction(request, createUser, request.body)
      return reply.status(201).send({ user: presentUser(actorOf(request), user, now()), temporaryPassword })
    },
  )

  app.patch(
    '/api/admin/users/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateUser, response: { 200: ZUser } }, config: { access } },
    async (request) =>
      presentUser(
        actorOf(request),
        await runAction(request, updateUser, { ...request.body, id: request.params.id }),
        now(),
      ),
  )

  const simple = {
    disable: disableUser,
    enable: enableUser,
    'reset-totp': resetTotp,
    unlock: unlockUser,
  } as const
  for (const [verb, action] of Object.entries(simple)) {
    app.post(
      `/api/admin/users/:id/${verb}`,
      { schema: { tags, params: ZIdParams, response: { 200: ZUser } }, config: { access } },
      async (request) =>
        presentUser(actorOf(request), await runAction(request, action, { id: request.params.id }), now()),
    )
  }

  app.post(
    '/api/admin/users/:id/reset-password',
    { schema: { tags, params: ZIdParams, response: { 200: ZUserWithPassword } }, config: { access } },
    async (request) => {
      const { user, temporaryPassword } = await runAction(request, resetPassword, { id: request.params.id })
      return { user: presentUser(actorOf(request), user, now()), temporaryPassword }
    },
  )
}
