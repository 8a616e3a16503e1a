/**
 * The background work of the migration (never in a request): a pg-boss job takes every queued or
 * interrupted run, oldest first, reads its file and handles it chunk by chunk from next_row. The
 * job is 'stately' (one at a time across all workers) and runs every minute as well as when a run
 * is created or resumed, so a run a stopped process left 'running' continues where it stopped.
 * A long run yields after a time budget and queues the job again, well inside pg-boss's expiry.
 */
import { eq } from 'drizzle-orm'
import type { MigrationKind } from '@common/contracts/migration'
import type { Role } from '@common/domain'
import type { Actor } from '../../platform/context.ts'
import type { Database } from '../../platform/db/client.ts'
import { users } from '../../platform/db/schema.ts'
import { recordEvent } from '../../platform/events/record.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'
import type { Config } from '../../config.ts'
import type { Jobs } from '../../platform/jobs/queue.ts'
import { EXTRACT_TEXT_JOB } from '../documents-in/index.ts'
import { runChunk } from './chunk.ts'
import { MigrationFileError } from './errors.ts'
import { MIGRATION_EVENTS, MIGRATION_TARGET } from './events.ts'
import { prepare } from './prepare.ts'
import { pendingRunIds, unsafeFindRun, type RunRow } from './queries.ts'
import { lockRun, setRunStatus, setTotalRows, startRun } from './store.ts'

export const MIGRATION_JOB = 'migration.process'

/** Rows per transaction: big enough for bulk inserts, small enough to hold locks briefly. */
export const CHUNK_SIZE = 500
/** A job hands over after this long (pg-boss expires an active job after 15 minutes). */
const TIME_BUDGET_MS = 5 * 60_000

export type MigrationDeps = {
  database: Database
  blobs: BlobStore
  config: Config
  clock: () => Date
  jobs: Jobs
  /** Run the after-commit handlers soon (the search index listens to migration.rowsImported). */
  kickDispatch: () => void
}

export type ProcessOptions = {
  /** Only this run (tests share one database; the job takes every pending run). */
  runId?: string
  chunkSize?: number
  /** Stop after this many chunks, as a stopped process would (tests of resuming). */
  maxChunks?: number
  timeBudgetMs?: number
}

export type ProcessResult = { runs: number; chunks: number; hasMore: boolean }

async function creatorActor(database: Database, userId: string): Promise<Actor> {
  const [u] = await database.db.select().from(users).where(eq(users.id, userId)).limit(1)
  if (!u) throw new Error(`migration: the run's creator ${userId} does not exist`)
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    organizationId: u.organizationId,
    unitId: u.unitId,
    position: u.position,
    roles: u.roles as Role[],
  }
}

/** Close a run (done or failed) with its audit event, in one transaction. */
async function closeRun(
  deps: MigrationDeps,
  run: RunRow,
  actor: Actor,
  outcome: { status: 'done' } | { status: 'failed'; error: string },
): Promise<void> {
  const now = deps.clock()
  await deps.database.db.transaction(async (tx) => {
    const current = await lockRun(tx, run.id)
    if (!current || current.status !== 'running') return
    await setRunStatus(tx, run.id, {
      status: outcome.status,
      error: outcome.status === 'failed' ? outcome.error : null,
      finishedAt: now,
      at: now,
    })
    await recordEvent(
      { tx, now, actor, principalId: actor.id, request: { ip: null, userAgent: null }, hasEvents: false },
      {
        action: outcome.status === 'done' ? MIGRATION_EVENTS.finished : MIGRATION_EVENTS.failed,
        targetType: MIGRATION_TARGET,
        targetId: run.id,
        data: {
          kind: current.kind,
          mode: current.mode,
          totalRows: current.totalRows,
          importedRows: current.importedRows,
          skippedRows: current.skippedRows,
          problemCount: current.problemCount,
          ...(outcome.status === 'failed' ? { error: outcome.error } : {}),
        },
      },
    )
  })
  deps.kickDispatch()
}

/** Ask the text-extraction job to read the files just attached to incoming documents (harmless when jobs are off). */
function kickExtraction(jobs: Jobs): void {
  jobs
    .isHealthy()
    .then((isRunning) => (isRunning ? jobs.send(EXTRACT_TEXT_JOB) : null))
    .catch((err: Error) => console.error('migration: could not queue text extraction:', err.message))
}

type Budget = { chunksLeft: number; deadline: number; chunks: number }

/** Handle one run from its resume point; false when the budget ran out before it finished. */
async function processRun(
  deps: MigrationDeps,
  runId: string,
  chunkSize: number,
  budget: Budget,
): Promise<boolean> {
  const now = deps.clock()
  let run = await unsafeFindRun(deps.database.db, runId)
  if (run?.status === 'queued' && (await startRun(deps.database.db, run.id, now)))
    run = { ...run, status: 'running' }
  if (run?.status !== 'running') return true
  const actor = await creatorActor(deps.database, run.createdBy)
  try {
    const prepared = await prepare(deps, run, actor.unitId, now)
    if (run.totalRows !== prepared.rows.length)
      await setTotalRows(deps.database.db, run.id, prepared.rows.length, now)
    for (let start = run.nextRow; start < prepared.rows.length; start += chunkSize) {
      if (budget.chunksLeft <= 0 || Date.now() > budget.deadline) return false
      budget.chunksLeft -= 1
      budget.chunks += 1
      const end = Math.min(start + chunkSize, prepared.rows.length)
      const result = await runChunk(
        { database: deps.database, blobs: deps.blobs, maxUploadBytes: deps.config.maxUploadBytes },
        run,
        actor,
        prepared,
        { start, end },
        deps.clock(),
      )
      if (result.outcome === 'stopped') return true
      if (result.hasEvents) deps.kickDispatch()
      if (result.hasFiles && run.kind === ('incoming' satisfies MigrationKind)) kickExtraction(deps.jobs)
    }
    await closeRun(deps, run, actor, { status: 'done' })
  } catch (err) {
    if (!(err instanceof MigrationFileError))
      console.error(
        `migration: run ${run.id} failed:`,
        err instanceof Error ? (err.stack ?? err.message) : err,
      )
    const error =
      err instanceof MigrationFileError
        ? err.message
        : `Lỗi hệ thống khi xử lý (${err instanceof Error ? err.message.slice(0, 200) : 'không rõ'}). Các dòng đã nhập được giữ nguyên; bấm "Tiếp tục" để chạy tiếp từ chỗ dừng.`
    await closeRun(deps, run, actor, { status: 'failed', error })
  }
  return true
}

/** Work through pending runs within the budget; hasMore when a run is left unfinished for the next job. */
export async function processMigrations(
  deps: MigrationDeps,
  options: ProcessOptions = {},
): Promise<ProcessResult> {
  const budget: Budget = {
    chunksLeft: options.maxChunks ?? Number.POSITIVE_INFINITY,
    deadline: Date.now() + (options.timeBudgetMs ?? TIME_BUDGET_MS),
    chunks: 0,
  }
  let runs = 0
  for (const id of await pendingRunIds(deps.database.db, options.runId)) {
    runs += 1
    const isFinished = await processRun(deps, id, options.chunkSize ?? CHUNK_SIZE, budget)
    if (!isFinished) return { runs, chunks: budget.chunks, hasMore: true }
  }
  return { runs, chunks: budget.chunks, hasMore: false }
}

/** Ask a worker to take pending runs now (after a commit that queued one); the cron catches a missed kick. */
export function kickMigrations(jobs: Jobs): void {
  jobs
    .isHealthy()
    .then((isRunning) => (isRunning ? jobs.send(MIGRATION_JOB) : null))
    .catch((err: Error) => console.error('migration: could not queue the job:', err.message))
}

export function defineMigrationJob(deps: MigrationDeps): void {
  deps.jobs.define({
    name: MIGRATION_JOB,
    policy: 'stately',
    cron: '* * * * *',
    // A failure is recorded on the run itself; the admin resumes it. The job is not retried blindly.
    retryLimit: 0,
    handler: async () => {
      const result = await processMigrations(deps)
      if (result.hasMore) await deps.jobs.send(MIGRATION_JOB)
    },
  })
}
