/** GET /api/registers/:id/export: the incoming register for a date range, as a PDF to print or an XLSX workbook. */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams } from '@common/contracts/common'
import { ZRegisterExportQuery } from '@common/contracts/documents-in'
import { runAction } from '../../platform/http/run-action.ts'
import { contentDisposition } from '../files/index.ts'
import {
  exportFilename,
  exportRegister,
  renderRegisterPdf,
  writeRegisterXlsx,
} from './register-export/index.ts'

const MEDIA_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

export async function registerExportRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/registers/:id/export',
    {
      schema: { tags: ['registers'], params: ZIdParams, querystring: ZRegisterExportQuery },
      config: { access: 'registers.manage' },
    },
    async (request, reply) => {
      const { format, from, to } = request.query
      const data = await runAction(request, exportRegister, { ...request.query, id: request.params.id })
      const body =
        format === 'pdf' ? Buffer.from(await renderRegisterPdf(data)) : await writeRegisterXlsx(data)
      const ascii = exportFilename(data.registerName, from, to, format)
      const utf8 = `${data.registerName.normalize('NFC')} ${from} ${to}.${format}`
      return reply
        .type(MEDIA_TYPES[format])
        .header(
          'content-disposition',
          contentDisposition(utf8, format === 'pdf' ? 'inline' : 'attachment', ascii),
        )
        .header('cache-control', 'no-store')
        .send(body)
    },
  )
}
