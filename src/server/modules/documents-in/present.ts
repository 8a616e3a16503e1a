/** Rows to contract shapes, with the actor's abilities. */
import type { TAssignment, TIncomingDocument, TIncomingRow, TRegister } from '@common/contracts/documents-in'
import type { TMigratedMark } from '@common/contracts/migration'
import type { DocumentTypeCode } from '@common/document-types'
import type { ReceivedVia, Urgency } from '@common/domain'
import type { Actor } from '../../platform/context.ts'
import { isPastDue } from './dates.ts'
import type { IncomingListRow } from './list-queries.ts'
import { documentAbilities, isOpen, registerAbilities } from './policy.ts'
import type { AssignmentView, DocumentView, RegisterRow } from './queries.ts'

/** The "migrated" tag of a document the previous system's register held (issue 6). */
export function presentMigrated(d: { migrationRunId: string | null; createdAt: Date }): TMigratedMark {
  return d.migrationRunId ? { runId: d.migrationRunId, importedAt: d.createdAt.toISOString() } : null
}

export function presentRegister(actor: Actor, r: RegisterRow): TRegister {
  return {
    id: r.id,
    kind: r.kind as TRegister['kind'],
    code: r.code,
    name: r.name,
    description: r.description,
    isActive: r.isActive,
    lastNumberThisYear: r.lastNumberThisYear,
    abilities: registerAbilities(actor, r),
  }
}

function presentAssignment(a: AssignmentView, today: string): TAssignment {
  return {
    id: a.id,
    parentId: a.parentId,
    role: a.role,
    assigneeUserId: a.assigneeUserId,
    assigneeUserName: a.assigneeUserName,
    assigneeUnitId: a.assigneeUnitId,
    assigneeUnitName: a.assigneeUnitName,
    directive: a.directive,
    dueDate: a.dueDate,
    isOverdue: isOpen(a) && isPastDue(a.dueDate, today),
    state: a.state,
    assignedByName: a.assignedByName,
    assignedForName: a.assignedFor === a.assignedBy ? null : a.assignedForName,
    result: a.result,
    createdAt: a.createdAt.toISOString(),
    completedAt: a.completedAt?.toISOString() ?? null,
  }
}

export function presentDocument(
  actor: Actor,
  d: DocumentView,
  actingFor: readonly string[],
  today: string,
): TIncomingDocument {
  return {
    id: d.id,
    state: d.state,
    registerId: d.registerId!,
    registerName: d.registerName,
    registerNumber: d.registerNumber!,
    registerYear: d.registerYear!,
    arrivedAt: d.arrivedAt!.toISOString(),
    receivedVia: (d.receivedVia ?? 'paper') as ReceivedVia,
    senderOrganizationId: d.senderOrganizationId,
    senderName: d.senderName ?? '',
    numberAndNotation: d.numberAndNotation,
    issueDate: d.issueDate,
    issuePlace: d.issuePlace,
    documentType: d.documentType as DocumentTypeCode,
    subject: d.subject,
    signerName: d.signerName,
    signerTitle: d.signerTitle,
    urgency: d.urgency as Urgency,
    pageCount: d.pageCount,
    copyCount: d.copyCount,
    dueDate: d.dueDate,
    notes: d.notes,
    documentIdentifier: d.documentIdentifier,
    registeredByName: d.registeredByName,
    createdAt: d.createdAt.toISOString(),
    completedAt: d.completedAt?.toISOString() ?? null,
    migrated: presentMigrated(d),
    files: d.files.map((f) => ({
      id: f.id,
      fileId: f.fileId,
      filename: f.filename,
      mediaType: f.mediaType,
      size: f.size,
      role: f.role as 'main' | 'attachment' | 'processing',
      textStatus: f.textStatus as 'pending' | 'done' | 'failed' | 'scanned',
      addedByName: f.addedByName,
      createdAt: f.createdAt.toISOString(),
    })),
    assignments: d.assignments.map((a) => presentAssignment(a, today)),
    abilities: documentAbilities(actor, d, actingFor),
  }
}

export function presentRow(r: IncomingListRow, today: string): TIncomingRow {
  const { migrationRunId, createdAt, ...row } = r
  return {
    ...row,
    arrivedAt: r.arrivedAt.toISOString(),
    migrated: presentMigrated({ migrationRunId, createdAt }),
    isOverdue: r.state !== 'completed' && r.myState !== 'completed' && isPastDue(r.dueDate, today),
  }
}

type TimelineSource = {
  items: {
    occurred_at: Date | string
    action: string
    actor_id: string | null
    principal_id: string | null
    actor_name: string | null
    principal_name: string | null
    data: Record<string, unknown>
  }[]
  reads: { user_id: string; full_name: string; first_read_at: Date | string; last_read_at: Date | string }[]
}

export function presentTimeline(t: TimelineSource) {
  return {
    items: t.items.map((e) => ({
      at: new Date(e.occurred_at).toISOString(),
      action: e.action,
      actorName: e.actor_name,
      principalName: e.principal_id && e.principal_id !== e.actor_id ? e.principal_name : null,
      text: typeof e.data.text === 'string' ? e.data.text : null,
      data: e.data,
    })),
    reads: t.reads.map((r) => ({
      userId: r.user_id,
      userName: r.full_name,
      firstReadAt: new Date(r.first_read_at).toISOString(),
      lastReadAt: new Date(r.last_read_at).toISOString(),
    })),
  }
}
