/** Rows to contract shapes, with the actor's abilities per document. No database calls. */
import type { TOutgoingDocument, TOutgoingRow } from '@common/contracts/documents-out'
import type { Actor } from '../../platform/context.ts'
import { outgoingAbilities } from './policy.ts'
import { currentStep, factsOf, lastFormatCheck, type OutgoingRowView, type OutgoingView } from './queries.ts'

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

export function presentOutgoing(
  actor: Actor,
  doc: OutgoingView,
  actingFor: readonly string[],
): TOutgoingDocument {
  const versionOf = (id: string | null) => doc.versions.find((v) => v.id === id)?.version ?? null
  const step = doc.state === 'in_review' ? currentStep(doc) : null
  const fileRow = (f: OutgoingView['files'][number]) => ({
    id: f.id,
    fileId: f.fileId,
    filename: f.filename,
    mediaType: f.mediaType,
    size: Number(f.size),
    role: f.role,
    isSigned: f.isSigned,
    createdAt: iso(f.createdAt)!,
  })
  return {
    id: doc.id,
    state: doc.state,
    documentType: doc.documentType as TOutgoingDocument['documentType'],
    subject: doc.subject,
    urgency: doc.urgency as TOutgoingDocument['urgency'],
    signerId: doc.details.signerId,
    signerName: doc.signerName,
    signerTitle: doc.signerTitle,
    drafterId: doc.details.drafterId,
    drafterName: doc.drafterName,
    drafterUnitName: doc.drafterUnitName,
    registerId: doc.registerId,
    registerName: doc.registerName,
    registerNumber: doc.registerNumber,
    registerYear: doc.registerYear,
    numberAndNotation: doc.numberAndNotation,
    issueDate: doc.issueDate,
    documentIdentifier: doc.documentIdentifier,
    notes: doc.notes,
    currentStepAssigneeName: step?.assigneeName ?? null,
    createdAt: iso(doc.createdAt)!,
    issuedAt: iso(doc.details.issuedAt),
    recalledAt: iso(doc.details.recalledAt),
    recallReason: doc.details.recallReason,
    versions: doc.versions.map((v) => ({
      id: v.id,
      version: v.version,
      fileId: v.fileId,
      filename: v.filename,
      mediaType: v.mediaType,
      pdfFileId: v.pdfFileId,
      conversionStatus: v.conversionStatus as TOutgoingDocument['versions'][number]['conversionStatus'],
      textStatus: v.textStatus as TOutgoingDocument['versions'][number]['textStatus'],
      note: v.note,
      uploadedByName: v.uploadedByName,
      createdAt: iso(v.createdAt)!,
    })),
    attachments: doc.files.filter((f) => f.role === 'attachment').map(fileRow),
    signedFiles: doc.files.filter((f) => f.role !== 'attachment').map(fileRow),
    comments: doc.comments.map((c) => ({
      id: c.id,
      versionId: c.versionId,
      version: versionOf(c.versionId),
      kind: c.kind,
      body: c.body,
      authorName: c.authorName,
      principalName: c.principalId === c.authorId ? null : c.principalName,
      createdAt: iso(c.createdAt)!,
    })),
    steps: doc.steps.map((s) => ({
      id: s.id,
      position: s.position,
      kind: s.kind as TOutgoingDocument['steps'][number]['kind'],
      assigneeUserId: s.assigneeUserId,
      assigneeName: s.assigneeName,
      state: s.state as TOutgoingDocument['steps'][number]['state'],
      comment: s.comment,
      decidedByName: s.decidedByName,
      decidedForName: s.decidedFor && s.decidedFor !== s.decidedBy ? s.decidedForName : null,
      decidedAt: iso(s.decidedAt),
      version: versionOf(s.versionId),
    })),
    slips: doc.slips.map((s) => ({
      id: s.id,
      leaderId: s.leaderId,
      leaderName: s.leaderName,
      proposal: s.proposal,
      submittedByName: s.submittedByName,
      submittedAt: iso(s.submittedAt)!,
      decision: s.decision as TOutgoingDocument['slips'][number]['decision'],
      decisionNote: s.decisionNote,
      decidedByName: s.decidedByName,
      decidedForName: s.decidedFor && s.decidedFor !== s.decidedBy ? s.decidedForName : null,
      decidedAt: iso(s.decidedAt),
    })),
    recipients: doc.recipients.map((r) => ({
      id: r.id,
      kind: r.kind as TOutgoingDocument['recipients'][number]['kind'],
      unitId: r.unitId,
      userId: r.userId,
      organizationId: r.organizationId,
      email: r.email,
      name: r.name,
      channel: r.channel as TOutgoingDocument['recipients'][number]['channel'],
      deliveryState: (r.deliveryState === 'received' && r.isRead
        ? 'read'
        : r.deliveryState) as TOutgoingDocument['recipients'][number]['deliveryState'],
      deliveryError: r.deliveryError,
      sentAt: iso(r.sentAt),
      incomingDocumentId: r.incomingDocumentId,
    })),
    signatures: doc.signatures.map((s) => ({
      id: s.id,
      kind: s.kind as TOutgoingDocument['signatures'][number]['kind'],
      fileId: s.fileId,
      signerName: s.signerName,
      signedByName: s.signedByName,
      certificateSubject: s.certificateSubject,
      certificateSerial: s.certificateSerial,
      certificateFingerprint: s.certificateFingerprint,
      signingTime: iso(s.signingTime)!,
    })),
    links: doc.links.map((l) => ({ ...l, direction: l.direction as 'incoming' | 'outgoing' | 'internal' })),
    lastFormatCheck: lastFormatCheck(doc),
    migrated: doc.migrationRunId ? { runId: doc.migrationRunId, importedAt: iso(doc.createdAt)! } : null,
    abilities: outgoingAbilities(actor, factsOf(doc), actingFor),
  }
}

export function presentRow(r: OutgoingRowView): TOutgoingRow {
  const { migrationRunId, ...row } = r
  return {
    ...row,
    migrated: migrationRunId ? { runId: migrationRunId, importedAt: iso(r.createdAt)! } : null,
    documentType: r.documentType as TOutgoingRow['documentType'],
    urgency: r.urgency as TOutgoingRow['urgency'],
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
  }
}
