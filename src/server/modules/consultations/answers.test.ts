import { describe, expect, it } from 'vitest'
import { ZQuestionInput, type TAnswer } from '@common/contracts/consultations'
import { answerDigest, canonicalJson, checkAnswers } from './answers.ts'

const questions = [
  { key: 'q1', kind: 'opinion', title: 'Ý kiến chung' },
  {
    key: 'q2',
    kind: 'sections',
    title: 'Góp ý',
    required: false,
    sections: [
      { key: 'a', label: 'A' },
      { key: 'b', label: 'B' },
    ],
  },
  { key: 'q3', kind: 'number', title: 'Số', min: 1, max: 5, required: false },
].map((q) => ZQuestionInput.parse(q))

describe('checkAnswers', () => {
  it('orders answers as the questions, sections as the draft, and drops empty comments', () => {
    const out = checkAnswers(
      questions,
      [
        {
          questionKey: 'q2',
          sectionComments: [
            { sectionKey: 'b', comment: 'x' },
            { sectionKey: 'a', comment: 'y' },
          ],
        },
        { questionKey: 'q1', opinion: 'agree' },
      ],
      { complete: true },
    )
    expect(out).toEqual([
      { questionKey: 'q1', opinion: 'agree' },
      {
        questionKey: 'q2',
        sectionComments: [
          { sectionKey: 'a', comment: 'y' },
          { sectionKey: 'b', comment: 'x' },
        ],
      },
    ])
  })

  it('drops blank section comments', () => {
    const out = checkAnswers(
      questions,
      [{ questionKey: 'q2', sectionComments: [{ sectionKey: 'a', comment: ' ' }] }],
      {
        complete: false,
      },
    )
    expect(out).toEqual([])
  })

  it('refuses numbers out of bounds and a missing required answer on submission only', () => {
    expect(() => checkAnswers(questions, [{ questionKey: 'q3', number: 0 }], { complete: false })).toThrow(
      /từ 1/,
    )
    expect(checkAnswers(questions, [], { complete: false })).toEqual([])
    expect(() => checkAnswers(questions, [], { complete: true })).toThrow(/Ý kiến chung/)
  })
})

describe('answerDigest', () => {
  it('does not depend on key order', () => {
    const a: TAnswer[] = [{ questionKey: 'q1', opinion: 'agree', text: 'x' }]
    const b = [{ text: 'x', opinion: 'agree', questionKey: 'q1' }] as TAnswer[]
    const input = { consultationId: 'c', memberId: 'm', fileIds: [] }
    expect(answerDigest({ ...input, answers: a })).toBe(answerDigest({ ...input, answers: b }))
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: null }] })).toBe('{"a":[1,{"c":null,"d":2}],"b":1}')
  })
})
