/** Approval chains per document type (admin), and the outgoing register's print and export. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams } from '@common/contracts/common'
import {
  ZApprovalChain,
  ZApprovalChainInput,
  ZApprovalChainList,
  ZApprovalChainParams,
  ZOutgoingRegisterExportQuery,
} from '@common/contracts/documents-out'
import { DOCUMENT_TYPE_CODES } from '@common/document-types'
import type { Executor } from '../../platform/db/client.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { contentDisposition } from '../files/index.ts'
import { setApprovalChain } from './actions/manage-chains.ts'
import { chainFor } from './chains.ts'
import { findUsersByIds } from './lookups.ts'
import {
  exportOutgoingRegister,
  outgoingRegisterFilename,
  renderOutgoingRegisterPdf,
  writeOutgoingRegisterXlsx,
} from './register-export.ts'

async function presentChain(db: Executor, documentType: string) {
  const { steps, isBuiltIn } = await chainFor(db, documentType)
  const people = await findUsersByIds(
    db,
    steps.flatMap((s) => (s.userId ? [s.userId] : [])),
  )
  return {
    documentType,
    isBuiltIn,
    steps: steps.map((s) => ({
      kind: s.kind,
      userId: s.userId ?? null,
      userName: people.find((p) => p.id === s.userId)?.fullName ?? null,
    })),
  }
}

const MEDIA_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

export async function adminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const db = app.deps.database.db

  app.get(
    '/api/approval-chains',
    {
      schema: { tags: ['documents-out'], response: { 200: ZApprovalChainList } },
      config: { access: 'signing.manage' },
    },
    async () => ({
      items: await Promise.all(['default', ...DOCUMENT_TYPE_CODES].map((t) => presentChain(db, t))),
    }),
  )

  app.put(
    '/api/approval-chains/:documentType',
    {
      schema: {
        tags: ['documents-out'],
        params: ZApprovalChainParams,
        body: ZApprovalChainInput,
        response: { 200: ZApprovalChain },
      },
      config: { access: 'signing.manage' },
    },
    async (request) => {
      await runAction(request, setApprovalChain, {
        ...request.body,
        documentType: request.params.documentType,
      })
      return presentChain(db, request.params.documentType)
    },
  )

  app.get(
    '/api/documents-out/registers/:id/export',
    {
      schema: { tags: ['registers'], params: ZIdParams, querystring: ZOutgoingRegisterExportQuery },
      config: { access: 'registers.manage' },
    },
    async (request, reply) => {
      const { format, from, to } = request.query
      const data = await runAction(request, exportOutgoingRegister, {
        ...request.query,
        id: request.params.id,
      })
      const body =
        format === 'pdf'
          ? Buffer.from(await renderOutgoingRegisterPdf(data))
          : await writeOutgoingRegisterXlsx(data)
      const utf8 = `${data.registerName.normalize('NFC')} ${from} ${to}.${format}`
      return reply
        .type(MEDIA_TYPES[format])
        .header(
          'content-disposition',
          contentDisposition(
            utf8,
            format === 'pdf' ? 'inline' : 'attachment',
            outgoingRegisterFilename(data.registerName, from, to, format),
          ),
        )
        .header('cache-control', 'no-store')
        .send(body)
    },
  )
}
