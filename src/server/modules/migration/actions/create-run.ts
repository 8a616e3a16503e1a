/**
 * The administrator starts a dry run or an import of an export of the previous system: the
 * register it goes into (of the same direction), the export and the zip of its files, uploaded
 * beforehand. Only the run record is written here; the work is a background job (process.ts).
 */
import type { TCreateMigrationRun } from '@common/contracts/migration'
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { fileReadableBy, unsafeFindFile } from '../../files/index.ts'
import { MIGRATION_EVENTS } from '../events.ts'
import { activeImportInto, findRegister, findUnit, type RunRow } from '../queries.ts'
import { SOURCE_TYPES } from '../read-table.ts'
import { insertRun } from '../store.ts'
import { assertCanMigrate, invalid, recordRunEvent } from './support.ts'

export const ARCHIVE_TYPE = 'application/zip'

async function loadFile(ctx: Ctx, id: string, path: string, what: string) {
  const file = await unsafeFindFile(ctx.tx, id)
  if (!file || !(await fileReadableBy(ctx.tx, ctx.actor, file)))
    throw invalid(path, `Không tìm thấy ${what} đã tải lên; tải tệp lên lại`)
  return file
}

/** Record a queued run and its 'migration.started' event. */
export async function createRun(ctx: Ctx, input: TCreateMigrationRun): Promise<RunRow> {
  assertCanMigrate(ctx)
  const register = await findRegister(ctx.tx, input.registerId)
  if (!register || register.organizationId !== ctx.actor.organizationId)
    throw invalid('registerId', 'Sổ văn bản không tồn tại; chọn sổ khác')
  if (register.kind !== input.kind)
    throw invalid(
      'registerId',
      input.kind === 'incoming'
        ? 'Văn bản đến phải nhập vào sổ văn bản đến'
        : 'Văn bản đi phải nhập vào sổ văn bản đi',
    )
  const unit = input.unitId ? await findUnit(ctx.tx, ctx.actor.organizationId, input.unitId) : null
  if (input.unitId && !unit?.isActive)
    throw invalid('unitId', 'Đơn vị không thuộc cơ quan hoặc đã ngừng hoạt động; chọn đơn vị khác')
  const source = await loadFile(ctx, input.sourceFileId, 'sourceFileId', 'tệp dữ liệu')
  if (!SOURCE_TYPES.includes(source.mediaType)) {
    const message = `Tệp "${source.filename}" không phải CSV hay Excel: lưu tệp dạng CSV UTF-8 hoặc .xlsx rồi tải lên lại`
    throw new AppError('MIGRATION_FILE_INVALID', { message, details: [{ path: 'sourceFileId', message }] })
  }
  const archive = input.archiveFileId
    ? await loadFile(ctx, input.archiveFileId, 'archiveFileId', 'tệp nén')
    : null
  if (archive && archive.mediaType !== ARCHIVE_TYPE) {
    const message = `Tệp "${archive.filename}" không phải tệp nén .zip`
    throw new AppError('MIGRATION_FILE_INVALID', { message, details: [{ path: 'archiveFileId', message }] })
  }
  if (input.mode === 'import' && (await activeImportInto(ctx.tx, register.id)))
    throw new AppError('MIGRATION_RUN_ACTIVE', {
      message: 'Đang có một lượt nhập vào sổ này: chờ lượt đó xong hoặc hủy nó trước',
    })
  const run = await insertRun(ctx.tx, {
    organizationId: ctx.actor.organizationId,
    createdBy: ctx.actor.id,
    kind: input.kind,
    mode: input.mode,
    status: 'queued',
    sourceFileId: source.id,
    archiveFileId: archive?.id ?? null,
    registerId: register.id,
    unitId: unit?.id ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  })
  await recordRunEvent(ctx, run.id, MIGRATION_EVENTS.started, {
    kind: input.kind,
    mode: input.mode,
    registerId: register.id,
    registerCode: register.code,
    unitId: unit?.id ?? null,
    unitName: unit?.name ?? null,
    sourceFileId: source.id,
    sourceFilename: source.filename,
    archiveFileId: archive?.id ?? null,
    archiveFilename: archive?.filename ?? null,
  })
  return run
}
