/**
 * Signatures: verify any readable PDF (or an uploaded one); the signer's own key status; the
 * admin's signing keys and trusted roots.
 */
import { createHash } from 'node:crypto'
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams } from '@common/contracts/common'
import {
  ZMySigningKey,
  ZSigningKey,
  ZSigningKeyInput,
  ZSigningKeyList,
  ZSigningKeyUpdate,
  ZTrustedRoot,
  ZTrustedRootInput,
  ZTrustedRootList,
  ZTrustedRootUpdate,
  ZVerificationResult,
  ZVerifyFile,
} from '@common/contracts/documents-out'
import type { signingKeys, trustedRoots } from '../../platform/db/schema.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { createVerificationCache, verifyPdf } from '../../platform/signing/index.ts'
import { fileReadableBy, unsafeFindFile } from '../files/index.ts'
import {
  addSigningKey,
  addTrustedRoot,
  updateSigningKey,
  updateTrustedRoot,
} from './actions/manage-signing.ts'
import { activeTrustedRoots, recordVerification } from './actions/verify-signatures.ts'
import { presentCertificate, type StoredCertificate } from './certificates.ts'
import { activeUserKey, listKeys, listRoots, pinState, readBlob } from './keys.ts'

// Results depend only on the bytes and the roots (both in the key), so every process may cache.
const verificationCache = createVerificationCache(2_000)

type KeyRow = typeof signingKeys.$inferSelect

function presentKey(row: KeyRow, userName: string | null) {
  return {
    id: row.id,
    ownerKind: row.ownerKind as 'user' | 'organization',
    userId: row.userId,
    userName,
    certificate: presentCertificate(row.certificate as StoredCertificate),
    hasImage: row.imagePng !== null,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
  }
}

function toPem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64')
  return `-----BEGIN CERTIFICATE-----\n${b64.replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`
}

function presentRoot(row: typeof trustedRoots.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    certificate: presentCertificate(row.certificate as StoredCertificate),
    pem: toPem(row.certificateDer),
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
  }
}

export async function signingRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['signatures']
  const { database, blobs, config, clock } = app.deps
  const admin = { access: 'signing.manage' as const }

  // Registered here, so only this plugin's routes accept multipart bodies (the verify upload).
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 0, parts: 1 },
  })

  async function verifyBytes(
    request: FastifyRequest,
    bytes: Uint8Array,
    fileId: string | null,
    filename: string,
  ) {
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const verification = await verifyPdf(bytes, {
      trustedRoots: await activeTrustedRoots(database.db),
      now: clock(),
      sha256,
      cache: verificationCache,
    })
    return runAction(request, recordVerification, { fileId, filename, sha256, verification })
  }

  app.post(
    '/api/signatures/verify',
    {
      schema: { tags, body: ZVerifyFile, response: { 200: ZVerificationResult } },
      config: { access: 'signatures.verify' },
    },
    async (request) => {
      const file = await unsafeFindFile(database.db, request.body.fileId)
      if (!file || !(await fileReadableBy(database.db, actorOf(request), file))) throw notFound('file')
      if (file.mediaType !== 'application/pdf')
        throw new AppError('NOT_A_PDF', { message: 'Only PDFs carry PAdES signatures' })
      return verifyBytes(request, await readBlob(blobs, file.sha256), file.id, file.filename)
    },
  )

  app.post(
    '/api/signatures/verify-upload',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZVerificationResult } },
      config: { access: 'signatures.verify' },
    },
    async (request) => {
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: 'Send the PDF as multipart/form-data' })
      const part = await request.file()
      if (!part)
        throw new AppError('VALIDATION_FAILED', {
          message: 'No file',
          details: [{ path: 'file', message: 'Chọn tệp PDF' }],
        })
      const bytes = new Uint8Array(await part.toBuffer())
      if (part.file.truncated) throw new AppError('FILE_TOO_LARGE')
      if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-')
        throw new AppError('NOT_A_PDF', { message: 'Not a PDF' })
      return verifyBytes(request, bytes, null, part.filename || 'tep.pdf')
    },
  )

  app.get(
    '/api/signing/me',
    { schema: { tags, response: { 200: ZMySigningKey } }, config: { access: 'user' } },
    async (request) => {
      const actor = actorOf(request)
      const key = await activeUserKey(database.db, actor.id)
      const pin = await pinState(database.db, actor.id)
      const locked = pin?.lockedUntil && pin.lockedUntil > clock() ? pin.lockedUntil.toISOString() : null
      return {
        hasKey: key !== null,
        certificate: key ? presentCertificate(key.certificate as StoredCertificate) : null,
        hasImage: key?.imagePng != null,
        lockedUntil: locked,
        failedAttempts: pin?.failedCount ?? 0,
      }
    },
  )

  app.get(
    '/api/signing/keys',
    { schema: { tags, response: { 200: ZSigningKeyList } }, config: admin },
    async () => {
      const rows = await listKeys(database.db)
      return { items: rows.map((r) => presentKey(r.k, r.userName)) }
    },
  )

  app.post(
    '/api/signing/keys',
    {
      schema: { tags, body: ZSigningKeyInput, response: { 200: ZSigningKey } },
      config: admin,
      bodyLimit: 2 * 1024 * 1024,
    },
    async (request) => {
      const row = await runAction(request, addSigningKey, request.body)
      return presentKey(row, null)
    },
  )

  app.patch(
    '/api/signing/keys/:id',
    {
      schema: { tags, params: ZIdParams, body: ZSigningKeyUpdate, response: { 200: ZSigningKey } },
      config: admin,
      bodyLimit: 2 * 1024 * 1024,
    },
    async (request) =>
      presentKey(
        await runAction(request, updateSigningKey, { ...request.body, id: request.params.id }),
        null,
      ),
  )

  app.get(
    '/api/signing/trusted-roots',
    { schema: { tags, response: { 200: ZTrustedRootList } }, config: admin },
    async () => {
      return { items: (await listRoots(database.db)).map(presentRoot) }
    },
  )

  app.post(
    '/api/signing/trusted-roots',
    { schema: { tags, body: ZTrustedRootInput, response: { 200: ZTrustedRoot } }, config: admin },
    async (request) => presentRoot(await runAction(request, addTrustedRoot, request.body)),
  )

  app.patch(
    '/api/signing/trusted-roots/:id',
    {
      schema: { tags, params: ZIdParams, body: ZTrustedRootUpdate, response: { 200: ZTrustedRoot } },
      config: admin,
    },
    async (request) =>
      presentRoot(await runAction(request, updateTrustedRoot, { ...request.body, id: request.params.id })),
  )
}
