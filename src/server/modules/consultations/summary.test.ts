import { describe, expect, it } from 'vitest'
import type { MajorityRule, SilenceRule, TAnswer, TPerson } from '@common/contracts/consultations'
import { buildSummary, commentId, decideMotion, type SummaryInput } from './summary.ts'

const person = (i: number): TPerson => ({
  id: `m${i}`,
  fullName: `Thành viên ${i}`,
  position: 'Thứ trưởng',
  organizationName: `Bộ ${i}`,
})
const people = (n: number) => Array.from({ length: n }, (_, i) => person(i + 1))

type Q = SummaryInput['consultation']['questions'][number]
const question = (key: string, kind: Q['kind'], extra: Partial<Q> = {}): Q => ({
  key,
  kind,
  title: `Câu hỏi ${key}`,
  description: null,
  required: false,
  options: [],
  sections: [],
  min: null,
  max: null,
  unit: null,
  ...extra,
})

const SECTIONS = [
  { key: 'dieu-1', label: 'Điều 1. Phạm vi điều chỉnh', text: null },
  { key: 'dieu-2', label: 'Điều 2. Đối tượng áp dụng', text: null },
  { key: 'dieu-3', label: 'Điều 3. Giải thích từ ngữ', text: null },
]

const QUESTIONS: Q[] = [
  question('y-kien', 'opinion'),
  question('bieu-quyet', 'motion'),
  question('gop-y', 'sections', { sections: SECTIONS }),
  question('phuong-an', 'single_choice', { options: ['Phương án A', 'Phương án B'] }),
  question('linh-vuc', 'multiple_choice', { options: ['Thủy lợi', 'Thủy sản', 'Giao thông'] }),
  question('kinh-phi', 'number', { unit: 'tỷ đồng' }),
  question('khac', 'text'),
]

type R = SummaryInput['responses'][number]
const response = (member: TPerson, answers: TAnswer[], extra: Partial<R> = {}): R => ({
  id: `r-${member.id}`,
  memberId: member.id,
  state: 'submitted',
  answers,
  submittedAt: '2026-03-01T02:00:00.000Z',
  onBehalf: false,
  submittedBy: member,
  signedFileId: null,
  ...extra,
})

function input(
  over: Partial<SummaryInput> & { rule?: SilenceRule; majority?: MajorityRule; quorum?: number } = {},
) {
  const { rule, majority, quorum, ...rest } = over
  return {
    consultation: {
      id: 'c1',
      title: 'Dự thảo Quy chế phối hợp',
      purpose: 'Lấy ý kiến thành viên',
      state: 'closed',
      deadline: '2026-03-05T10:00:00.000Z',
      silenceRule: rule ?? 'agree',
      quorumPercent: quorum ?? 50,
      majority: majority ?? 'simple',
      launchedAt: '2026-03-01T00:00:00.000Z',
      closedAt: '2026-03-05T10:00:00.000Z',
      questions: QUESTIONS,
    },
    participants: people(10),
    responses: [],
    dispositions: [],
    revisedDraft: null,
    final: true,
    now: new Date('2026-03-06T00:00:00.000Z'),
    ...rest,
  } satisfies SummaryInput
}

const q = (s: ReturnType<typeof buildSummary>, key: string) => s.questions.find((x) => x.key === key)!
const count = (s: ReturnType<typeof buildSummary>, key: string, value: string) =>
  q(s, key).tallies.find((t) => t.value === value)?.count

describe('buildSummary: what counts as an answer', () => {
  it('counts only submitted and final responses; drafts and awaiting_member are silence', () => {
    const [a, b, c, d] = people(4)
    const s = buildSummary(
      input({
        participants: [a!, b!, c!, d!],
        rule: 'not_counted',
        responses: [
          response(a!, [{ questionKey: 'y-kien', opinion: 'agree' }]),
          response(b!, [{ questionKey: 'y-kien', opinion: 'disagree' }], { state: 'final' }),
          response(c!, [{ questionKey: 'y-kien', opinion: 'disagree' }], { state: 'draft' }),
          response(d!, [{ questionKey: 'y-kien', opinion: 'disagree' }], { state: 'awaiting_member' }),
        ],
      }),
    )
    expect(s.participants).toBe(4)
    expect(s.answered).toBe(2)
    expect(s.silent.map((p) => p.id)).toEqual(['m3', 'm4'])
    expect(count(s, 'y-kien', 'agree')).toBe(1)
    expect(count(s, 'y-kien', 'disagree')).toBe(1)
    expect(s.opinions.map((o) => [o.member.id, o.state])).toEqual([
      ['m1', 'submitted'],
      ['m2', 'final'],
    ])
  })

  it('while open (provisional) nobody is silent yet and nothing is counted by silence', () => {
    const s = buildSummary(input({ final: false, rule: 'agree' }))
    expect(s.final).toBe(false)
    expect(s.silent).toEqual([])
    expect(q(s, 'y-kien').countedBySilence).toBe(0)
    expect(count(s, 'y-kien', 'agree')).toBe(0)
    expect(q(s, 'bieu-quyet').motion!.result).toBe('no_quorum')
  })
})

describe('buildSummary: each mechanism', () => {
  const [a, b, c] = people(3)
  const s = buildSummary(
    input({
      participants: [a!, b!, c!],
      rule: 'not_counted',
      responses: [
        response(a!, [
          { questionKey: 'y-kien', opinion: 'agree_with_comments', text: 'Đề nghị bổ sung căn cứ.' },
          { questionKey: 'bieu-quyet', vote: 'approve' },
          {
            questionKey: 'gop-y',
            sectionComments: [
              { sectionKey: 'dieu-2', comment: 'Làm rõ đối tượng.' },
              { sectionKey: 'dieu-1', comment: '' },
            ],
          },
          { questionKey: 'phuong-an', choice: 'Phương án B' },
          { questionKey: 'linh-vuc', choices: ['Thủy lợi', 'Thủy sản'] },
          { questionKey: 'kinh-phi', number: 12 },
          { questionKey: 'khac', text: 'Không có ý kiến khác.' },
        ]),
        response(b!, [
          { questionKey: 'y-kien', opinion: 'agree', text: 'Nhất trí.' },
          { questionKey: 'bieu-quyet', vote: 'reject' },
          {
            questionKey: 'gop-y',
            sectionComments: [{ sectionKey: 'dieu-2', comment: 'Thêm tổ chức quốc tế.' }],
          },
          { questionKey: 'phuong-an', choice: 'Phương án B' },
          { questionKey: 'linh-vuc', choices: ['Thủy lợi'] },
          { questionKey: 'kinh-phi', number: 3.5 },
        ]),
        response(c!, [
          { questionKey: 'y-kien', opinion: 'disagree' },
          { questionKey: 'bieu-quyet', vote: 'abstain' },
          { questionKey: 'phuong-an', choice: 'Phương án A' },
          { questionKey: 'kinh-phi', number: 7 },
        ]),
      ],
    }),
  )

  it('opinion: the three values with Vietnamese labels, and the comments with their authors', () => {
    expect(q(s, 'y-kien').tallies).toEqual([
      { value: 'agree', label: 'Đồng ý', count: 1 },
      { value: 'agree_with_comments', label: 'Đồng ý, có góp ý', count: 1 },
      { value: 'disagree', label: 'Không đồng ý', count: 1 },
    ])
    expect(q(s, 'y-kien').texts.map((t) => [t.member.id, t.text])).toEqual([
      ['m1', 'Đề nghị bổ sung căn cứ.'],
      ['m2', 'Nhất trí.'],
    ])
  })

  it('motion: approve / reject / abstain labelled, with a decision', () => {
    expect(q(s, 'bieu-quyet').tallies.map((t) => [t.label, t.count])).toEqual([
      ['Tán thành', 1],
      ['Không tán thành', 1],
      ['Không biểu quyết', 1],
    ])
    expect(q(s, 'bieu-quyet').motion).toMatchObject({ answered: 3, participants: 3, result: 'rejected' })
  })

  it('choices: counted by option text, every option listed (zero included)', () => {
    expect(q(s, 'phuong-an').tallies).toEqual([
      { value: 'Phương án A', label: 'Phương án A', count: 1 },
      { value: 'Phương án B', label: 'Phương án B', count: 2 },
    ])
    expect(q(s, 'linh-vuc').tallies.map((t) => t.count)).toEqual([2, 1, 0])
  })

  it('number: n, mean, min, max', () => {
    expect(q(s, 'kinh-phi').numbers).toEqual({ n: 3, mean: 7.5, min: 3.5, max: 12 })
  })

  it('text: each answer with its author', () => {
    expect(q(s, 'khac').texts).toEqual([{ member: a, text: 'Không có ý kiến khác.' }])
  })

  it('sections: comment counts per section in the draft order, empty comments dropped', () => {
    expect(q(s, 'gop-y').tallies.map((t) => [t.value, t.count])).toEqual([
      ['dieu-1', 0],
      ['dieu-2', 2],
      ['dieu-3', 0],
    ])
  })

  it('the response table: opinion comments (with comments / disagree) and section comments', () => {
    expect(s.responseTable.map((r) => [r.questionKey, r.sectionKey, r.member.id, r.comment])).toEqual([
      ['y-kien', null, 'm1', 'Đề nghị bổ sung căn cứ.'],
      ['gop-y', 'dieu-2', 'm1', 'Làm rõ đối tượng.'],
      ['gop-y', 'dieu-2', 'm2', 'Thêm tổ chức quốc tế.'],
    ])
    expect(s.responseTable[1]!.id).toBe(commentId('r-m1', 'gop-y', 'dieu-2'))
    expect(s.responseTable[1]!.sectionLabel).toBe('Điều 2. Đối tượng áp dụng')
  })

  it('numbers stay null when nobody answered a number question', () => {
    const empty = buildSummary(input({ participants: [a!], responses: [] }))
    expect(q(empty, 'kinh-phi').numbers).toBeNull()
  })
})

describe('buildSummary: the silence rule', () => {
  const members = people(10)
  const responses = members.slice(0, 4).map((m, i) =>
    response(m, [
      { questionKey: 'y-kien', opinion: i === 0 ? 'disagree' : 'agree' },
      { questionKey: 'bieu-quyet', vote: i === 0 ? 'reject' : 'approve' },
    ]),
  )

  it('agree: silent members count as agreement and approval, and towards the quorum', () => {
    const s = buildSummary(input({ participants: members, responses, rule: 'agree' }))
    expect(s.silent).toHaveLength(6)
    expect(count(s, 'y-kien', 'agree')).toBe(9)
    expect(q(s, 'y-kien').countedBySilence).toBe(6)
    expect(count(s, 'bieu-quyet', 'approve')).toBe(9)
    expect(q(s, 'bieu-quyet').countedBySilence).toBe(6)
    expect(q(s, 'bieu-quyet').motion).toMatchObject({ answered: 10, quorumMet: true, result: 'adopted' })
    expect(q(s, 'bieu-quyet').motion!.explanation).toContain(
      '6 thành viên không trả lời được tính là tán thành',
    )
  })

  it('abstain: silent members abstain on motions (quorum counts them), opinions are not counted', () => {
    const s = buildSummary(input({ participants: members, responses, rule: 'abstain' }))
    expect(count(s, 'y-kien', 'agree')).toBe(3)
    expect(q(s, 'y-kien').countedBySilence).toBe(0)
    expect(count(s, 'bieu-quyet', 'abstain')).toBe(6)
    expect(q(s, 'bieu-quyet').countedBySilence).toBe(6)
    expect(q(s, 'bieu-quyet').motion).toMatchObject({
      answered: 10,
      quorumMet: true,
      approve: 3,
      result: 'adopted',
    })
  })

  it('abstain with an absolute majority: abstentions help the quorum but not the majority', () => {
    const s = buildSummary(input({ participants: members, responses, rule: 'abstain', majority: 'absolute' }))
    expect(q(s, 'bieu-quyet').motion).toMatchObject({ quorumMet: true, result: 'rejected' })
  })

  it('not_counted: silence counts nowhere, not even towards the quorum', () => {
    const s = buildSummary(input({ participants: members, responses, rule: 'not_counted' }))
    expect(s.silent).toHaveLength(6)
    expect(count(s, 'y-kien', 'agree')).toBe(3)
    expect(q(s, 'bieu-quyet').countedBySilence).toBe(0)
    expect(q(s, 'bieu-quyet').motion).toMatchObject({ answered: 4, quorumMet: false, result: 'no_quorum' })
    expect(q(s, 'bieu-quyet').motion!.explanation).toMatch(
      /^Chỉ 4\/10 thành viên trả lời, chưa đạt tỷ lệ yêu cầu 50%/,
    )
  })
})

describe('decideMotion: quorum and majority rules', () => {
  it('writes the explanation sentence', () => {
    expect(decideMotion({ approve: 6, reject: 1, abstain: 0 }, 10, 50, 'simple').explanation).toBe(
      'Đạt 7/10 thành viên trả lời (tỷ lệ yêu cầu 50%); 6 tán thành, 1 không tán thành, 0 không biểu quyết: thông qua theo đa số tán thành',
    )
  })

  it('quorum exactly at the percent is met; one below is not', () => {
    expect(decideMotion({ approve: 5, reject: 0, abstain: 0 }, 10, 50, 'simple').quorumMet).toBe(true)
    expect(decideMotion({ approve: 4, reject: 0, abstain: 0 }, 10, 50, 'simple').result).toBe('no_quorum')
    // 2/3 of 3 participants = 66.67 %: 2 answers meet 66 % but not 67 %.
    expect(decideMotion({ approve: 2, reject: 0, abstain: 0 }, 3, 66, 'simple').quorumMet).toBe(true)
    expect(decideMotion({ approve: 2, reject: 0, abstain: 0 }, 3, 67, 'simple').quorumMet).toBe(false)
    expect(decideMotion({ approve: 0, reject: 0, abstain: 0 }, 10, 0, 'simple').quorumMet).toBe(true)
    expect(decideMotion({ approve: 10, reject: 0, abstain: 0 }, 10, 100, 'simple').quorumMet).toBe(true)
  })

  it('simple: more approve than half of approve + reject (a tie fails, abstentions not cast)', () => {
    expect(decideMotion({ approve: 3, reject: 2, abstain: 5 }, 10, 50, 'simple').result).toBe('adopted')
    expect(decideMotion({ approve: 3, reject: 3, abstain: 4 }, 10, 50, 'simple').result).toBe('rejected')
    expect(decideMotion({ approve: 0, reject: 0, abstain: 10 }, 10, 50, 'simple').result).toBe('rejected')
  })

  it('absolute: more approve than half of all participants', () => {
    expect(decideMotion({ approve: 6, reject: 0, abstain: 0 }, 10, 50, 'absolute').result).toBe('adopted')
    expect(decideMotion({ approve: 5, reject: 0, abstain: 0 }, 10, 50, 'absolute').result).toBe('rejected')
    expect(decideMotion({ approve: 5, reject: 0, abstain: 0 }, 9, 50, 'absolute').result).toBe('adopted')
  })

  it('two_thirds: at least two thirds of all participants (exactly 2/3 passes)', () => {
    expect(decideMotion({ approve: 6, reject: 0, abstain: 0 }, 9, 50, 'two_thirds').result).toBe('adopted')
    expect(decideMotion({ approve: 5, reject: 0, abstain: 0 }, 9, 50, 'two_thirds').result).toBe('rejected')
    expect(decideMotion({ approve: 27, reject: 0, abstain: 0 }, 40, 50, 'two_thirds').result).toBe('adopted')
    expect(decideMotion({ approve: 26, reject: 0, abstain: 0 }, 40, 50, 'two_thirds').result).toBe('rejected')
    expect(decideMotion({ approve: 26, reject: 0, abstain: 0 }, 40, 50, 'two_thirds').explanation).toContain(
      'chưa đạt hai phần ba',
    )
  })
})

describe('buildSummary: the response table', () => {
  const [a, b, c] = people(3)
  const sections = (m: TPerson, keys: string[]): TAnswer => ({
    questionKey: 'gop-y',
    sectionComments: keys.map((k) => ({ sectionKey: k, comment: `${m.fullName} góp ý ${k}` })),
  })
  // Responses arrive in any order; the table follows the draft's sections, then participants.
  const responses = [
    response(c!, [sections(c!, ['dieu-3', 'dieu-1'])]),
    response(a!, [sections(a!, ['dieu-3'])]),
    response(b!, [sections(b!, ['dieu-1', 'dieu-2', 'dieu-3'])]),
  ]

  it('groups by section in the draft order, then participant order', () => {
    const s = buildSummary(input({ participants: [a!, b!, c!], responses }))
    expect(s.responseTable.map((r) => `${r.sectionKey}/${r.member.id}`)).toEqual([
      'dieu-1/m2',
      'dieu-1/m3',
      'dieu-2/m2',
      'dieu-3/m1',
      'dieu-3/m2',
      'dieu-3/m3',
    ])
  })

  it('merges the dispositions by comment id; unknown ids are ignored', () => {
    const s = buildSummary(
      input({
        participants: [a!, b!, c!],
        responses,
        dispositions: [
          {
            id: commentId('r-m2', 'gop-y', 'dieu-2'),
            disposition: 'accepted',
            explanation: 'Đã chỉnh sửa theo góp ý',
            revisedText: 'Điều 2 (sửa đổi)',
          },
          {
            id: commentId('r-m9', 'gop-y', 'dieu-2'),
            disposition: 'explained',
            explanation: 'x',
            revisedText: null,
          },
        ],
      }),
    )
    const row = s.responseTable.find((r) => r.id === commentId('r-m2', 'gop-y', 'dieu-2'))!
    expect(row).toMatchObject({
      disposition: 'accepted',
      explanation: 'Đã chỉnh sửa theo góp ý',
      revisedText: 'Điều 2 (sửa đổi)',
    })
    expect(s.responseTable.filter((r) => r.disposition !== null)).toHaveLength(1)
    expect(s.responseTable.find((r) => r.sectionKey === 'dieu-1')).toMatchObject({
      disposition: null,
      explanation: null,
    })
  })

  it('commentId is stable and distinguishes the general row from section rows', () => {
    expect(commentId('r1', 'q', null)).toBe(commentId('r1', 'q', null))
    expect(commentId('r1', 'q', null)).not.toBe(commentId('r1', 'q', 'dieu-1'))
    expect(commentId('r1', 'q', 'a')).not.toBe(commentId('r2', 'q', 'a'))
  })

  it('opinion comments only for agree_with_comments and disagree', () => {
    const s = buildSummary(
      input({
        participants: [a!, b!, c!],
        responses: [
          response(a!, [{ questionKey: 'y-kien', opinion: 'agree', text: 'Nhất trí hoàn toàn' }]),
          response(b!, [{ questionKey: 'y-kien', opinion: 'disagree', text: 'Chưa phù hợp' }]),
          response(c!, [{ questionKey: 'y-kien', opinion: 'agree_with_comments', text: 'Sửa tên gọi' }]),
        ],
      }),
    )
    expect(s.responseTable.map((r) => [r.member.id, r.sectionKey, r.sectionLabel])).toEqual([
      ['m2', null, null],
      ['m3', null, null],
    ])
  })

  it('40 members × 100 comments on 100 sections summarise in a few milliseconds', () => {
    const members = people(40)
    const draft = Array.from({ length: 100 }, (_, i) => ({
      key: `dieu-${i + 1}`,
      label: `Điều ${i + 1}`,
      text: null,
    }))
    const big = input({
      participants: members,
      consultation: {
        ...input().consultation,
        questions: [
          question('y-kien', 'opinion'),
          question('bieu-quyet', 'motion'),
          question('gop-y', 'sections', { sections: draft }),
        ],
      },
      responses: members.map((m) =>
        response(m, [
          { questionKey: 'y-kien', opinion: 'agree_with_comments', text: 'Góp ý chung' },
          { questionKey: 'bieu-quyet', vote: 'approve' },
          {
            questionKey: 'gop-y',
            sectionComments: draft.map((s) => ({ sectionKey: s.key, comment: `Góp ý ${s.key}` })),
          },
        ]),
      ),
    })
    buildSummary(big)
    const t0 = performance.now()
    const s = buildSummary(big)
    const ms = performance.now() - t0
    expect(s.responseTable).toHaveLength(40 * 100 + 40)
    expect(ms).toBeLessThan(50)
  })
})
