/** The signed-in user's own notifications. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams, ZOk } from '@common/contracts/common'
import { ZNotificationList } from '@common/contracts/files'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { markAllRead, markRead } from './actions/mark-read.ts'
import { presentNotification } from './present.ts'
import { listNotificationsOf, unreadCountOf } from './queries.ts'

const LIST_LIMIT = 50

export async function notificationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['notifications']

  app.get(
    '/api/notifications',
    { schema: { tags, response: { 200: ZNotificationList } }, config: { access: 'user' } },
    async (request) => {
      const db = app.deps.database.db
      const actor = actorOf(request)
      const [rows, unread] = await Promise.all([
        listNotificationsOf(db, actor.id, LIST_LIMIT),
        unreadCountOf(db, actor.id),
      ])
      return { items: rows.map(presentNotification), unread }
    },
  )

  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, params: ZIdParams, response: { 200: ZOk } }, config: { access: 'user' } },
    async (request) => {
      await runAction(request, markRead, { id: request.params.id })
      return { ok: true as const }
    },
  )

  app.post(
    '/api/notifications/read-all',
    { schema: { tags, response: { 200: ZOk } }, config: { access: 'user' } },
    async (request) => {
      await runAction(request, markAllRead, undefined)
      return { ok: true as const }
    },
  )
}
