/** The organization directory: read by staff, kept by administrators (one by one or from a CSV file). */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ZIdParams } from '@common/contracts/common'
import {
  ZOrganization,
  ZOrganizationImport,
  ZOrganizationImportResult,
  ZOrganizationInput,
  ZOrganizationListQuery,
  ZOrganizationPage,
  ZOrganizationUpdate,
} from '@common/contracts/organizations'
import { notFound } from '../../platform/errors.ts'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { createOrganization } from './actions/create-organization.ts'
import { importOrganizations } from './actions/import-organizations.ts'
import { updateOrganization } from './actions/update-organization.ts'
import { presentOrganization } from './present.ts'
import { listOrganizations, unsafeFindOrganization } from './queries.ts'

/** The contract allows 2,000,000 characters of CSV; Vietnamese text takes up to 3 bytes a character in UTF-8. */
const IMPORT_BODY_LIMIT = 6_500_000

export async function organizationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['organizations']
  const read = 'organizations.read' as const
  const manage = 'admin.organizations.manage' as const

  app.get(
    '/api/organizations',
    {
      schema: { tags, querystring: ZOrganizationListQuery, response: { 200: ZOrganizationPage } },
      config: { access: read },
    },
    async (request) => {
      const { items, total } = await listOrganizations(app.deps.database.db, request.query)
      const actor = actorOf(request)
      return {
        items: items.map((o) => presentOrganization(actor, o)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      }
    },
  )

  app.get(
    '/api/organizations/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZOrganization } }, config: { access: read } },
    async (request) => {
      const organization = await unsafeFindOrganization(app.deps.database.db, request.params.id)
      if (!organization) throw notFound('organization')
      return presentOrganization(actorOf(request), organization)
    },
  )

  app.post(
    '/api/admin/organizations',
    {
      schema: { tags, body: ZOrganizationInput, response: { 201: ZOrganization } },
      config: { access: manage },
    },
    async (request, reply) => {
      const organization = await runAction(request, createOrganization, request.body)
      return reply.status(201).send(presentOrganization(actorOf(request), organization))
    },
  )

  app.patch(
    '/api/admin/organizations/:id',
    {
      schema: { tags, params: ZIdParams, body: ZOrganizationUpdate, response: { 200: ZOrganization } },
      config: { access: manage },
    },
    async (request) =>
      presentOrganization(
        actorOf(request),
        await runAction(request, updateOrganization, { ...request.body, id: request.params.id }),
      ),
  )

  app.post(
    '/api/admin/organizations/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, body: ZOrganizationImport, response: { 200: ZOrganizationImportResult } },
      config: { access: manage },
    },
    async (request) => runAction(request, importOrganizations, request.body),
  )
}
