/** Incoming documents: duplicate check, registration, list, detail (with a read receipt), correction, timeline. */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams } from '@common/contracts/common'
import {
  ZDuplicateCheck,
  ZDuplicateList,
  ZIncomingDocument,
  ZIncomingListQuery,
  ZIncomingPage,
  ZRegisterIncoming,
  ZTimeline,
  ZUpdateIncoming,
} from '@common/contracts/documents-in'
import { notFound } from '../../platform/errors.ts'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { checkDuplicates } from './actions/check-duplicates.ts'
import { registerIncoming } from './actions/register-incoming.ts'
import { actingForLeaders } from './actions/support.ts'
import { updateIncoming } from './actions/update-incoming.ts'
import { vnDate } from './dates.ts'
import { kickTextExtraction } from './jobs.ts'
import { listIncoming, timelineOf } from './list-queries.ts'
import { canSeeDocument } from './policy.ts'
import { presentDocument, presentRow, presentTimeline } from './present.ts'
import { unsafeLoadDocument, type DocumentView } from './queries.ts'
import { upsertRead } from './store.ts'

export async function documentRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['documents-in']
  const { database } = app.deps
  const read = { config: { access: 'documentsIn.read' as const } }

  /** The document presented for the actor (abilities included). */
  async function present(request: FastifyRequest, doc: DocumentView) {
    const actor = actorOf(request)
    const now = app.deps.clock()
    return presentDocument(actor, doc, await actingForLeaders(database.db, actor, now), vnDate(now))
  }

  app.post(
    '/api/documents-in/duplicates',
    {
      schema: { tags, body: ZDuplicateCheck, response: { 200: ZDuplicateList } },
      config: { access: 'documentsIn.register' },
    },
    async (request) => runAction(request, checkDuplicates, request.body),
  )

  app.post(
    '/api/documents-in',
    {
      schema: {
        tags,
        summary: 'Register an incoming document',
        description:
          '201 with the new document; 200 with the first one when the same clientRequestId was already registered.',
        body: ZRegisterIncoming,
        response: { 200: ZIncomingDocument, 201: ZIncomingDocument },
      },
      config: { access: 'documentsIn.register' },
    },
    async (request, reply) => {
      const { id, isReplay } = await runAction(request, registerIncoming, request.body)
      if (!isReplay && request.body.fileIds.length) kickTextExtraction(app.deps)
      const doc = (await unsafeLoadDocument(database.db, id))!
      return reply.status(isReplay ? 200 : 201).send(await present(request, doc))
    },
  )

  app.get(
    '/api/documents-in',
    { schema: { tags, querystring: ZIncomingListQuery, response: { 200: ZIncomingPage } }, ...read },
    async (request) => {
      const actor = actorOf(request)
      const now = app.deps.clock()
      const page = await listIncoming(
        database.db,
        actor,
        await actingForLeaders(database.db, actor, now),
        request.query,
      )
      const today = vnDate(now)
      return {
        items: page.items.map((r) => presentRow(r, today)),
        total: page.total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      }
    },
  )

  app.get(
    '/api/documents-in/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZIncomingDocument } }, ...read },
    async (request) => {
      const actor = actorOf(request)
      const now = app.deps.clock()
      const doc = await unsafeLoadDocument(database.db, request.params.id)
      const actingFor = await actingForLeaders(database.db, actor, now)
      if (!doc || !canSeeDocument(actor, doc, actingFor)) throw notFound('document')
      // A read receipt, not an audit event: opening changes nothing, and writing every view into the
      // hash-chained log would bloat it and serialise all reads on its lock. The timeline shows it.
      await upsertRead(database.db, doc.id, actor.id, now)
      return presentDocument(actor, doc, actingFor, vnDate(now))
    },
  )

  app.patch(
    '/api/documents-in/:id',
    {
      schema: { tags, params: ZIdParams, body: ZUpdateIncoming, response: { 200: ZIncomingDocument } },
      config: { access: 'documentsIn.register' },
    },
    async (request) =>
      present(request, await runAction(request, updateIncoming, { ...request.body, id: request.params.id })),
  )

  app.get(
    '/api/documents-in/:id/timeline',
    { schema: { tags, params: ZIdParams, response: { 200: ZTimeline } }, ...read },
    async (request) => {
      const actor = actorOf(request)
      const doc = await unsafeLoadDocument(database.db, request.params.id)
      if (!doc || !canSeeDocument(actor, doc, await actingForLeaders(database.db, actor, app.deps.clock())))
        throw notFound('document')
      return presentTimeline(await timelineOf(database.db, doc.id))
    },
  )
}
