/** Smart capture over HTTP: fields of an uploaded file for the incoming-document form. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZCaptureResponse } from '@common/contracts/capture'
import { ZIdParams } from '@common/contracts/common'
import { actorOf } from '../../platform/http/guard.ts'
import { captureFile, INLINE_MAX_BYTES, INLINE_MAX_PAGES } from './capture-file.ts'

export async function captureRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const { blobs, database } = app.deps

  app.post(
    '/api/capture/files/:id',
    {
      schema: {
        tags: ['capture'],
        summary: 'Read registration fields from an uploaded file',
        description:
          'Number and notation, date, issuer, type, subject, signer and recipients of a received document, ' +
          'read from the text of a PDF, DOCX or UTF-8 text file the caller may read (upload it first with ' +
          `POST /api/files). Each field comes with a confidence and warnings. Up to ${INLINE_MAX_BYTES} bytes and ` +
          `the first ${INLINE_MAX_PAGES} pages. Other types: 415 FILE_TYPE_NOT_ALLOWED; an unreadable file: ` +
          '400 VALIDATION_FAILED; a scan without text: isLikelyScanned, fields mostly empty.',
        params: ZIdParams,
        response: { 200: ZCaptureResponse },
      },
      config: { access: 'files.upload' },
    },
    async (request) =>
      captureFile({ actor: actorOf(request), db: database.db, blobs }, { fileId: request.params.id }),
  )
}
