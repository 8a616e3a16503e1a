/** The approval chain, the format check, signing, numbering and issuing. Each answers the document as the actor now sees it. */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams } from '@common/contracts/common'
import {
  ZApproveDraft,
  ZAssignNumber,
  ZCancelNumber,
  ZFormatCheck,
  ZFormatCheckInput,
  ZDeliveryParams,
  ZIssueDocument,
  ZOutgoingDocument,
  ZRecallDocument,
  ZReplaceDocument,
  ZRejectDraft,
  ZReturnDraft,
  ZSignDraft,
  ZSubmitDraft,
} from '@common/contracts/documents-out'
import type { Ctx } from '../../platform/context.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { assignNumber, cancelNumber, runFormatCheck } from './actions/assign-number.ts'
import { approveDraft, rejectDraft, returnDraft } from './actions/decide-step.ts'
import { issueDocument } from './actions/issue-document.ts'
import { recallDocument, replaceDocument, retryDelivery } from './actions/recall-replace.ts'
import { signDraft, type SigningDeps, type TxRunner } from './actions/sign-draft.ts'
import { submitDraft } from './actions/submit-draft.ts'
import { kickTextExtraction } from '../documents-in/index.ts'
import { ensureVersionTexts, kickDelivery } from './jobs.ts'
import { presentById } from './routes-drafts.ts'

function txRunner(request: FastifyRequest): TxRunner {
  return (action, input) => runAction(request, action, input)
}

export async function workflowRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['documents-out']
  const response = { 200: ZOutgoingDocument }
  const access = { access: 'documentsOut.read' as const }
  const signingDeps = (): SigningDeps => ({
    blobs: app.deps.blobs,
    maxBytes: app.deps.config.maxUploadBytes,
    now: app.deps.clock,
  })

  app.post(
    '/api/documents-out/:id/submit',
    { schema: { tags, params: ZIdParams, body: ZSubmitDraft, response }, config: access },
    async (request) => {
      await runAction(request, submitDraft, { ...request.body, id: request.params.id })
      return presentById(request, request.params.id)
    },
  )

  for (const [path, body, action] of [
    ['approve', ZApproveDraft, approveDraft],
    ['return', ZReturnDraft, returnDraft],
    ['reject', ZRejectDraft, rejectDraft],
  ] as const) {
    app.post(
      `/api/documents-out/:id/${path}`,
      { schema: { tags, params: ZIdParams, body, response }, config: access },
      async (request) => {
        const input = request.body as { onBehalfOf?: string | null }
        const principal = input.onBehalfOf ? { principalId: input.onBehalfOf } : {}
        await runAction(
          request,
          action as (ctx: Ctx, i: unknown) => Promise<unknown>,
          { ...(request.body as object), id: request.params.id },
          principal,
        )
        return presentById(request, request.params.id)
      },
    )
  }

  app.post(
    '/api/documents-out/:id/format-check',
    {
      schema: { tags, params: ZIdParams, body: ZFormatCheckInput, response: { 200: ZFormatCheck } },
      config: access,
    },
    async (request) => {
      await ensureVersionTexts(app.deps, request.params.id)
      return runAction(request, runFormatCheck, { id: request.params.id })
    },
  )

  app.post(
    '/api/documents-out/:id/sign',
    { schema: { tags, params: ZIdParams, body: ZSignDraft, response }, config: access },
    async (request) => {
      await signDraft(txRunner(request), signingDeps(), { id: request.params.id, pin: request.body.pin })
      return presentById(request, request.params.id)
    },
  )

  app.post(
    '/api/documents-out/:id/number',
    {
      schema: { tags, params: ZIdParams, body: ZAssignNumber, response },
      config: { access: 'documentsOut.issue' },
    },
    async (request) => {
      await ensureVersionTexts(app.deps, request.params.id)
      await runAction(request, assignNumber, { ...request.body, id: request.params.id })
      return presentById(request, request.params.id)
    },
  )

  app.post(
    '/api/documents-out/:id/cancel-number',
    {
      schema: { tags, params: ZIdParams, body: ZCancelNumber, response },
      config: { access: 'documentsOut.issue' },
    },
    async (request) => {
      await runAction(request, cancelNumber, { ...request.body, id: request.params.id })
      return presentById(request, request.params.id)
    },
  )

  app.post(
    '/api/documents-out/:id/issue',
    {
      schema: { tags, params: ZIdParams, body: ZIssueDocument, response },
      config: { access: 'documentsOut.issue' },
    },
    async (request) => {
      await ensureVersionTexts(app.deps, request.params.id)
      const result = await issueDocument(txRunner(request), signingDeps(), {
        ...request.body,
        id: request.params.id,
      })
      if (result.hasEmail) kickDelivery(app.deps)
      if (result.hasInternal) kickTextExtraction(app.deps)
      return presentById(request, request.params.id)
    },
  )

  app.post(
    '/api/documents-out/:id/recall',
    { schema: { tags, params: ZIdParams, body: ZRecallDocument, response }, config: access },
    async (request) => {
      await runAction(request, recallDocument, { ...request.body, id: request.params.id })
      return presentById(request, request.params.id)
    },
  )

  app.post(
    '/api/documents-out/:id/replace',
    { schema: { tags, params: ZIdParams, body: ZReplaceDocument, response }, config: access },
    async (request) => {
      const { id } = await runAction(request, replaceDocument, { ...request.body, id: request.params.id })
      return presentById(request, id)
    },
  )

  app.post(
    '/api/documents-out/:id/deliveries/:deliveryId/retry',
    { schema: { tags, params: ZDeliveryParams, response }, config: { access: 'documentsOut.issue' } },
    async (request) => {
      await runAction(request, retryDelivery, request.params)
      kickDelivery(app.deps)
      return presentById(request, request.params.id)
    },
  )
}
