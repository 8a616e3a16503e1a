/** Health, public settings and the notion of "our organization". */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { sql } from 'drizzle-orm'
import { ZPublicConfig } from '@common/contracts/auth'
import { ZHealth } from '@common/contracts/files'
import type { AppModule } from '../../app.ts'
import { publicConfig } from '../../config.ts'

async function probe(check: () => Promise<unknown>): Promise<boolean> {
  try {
    await check()
    return true
  } catch (err) {
    console.error('health check failed:', err instanceof Error ? err.message : err)
    return false
  }
}

export const systemModule: AppModule = {
  name: 'system',
  routes: async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>()
    app.get(
      '/api/health',
      {
        schema: { tags: ['system'], response: { 200: ZHealth, 503: ZHealth } },
        config: { access: 'public' },
      },
      async (_request, reply) => {
        const { database, blobs, jobs } = app.deps
        const checks = {
          database: await probe(() => database.db.execute(sql`SELECT 1`)),
          blobs: await probe(() => blobs.check()),
          jobs: await probe(async () => {
            if (!(await jobs.isHealthy())) throw new Error('job queue not started')
          }),
        }
        const ok = checks.database && checks.blobs && checks.jobs
        return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', checks, version: '0.1.0' })
      },
    )
    app.get(
      '/api/config',
      { schema: { tags: ['system'], response: { 200: ZPublicConfig } }, config: { access: 'public' } },
      async () => publicConfig(app.deps.config),
    )
  },
}
