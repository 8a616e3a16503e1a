/**
 * The consultation form's values and their two translations: a saved consultation into the form
 * (editing a draft), and the form into the contract's input (saving). Deadlines are Vietnam
 * wall-clock times in the picker and ISO strings with their offset on the wire.
 */
import dayjs, { type Dayjs } from 'dayjs'
import type {
  MajorityRule,
  QuestionKind,
  SilenceRule,
  TConsultation,
  TConsultationInput,
  TMaterial,
} from '@common/contracts/consultations'
import { MATERIAL_ROLES } from '@common/contracts/consultations'
import { TIME_ZONE } from '@common/domain'
import { wallClockToIso } from '../../lib/format.ts'
import { uniqueKey } from './sections.ts'

export type MaterialRole = (typeof MATERIAL_ROLES)[number]

export type MaterialValue =
  | { kind: 'file'; fileId: string; filename: string; mediaType: string | null; role: MaterialRole }
  | {
      kind: 'document'
      documentKind: 'documentIn' | 'documentOut'
      documentId: string
      title: string
      role: MaterialRole
    }

export type SectionValue = { key?: string; label?: string; text?: string | null }

export type QuestionValue = {
  key?: string
  kind: QuestionKind
  title?: string
  description?: string | null
  required?: boolean
  options?: string[]
  sections?: SectionValue[]
  min?: number | null
  max?: number | null
  unit?: string | null
}

export type FormValues = {
  title?: string
  purpose?: string
  background?: string | null
  participantIds?: string[]
  deadline?: Dayjs | null
  silenceRule?: SilenceRule
  quorumPercent?: number | null
  majority?: MajorityRule
  openBallot?: boolean
  launchOn?: 'approval' | 'letter'
  letterDocumentId?: string | null
  reminderHours?: number[]
  questions?: QuestionValue[]
}

/** A new question of a kind, with what that kind needs to start from. */
export function newQuestion(kind: QuestionKind): QuestionValue {
  return {
    kind,
    title: '',
    required: true,
    options: kind === 'single_choice' || kind === 'multiple_choice' ? ['', ''] : [],
    sections: kind === 'sections' ? [{ key: 'dieu-1', label: '', text: '' }] : [],
    min: null,
    max: null,
    unit: null,
  }
}

export const DEFAULT_VALUES: FormValues = {
  participantIds: [],
  silenceRule: 'agree',
  quorumPercent: 50,
  majority: 'simple',
  openBallot: false,
  launchOn: 'approval',
  letterDocumentId: null,
  reminderHours: [72, 24],
  questions: [newQuestion('opinion')],
}

/** A Vietnam wall-clock value for the picker from a stored instant. */
export function isoToPicker(iso: string): Dayjs {
  return dayjs(dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DDTHH:mm:ss'))
}

const blank = (v: string | null | undefined) => (v ?? '').trim() || null

/** The form as the contract's input (zod checks it next, on the form and on the server). */
export function toInput(values: FormValues, materials: MaterialValue[]): TConsultationInput {
  const taken = new Set((values.questions ?? []).map((q) => q.key).filter((k): k is string => !!k))
  const questions = (values.questions ?? []).map((q, i) => {
    const key = q.key || uniqueKey(`q${i + 1}`, taken)
    const choice = q.kind === 'single_choice' || q.kind === 'multiple_choice'
    return {
      key,
      kind: q.kind,
      title: q.title ?? '',
      description: blank(q.description),
      required: q.required ?? true,
      options: choice ? (q.options ?? []).map((o) => (o ?? '').trim()).filter((o) => o !== '') : [],
      sections:
        q.kind === 'sections'
          ? (q.sections ?? []).map((s) => ({ key: s.key ?? '', label: s.label ?? '', text: blank(s.text) }))
          : [],
      min: q.kind === 'number' ? (q.min ?? null) : null,
      max: q.kind === 'number' ? (q.max ?? null) : null,
      unit: q.kind === 'number' ? blank(q.unit) : null,
    }
  })
  return {
    title: values.title ?? '',
    purpose: values.purpose ?? '',
    background: blank(values.background),
    materials: materials.map((m) =>
      m.kind === 'file'
        ? { fileId: m.fileId, role: m.role }
        : { documentKind: m.documentKind, documentId: m.documentId, role: m.role },
    ),
    participantIds: values.participantIds ?? [],
    deadline: values.deadline ? wallClockToIso(values.deadline) : '',
    questions,
    silenceRule: values.silenceRule ?? 'agree',
    quorumPercent: values.quorumPercent ?? 50,
    majority: values.majority ?? 'simple',
    openBallot: values.openBallot ?? false,
    launchOn: values.launchOn ?? 'approval',
    letterDocumentId: values.launchOn === 'letter' ? (values.letterDocumentId ?? null) : null,
    reminderHours: [...new Set(values.reminderHours ?? [])].sort((a, b) => b - a),
  }
}

/** Materials of a saved consultation, as the form keeps them (the revised draft is not re-sent). */
export function materialsOf(list: TMaterial[]): MaterialValue[] {
  return list
    .filter((m) => m.role !== 'revised_draft')
    .map((m): MaterialValue | null => {
      if (m.fileId)
        return {
          kind: 'file',
          fileId: m.fileId,
          filename: m.filename ?? m.title,
          mediaType: m.mediaType,
          role: m.role,
        }
      if (m.documentKind && m.documentId)
        return {
          kind: 'document',
          documentKind: m.documentKind,
          documentId: m.documentId,
          title: m.title,
          role: m.role,
        }
      return null
    })
    .filter((m): m is MaterialValue => m !== null)
}

/** A saved consultation as form values (editing a draft). */
export function valuesOf(c: TConsultation): FormValues {
  return {
    title: c.title,
    purpose: c.purpose,
    background: c.background,
    participantIds: c.participants.map((p) => p.id),
    deadline: isoToPicker(c.deadline),
    silenceRule: c.silenceRule,
    quorumPercent: c.quorumPercent,
    majority: c.majority,
    openBallot: c.openBallot,
    launchOn: c.launchOn,
    letterDocumentId: c.letterDocumentId,
    reminderHours: c.reminderHours,
    questions: c.questions.map((q) => ({
      key: q.key,
      kind: q.kind,
      title: q.title,
      description: q.description,
      required: q.required,
      options: q.options,
      sections: q.sections.map((s) => ({ key: s.key, label: s.label, text: s.text })),
      min: q.min,
      max: q.max,
      unit: q.unit,
    })),
  }
}
