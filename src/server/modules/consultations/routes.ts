/** Consultations: the boxes, the form and the life cycle (submit, approve, return, extend, close, cancel). */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams } from '@common/contracts/common'
import {
  ZApproveInput,
  ZCancelInput,
  ZCloseInput,
  ZConsultation,
  ZConsultationInput,
  ZConsultationList,
  ZConsultationListQuery,
  ZExtendInput,
  ZParticipantGroups,
  ZReturnInput,
  ZSubmitForApproval,
} from '@common/contracts/consultations'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { globalCan } from '../accounts/index.ts'
import { createConsultation } from './actions/create-consultation.ts'
import { approveConsultation } from './actions/approve-consultation.ts'
import { cancelConsultation } from './actions/cancel-consultation.ts'
import { closeConsultation } from './actions/close-consultation.ts'
import { editConsultation } from './actions/edit-consultation.ts'
import { extendConsultation } from './actions/extend-consultation.ts'
import { returnConsultation } from './actions/return-consultation.ts'
import { submitForApproval } from './actions/submit-for-approval.ts'
import { participantGroups } from './groups.ts'
import { presentConsultation, presentListItem } from './present.ts'
import { listCommitteeMembers, listConsultations, type ConsultationView } from './queries.ts'
import { loadVisibleConsultation } from './read.ts'

export async function consultationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['consultations']
  const now = () => app.deps.clock()
  const db = () => app.deps.database.db
  const show = (request: Parameters<typeof actorOf>[0], c: ConsultationView) =>
    presentConsultation(actorOf(request), c, now())

  app.get(
    '/api/consultations',
    {
      schema: { tags, querystring: ZConsultationListQuery, response: { 200: ZConsultationList } },
      config: { access: 'user' },
    },
    async (request) => {
      const actor = actorOf(request)
      const { page, pageSize, box, state, q } = request.query
      const { rows, total } = await listConsultations(db(), {
        box,
        actor: {
          id: actor.id,
          organizationId: actor.organizationId,
          isFocalPoint: actor.roles.includes('focal_point'),
          isOfficer: globalCan(actor, 'consultations.manage'),
        },
        state,
        q,
        page,
        pageSize,
      })
      const at = now()
      return { items: rows.map((r) => presentListItem(r, at)), total, page, pageSize }
    },
  )

  app.post(
    '/api/consultations',
    {
      schema: { tags, body: ZConsultationInput, response: { 201: ZConsultation } },
      config: { access: 'consultations.manage' },
    },
    async (request, reply) =>
      reply.status(201).send(show(request, await runAction(request, createConsultation, request.body))),
  )

  app.get(
    '/api/consultations/participant-groups',
    {
      schema: { tags, response: { 200: ZParticipantGroups } },
      config: { access: 'consultations.manage' },
    },
    async () => participantGroups(await listCommitteeMembers(db())),
  )

  app.get(
    '/api/consultations/:id',
    {
      schema: { tags, params: ZIdParams, response: { 200: ZConsultation } },
      config: { access: 'user' },
    },
    async (request) =>
      show(request, await loadVisibleConsultation(db(), actorOf(request), request.params.id)),
  )

  app.patch(
    '/api/consultations/:id',
    {
      schema: { tags, params: ZIdParams, body: ZConsultationInput, response: { 200: ZConsultation } },
      config: { access: 'user' },
    },
    async (request) =>
      show(
        request,
        await runAction(request, editConsultation, { id: request.params.id, form: request.body }),
      ),
  )

  app.post(
    '/api/consultations/:id/submit',
    {
      schema: { tags, params: ZIdParams, body: ZSubmitForApproval, response: { 200: ZConsultation } },
      config: { access: 'user' },
    },
    async (request) =>
      show(request, await runAction(request, submitForApproval, { id: request.params.id, ...request.body })),
  )

  app.post(
    '/api/consultations/:id/approve',
    {
      schema: { tags, params: ZIdParams, body: ZApproveInput, response: { 200: ZConsultation } },
      config: { access: 'user' },
    },
    async (request) =>
      show(
        request,
        await runAction(request, approveConsultation, { id: request.params.id, ...request.body }),
      ),
  )

  app.post(
    '/api/consultations/:id/return',
    {
      schema: { tags, params: ZIdParams, body: ZReturnInput, response: { 200: ZConsultation } },
      config: { access: 'user' },
    },
    async (request) =>
      show(request, await runAction(request, returnConsultation, { id: request.params.id, ...request.body })),
  )

  app.post(
    '/api/consultations/:id/extend',
    {
      schema: { tags, params: ZIdParams, body: ZExtendInput, response: { 200: ZConsultation } },
      config: { access: 'user' },
    },
    async (request) =>
      show(request, await runAction(request, extendConsultation, { id: request.params.id, ...request.body })),
  )

  app.post(
    '/api/consultations/:id/close',
    {
      schema: { tags, params: ZIdParams, body: ZCloseInput, response: { 200: ZConsultation } },
      config: { access: 'user' },
    },
    async (request) =>
      show(request, await runAction(request, closeConsultation, { id: request.params.id, ...request.body })),
  )

  app.post(
    '/api/consultations/:id/cancel',
    {
      schema: { tags, params: ZIdParams, body: ZCancelInput, response: { 200: ZConsultation } },
      config: { access: 'user' },
    },
    async (request) =>
      show(request, await runAction(request, cancelConsultation, { id: request.params.id, ...request.body })),
  )
}
