/** Files over HTTP: upload (multipart), metadata, content. */
import multipart, { type MultipartFile } from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams } from '@common/contracts/common'
import {
  MAX_FILES_PER_UPLOAD,
  ZFile,
  ZFileContentQuery,
  ZFileList,
  ZUploadFiles,
} from '@common/contracts/files'
import type { BlobStore } from '../../platform/files/blob-store.ts'
import { tooLarge } from '../../platform/files/hashing.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { fileReadableBy } from './access.ts'
import { receiveUpload, type ReceivedFile } from './actions/receive-upload.ts'
import { registerUploads } from './actions/register-uploads.ts'
import { contentDisposition } from './filename.ts'
import { presentFile } from './present.ts'
import { unsafeFindFile, type FileRow } from './queries.ts'

const MAX_FILES = MAX_FILES_PER_UPLOAD
const FILE_FIELDS = new Set(['files', 'file'])

// Describes the multipart body for OpenAPI only: multipart is streamed and checked by hand below.
/** The body of POST /api/files is a stream read by the handler, so schema validation must not touch it. */
const multipartCheckedByHand: FastifySchemaCompiler<unknown> = () => (value: unknown) => ({ value })

/** Media types a browser may show inline; anything else is always downloaded. */
function isInlineSafe(mediaType: string): boolean {
  return mediaType === 'application/pdf' || mediaType.startsWith('image/')
}

function contentTypeHeader(mediaType: string): string {
  return mediaType.startsWith('text/') ? `${mediaType}; charset=utf-8` : mediaType
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  return !!header && header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
}

/** Stream one multipart file part into the store; the part's own size limit also gives FILE_TOO_LARGE. */
async function receivePart(blobs: BlobStore, part: MultipartFile, maxBytes: number): Promise<ReceivedFile> {
  // @fastify/multipart ends a part that crosses limits.fileSize as if it were complete (and
  // raises the error only at the next part), so stop the stream at once: the store then keeps
  // nothing instead of a truncated file. Busboy may have parsed past the limit already (a body
  // that arrived in one piece), hence the check before listening.
  if (part.file.truncated) {
    part.file.destroy()
    throw tooLarge(maxBytes)
  }
  part.file.once('limit', () => part.file.destroy(tooLarge(maxBytes)))
  const received = await receiveUpload(blobs, { filename: part.filename, content: part.file, maxBytes })
  if (part.file.truncated) throw tooLarge(maxBytes)
  return received
}

export async function fileRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['files']
  const { blobs, config, database } = app.deps
  const maxBytes = config.maxUploadBytes

  // Registered here, so only this module's routes accept multipart bodies.
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: MAX_FILES, fields: 10, parts: MAX_FILES + 10, fieldSize: 1024 },
  })

  /** The file, if the actor may read it; "not found" and "not allowed" look the same. */
  async function readableFile(request: FastifyRequest, id: string): Promise<FileRow> {
    const file = await unsafeFindFile(database.db, id)
    if (!file || !(await fileReadableBy(database.db, actorOf(request), file))) throw notFound('file')
    return file
  }

  app.post(
    '/api/files',
    {
      schema: {
        tags,
        summary: 'Upload files',
        description:
          `multipart/form-data with up to ${MAX_FILES} parts named "files". Each file is checked by its content ` +
          'against the allowed types (415 FILE_TYPE_NOT_ALLOWED) and the size limit (413 FILE_TOO_LARGE); ' +
          'plain text (.txt, .csv, .xml) must be UTF-8. All files are stored or none.',
        consumes: ['multipart/form-data'],
        body: ZUploadFiles,
        response: { 201: ZFileList },
      },
      validatorCompiler: multipartCheckedByHand,
      config: { access: 'files.upload' },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
          message: 'Send the files as multipart/form-data, in parts named "files"',
        })
      }
      const received: ReceivedFile[] = []
      for await (const part of request.parts()) {
        if (part.type !== 'file' || !FILE_FIELDS.has(part.fieldname)) {
          throw new AppError('VALIDATION_FAILED', {
            message: `Unexpected part "${part.fieldname}": send files in parts named "files"`,
            details: [{ path: part.fieldname, message: 'unexpected' }],
          })
        }
        received.push(await receivePart(blobs, part, maxBytes))
      }
      if (received.length === 0) {
        throw new AppError('VALIDATION_FAILED', {
          message: 'No file was sent',
          details: [{ path: 'files', message: 'required' }],
        })
      }
      // Blobs stored for a request that fails here stay unreferenced; being content-addressed
      // they harm nothing, and a later sweep can remove blobs no file row points at.
      const rows = await runAction(request, registerUploads, { items: received })
      return reply.status(201).send({ items: rows.map(presentFile) })
    },
  )

  app.get(
    '/api/files/:id',
    {
      schema: { tags, summary: 'File metadata', params: ZIdParams, response: { 200: ZFile } },
      config: { access: 'user' },
    },
    async (request) => presentFile(await readableFile(request, request.params.id)),
  )

  app.get(
    '/api/files/:id/content',
    {
      schema: {
        tags,
        summary: 'File content',
        description:
          'The bytes, verified against their SHA-256 before sending (500 FILE_CORRUPTED if they no longer match). ' +
          'ETag is the SHA-256; Content-Disposition carries the UTF-8 name (RFC 5987).',
        params: ZIdParams,
        querystring: ZFileContentQuery,
      },
      config: { access: 'user' },
    },
    async (request, reply) => {
      const file = await readableFile(request, request.params.id)
      const etag = `"${file.sha256}"`
      // Private: access depends on the user; no-cache: revalidate, since access can be withdrawn.
      reply.header('Cache-Control', 'private, no-cache').header('ETag', etag)
      if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send()
      // Read it all once before answering: a damaged or lost blob gets an error status, never a
      // 200 with wrong bytes. The stream below re-checks, in case it changes in between.
      if (!(await blobs.verify(file.sha256))) {
        reply.removeHeader('ETag')
        throw new AppError('FILE_CORRUPTED', {
          message: `file ${file.id} failed verification of blob ${file.sha256}`,
        })
      }
      const stream = await blobs.get(file.sha256)
      const disposition =
        request.query.inline === '1' && isInlineSafe(file.mediaType) ? 'inline' : 'attachment'
      return reply
        .type(contentTypeHeader(file.mediaType))
        .header('Content-Length', file.size)
        .header('Content-Disposition', contentDisposition(file.filename, disposition))
        .header('X-Content-Type-Options', 'nosniff')
        .send(stream)
    },
  )
}
