/** Consultations: answering (the member's or focal point's answer, confirmation, receipt) and live progress. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ZId, ZIdParams } from '@common/contracts/common'
import {
  ZConfirmInput,
  ZConsultationProgress,
  ZReceipt,
  ZRemindInput,
  ZRemindResult,
  ZResponse,
  ZResponseInput,
  ZSignResponseInput,
} from '@common/contracts/consultations'
import { AppError, notFound } from '../../platform/errors.ts'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { confirmResponse } from './actions/confirm-response.ts'
import { remindNow } from './actions/remind-now.ts'
import { saveResponse } from './actions/save-response.ts'
import { signResponse } from './actions/sign-response.ts'
import { hasOwnSigningKey } from '../documents-out/index.ts'
import { canOnConsultation } from './policy.ts'
import { presentProgress, presentResponse } from './present.ts'
import { factsOf, lastReminders, membersOf, person, type ConsultationView } from './queries.ts'
import { fileNames, loadVisibleConsultation, memberForResponse, summaryOf } from './read.ts'

const ZResponseParams = z.object({ id: ZId, responseId: ZId }).strict()
const ZMineQuery = z.object({ memberId: ZId.optional() }).strict()

export async function consultationAnswerRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['consultations']
  const now = () => app.deps.clock()
  const db = () => app.deps.database.db

  async function responseOut(request: Parameters<typeof actorOf>[0], c: ConsultationView, memberId: string) {
    const actor = actorOf(request)
    const r = c.responses.find((x) => x.memberId === memberId)
    // The key is looked up only when signing is otherwise possible (the member's final answer).
    const hasKey = actor.id === memberId && r?.state === 'final' && !r.signedFileId
    return presentResponse(
      actor,
      c,
      memberId,
      await fileNames(db(), r?.fileIds ?? []),
      now(),
      hasKey && (await hasOwnSigningKey(db(), actor.id)),
    )
  }

  app.get(
    '/api/consultations/:id/progress',
    {
      schema: { tags, params: ZIdParams, response: { 200: ZConsultationProgress } },
      config: { access: 'user' },
    },
    async (request) => {
      const actor = actorOf(request)
      const c = await loadVisibleConsultation(db(), actor, request.params.id)
      if (!canOnConsultation(actor, 'viewProgress', factsOf(c), membersOf(c))) {
        throw new AppError('NOT_ALLOWED', { message: 'Only the officers follow the progress' })
      }
      const live = await summaryOf(db(), c, now())
      const tallies = live.questions
        .filter((q) => q.tallies.length > 0)
        .map((q) => ({ questionKey: q.key, title: q.title, values: q.tallies }))
      return presentProgress(c, await lastReminders(db(), c.id), tallies)
    },
  )

  app.post(
    '/api/consultations/:id/remind',
    {
      schema: { tags, params: ZIdParams, body: ZRemindInput, response: { 200: ZRemindResult } },
      config: { access: 'consultations.manage' },
    },
    async (request) => {
      const out = await runAction(request, remindNow, {
        consultationId: request.params.id,
        message: request.body.message,
      })
      return { reminded: out.reminded, at: out.at.toISOString() }
    },
  )

  app.get(
    '/api/consultations/:id/responses/mine',
    {
      schema: { tags, params: ZIdParams, querystring: ZMineQuery, response: { 200: ZResponse } },
      config: { access: 'user' },
    },
    async (request) => {
      const actor = actorOf(request)
      const c = await loadVisibleConsultation(db(), actor, request.params.id)
      const member = memberForResponse(actor, c, request.query.memberId)
      return responseOut(request, c, member.id)
    },
  )

  app.put(
    '/api/consultations/:id/responses/mine',
    {
      schema: { tags, params: ZIdParams, body: ZResponseInput, response: { 200: ZResponse } },
      config: { access: 'user' },
    },
    async (request) => {
      const out = await runAction(request, saveResponse, {
        consultationId: request.params.id,
        ...request.body,
      })
      return responseOut(request, out.consultation, out.memberId)
    },
  )

  app.post(
    '/api/consultations/:id/responses/:responseId/confirm',
    {
      schema: { tags, params: ZResponseParams, body: ZConfirmInput, response: { 200: ZResponse } },
      config: { access: 'user' },
    },
    async (request) => {
      const out = await runAction(request, confirmResponse, {
        consultationId: request.params.id,
        responseId: request.params.responseId,
        final: request.body.final,
      })
      return responseOut(request, out.consultation, out.memberId)
    },
  )

  app.post(
    '/api/consultations/:id/responses/:responseId/sign',
    {
      schema: { tags, params: ZResponseParams, body: ZSignResponseInput, response: { 200: ZResponse } },
      config: { access: 'consultations.answer' },
    },
    async (request) => {
      const { blobs, config } = app.deps
      const out = await signResponse(
        (action, input) => runAction(request, action, input),
        { blobs, maxBytes: config.maxUploadBytes, now },
        { consultationId: request.params.id, responseId: request.params.responseId, pin: request.body.pin },
      )
      const c = await loadVisibleConsultation(db(), actorOf(request), out.consultationId)
      return responseOut(request, c, out.memberId)
    },
  )

  app.get(
    '/api/consultations/:id/responses/:responseId/receipt',
    {
      schema: { tags, params: ZResponseParams, response: { 200: ZReceipt } },
      config: { access: 'user' },
    },
    async (request) => {
      const actor = actorOf(request)
      const c = await loadVisibleConsultation(db(), actor, request.params.id)
      const r = c.responses.find((x) => x.id === request.params.responseId)
      if (!r) throw notFound('response')
      const member = memberForResponse(actor, c, r.memberId)
      if (!r.receiptNumber || !r.digest || !r.submittedAt || !r.submittedBy) {
        throw new AppError('INVALID_TRANSITION', { message: 'Ý kiến chưa được gửi: chưa có phiếu nhận' })
      }
      return {
        receiptNumber: r.receiptNumber,
        consultationTitle: c.title,
        member: person(member),
        submittedBy: person(c.people.get(r.submittedBy)!),
        onBehalf: r.onBehalf,
        submittedAt: r.submittedAt.toISOString(),
        final: r.isFinal,
        digest: r.digest,
      }
    },
  )
}
