/** Drafts: create, read, list, edit, versions, attachments, comments; the form's options; replies to an incoming document. */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams } from '@common/contracts/common'
import {
  ZAddAttachments,
  ZAddComment,
  ZAddVersion,
  ZCreateDraft,
  ZDiffQuery,
  ZDraftOptions,
  ZOutgoingCounts,
  ZOutgoingListQuery,
  ZOutgoingPage,
  ZVersionDiff,
  ZOutgoingDocument,
  ZRemoveAttachmentParams,
  ZReplyList,
  ZUpdateDraft,
} from '@common/contracts/documents-out'
import { notFound } from '../../platform/errors.ts'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { createDraft } from './actions/create-draft.ts'
import {
  addAttachments,
  addComment,
  addVersion,
  removeAttachment,
  updateDraft,
} from './actions/edit-draft.ts'
import { actingForOut } from './actions/support.ts'
import { vnYear } from './dates.ts'
import { ensureVersionTexts, kickVersionJobs } from './jobs.ts'
import { canSeeOutgoing } from './policy.ts'
import { presentOutgoing, presentRow } from './present.ts'
import { countOutgoing, listOutgoing } from './list-queries.ts'
import { diffVersions } from './version-diff.ts'
import { factsOf, unsafeLoadOutgoing, unsafeRepliesTo } from './queries.ts'
import { leadersOf, outgoingRegisters } from './lookups.ts'

/** The document as the actor sees it now (NOT_FOUND when they may not). */
export async function presentById(request: FastifyRequest, id: string) {
  const { deps } = request.server
  const actor = actorOf(request)
  const actingFor = await actingForOut(deps.database.db, actor, deps.clock())
  const doc = await unsafeLoadOutgoing(deps.database.db, id)
  if (!doc || !canSeeOutgoing(actor, factsOf(doc), actingFor)) throw notFound('document')
  return presentOutgoing(actor, doc, actingFor)
}

export async function draftRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['documents-out']
  const response = { 200: ZOutgoingDocument }

  app.get(
    '/api/documents-out/options',
    { schema: { tags, response: { 200: ZDraftOptions } }, config: { access: 'documentsOut.read' } },
    async (request) => {
      const actor = actorOf(request)
      const db = app.deps.database.db
      return {
        signers: await leadersOf(db, actor.organizationId),
        registers: await outgoingRegisters(db, actor.organizationId, vnYear(app.deps.clock())),
      }
    },
  )

  app.get(
    '/api/documents-out',
    {
      schema: { tags, querystring: ZOutgoingListQuery, response: { 200: ZOutgoingPage } },
      config: { access: 'documentsOut.read' },
    },
    async (request) => {
      const actor = actorOf(request)
      const db = app.deps.database.db
      const actingFor = await actingForOut(db, actor, app.deps.clock())
      const { rows, total } = await listOutgoing(db, actor, actingFor, request.query)
      return {
        items: rows.map(presentRow),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      }
    },
  )

  app.get(
    '/api/documents-out/counts',
    { schema: { tags, response: { 200: ZOutgoingCounts } }, config: { access: 'documentsOut.read' } },
    async (request) => {
      const actor = actorOf(request)
      const db = app.deps.database.db
      return countOutgoing(db, actor, await actingForOut(db, actor, app.deps.clock()))
    },
  )

  app.get(
    '/api/documents-out/:id/diff',
    {
      schema: { tags, params: ZIdParams, querystring: ZDiffQuery, response: { 200: ZVersionDiff } },
      config: { access: 'documentsOut.read' },
    },
    async (request) => {
      await ensureVersionTexts(app.deps, request.params.id)
      const actor = actorOf(request)
      const db = app.deps.database.db
      const doc = await unsafeLoadOutgoing(db, request.params.id)
      if (!doc || !canSeeOutgoing(actor, factsOf(doc), await actingForOut(db, actor, app.deps.clock())))
        throw notFound('document')
      const from = doc.versions.find((v) => v.id === request.query.from)
      const to = doc.versions.find((v) => v.id === request.query.to)
      if (!from || !to) throw notFound('version')
      return diffVersions(
        { version: from.version, text: from.textStatus === 'done' ? from.extractedText : null },
        { version: to.version, text: to.textStatus === 'done' ? to.extractedText : null },
      )
    },
  )

  app.post(
    '/api/documents-out',
    { schema: { tags, body: ZCreateDraft, response }, config: { access: 'documentsOut.draft' } },
    async (request) => {
      const { id } = await runAction(request, createDraft, request.body)
      kickVersionJobs(app.deps)
      return presentById(request, id)
    },
  )

  app.get(
    '/api/documents-out/:id',
    { schema: { tags, params: ZIdParams, response }, config: { access: 'documentsOut.read' } },
    async (request) => presentById(request, request.params.id),
  )

  app.patch(
    '/api/documents-out/:id',
    {
      schema: { tags, params: ZIdParams, body: ZUpdateDraft, response },
      config: { access: 'documentsOut.read' },
    },
    async (request) => {
      await runAction(request, updateDraft, { ...request.body, id: request.params.id })
      return presentById(request, request.params.id)
    },
  )

  app.post(
    '/api/documents-out/:id/versions',
    {
      schema: { tags, params: ZIdParams, body: ZAddVersion, response },
      config: { access: 'documentsOut.read' },
    },
    async (request) => {
      await runAction(request, addVersion, { ...request.body, id: request.params.id })
      kickVersionJobs(app.deps)
      return presentById(request, request.params.id)
    },
  )

  app.post(
    '/api/documents-out/:id/attachments',
    {
      schema: { tags, params: ZIdParams, body: ZAddAttachments, response },
      config: { access: 'documentsOut.read' },
    },
    async (request) => {
      await runAction(request, addAttachments, { ...request.body, id: request.params.id })
      return presentById(request, request.params.id)
    },
  )

  app.delete(
    '/api/documents-out/:id/attachments/:fileId',
    { schema: { tags, params: ZRemoveAttachmentParams, response }, config: { access: 'documentsOut.read' } },
    async (request) => {
      await runAction(request, removeAttachment, request.params)
      return presentById(request, request.params.id)
    },
  )

  app.post(
    '/api/documents-out/:id/comments',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZAddComment,
        response,
      },
      config: { access: 'documentsOut.read' },
    },
    async (request) => {
      const { onBehalfOf, ...body } = request.body
      await runAction(
        request,
        addComment,
        { ...body, id: request.params.id },
        onBehalfOf ? { principalId: onBehalfOf } : {},
      )
      return presentById(request, request.params.id)
    },
  )

  app.get(
    '/api/documents-out/replies-to/:id',
    {
      schema: { tags, params: ZIdParams, response: { 200: ZReplyList } },
      config: { access: 'documentsOut.read' },
    },
    async (request) => {
      const actor = actorOf(request)
      const db = app.deps.database.db
      const actingFor = await actingForOut(db, actor, app.deps.clock())
      const items = []
      for (const row of await unsafeRepliesTo(db, request.params.id)) {
        const doc = await unsafeLoadOutgoing(db, row.id)
        if (doc && canSeeOutgoing(actor, factsOf(doc), actingFor)) items.push(presentRow(row))
      }
      return { items }
    },
  )
}
