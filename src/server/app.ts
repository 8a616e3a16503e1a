/** Builds the Fastify app from the platform and every module. main.ts, tests and benchmarks all build it here. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fs from 'node:fs'
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { Config } from './config.ts'
import type { Database } from './platform/db/client.ts'
import { EventDispatcher } from './platform/events/dispatch.ts'
import { createBlobStore } from './platform/files/create-blob-store.ts'
import { createMailer } from './platform/mail/index.ts'
import { createDocxConverter } from './platform/convert/index.ts'
import { createOcrEngine } from './platform/ocr/index.ts'
import { registerErrorHandling } from './platform/http/errors.ts'
import { registerGuard } from './platform/http/guard.ts'
import type { AppDeps } from './platform/http/types.ts'
import { Jobs } from './platform/jobs/queue.ts'
import { purgeSessions } from './platform/http/session.ts'
import { accountsModule, globalCan } from './modules/accounts/index.ts'
import { auditModule } from './modules/audit/index.ts'
import { calendarModule } from './modules/calendar/index.ts'
import { captureModule } from './modules/capture/index.ts'
import { consultationsModule } from './modules/consultations/index.ts'
import { delegationsModule } from './modules/delegations/index.ts'
import { digitisationModule } from './modules/digitisation/index.ts'
import { documentsInModule } from './modules/documents-in/index.ts'
import { documentsOutModule } from './modules/documents-out/index.ts'
import { exchangeModule } from './modules/exchange/index.ts'
import { migrationModule } from './modules/migration/index.ts'
import { filesModule } from './modules/files/index.ts'
import { notificationsModule } from './modules/notifications/index.ts'
import { organizationsModule } from './modules/organizations/index.ts'
import { searchModule } from './modules/search/index.ts'
import { systemModule } from './modules/system/index.ts'

export type AppModule = {
  name: string
  routes: (app: FastifyInstance) => Promise<void>
  /** After-commit handlers and jobs this module runs. */
  register?: (deps: AppDeps) => void
}

const MODULES: AppModule[] = [
  systemModule,
  accountsModule,
  organizationsModule,
  delegationsModule,
  auditModule,
  filesModule,
  notificationsModule,
  calendarModule,
  captureModule,
  documentsInModule,
  documentsOutModule,
  exchangeModule,
  migrationModule,
  searchModule,
  digitisationModule,
  consultationsModule,
]

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web')

/** Wire the platform services for a database: job queue, blob store, event dispatcher. */
export function createDeps(
  config: Config,
  database: Database,
  clock: () => Date = () => new Date(),
): AppDeps {
  const jobs = new Jobs(database)
  const dispatcher = new EventDispatcher(database)
  const deps: AppDeps = {
    config,
    database,
    jobs,
    blobs: createBlobStore(config),
    mailer: createMailer(config),
    converter: createDocxConverter(config),
    ocr: createOcrEngine({
      tesseractPath: config.ocr.tesseractPath,
      pdftoppmPath: config.ocr.pdftoppmPath,
      concurrency: config.ocr.concurrency,
      timeoutMs: config.ocr.timeoutMs,
    }),
    dispatcher,
    clock,
    kickDispatch: () => {
      jobs
        .send('events.dispatch')
        .catch((err: Error) => console.error('could not queue event dispatch:', err.message))
    },
  }
  jobs.define({
    name: 'events.dispatch',
    policy: 'stately',
    cron: '* * * * *',
    handler: async () => {
      const result = await dispatcher.dispatchPending()
      for (const f of result.failures)
        console.error(`event handler ${f.handler} failed on event ${f.eventId}: ${f.message}`)
    },
  })
  jobs.define({
    name: 'sessions.purge',
    cron: '17 3 * * *',
    handler: () => purgeSessions(database.db, clock()),
  })
  for (const m of MODULES) m.register?.(deps)
  return deps
}

export async function buildApp(deps: AppDeps, options: { logger?: boolean; serveWeb?: boolean } = {}) {
  const { config } = deps
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.decorate('deps', deps)
  app.decorate('globalCan', globalCan)
  registerErrorHandling(app)

  await app.register(cookie)
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes CSS-in-JS style tags at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameSrc: ["'self'", 'blob:'],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.isProduction ? [] : null,
      },
    },
    strictTransportSecurity: config.isProduction,
    crossOriginEmbedderPolicy: false,
  })
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Mekong eOffice API',
        version: '0.1.0',
        description: 'Hệ thống Quản lý văn bản và Hồ sơ điện tử',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'eoffice_sid' } } },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
  registerGuard(app)

  for (const m of MODULES) await app.register(m.routes)

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !options.serveWeb || request.method !== 'GET') {
      return reply
        .status(404)
        .send({ error: { code: 'NOT_FOUND', message: 'No such route', requestId: request.id } })
    }
    return reply.type('text/html').sendFile('index.html', WEB_DIST)
  })
  if (options.serveWeb) {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
      app.log.warn(`web app not built (${WEB_DIST}); run npm run build:web`)
    }
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: true, index: ['index.html'] })
  }
  return app
}
