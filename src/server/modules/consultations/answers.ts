/**
 * Answers checked against the consultation's questions, and their canonical form (what the receipt
 * digest covers). Pure. A wrong answer is refused with a Vietnamese message naming the question.
 */
import { createHash } from 'node:crypto'
import type { TAnswer, TConsultation } from '@common/contracts/consultations'
import { AppError } from '../../platform/errors.ts'

type Question = TConsultation['questions'][number]

function refuse(index: number, field: string, message: string): AppError {
  const path = `answers.${index}.${field}`
  return new AppError('VALIDATION_FAILED', { message, details: [{ path, message }] })
}

const FIELD_OF: Record<Question['kind'], keyof TAnswer> = {
  opinion: 'opinion',
  motion: 'vote',
  sections: 'sectionComments',
  single_choice: 'choice',
  multiple_choice: 'choices',
  text: 'text',
  number: 'number',
}
// An opinion may carry free text (its comments) besides the opinion itself.
const EXTRA_FIELDS: Partial<Record<Question['kind'], (keyof TAnswer)[]>> = { opinion: ['text'] }

function isEmpty(a: TAnswer, q: Question): boolean {
  const v = a[FIELD_OF[q.kind]]
  if (v === undefined || v === null) return true
  if (typeof v === 'string') return v.trim() === ''
  if (Array.isArray(v)) return v.length === 0
  return false
}

/** One answer checked against its question; returns it without empty parts. */
function checkOne(q: Question, a: TAnswer, i: number): TAnswer {
  const name = `Câu “${q.title}”`
  const allowed = new Set<keyof TAnswer>(['questionKey', FIELD_OF[q.kind], ...(EXTRA_FIELDS[q.kind] ?? [])])
  for (const key of Object.keys(a) as (keyof TAnswer)[]) {
    if (a[key] !== undefined && !allowed.has(key)) {
      throw refuse(i, key, `${name}: câu trả lời không đúng loại câu hỏi`)
    }
  }
  const out: TAnswer = { questionKey: q.key }
  switch (q.kind) {
    case 'opinion':
      if (a.opinion) out.opinion = a.opinion
      if (a.text) out.text = a.text
      break
    case 'motion':
      if (a.vote) out.vote = a.vote
      break
    case 'single_choice':
      if (a.choice !== undefined && a.choice !== '') {
        if (!q.options.includes(a.choice)) {
          throw refuse(i, 'choice', `${name}: phương án “${a.choice}” không có trong câu hỏi`)
        }
        out.choice = a.choice
      }
      break
    case 'multiple_choice':
      if (a.choices?.length) {
        const unknown = a.choices.find((c) => !q.options.includes(c))
        if (unknown !== undefined) {
          throw refuse(i, 'choices', `${name}: phương án “${unknown}” không có trong câu hỏi`)
        }
        out.choices = q.options.filter((o) => a.choices!.includes(o))
      }
      break
    case 'text':
      if (a.text) out.text = a.text
      break
    case 'number':
      if (a.number !== undefined) {
        if (!Number.isFinite(a.number)) throw refuse(i, 'number', `${name}: cần nhập một số`)
        if (q.min !== null && a.number < q.min) {
          throw refuse(i, 'number', `${name}: giá trị phải từ ${q.min} trở lên`)
        }
        if (q.max !== null && a.number > q.max) {
          throw refuse(i, 'number', `${name}: giá trị không được lớn hơn ${q.max}`)
        }
        out.number = a.number
      }
      break
    case 'sections': {
      const keys = new Set(q.sections.map((s) => s.key))
      const seen = new Set<string>()
      const comments = (a.sectionComments ?? []).filter((c) => c.comment.trim() !== '')
      for (const c of comments) {
        if (!keys.has(c.sectionKey)) {
          throw refuse(i, 'sectionComments', `${name}: không có mục “${c.sectionKey}” trong dự thảo`)
        }
        if (seen.has(c.sectionKey)) {
          throw refuse(i, 'sectionComments', `${name}: mục “${c.sectionKey}” có hai góp ý`)
        }
        seen.add(c.sectionKey)
      }
      // In the draft's order, whatever order they were typed in.
      const order = new Map(q.sections.map((s, n) => [s.key, n]))
      if (comments.length) {
        out.sectionComments = [...comments].sort(
          (x, y) => order.get(x.sectionKey)! - order.get(y.sectionKey)!,
        )
      }
      break
    }
  }
  return out
}

/**
 * The answers checked against the questions, in the questions' order, empty ones dropped. With
 * `complete` (a submission) every required question must be answered.
 */
export function checkAnswers(
  questions: TConsultation['questions'],
  answers: readonly TAnswer[],
  options: { complete: boolean },
): TAnswer[] {
  const byKey = new Map(questions.map((q) => [q.key, q]))
  const given = new Map<string, TAnswer>()
  answers.forEach((a, i) => {
    const q = byKey.get(a.questionKey)
    if (!q) throw refuse(i, 'questionKey', `Không có câu hỏi “${a.questionKey}” trong đợt lấy ý kiến này`)
    if (given.has(q.key)) throw refuse(i, 'questionKey', `Câu “${q.title}” được trả lời hai lần`)
    const checked = checkOne(q, a, i)
    if (!isEmpty(checked, q)) given.set(q.key, checked)
  })
  if (options.complete) {
    const missing = questions.find((q) => q.required && !given.has(q.key))
    if (missing) {
      const message = `Câu “${missing.title}” là bắt buộc: hãy trả lời trước khi gửi`
      throw new AppError('VALIDATION_FAILED', {
        message,
        details: [{ path: `answers.${missing.key}`, message }],
      })
    }
  }
  return questions.flatMap((q) => (given.has(q.key) ? [given.get(q.key)!] : []))
}

/** JSON with object keys sorted, so the same answer always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** SHA-256 (hex) of the answer as received: consultation, member, answers and files. */
export function answerDigest(input: {
  consultationId: string
  memberId: string
  answers: readonly TAnswer[]
  fileIds: readonly string[]
}): string {
  return createHash('sha256').update(canonicalJson(input), 'utf8').digest('hex')
}
