/** Writes to migration_runs: the run record is the only thing a dry run writes. */
import { and, eq, sql } from 'drizzle-orm'
import {
  MAX_STORED_PROBLEMS,
  type MigrationStatus,
  type TMigrationProblem,
} from '@common/contracts/migration'
import type { Executor, Tx } from '../../platform/db/client.ts'
import { migrationRuns } from '../../platform/db/schema.ts'
import type { RunRow } from './queries.ts'

export async function insertRun(
  tx: Tx,
  values: Omit<typeof migrationRuns.$inferInsert, 'id'>,
): Promise<RunRow> {
  const [row] = await tx.insert(migrationRuns).values(values).returning()
  return row!
}

/** The run under a row lock until the transaction ends: one writer per run at a time. */
export async function lockRun(tx: Tx, id: string): Promise<RunRow | null> {
  const rows = await tx.select().from(migrationRuns).where(eq(migrationRuns.id, id)).for('update')
  return rows[0] ?? null
}

export async function setRunStatus(
  db: Executor,
  id: string,
  patch: { status: MigrationStatus; error?: string | null; finishedAt?: Date | null; at: Date },
): Promise<void> {
  await db
    .update(migrationRuns)
    .set({
      status: patch.status,
      ...(patch.error !== undefined ? { error: patch.error } : {}),
      ...(patch.finishedAt !== undefined ? { finishedAt: patch.finishedAt } : {}),
      updatedAt: patch.at,
    })
    .where(eq(migrationRuns.id, id))
}

/** queued → running; false when the run is no longer queued (cancelled meanwhile, or taken by another worker). */
export async function startRun(db: Executor, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(migrationRuns)
    .set({ status: 'running', updatedAt: at })
    .where(and(eq(migrationRuns.id, id), eq(migrationRuns.status, 'queued')))
    .returning({ id: migrationRuns.id })
  return rows.length > 0
}

export async function setTotalRows(db: Executor, id: string, totalRows: number, at: Date): Promise<void> {
  await db.update(migrationRuns).set({ totalRows, updatedAt: at }).where(eq(migrationRuns.id, id))
}

/**
 * One chunk's outcome, with the resume point: counters add up, problems are appended while the
 * report has room (problemCount keeps the full count).
 */
export async function advanceRun(
  tx: Tx,
  run: Pick<RunRow, 'id' | 'problemCount'>,
  chunk: { nextRow: number; imported: number; skipped: number; problems: TMigrationProblem[]; at: Date },
): Promise<void> {
  const room = Math.max(0, MAX_STORED_PROBLEMS - Math.min(run.problemCount, MAX_STORED_PROBLEMS))
  const kept = chunk.problems.slice(0, room)
  await tx
    .update(migrationRuns)
    .set({
      nextRow: chunk.nextRow,
      importedRows: sql`${migrationRuns.importedRows} + ${chunk.imported}`,
      skippedRows: sql`${migrationRuns.skippedRows} + ${chunk.skipped}`,
      problemCount: sql`${migrationRuns.problemCount} + ${chunk.problems.length}`,
      ...(kept.length ? { problems: sql`${migrationRuns.problems} || ${JSON.stringify(kept)}::jsonb` } : {}),
      updatedAt: chunk.at,
    })
    .where(eq(migrationRuns.id, run.id))
}
