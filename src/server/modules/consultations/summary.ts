/**
 * The consultation summary (báo cáo tổng hợp ý kiến), computed from loaded rows: tallies per
 * question, the motions' results under the quorum and majority rules, every opinion with its
 * author, and the response table (comments by section in the draft's order). Pure: no database.
 *
 * Only answers in state submitted or final count. At closing (`final`), the members who did not
 * answer are counted by the silence rule shown to them: `agree` counts an opinion as agreement
 * and a motion as approval, `abstain` counts a motion as abstention (an opinion not at all), and
 * `not_counted` counts nothing, not even towards a quorum.
 *
 * Cost: one pass over the responses to index their answers (maps), then one pass over
 * questions × participants (and sections × participants): 40 members × 100 comments is ~4,000
 * map lookups, never a scan of all responses per section.
 */
import type {
  ConsultationState,
  Disposition,
  MajorityRule,
  ResponseState,
  SilenceRule,
  TAnswer,
  TConsultation,
  TConsultationSummary,
  TMaterial,
  TPerson,
  TResponseTableRow,
} from '@common/contracts/consultations'

export type SummaryInput = {
  consultation: {
    id: string
    title: string
    purpose: string
    state: ConsultationState
    deadline: string
    silenceRule: SilenceRule
    quorumPercent: number
    majority: MajorityRule
    launchedAt: string | null
    closedAt: string | null
    questions: TConsultation['questions']
  }
  /** In participant order. */
  participants: TPerson[]
  responses: {
    id: string
    memberId: string
    state: ResponseState
    answers: TAnswer[]
    submittedAt: string | null
    onBehalf: boolean
    signedFileId: string | null
    submittedBy: TPerson | null
  }[]
  dispositions: {
    id: string
    disposition: Disposition | null
    explanation: string | null
    revisedText: string | null
  }[]
  revisedDraft: TMaterial | null
  final: boolean
  now: Date
}

type Question = SummaryInput['consultation']['questions'][number]
type SummaryQuestion = TConsultationSummary['questions'][number]
type Response = SummaryInput['responses'][number]
type Motion = NonNullable<SummaryQuestion['motion']>

/** Vietnamese labels of the tallies (an administrative report is in Vietnamese). */
export const OPINION_LABELS = {
  agree: 'Đồng ý',
  agree_with_comments: 'Đồng ý, có góp ý',
  disagree: 'Không đồng ý',
} as const
export const VOTE_LABELS = {
  approve: 'Tán thành',
  reject: 'Không tán thành',
  abstain: 'Không biểu quyết',
} as const

const COUNTED: ReadonlySet<ResponseState> = new Set(['submitted', 'final'])

/** The stable id of one comment in the response table (response + question + section). */
export function commentId(responseId: string, questionKey: string, sectionKey: string | null): string {
  return `${responseId}:${questionKey}:${sectionKey ?? '-'}`
}

/** An answered member: the response and its answers by question key. */
type Answered = { person: TPerson; response: Response; answers: Map<string, TAnswer> }

/** The summary of a consultation (provisional while open, final once closed). */
export function buildSummary(input: SummaryInput): TConsultationSummary {
  const { consultation: c, participants } = input
  const byMember = new Map<string, Response>()
  for (const r of input.responses) if (COUNTED.has(r.state)) byMember.set(r.memberId, r)

  const answered: Answered[] = []
  const silent: TPerson[] = []
  for (const person of participants) {
    const response = byMember.get(person.id)
    if (response) {
      const answers = new Map<string, TAnswer>()
      for (const a of response.answers) answers.set(a.questionKey, a)
      answered.push({ person, response, answers })
    } else silent.push(person)
  }
  // Before closing, not having answered yet is not silence.
  const silentCounted = input.final ? silent : []
  const dispositions = new Map(input.dispositions.map((d) => [d.id, d]))

  return {
    consultation: {
      id: c.id,
      title: c.title,
      purpose: c.purpose,
      state: c.state,
      deadline: c.deadline,
      silenceRule: c.silenceRule,
      quorumPercent: c.quorumPercent,
      majority: c.majority,
      launchedAt: c.launchedAt,
      closedAt: c.closedAt,
    },
    final: input.final,
    generatedAt: input.now.toISOString(),
    participants: participants.length,
    answered: answered.length,
    silent: silentCounted,
    questions: c.questions.map((q) =>
      summarizeQuestion(q, c, participants.length, answered, silentCounted.length),
    ),
    opinions: answered.map(({ person, response }) => ({
      member: person,
      state: response.state,
      submittedAt: response.submittedAt,
      onBehalf: response.onBehalf,
      submittedBy: response.submittedBy,
      signedFileId: response.signedFileId,
      answers: response.answers,
    })),
    responseTable: responseTable(c.questions, answered, dispositions),
    revisedDraft: input.revisedDraft,
  }
}

function summarizeQuestion(
  q: Question,
  c: SummaryInput['consultation'],
  participants: number,
  answered: Answered[],
  silentCount: number,
): SummaryQuestion {
  const out: SummaryQuestion = {
    key: q.key,
    kind: q.kind,
    title: q.title,
    tallies: [],
    countedBySilence: 0,
    motion: null,
    numbers: null,
    texts: [],
  }
  const answersTo = answered.flatMap(({ person, answers }) => {
    const a = answers.get(q.key)
    return a ? [{ person, a }] : []
  })
  switch (q.kind) {
    case 'opinion': {
      const counts = { agree: 0, agree_with_comments: 0, disagree: 0 }
      for (const { person, a } of answersTo) {
        if (a.opinion) counts[a.opinion]++
        if (a.text) out.texts.push({ member: person, text: a.text })
      }
      if (c.silenceRule === 'agree') {
        counts.agree += silentCount
        out.countedBySilence = silentCount
      }
      out.tallies = tallies(counts, OPINION_LABELS)
      break
    }
    case 'motion': {
      const counts = { approve: 0, reject: 0, abstain: 0 }
      for (const { person, a } of answersTo) {
        if (a.vote) counts[a.vote]++
        if (a.text) out.texts.push({ member: person, text: a.text })
      }
      if (c.silenceRule === 'agree') counts.approve += silentCount
      if (c.silenceRule === 'abstain') counts.abstain += silentCount
      if (c.silenceRule !== 'not_counted') out.countedBySilence = silentCount
      out.tallies = tallies(counts, VOTE_LABELS)
      out.motion = decideMotion(
        counts,
        participants,
        c.quorumPercent,
        c.majority,
        out.countedBySilence,
        c.silenceRule,
      )
      break
    }
    case 'single_choice':
    case 'multiple_choice': {
      const counts = new Map<string, number>(q.options.map((o) => [o, 0]))
      for (const { a } of answersTo) {
        const chosen = q.kind === 'single_choice' ? (a.choice ? [a.choice] : []) : (a.choices ?? [])
        for (const choice of new Set(chosen)) counts.set(choice, (counts.get(choice) ?? 0) + 1)
      }
      out.tallies = [...counts].map(([value, count]) => ({ value, label: value, count }))
      break
    }
    case 'number': {
      let n = 0
      let sum = 0
      let min = Infinity
      let max = -Infinity
      for (const { a } of answersTo) {
        if (typeof a.number !== 'number' || !Number.isFinite(a.number)) continue
        n++
        sum += a.number
        if (a.number < min) min = a.number
        if (a.number > max) max = a.number
      }
      out.numbers = n ? { n, mean: Math.round((sum / n) * 1000) / 1000, min, max } : null
      break
    }
    case 'text': {
      for (const { person, a } of answersTo) if (a.text) out.texts.push({ member: person, text: a.text })
      break
    }
    case 'sections': {
      // How many members commented on each section, in the draft's order.
      const counts = new Map<string, number>(q.sections.map((s) => [s.key, 0]))
      for (const { a } of answersTo)
        for (const sc of a.sectionComments ?? [])
          if (sc.comment && counts.has(sc.sectionKey))
            counts.set(sc.sectionKey, counts.get(sc.sectionKey)! + 1)
      out.tallies = q.sections.map((s) => ({ value: s.key, label: s.label, count: counts.get(s.key)! }))
      break
    }
  }
  return out
}

function tallies<K extends string>(counts: Record<K, number>, labels: Record<K, string>) {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value], count: counts[value] }))
}

const MAJORITY_TEXT: Record<MajorityRule, { adopted: string; rejected: string }> = {
  simple: {
    adopted: 'thông qua theo đa số tán thành',
    rejected: 'không thông qua do số tán thành không quá một nửa số phiếu tán thành và không tán thành',
  },
  absolute: {
    adopted: 'thông qua do số tán thành quá một nửa tổng số thành viên',
    rejected: 'không thông qua do số tán thành không quá một nửa tổng số thành viên',
  },
  two_thirds: {
    adopted: 'thông qua do số tán thành đạt ít nhất hai phần ba tổng số thành viên',
    rejected: 'không thông qua do số tán thành chưa đạt hai phần ba tổng số thành viên',
  },
}

/** A motion's result: quorum first (integer arithmetic, so exactly at the percent is met), then the majority. */
export function decideMotion(
  counts: { approve: number; reject: number; abstain: number },
  participants: number,
  quorumPercent: number,
  majority: MajorityRule,
  countedBySilence = 0,
  silenceRule: SilenceRule = 'not_counted',
): Motion {
  const { approve, reject, abstain } = counts
  const answered = approve + reject + abstain
  const quorumMet = participants > 0 && answered * 100 >= quorumPercent * participants
  const majorityMet =
    majority === 'simple'
      ? approve * 2 > approve + reject
      : majority === 'absolute'
        ? approve * 2 > participants
        : approve * 3 >= participants * 2
  const result: Motion['result'] = !quorumMet ? 'no_quorum' : majorityMet ? 'adopted' : 'rejected'
  const silence =
    countedBySilence > 0
      ? ` (trong đó ${countedBySilence} thành viên không trả lời được tính là ${silenceRule === 'agree' ? 'tán thành' : 'không biểu quyết'})`
      : ''
  const votes = `${approve} tán thành, ${reject} không tán thành, ${abstain} không biểu quyết`
  const explanation = quorumMet
    ? `Đạt ${answered}/${participants} thành viên trả lời (tỷ lệ yêu cầu ${quorumPercent}%)${silence}; ${votes}: ${MAJORITY_TEXT[majority][result === 'adopted' ? 'adopted' : 'rejected']}`
    : `Chỉ ${answered}/${participants} thành viên trả lời, chưa đạt tỷ lệ yêu cầu ${quorumPercent}%${silence}; ${votes}: không đủ số thành viên để quyết định`
  return { quorumMet, answered, participants, approve, reject, abstain, result, explanation }
}

/**
 * The response table: per question in order, an opinion's comment (agree with comments or
 * disagree) as a general row, and the sections' comments grouped by section in the draft's
 * order, then in participant order; the officers' dispositions merged by comment id.
 */
function responseTable(
  questions: Question[],
  answered: Answered[],
  dispositions: Map<string, SummaryInput['dispositions'][number]>,
): TResponseTableRow[] {
  const rows: TResponseTableRow[] = []
  const push = (
    responseId: string,
    member: TPerson,
    questionKey: string,
    sectionKey: string | null,
    sectionLabel: string | null,
    comment: string,
  ) => {
    const id = commentId(responseId, questionKey, sectionKey)
    const d = dispositions.get(id)
    rows.push({
      id,
      questionKey,
      sectionKey,
      sectionLabel,
      comment,
      member,
      disposition: d?.disposition ?? null,
      explanation: d?.explanation ?? null,
      revisedText: d?.revisedText ?? null,
    })
  }
  for (const q of questions) {
    if (q.kind === 'opinion') {
      for (const { person, response, answers } of answered) {
        const a = answers.get(q.key)
        if (a?.text && (a.opinion === 'agree_with_comments' || a.opinion === 'disagree'))
          push(response.id, person, q.key, null, null, a.text)
      }
    } else if (q.kind === 'sections') {
      // Each member's comments by section key, built once.
      const comments = answered.map(({ answers }) => {
        const bySection = new Map<string, string>()
        for (const sc of answers.get(q.key)?.sectionComments ?? [])
          if (sc.comment.trim()) bySection.set(sc.sectionKey, sc.comment.trim())
        return bySection
      })
      for (const s of q.sections)
        answered.forEach(({ person, response }, i) => {
          const comment = comments[i]!.get(s.key)
          if (comment) push(response.id, person, q.key, s.key, s.label, comment)
        })
    }
  }
  return rows
}
