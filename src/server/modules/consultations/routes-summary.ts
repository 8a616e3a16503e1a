/** Consultations: the summary (báo cáo tổng hợp ý kiến), its response table, the revised draft, DOCX and PDF. */
import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams } from '@common/contracts/common'
import {
  ZConsultation,
  ZConsultationSummary,
  ZDispositionsInput,
  ZRevisedDraftInput,
  type TConsultationSummary,
  ZSummarySlipInput,
} from '@common/contracts/consultations'
import { ConversionError } from '../../platform/convert/index.ts'
import { AppError } from '../../platform/errors.ts'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { contentDisposition } from '../files/index.ts'
import { addRevisedDraft } from './actions/add-revised-draft.ts'
import { submitSummary } from './actions/submit-summary.ts'
import { updateDispositions } from './actions/update-dispositions.ts'
import { presentConsultation } from './present.ts'
import { loadPeople } from './queries.ts'
import { loadSummary } from './read.ts'
import { summaryDocx, summaryPdf } from './report.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

function filename(summary: TConsultationSummary, ext: 'docx' | 'pdf'): string {
  return `Bao-cao-tong-hop-y-kien-${summary.consultation.id.slice(0, 8)}.${ext}`
}

function sendFile(reply: FastifyReply, body: Buffer, type: string, name: string, inline: boolean) {
  return reply
    .type(type)
    .header('content-disposition', contentDisposition(name, inline ? 'inline' : 'attachment'))
    .header('cache-control', 'no-store')
    .send(body)
}

export async function consultationSummaryRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['consultations']
  const now = () => app.deps.clock()
  const db = () => app.deps.database.db

  app.get(
    '/api/consultations/:id/summary',
    {
      schema: { tags, params: ZIdParams, response: { 200: ZConsultationSummary } },
      config: { access: 'user' },
    },
    async (request) => (await loadSummary(db(), actorOf(request), request.params.id, now())).summary,
  )

  app.patch(
    '/api/consultations/:id/summary/dispositions',
    {
      schema: { tags, params: ZIdParams, body: ZDispositionsInput, response: { 200: ZConsultationSummary } },
      config: { access: 'user' },
    },
    async (request) => {
      await runAction(request, updateDispositions, { id: request.params.id, rows: request.body.rows })
      return (await loadSummary(db(), actorOf(request), request.params.id, now())).summary
    },
  )

  app.post(
    '/api/consultations/:id/revised-draft',
    {
      schema: { tags, params: ZIdParams, body: ZRevisedDraftInput, response: { 200: ZConsultation } },
      config: { access: 'user' },
    },
    async (request) =>
      presentConsultation(
        actorOf(request),
        await runAction(request, addRevisedDraft, { id: request.params.id, ...request.body }),
        now(),
      ),
  )

  app.get(
    '/api/consultations/:id/summary.docx',
    { schema: { tags, params: ZIdParams }, config: { access: 'user' } },
    async (request, reply) => {
      const { summary } = await loadSummary(db(), actorOf(request), request.params.id, now())
      return sendFile(reply, await summaryDocx(summary), DOCX, filename(summary, 'docx'), false)
    },
  )

  app.get(
    '/api/consultations/:id/summary.pdf',
    { schema: { tags, params: ZIdParams }, config: { access: 'user' } },
    async (request, reply) => {
      const { summary } = await loadSummary(db(), actorOf(request), request.params.id, now())
      const pdf = await summaryPdf(summary, app.deps.converter).catch((err: unknown) => {
        // LibreOffice missing or too slow: say so, the DOCX still downloads.
        if (err instanceof ConversionError) throw new AppError('SUMMARY_PDF_UNAVAILABLE', { cause: err })
        throw err
      })
      return sendFile(reply, pdf, 'application/pdf', filename(summary, 'pdf'), true)
    },
  )

  app.post(
    '/api/consultations/:id/summary/slip',
    {
      schema: { tags, params: ZIdParams, body: ZSummarySlipInput, response: { 200: ZConsultation } },
      config: { access: 'user' },
    },
    async (request) => {
      const actor = actorOf(request)
      const { summary } = await loadSummary(db(), actor, request.params.id, now())
      const leader = (await loadPeople(db(), [request.body.leaderId])).get(request.body.leaderId)
      const docx = await summaryDocx(summary, {
        signerTitle: 'CHỦ TỊCH',
        signerName: leader?.fullName ?? null,
      })
      const blob = await app.deps.blobs.put(Readable.from([docx]), { maxBytes: docx.length + 1 })
      const c = await runAction(request, submitSummary, {
        id: request.params.id,
        leaderId: request.body.leaderId,
        note: request.body.note,
        report: {
          sha256: blob.sha256,
          size: blob.size,
          filename: filename(summary, 'docx'),
          mediaType: DOCX,
        },
      })
      return presentConsultation(actor, c, now())
    },
  )
}
