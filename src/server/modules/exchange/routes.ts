/** HTTP routes of the exchange (see src/common/contracts/exchange.ts for the list). */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ZIdParams } from '@common/contracts/common'
import {
  ZAcceptReceived,
  ZDirectoryImport,
  ZDirectoryImportResult,
  ZExchangeIdentity,
  ZOutboxItem,
  ZOutboxPage,
  ZOutboxQuery,
  ZPollResult,
  ZReceivedCounts,
  ZReceivedListQuery,
  ZReceivedPackage,
  ZReceivedPage,
  ZRefuseReceived,
  ZSentExchange,
  ZStuckList,
  ZStuckQuery,
} from '@common/contracts/exchange'
import { and, eq, sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/client.ts'
import { exchangeMessages } from '../../platform/db/schema.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { PEER_HEADERS } from '../../platform/exchange-transport/index.ts'
import { contentDisposition } from '../files/index.ts'
import { loadVisibleOutgoing } from '../documents-out/index.ts'
import { kickTextExtraction } from '../documents-in/index.ts'
import { acceptReceived, refuseReceived } from './decide.ts'
import { entriesFromAxis, entriesFromCsv, importDirectory } from './directory.ts'
import { EXCHANGE_EVENTS, EXCHANGE_TARGET } from './events.ts'
import { loadIdentity } from './identity.ts'
import { pollAxis } from './jobs.ts'
import { kickDelivery, type OutboxDeps } from './outbox.ts'
import {
  countWaiting,
  findReceived,
  listOutbox,
  listReceived,
  presentOutbox,
  presentReceived,
  sentExchange,
  stuckDocuments,
} from './queries.ts'
import { receivePackage } from './receive.ts'
import type { ReceivedSummary } from './receive.ts'
import { readBytes } from './store.ts'
import { axisTransport } from './transports.ts'
import { recordEvent } from '../../platform/events/record.ts'

/** Packages may carry large scans: the peer route takes up to 60 MiB (the edXML parser's own limit). */
const PEER_BODY_LIMIT = 60 * 1024 * 1024

export async function exchangeRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['exchange']
  const deps = (): OutboxDeps => app.deps
  const clerk = { access: 'exchange.receive' as const }
  const admin = { access: 'exchange.manage' as const }

  app.get(
    '/api/exchange/received',
    { schema: { tags, querystring: ZReceivedListQuery, response: { 200: ZReceivedPage } }, config: clerk },
    async (request) => listReceived(app.deps.database.db, request.query),
  )

  app.get(
    '/api/exchange/received/counts',
    { schema: { tags, response: { 200: ZReceivedCounts } }, config: clerk },
    async () => ({ waiting: await countWaiting(app.deps.database.db) }),
  )

  const presentById = async (request: Parameters<typeof actorOf>[0], id: string) => {
    const row = await findReceived(app.deps.database.db, id)
    if (!row) throw notFound('package')
    return presentReceived(app.deps.database.db, actorOf(request), row)
  }

  app.get(
    '/api/exchange/received/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZReceivedPackage } }, config: clerk },
    async (request) => presentById(request, request.params.id),
  )

  app.get(
    '/api/exchange/received/:id/attachments/:index',
    {
      schema: {
        tags,
        params: z
          .object({ id: ZIdParams.shape.id, index: z.coerce.number().int().min(0).max(1000) })
          .strict(),
        querystring: z.object({ inline: z.enum(['0', '1']).optional() }).strict(),
      },
      config: clerk,
    },
    async (request, reply) => {
      const row = await findReceived(app.deps.database.db, request.params.id)
      const attachment = (row?.summary as ReceivedSummary | null)?.attachments[request.params.index]
      if (!row || !attachment) throw notFound('attachment')
      const bytes = await readBytes(app.deps.blobs, attachment.sha256)
      const isInline =
        request.query.inline === '1' &&
        (attachment.contentType === 'application/pdf' || attachment.contentType.startsWith('image/'))
      return reply
        .type(attachment.contentType)
        .header('Cache-Control', 'private, no-cache')
        .header(
          'Content-Disposition',
          contentDisposition(attachment.name, isInline ? 'inline' : 'attachment'),
        )
        .header('X-Content-Type-Options', 'nosniff')
        .send(Buffer.from(bytes))
    },
  )

  app.post(
    '/api/exchange/received/:id/accept',
    {
      schema: { tags, params: ZIdParams, body: ZAcceptReceived, response: { 200: ZReceivedPackage } },
      config: clerk,
    },
    async (request) => {
      const { kind } = await runAction(request, acceptReceived, { ...request.body, id: request.params.id })
      kickDelivery(app.deps.jobs, { isCommitted: true })
      // Registered as incoming: its files' text is read (and so indexed) as after any registration.
      if (kind === 'document' || kind === 'replacement') kickTextExtraction(app.deps)
      return presentById(request, request.params.id)
    },
  )

  app.post(
    '/api/exchange/received/:id/refuse',
    {
      schema: { tags, params: ZIdParams, body: ZRefuseReceived, response: { 200: ZReceivedPackage } },
      config: clerk,
    },
    async (request) => {
      await runAction(request, refuseReceived, { ...request.body, id: request.params.id })
      kickDelivery(app.deps.jobs, { isCommitted: true })
      return presentById(request, request.params.id)
    },
  )

  app.post(
    '/api/exchange/poll',
    { schema: { tags, response: { 200: ZPollResult } }, config: clerk },
    async () => {
      const result = await pollAxis(deps())
      if (result.received || result.statuses) app.deps.kickDispatch()
      kickDelivery(app.deps.jobs, { isCommitted: true })
      return result
    },
  )

  app.get(
    '/api/exchange/sent/:id',
    {
      schema: { tags, params: ZIdParams, response: { 200: ZSentExchange } },
      config: { access: 'documentsOut.read' },
    },
    async (request) => {
      const doc = await loadVisibleOutgoing(
        app.deps.database.db,
        actorOf(request),
        request.params.id,
        app.deps.clock(),
      )
      if (!doc) throw notFound('document')
      return sentExchange(app.deps.database.db, doc)
    },
  )

  app.get(
    '/api/exchange/stuck',
    { schema: { tags, querystring: ZStuckQuery, response: { 200: ZStuckList } }, config: clerk },
    async (request) =>
      stuckDocuments(app.deps.database.db, app.deps.clock(), request.query.hours, request.query.limit),
  )

  app.get(
    '/api/exchange/outbox',
    { schema: { tags, querystring: ZOutboxQuery, response: { 200: ZOutboxPage } }, config: clerk },
    async (request) => listOutbox(app.deps.database.db, request.query),
  )

  app.post(
    '/api/exchange/outbox/:id/retry',
    { schema: { tags, params: ZIdParams, response: { 200: ZOutboxItem } }, config: clerk },
    async (request) => {
      const row = await runAction(
        request,
        async (ctx, id: string) => {
          const [m] = await ctx.tx
            .select()
            .from(exchangeMessages)
            .where(and(eq(exchangeMessages.id, id), eq(exchangeMessages.direction, 'out')))
            .for('update')
          if (!m) throw notFound('message')
          if (m.state !== 'failed' && m.state !== 'queued')
            throw new AppError('INVALID_TRANSITION', {
              message: `Cannot retry a ${m.state} message`,
              details: [{ path: 'state', message: 'Chỉ gửi lại được gói tin đang chờ hoặc gửi lỗi' }],
            })
          const [updated] = await ctx.tx
            .update(exchangeMessages)
            .set({ state: 'queued', nextAttemptAt: ctx.now, attempts: 0, updatedAt: ctx.now })
            .where(eq(exchangeMessages.id, id))
            .returning()
          await recordEvent(ctx, {
            action: EXCHANGE_EVENTS.retried,
            targetType: EXCHANGE_TARGET,
            targetId: id,
            data: { previousState: m.state, lastError: m.lastError, to: m.toCode },
          })
          return updated!
        },
        request.params.id,
      )
      kickDelivery(app.deps.jobs, { isCommitted: true })
      return presentOutbox(row, null)
    },
  )

  app.get(
    '/api/exchange/identity',
    { schema: { tags, response: { 200: ZExchangeIdentity } }, config: clerk },
    async () => {
      const { config, database } = app.deps
      const identity = await loadIdentity(database, app.deps.clock(), config.appSecret)
      const [counts] = await queryRows<{ total: number; with_certificate: number; synced: number }>(
        database.db,
        sql`SELECT count(*)::int AS total, count(certificate_pem)::int AS with_certificate, count(synced_at)::int AS synced
            FROM organizations WHERE NOT is_own AND code IS NOT NULL`,
      )
      return {
        organizationCode: identity.own.code,
        organizationName: identity.own.name,
        certificatePem: identity.certificatePem,
        certificateSubject: identity.certificate.subject,
        certificateNotAfter: identity.certificate.notAfter.toISOString(),
        axisConfigured: !!config.exchange.axis,
        axisUrl: config.exchange.axis?.url ?? null,
        peerEndpoint: config.publicUrl
          ? `${config.publicUrl.replace(/\/+$/, '')}/api/exchange/peer/packages`
          : null,
        directory: {
          total: counts?.total ?? 0,
          withCertificate: counts?.with_certificate ?? 0,
          synced: counts?.synced ?? 0,
        },
      }
    },
  )

  app.post(
    '/api/exchange/directory/import',
    { schema: { tags, body: ZDirectoryImport, response: { 200: ZDirectoryImportResult } }, config: admin },
    async (request) => {
      const { entries, csv, dryRun } = request.body
      if (!entries && !csv)
        throw new AppError('VALIDATION_FAILED', {
          message: 'entries or csv',
          details: [{ path: 'csv', message: 'Chọn tệp JSON hoặc CSV danh bạ' }],
        })
      const lines = entries ? entries.map((entry, i) => ({ line: i + 1, entry })) : entriesFromCsv(csv!)
      return runAction(request, (ctx) => importDirectory(ctx, lines, { dryRun, source: 'import' }), undefined)
    },
  )

  app.post(
    '/api/exchange/directory/sync',
    { schema: { tags, response: { 200: ZDirectoryImportResult } }, config: admin },
    async (request) => {
      const transport = axisTransport(app.deps.config)
      if (!transport)
        throw new AppError('EXCHANGE_NOT_CONFIGURED', {
          message: 'Chưa cấu hình trục liên thông (EXCHANGE_AXIS_URL, EXCHANGE_SYSTEM_ID, EXCHANGE_SECRET)',
        })
      const list = entriesFromAxis(await transport.listAgencies())
      return runAction(
        request,
        (ctx) => importDirectory(ctx, list, { dryRun: false, source: 'axis' }),
        undefined,
      )
    },
  )

  // Direct delivery from another instance: no session; the package's signature, checked against the
  // sender's certificate in our directory, is the authentication.
  await app.register(async (peer) => {
    peer.addContentTypeParser(
      ['application/xml', 'text/xml', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: PEER_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    )
    peer.post(
      '/api/exchange/peer/packages',
      { config: { access: 'public' }, bodyLimit: PEER_BODY_LIMIT, schema: { tags, hide: false } },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0)
          throw new AppError('EDXML_INVALID', {
            message: 'Thân yêu cầu phải là một gói tin edXML (application/xml)',
          })
        const claimed = request.headers[PEER_HEADERS.from.toLowerCase()]
        const result = await receivePackage(app.deps, new Uint8Array(request.body), {
          transport: 'peer',
          claimedFrom: typeof claimed === 'string' ? claimed : null,
        })
        if (!result.duplicate) app.deps.kickDispatch()
        kickDelivery(app.deps.jobs, { isCommitted: true })
        return reply
          .status(result.duplicate ? 200 : 202)
          .send(result.duplicate ? { id: result.id, duplicate: true } : { id: result.id })
      },
    )
  })
}
