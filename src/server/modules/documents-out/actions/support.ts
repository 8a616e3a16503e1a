/** Steps shared by the outgoing-document actions: load under lock, delegations, files, recipients, events. */
import type { TRecipientInput } from '@common/contracts/documents-out'
import type { Actor, Ctx } from '../../../platform/context.ts'
import type { Executor } from '../../../platform/db/client.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { activeDelegationsOf, scopesCover } from '../../delegations/index.ts'
import { fileReadableBy, unsafeFindFile, type FileRow } from '../../files/index.ts'
import { DOCUMENT_OUT_TARGET } from '../events.ts'
import { canOnOutgoing, canSeeOutgoing, type OutgoingAction } from '../policy.ts'
import { factsOf, unsafeLoadOutgoing, type OutgoingView } from '../queries.ts'
import { findOrganizationsByIds, findUnitsByIds, findUsersByIds } from '../lookups.ts'
import { insertVersion } from '../store.ts'

export const PDF = 'application/pdf'
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** An input error on one field, shown by the form. */
export function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message, details: [{ path, message }] })
}

/** Principals whose 'documentOut.approve' delegation the actor holds now (a secretary). */
export async function actingForOut(db: Executor, actor: Actor, now: Date): Promise<string[]> {
  const active = await activeDelegationsOf(db, actor.id, now)
  return active.filter((d) => scopesCover(d.scopes, 'documentOut.approve')).map((d) => d.principalId)
}

/** The document locked for this transaction, or NOT_FOUND when it does not exist or is not visible. */
export async function loadForAction(
  ctx: Ctx,
  id: string,
  actingFor: readonly string[] = [],
): Promise<OutgoingView> {
  const doc = await unsafeLoadOutgoing(ctx.tx, id, { forUpdate: true })
  if (!doc || !canSeeOutgoing(ctx.actor, factsOf(doc), actingFor)) throw notFound('document')
  return doc
}

/** Refuse with NOT_ALLOWED unless policy.ts allows the action. */
export function assertCan(
  ctx: Ctx,
  action: OutgoingAction,
  doc: OutgoingView,
  actingFor: readonly string[] = [],
) {
  if (!canOnOutgoing(ctx.actor, action, factsOf(doc), actingFor))
    throw new AppError('NOT_ALLOWED', { message: `You may not ${action} this document` })
}

/** The transition is not allowed in this state: INVALID_TRANSITION, with the state for the log. */
export function wrongState(doc: OutgoingView, action: string): AppError {
  return new AppError('INVALID_TRANSITION', { message: `Cannot ${action} a document in state ${doc.state}` })
}

/** Record an event of the document in the audit log (same transaction). */
export async function recordOutEvent(
  ctx: Ctx,
  documentId: string,
  action: string,
  data: Record<string, unknown>,
) {
  return recordEvent(ctx, { action, targetType: DOCUMENT_OUT_TARGET, targetId: documentId, data })
}

/** Files the actor uploaded or may read; anything else is an input error naming the position. */
export async function readableFiles(ctx: Ctx, fileIds: readonly string[], path: string): Promise<FileRow[]> {
  const found: FileRow[] = []
  for (const [i, id] of fileIds.entries()) {
    const file = await unsafeFindFile(ctx.tx, id)
    if (!file || !(await fileReadableBy(ctx.tx, ctx.actor, file)))
      throw invalid(`${path}.${i}`, 'Tệp không tồn tại')
    found.push(file)
  }
  return found
}

/** A new version of the main file: a PDF is signed as is; a DOCX waits for its conversion (jobs.ts). */
export async function addVersionRow(
  ctx: Ctx,
  documentId: string,
  file: FileRow,
  note: string | null,
  path: string,
) {
  if (file.mediaType !== PDF && file.mediaType !== DOCX)
    throw invalid(path, 'Tệp dự thảo phải là DOCX hoặc PDF')
  const isPdf = file.mediaType === PDF
  return insertVersion(ctx.tx, {
    documentId,
    fileId: file.id,
    pdfFileId: isPdf ? file.id : null,
    conversionStatus: isPdf ? 'not_needed' : 'pending',
    textStatus: 'pending',
    note,
    uploadedBy: ctx.actor.id,
    createdAt: ctx.now,
  })
}

/** Recipients checked against the directory, each with its delivery channel. */
export async function resolveRecipients(ctx: Ctx, input: readonly TRecipientInput[]) {
  const userRows = await findUsersByIds(
    ctx.tx,
    input.flatMap((r) => (r.kind === 'user' && r.userId ? [r.userId] : [])),
  )
  const unitRows = await findUnitsByIds(
    ctx.tx,
    input.flatMap((r) => (r.kind === 'unit' && r.unitId ? [r.unitId] : [])),
  )
  const orgRows = await findOrganizationsByIds(
    ctx.tx,
    input.flatMap((r) => (r.kind === 'organization' && r.organizationId ? [r.organizationId] : [])),
  )
  return input.map((r, position) => {
    const path = `recipients.${position}`
    const base = {
      position,
      kind: r.kind,
      unitId: null,
      userId: null,
      organizationId: null,
      email: null,
      updatedAt: ctx.now,
    }
    if (r.kind === 'user') {
      const u = userRows.find((x) => x.id === r.userId)
      if (!u || !u.isActive || u.organizationId !== ctx.actor.organizationId)
        throw invalid(path, 'Người nhận không có trong cơ quan')
      return { ...base, userId: u.id, name: r.name ?? u.fullName, channel: 'internal' }
    }
    if (r.kind === 'unit') {
      const u = unitRows.find((x) => x.id === r.unitId)
      if (!u || !u.isActive || u.organizationId !== ctx.actor.organizationId)
        throw invalid(path, 'Đơn vị nhận không có trong cơ quan')
      return { ...base, unitId: u.id, name: r.name ?? u.name, channel: 'internal' }
    }
    if (r.kind === 'organization') {
      const o = orgRows.find((x) => x.id === r.organizationId)
      if (!o || o.isOwn) throw invalid(path, 'Cơ quan nhận không có trong danh bạ')
      // An agency reachable electronically (its code, with its own endpoint or through the national
      // axis) gets an edXML package; otherwise e-mail; with neither it waits as an exchange delivery
      // until the directory or the axis is set up.
      const isReachable = !!o.code && (!!o.endpoint || !!ctx.config.exchange.axis)
      return {
        ...base,
        organizationId: o.id,
        email: o.email,
        name: r.name ?? o.name,
        channel: isReachable || !o.email ? 'exchange' : 'email',
      }
    }
    return { ...base, email: r.email!.toLowerCase(), name: r.name ?? r.email!, channel: 'email' }
  })
}
