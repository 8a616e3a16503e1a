/** Rows → contract shapes, with the abilities of the caller. Loads nothing (load first, present after). */
import type {
  ConsultationState,
  Disposition,
  MajorityRule,
  ResponseState,
  SilenceRule,
  TConsultation,
  TConsultationListItem,
  TConsultationProgress,
  TMaterial,
  TResponse,
} from '@common/contracts/consultations'
import type { Actor } from '../../platform/context.ts'
import {
  canOnConsultation,
  canSeeResponseStateOf,
  isAnswering,
  isPastDeadline,
  membersAnsweredBy,
  responseAbilities,
} from './policy.ts'
import {
  answersOf,
  factsOf,
  membersOf,
  person,
  responseOf,
  type ConsultationView,
  type ListRow,
  type MaterialRow,
  type PersonRow,
  type ResponseRow,
} from './queries.ts'
import type { SummaryInput } from './summary.ts'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

function stateOf(r: ResponseRow | null): ResponseState {
  return (r?.state as ResponseState | undefined) ?? 'none'
}

function isAnswered(r: ResponseRow): boolean {
  return r.state === 'submitted' || r.state === 'final'
}

export function presentMaterial(m: MaterialRow): TMaterial {
  const path =
    m.documentKind === 'documentIn'
      ? `/documents-in/${m.documentId}`
      : m.documentKind === 'documentOut'
        ? `/documents-out/${m.documentId}`
        : null
  return {
    id: m.id,
    role: m.role as TMaterial['role'],
    fileId: m.fileId,
    filename: m.filename,
    mediaType: m.mediaType,
    documentKind: (m.documentKind as TMaterial['documentKind']) ?? null,
    documentId: m.documentId,
    title: m.title,
    path,
    addedAt: m.addedAt.toISOString(),
  }
}

/** The consultation as the caller may see it. */
export function presentConsultation(actor: Actor, c: ConsultationView, now: Date): TConsultation {
  const facts = factsOf(c)
  const members = membersOf(c)
  const can = (a: Parameters<typeof canOnConsultation>[1]) => canOnConsultation(actor, a, facts, members)
  const answerFor = membersAnsweredBy(actor, members)
  const isInvolved = c.state === 'open' || c.state === 'closed'
  return {
    id: c.id,
    title: c.title,
    purpose: c.purpose,
    background: c.background,
    state: c.state as ConsultationState,
    deadline: c.deadline.toISOString(),
    pastDeadline: isPastDeadline(c, now),
    silenceRule: c.silenceRule as SilenceRule,
    quorumPercent: c.quorumPercent,
    majority: c.majority as MajorityRule,
    openBallot: c.openBallot,
    launchOn: c.launchOn as TConsultation['launchOn'],
    letterDocumentId: c.letterDocumentId,
    reminderHours: c.reminderHours,
    questions: c.questions,
    materials: c.materials.map(presentMaterial),
    participants: c.participants.map((p) => ({
      ...person(p),
      responseState: canSeeResponseStateOf(actor, facts, p) ? stateOf(responseOf(c, p.id)) : null,
    })),
    createdBy: person(c.people.get(c.createdBy)!),
    approver: c.approverId ? person(c.people.get(c.approverId)!) : null,
    createdAt: c.createdAt.toISOString(),
    submittedAt: iso(c.submittedAt),
    launchedAt: iso(c.launchedAt),
    closedAt: iso(c.closedAt),
    extensions: c.extensions.map((e) => ({
      from: e.fromDeadline.toISOString(),
      to: e.toDeadline.toISOString(),
      reason: e.reason,
      by: e.byName,
      at: e.extendedAt.toISOString(),
    })),
    counts: { participants: c.participants.length, answered: c.responses.filter(isAnswered).length },
    summaryDocumentId: c.summaryDocumentId,
    answerFor: isInvolved
      ? answerFor.map((m) => ({
          ...person(c.people.get(m.id)!),
          responseState: stateOf(responseOf(c, m.id)),
        }))
      : [],
    abilities: {
      edit: can('edit'),
      submit: can('submit'),
      approve: can('approve'),
      return: can('return'),
      extend: can('extend'),
      close: can('close'),
      cancel: can('cancel'),
      viewProgress: can('viewProgress'),
      answer: isAnswering(facts, now) && answerFor.length > 0,
      viewSummary: can('viewSummary'),
      editDispositions: can('editDispositions'),
    },
  }
}

export function presentListItem(r: ListRow, now: Date): TConsultationListItem {
  return {
    id: r.id,
    title: r.title,
    state: r.state,
    deadline: r.deadline.toISOString(),
    pastDeadline: now.getTime() >= r.deadline.getTime(),
    createdAt: r.createdAt.toISOString(),
    counts: { participants: r.participants, answered: r.answered },
    myResponseState: r.myResponseState,
  }
}

function personOrNull(c: ConsultationView, id: string | null) {
  const p = id ? c.people.get(id) : undefined
  return p ? person(p) : null
}

/** One member's answer (empty when none yet), with what the caller may do with it. */
export function presentResponse(
  actor: Actor,
  c: ConsultationView,
  memberId: string,
  files: Map<string, string>,
  now: Date,
  hasSigningKey = false,
): TResponse {
  const member = c.participants.find((p) => p.id === memberId)!
  const r = responseOf(c, memberId)
  return {
    id: r?.id ?? null,
    consultationId: c.id,
    member: person(member),
    state: stateOf(r),
    answers: r ? answersOf(r) : [],
    files: (r?.fileIds ?? []).map((id) => ({ id, filename: files.get(id) ?? id })),
    draftedBy: personOrNull(c, r?.draftedBy ?? null),
    submittedBy: personOrNull(c, r?.submittedBy ?? null),
    onBehalf: r?.onBehalf ?? false,
    submittedAt: iso(r?.submittedAt ?? null),
    updatedAt: iso(r?.updatedAt ?? null),
    signedFileId: r?.signedFileId ?? null,
    receiptNumber: r?.receiptNumber ?? null,
    abilities: responseAbilities(
      actor,
      factsOf(c),
      member,
      r ? { memberId, state: stateOf(r), isSigned: r.signedFileId !== null } : null,
      now,
      hasSigningKey,
    ),
  }
}

/** The input of summary.buildSummary for this consultation. */
export function summaryInput(
  c: ConsultationView,
  dispositions: SummaryInput['dispositions'],
  final: boolean,
  now: Date,
): SummaryInput {
  const revised = [...c.materials].reverse().find((m) => m.role === 'revised_draft') ?? null
  return {
    consultation: {
      id: c.id,
      title: c.title,
      purpose: c.purpose,
      state: c.state as ConsultationState,
      deadline: c.deadline.toISOString(),
      silenceRule: c.silenceRule as SilenceRule,
      quorumPercent: c.quorumPercent,
      majority: c.majority as MajorityRule,
      launchedAt: iso(c.launchedAt),
      closedAt: iso(c.closedAt),
      questions: c.questions,
    },
    participants: c.participants.map(person),
    responses: c.responses.map((r) => ({
      id: r.id,
      memberId: r.memberId,
      state: r.state as ResponseState,
      answers: answersOf(r),
      submittedAt: iso(r.submittedAt),
      onBehalf: r.onBehalf,
      submittedBy: personOrNull(c, r.submittedBy),
      signedFileId: r.signedFileId,
    })),
    dispositions,
    revisedDraft: revised ? presentMaterial(revised) : null,
    final,
    now,
  }
}

/** Revised section texts of the latest revised draft, by section key. */
export function revisedSections(c: ConsultationView): Map<string, string> {
  const revised = [...c.materials].reverse().find((m) => m.role === 'revised_draft')
  const sections = (revised?.sections ?? []) as { sectionKey: string; text: string }[]
  return new Map(sections.map((s) => [s.sectionKey, s.text]))
}

export type StoredDisposition = {
  commentId: string
  disposition: string | null
  explanation: string | null
  revisedText: string | null
}

/**
 * The dispositions for the summary: what the officer stored, and where they gave no revised text,
 * the revised draft's text of the comment's section.
 */
export function dispositionsFor(
  c: ConsultationView,
  stored: readonly StoredDisposition[],
  commentIdOf: (responseId: string, questionKey: string, sectionKey: string | null) => string,
): SummaryInput['dispositions'] {
  const byId = new Map(stored.map((d) => [d.commentId, d]))
  const revised = revisedSections(c)
  const out: SummaryInput['dispositions'] = []
  const seen = new Set<string>()
  for (const r of c.responses.filter(isAnswered)) {
    for (const a of answersOf(r)) {
      // A general comment (agree with comments, disagree) is a row of the response table too.
      if (a.text && (a.opinion === 'agree_with_comments' || a.opinion === 'disagree')) {
        const id = commentIdOf(r.id, a.questionKey, null)
        const d = byId.get(id)
        seen.add(id)
        out.push({
          id,
          disposition: (d?.disposition as Disposition | null | undefined) ?? null,
          explanation: d?.explanation ?? null,
          revisedText: d?.revisedText ?? null,
        })
      }
      for (const sc of a.sectionComments ?? []) {
        const id = commentIdOf(r.id, a.questionKey, sc.sectionKey)
        const d = byId.get(id)
        seen.add(id)
        out.push({
          id,
          disposition: (d?.disposition as Disposition | null | undefined) ?? null,
          explanation: d?.explanation ?? null,
          revisedText: d?.revisedText ?? revised.get(sc.sectionKey) ?? null,
        })
      }
    }
  }
  for (const d of stored) {
    if (!seen.has(d.commentId)) {
      out.push({
        id: d.commentId,
        disposition: d.disposition as Disposition | null,
        explanation: d.explanation,
        revisedText: d.revisedText,
      })
    }
  }
  return out
}

/** Who answered, who did not, when each was last reminded; tallies from the provisional summary. */
export function presentProgress(
  c: ConsultationView,
  reminded: Map<string, Date>,
  tallies: TConsultationProgress['tallies'],
): TConsultationProgress {
  const rows = c.participants.map((p: PersonRow) => {
    const r = responseOf(c, p.id)
    return {
      member: person(p),
      state: stateOf(r),
      submittedAt: iso(r?.submittedAt ?? null),
      onBehalf: r?.onBehalf ?? false,
      signedFileId: r?.signedFileId ?? null,
      lastRemindedAt: iso(reminded.get(p.id) ?? null),
    }
  })
  const answered = rows.filter((r) => r.state === 'submitted' || r.state === 'final').length
  return {
    participants: rows.length,
    answered,
    awaitingMember: rows.filter((r) => r.state === 'awaiting_member').length,
    notAnswered: rows.length - answered,
    rows,
    tallies,
  }
}
