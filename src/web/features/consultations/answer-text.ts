/** One answer in words, for tables and the read-only views ("Đồng ý — …", "Phương án B", "12 tỷ đồng"). */
import type { TFunction } from 'i18next'
import type { TAnswer, TConsultation } from '@common/contracts/consultations'

export type TQuestionView = TConsultation['questions'][number]

export function answerText(
  t: TFunction,
  q: Pick<TQuestionView, 'kind' | 'unit' | 'sections'>,
  a: TAnswer,
): string {
  const parts: string[] = []
  if (a.opinion) parts.push(t(`consultations.opinion.${a.opinion}`))
  if (a.vote) parts.push(t(`consultations.vote.${a.vote}`))
  if (a.choice) parts.push(a.choice)
  if (a.choices && a.choices.length > 0) parts.push(a.choices.join('; '))
  if (a.number !== undefined && a.number !== null)
    parts.push(q.unit ? `${a.number} ${q.unit}` : String(a.number))
  if (a.sectionComments && a.sectionComments.length > 0)
    parts.push(t('consultations.answer.sectionCount', { count: a.sectionComments.length }))
  if (a.text) parts.push(a.text)
  return parts.join(' — ')
}

/** Whether an answer says anything at all (empty ones are not sent). */
export function isAnswered(a: TAnswer): boolean {
  return (
    a.opinion !== undefined ||
    a.vote !== undefined ||
    (a.choice !== undefined && a.choice !== '') ||
    (a.choices !== undefined && a.choices.length > 0) ||
    (a.text !== undefined && a.text.trim() !== '') ||
    (a.number !== undefined && a.number !== null && !Number.isNaN(a.number)) ||
    (a.sectionComments ?? []).some((s) => s.comment.trim() !== '')
  )
}

/** What a required question still lacks: its main value (the free text alone does not answer a vote). */
export function isMissing(q: Pick<TQuestionView, 'kind' | 'required'>, a: TAnswer | undefined): boolean {
  if (!q.required) return false
  if (!a) return true
  switch (q.kind) {
    case 'opinion':
      return a.opinion === undefined
    case 'motion':
      return a.vote === undefined
    case 'single_choice':
      return !a.choice
    case 'multiple_choice':
      return !a.choices || a.choices.length === 0
    case 'text':
      return !a.text || a.text.trim() === ''
    case 'number':
      return a.number === undefined || a.number === null
    case 'sections':
      return !(a.sectionComments ?? []).some((s) => s.comment.trim() !== '')
  }
}

/** The answers as the contract takes them: empty ones dropped, empty section comments dropped. */
export function cleanAnswers(answers: TAnswer[]): TAnswer[] {
  return answers
    .map((a) => {
      const out: TAnswer = { questionKey: a.questionKey }
      if (a.opinion) out.opinion = a.opinion
      if (a.vote) out.vote = a.vote
      if (a.choice) out.choice = a.choice
      if (a.choices && a.choices.length > 0) out.choices = a.choices
      if (a.text && a.text.trim() !== '') out.text = a.text.trim()
      if (a.number !== undefined && a.number !== null && !Number.isNaN(a.number)) out.number = a.number
      const comments = (a.sectionComments ?? [])
        .map((s) => ({ sectionKey: s.sectionKey, comment: s.comment.trim() }))
        .filter((s) => s.comment !== '')
      if (comments.length > 0) out.sectionComments = comments
      return out
    })
    .filter(isAnswered)
}
