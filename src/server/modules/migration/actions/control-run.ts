/**
 * Cancel a run that has not finished (the documents a cancelled import already wrote stay: the
 * next import skips them), or resume a run that failed or was cancelled, from its next_row.
 */
import type { Ctx } from '../../../platform/context.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { MIGRATION_EVENTS } from '../events.ts'
import { activeImportInto, type RunRow } from '../queries.ts'
import { lockRun, setRunStatus } from '../store.ts'
import { assertCanMigrate, recordRunEvent } from './support.ts'

export function canCancel(run: Pick<RunRow, 'status'>): boolean {
  return run.status === 'queued' || run.status === 'running'
}

/**
 * A cancelled run, or a run that failed after its file was read (a file that cannot be read fails
 * the same way again: the administrator fixes it and starts a new run), with rows left to do.
 */
export function canResume(run: Pick<RunRow, 'status' | 'totalRows' | 'nextRow'>): boolean {
  const hasRowsLeft = run.totalRows === null || run.nextRow < run.totalRows
  if (run.status === 'cancelled') return hasRowsLeft
  return run.status === 'failed' && run.totalRows !== null && hasRowsLeft
}

async function loadOwn(ctx: Ctx, id: string): Promise<RunRow> {
  assertCanMigrate(ctx)
  const run = await lockRun(ctx.tx, id)
  if (!run || run.organizationId !== ctx.actor.organizationId) throw notFound('migration run')
  return run
}

/** Stop a queued or running run: the worker sees it before its next chunk. */
export async function cancelRun(ctx: Ctx, input: { id: string }): Promise<{ id: string }> {
  const run = await loadOwn(ctx, input.id)
  if (!canCancel(run))
    throw new AppError('INVALID_TRANSITION', {
      message: 'Lượt chuyển đổi này đã kết thúc, không hủy được nữa',
    })
  await setRunStatus(ctx.tx, run.id, { status: 'cancelled', finishedAt: ctx.now, at: ctx.now })
  await recordRunEvent(ctx, run.id, MIGRATION_EVENTS.cancelled, {
    kind: run.kind,
    mode: run.mode,
    processedRows: run.nextRow,
    importedRows: run.importedRows,
  })
  return { id: run.id }
}

/** Queue a failed or cancelled run again; it continues from the row where it stopped. */
export async function resumeRun(ctx: Ctx, input: { id: string }): Promise<{ id: string }> {
  const run = await loadOwn(ctx, input.id)
  if (!canResume(run))
    throw new AppError('INVALID_TRANSITION', {
      message: 'Chỉ tiếp tục được lượt đã lỗi hoặc đã hủy giữa chừng',
    })
  if (run.mode === 'import' && run.registerId && (await activeImportInto(ctx.tx, run.registerId)))
    throw new AppError('MIGRATION_RUN_ACTIVE', {
      message: 'Đang có một lượt nhập vào sổ này: chờ lượt đó xong hoặc hủy nó trước',
    })
  await setRunStatus(ctx.tx, run.id, { status: 'queued', error: null, finishedAt: null, at: ctx.now })
  await recordRunEvent(ctx, run.id, MIGRATION_EVENTS.resumed, {
    kind: run.kind,
    mode: run.mode,
    fromRow: run.nextRow,
  })
  return { id: run.id }
}
