/**
 * Background jobs on pg-boss, in the same PostgreSQL as the data (PGlite or a server).
 * The server process runs a worker unless RUN_WORKER=false; `npm run worker` runs more (server mode).
 */
import { PgBoss, fromPglite, type Job, type SendOptions } from 'pg-boss'
import type { Database } from '../db/client.ts'

export type JobHandler<T> = (jobs: Job<T>[]) => Promise<void>

export type JobDefinition<T = Record<string, unknown>> = {
  name: string
  handler: JobHandler<T>
  /** cron in Asia/Ho_Chi_Minh, e.g. every minute: '* * * * *' */
  cron?: string
  /** 'stately' keeps at most one queued and one active job: right for "catch up" jobs. */
  policy?: 'standard' | 'stately'
  retryLimit?: number
}

export class Jobs {
  readonly boss: PgBoss
  private readonly definitions = new Map<string, JobDefinition<never>>()
  private started = false
  private working = false

  constructor(database: Database) {
    this.boss =
      database.kind === 'pglite'
        ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', schema: 'pgboss' })
        : new PgBoss({ connectionString: database.url!, schema: 'pgboss', max: 4 })
    this.boss.on('error', (err: Error) => console.error('job queue error:', err.message))
  }

  define<T>(definition: JobDefinition<T>): void {
    this.definitions.set(definition.name, definition as JobDefinition<never>)
  }

  /** Create the pg-boss schema and queues. Does not start working. */
  async start(): Promise<void> {
    if (this.started) return
    await this.boss.start()
    for (const def of this.definitions.values()) {
      await this.boss.createQueue(def.name, {
        policy: def.policy ?? 'standard',
        retryLimit: def.retryLimit ?? 5,
        retryBackoff: true,
        retryDelay: 5,
      })
      if (def.cron) await this.boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Ho_Chi_Minh' })
    }
    this.started = true
  }

  /** Start the workers of every defined queue in this process. */
  async work(pollingIntervalSeconds = 1): Promise<void> {
    if (this.working) return
    for (const def of this.definitions.values()) {
      await this.boss.work(
        def.name,
        { pollingIntervalSeconds, batchSize: 10 },
        def.handler as JobHandler<unknown>,
      )
    }
    this.working = true
  }

  async send(name: string, data: object = {}, options: SendOptions = {}): Promise<string | null> {
    return this.boss.send(name, data, options)
  }

  async isHealthy(): Promise<boolean> {
    if (!this.started) return false
    const queues = await this.boss.getQueues()
    return Array.isArray(queues)
  }

  async stop(): Promise<void> {
    if (!this.started) return
    await this.boss.stop({ graceful: true, timeout: 5000 })
    this.started = false
    this.working = false
  }
}
