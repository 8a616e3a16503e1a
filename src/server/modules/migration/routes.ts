/**
 * HTTP routes of the migration, administrators only ('migration.manage'):
 *   GET  /api/migration/templates/:kind        the empty CSV of a kind's columns
 *   POST /api/migration/archives                upload the zip of files (multipart, one part "file")
 *   POST /api/migration/runs                    start a dry run or an import (the export comes from POST /api/files)
 *   GET  /api/migration/runs                    the runs, newest first
 *   GET  /api/migration/runs/:id                one run: progress, counts, problems
 *   GET  /api/migration/runs/:id/problems.csv   the problem report
 *   POST /api/migration/runs/:id/cancel         stop a run
 *   POST /api/migration/runs/:id/resume         continue a failed or cancelled run from where it stopped
 */
import { Readable } from 'node:stream'
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ZIdParams } from '@common/contracts/common'
import {
  ZCreateMigrationRun,
  ZMigrationArchive,
  ZMigrationKindParams,
  ZMigrationRun,
  ZMigrationRunListQuery,
  ZMigrationRunPage,
} from '@common/contracts/migration'
import { AppError, notFound } from '../../platform/errors.ts'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { contentDisposition } from '../files/index.ts'
import { cancelRun, resumeRun } from './actions/control-run.ts'
import { createRun } from './actions/create-run.ts'
import { archiveFilename, registerArchive } from './actions/upload-archive.ts'
import { indexArchive } from './archive.ts'
import { MigrationFileError } from './errors.ts'
import { presentRun, presentRunSummary } from './present.ts'
import { kickMigrations } from './process.ts'
import { findRun, listRuns } from './queries.ts'
import { problemsCsv, templateCsv, templateFilename } from './report.ts'

/** The multipart body is a stream the handler reads; schema validation must not touch it. */
const multipartCheckedByHand: FastifySchemaCompiler<unknown> = () => (value: unknown) => ({ value })

const ZArchiveUpload = z.object({
  file: z.file().describe('The .zip of the files named in the "Tệp" column'),
})

function sendCsv(reply: FastifyReply, filename: string, body: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('Cache-Control', 'private, no-cache')
    .header('Content-Disposition', contentDisposition(filename, 'attachment'))
    .header('X-Content-Type-Options', 'nosniff')
    .send(body)
}

export async function migrationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['migration']
  const admin = { access: 'migration.manage' as const }
  const { database, config } = app.deps

  // Registered here, so only this module's routes (and the files module's own) accept multipart bodies.
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 0, parts: 1 },
  })

  const presentById = async (request: FastifyRequest, id: string) => {
    const run = await findRun(database.db, actorOf(request), id)
    if (!run) throw notFound('migration run')
    return run
  }

  app.get(
    '/api/migration/templates/:kind',
    { schema: { tags, summary: 'Template CSV of a kind', params: ZMigrationKindParams }, config: admin },
    async (request, reply) =>
      sendCsv(reply, templateFilename(request.params.kind), templateCsv(request.params.kind)),
  )

  app.post(
    '/api/migration/archives',
    {
      schema: {
        tags,
        summary: 'Upload the zip of files',
        description:
          'multipart/form-data with one part named "file": a .zip whose entries are the files named in the export\'s "Tệp" column. ' +
          '422 MIGRATION_FILE_INVALID if it is not a readable zip; 413 FILE_TOO_LARGE above the upload limit.',
        consumes: ['multipart/form-data'],
        body: ZArchiveUpload,
        response: { 201: ZMigrationArchive },
      },
      validatorCompiler: multipartCheckedByHand,
      config: admin,
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
          message: 'Gửi tệp nén dạng multipart/form-data, trong phần tên "file"',
        })
      const part = await request.file()
      if (!part)
        throw new AppError('VALIDATION_FAILED', {
          message: 'Chưa có tệp nén nào được gửi',
          details: [{ path: 'file', message: 'Chọn tệp .zip' }],
        })
      const bytes = await part.toBuffer()
      let entryCount: number
      try {
        entryCount = indexArchive(bytes).entries.length
      } catch (err) {
        if (!(err instanceof MigrationFileError)) throw err
        throw new AppError('MIGRATION_FILE_INVALID', {
          message: err.message,
          details: [{ path: 'file', message: err.message }],
        })
      }
      const stored = await app.deps.blobs.put(Readable.from([bytes]), { maxBytes: config.maxUploadBytes })
      const filename = archiveFilename(part.filename)
      const { id } = await runAction(request, registerArchive, {
        filename,
        sha256: stored.sha256,
        size: stored.size,
        isNewBlob: stored.isNew,
      })
      return reply.status(201).send({ id, filename, size: stored.size, entryCount })
    },
  )

  app.post(
    '/api/migration/runs',
    {
      schema: {
        tags,
        summary: 'Start a dry run or an import',
        body: ZCreateMigrationRun,
        response: { 201: ZMigrationRun },
      },
      config: admin,
    },
    async (request, reply) => {
      const run = await runAction(request, createRun, request.body)
      kickMigrations(app.deps.jobs)
      return reply.status(201).send(presentRun(await presentById(request, run.id)))
    },
  )

  app.get(
    '/api/migration/runs',
    {
      schema: { tags, querystring: ZMigrationRunListQuery, response: { 200: ZMigrationRunPage } },
      config: admin,
    },
    async (request) => {
      const page = await listRuns(database.db, actorOf(request).organizationId, request.query)
      return {
        items: page.items.map(presentRunSummary),
        total: page.total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      }
    },
  )

  app.get(
    '/api/migration/runs/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZMigrationRun } }, config: admin },
    async (request) => presentRun(await presentById(request, request.params.id)),
  )

  app.get(
    '/api/migration/runs/:id/problems.csv',
    { schema: { tags, summary: 'The problem report (CSV)', params: ZIdParams }, config: admin },
    async (request, reply) => {
      const run = presentRun(await presentById(request, request.params.id))
      const day = run.createdAt.slice(0, 10)
      return sendCsv(reply, `bao-cao-loi-chuyen-doi-${day}.csv`, problemsCsv(run.problems, run.problemCount))
    },
  )

  app.post(
    '/api/migration/runs/:id/cancel',
    { schema: { tags, params: ZIdParams, response: { 200: ZMigrationRun } }, config: admin },
    async (request) => {
      await runAction(request, cancelRun, { id: request.params.id })
      return presentRun(await presentById(request, request.params.id))
    },
  )

  app.post(
    '/api/migration/runs/:id/resume',
    { schema: { tags, params: ZIdParams, response: { 200: ZMigrationRun } }, config: admin },
    async (request) => {
      await runAction(request, resumeRun, { id: request.params.id })
      kickMigrations(app.deps.jobs)
      return presentRun(await presentById(request, request.params.id))
    },
  )
}
