/** HTTP routes of digitisation (see src/common/contracts/digitisation.ts). */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ZIdParams } from '@common/contracts/common'
import {
  MAX_BATCH_FILES,
  ZCreateScanBatch,
  ZRegisterScanItem,
  ZScanBatch,
  ZScanBatchListQuery,
  ZScanBatchPage,
  ZScanItem,
  ZScanItemRegistered,
} from '@common/contracts/digitisation'
import { notFound } from '../../platform/errors.ts'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { kickTextExtraction } from '../documents-in/index.ts'
import { createBatch } from './actions/create-batch.ts'
import { discardScanItem } from './actions/discard-item.ts'
import { registerScanItem } from './actions/register-item.ts'
import { retryScanItem } from './actions/retry-item.ts'
import { canSeeBatch } from './policy.ts'
import { presentBatch, presentItem, presentSummary } from './present.ts'
import { batchItems, listBatches, unsafeFindBatch, unsafeFindItem } from './queries.ts'
import { kickReading } from './read-job.ts'

const ZDigitisationStatus = z.object({
  /** Whether the server can read scans (Tesseract with Vietnamese installed). */
  isOcrAvailable: z.boolean(),
  maxBatchFiles: z.number().int(),
})

export async function digitisationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['digitisation']
  const clerk = { access: 'documentsIn.register' as const }
  const db = () => app.deps.database.db

  async function visibleBatch(request: FastifyRequest, id: string) {
    const batch = await unsafeFindBatch(db(), id)
    if (!batch || !canSeeBatch(actorOf(request), batch)) throw notFound('scan batch')
    return batch
  }

  async function presentItemById(request: FastifyRequest, id: string) {
    const item = await unsafeFindItem(db(), id)
    const batch = item ? await visibleBatch(request, item.batchId) : null
    if (!item || !batch) throw notFound('scan item')
    return presentItem(actorOf(request), batch, item)
  }

  app.get(
    '/api/digitisation/status',
    { schema: { tags, response: { 200: ZDigitisationStatus } }, config: clerk },
    async () => ({ isOcrAvailable: await app.deps.ocr.isAvailable(), maxBatchFiles: MAX_BATCH_FILES }),
  )

  app.post(
    '/api/digitisation/batches',
    {
      schema: {
        tags,
        summary: 'Digitise a batch of uploaded scans',
        description:
          'Each file (uploaded first with POST /api/files) becomes an item read in the background: its text ' +
          'layer, or OCR for a scan or an image; smart capture pre-fills its registration and the scan is ' +
          'checked against the digitisation rules. Poll GET /api/digitisation/batches/:id for progress.',
        body: ZCreateScanBatch,
        response: { 201: ZScanBatch },
      },
      config: clerk,
    },
    async (request, reply) => {
      const { batch } = await runAction(request, createBatch, request.body)
      kickReading(app.deps.jobs)
      const view = (await unsafeFindBatch(db(), batch.id))!
      return reply.status(201).send(presentBatch(actorOf(request), view, await batchItems(db(), batch.id)))
    },
  )

  app.get(
    '/api/digitisation/batches',
    { schema: { tags, querystring: ZScanBatchListQuery, response: { 200: ZScanBatchPage } }, config: clerk },
    async (request) => {
      const page = await listBatches(db(), actorOf(request), request.query)
      return {
        items: page.batches.map((b) => presentSummary(b, page.counts.get(b.id)!)),
        total: page.total,
        page: page.page,
        pageSize: page.pageSize,
      }
    },
  )

  app.get(
    '/api/digitisation/batches/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZScanBatch } }, config: clerk },
    async (request) => {
      const batch = await visibleBatch(request, request.params.id)
      return presentBatch(actorOf(request), batch, await batchItems(db(), batch.id))
    },
  )

  app.get(
    '/api/digitisation/items/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZScanItem } }, config: clerk },
    async (request) => presentItemById(request, request.params.id),
  )

  app.post(
    '/api/digitisation/items/:id/register',
    {
      schema: {
        tags,
        summary: 'Register a scan of the batch as an incoming document',
        description:
          'The body is the registration form (as POST /api/documents-in); the scan becomes the main file. ' +
          '409 DUPLICATE_DOCUMENT asks for confirmDuplicate; 409 INVALID_TRANSITION when the item was ' +
          'already registered or discarded.',
        params: ZIdParams,
        body: ZRegisterScanItem,
        response: { 201: ZScanItemRegistered },
      },
      config: clerk,
    },
    async (request, reply) => {
      const { documentId } = await runAction(request, registerScanItem, {
        itemId: request.params.id,
        registration: request.body,
      })
      // Text extraction (and OCR for search) of the new document's files, as for any registration.
      kickTextExtraction(app.deps)
      return reply.status(201).send({ item: await presentItemById(request, request.params.id), documentId })
    },
  )

  app.post(
    '/api/digitisation/items/:id/discard',
    { schema: { tags, params: ZIdParams, response: { 200: ZScanItem } }, config: clerk },
    async (request) => {
      await runAction(request, discardScanItem, { itemId: request.params.id })
      return presentItemById(request, request.params.id)
    },
  )

  app.post(
    '/api/digitisation/items/:id/retry',
    { schema: { tags, params: ZIdParams, response: { 200: ZScanItem } }, config: clerk },
    async (request) => {
      await runAction(request, retryScanItem, { itemId: request.params.id })
      kickReading(app.deps.jobs)
      return presentItemById(request, request.params.id)
    },
  )
}
