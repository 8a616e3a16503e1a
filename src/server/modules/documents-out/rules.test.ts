/** Pure rules of outgoing documents: notation, format check, chain resolution, version diff. */
import { describe, expect, it } from 'vitest'
import { collapseSteps } from './chains.ts'
import { checkFormat } from './format-check.ts'
import { buildNumberAndNotation, formatNumber } from './notation.ts'
import { diffVersions } from './version-diff.ts'

describe('number and notation (Decree 30/2020, Annex I §II.3)', () => {
  const base = { year: 2026, organizationAbbreviation: 'UBMC', unitAbbreviation: 'VP' }
  it('types with a name: number/type-organ, numbers below 10 with a leading zero', () => {
    expect(buildNumberAndNotation({ ...base, number: 12, documentType: 'QĐ' })).toBe('12/QĐ-UBMC')
    expect(buildNumberAndNotation({ ...base, number: 5, documentType: 'TTr' })).toBe('05/TTr-UBMC')
    expect(formatNumber(10)).toBe('10')
  })
  it('letters (Công văn): number/organ-unit', () => {
    expect(buildNumberAndNotation({ ...base, number: 15, documentType: 'CV' })).toBe('15/UBMC-VP')
  })
  it('legal normative types carry the year', () => {
    expect(buildNumberAndNotation({ ...base, number: 30, documentType: 'NĐ' })).toBe('30/2026/NĐ-UBMC')
  })
})

describe('format check', () => {
  const good = [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập – Tự do – Hạnh phúc',
    'Số: 12/QĐ-UBMC',
    'Hà Nội, ngày 05 tháng 01 năm 2026',
    'QUYẾT ĐỊNH',
    'Về việc ban hành kế hoạch',
    'Nơi nhận:',
    '- Như Điều 3;',
    '- Lưu: VT, KHTH.',
    'CHỦ TỊCH',
    'Nguyễn Văn Đức',
  ].join('\n')
  const input = {
    text: good,
    documentType: 'QĐ',
    expectedNotation: 'QĐ-UBMC',
    signerName: 'Nguyễn Văn Đức',
    signerTitle: 'CHỦ TỊCH',
    recipientCount: 2,
  }
  it('a well-formed decision has no problem', () => {
    expect(checkFormat(input)).toEqual([])
  })
  it('lists missing parts as blocking errors, with Vietnamese messages', () => {
    const text = good
      .replace('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '')
      .replace('Nơi nhận:', '')
      .replace('Nguyễn Văn Đức', '')
    const problems = checkFormat({ ...input, text })
    expect(problems.map((p) => p.code).sort()).toEqual([
      'NATIONAL_TITLE_MISSING',
      'RECIPIENTS_BLOCK_MISSING',
      'SIGNER_NAME_MISSING',
    ])
    expect(problems.every((p) => p.severity === 'error' && /[ạảấầ]|Thiếu|Không/.test(p.message))).toBe(true)
  })
  it('a notation that does not match the type and issuer is an error', () => {
    const problems = checkFormat({ ...input, documentType: 'CV', expectedNotation: 'UBMC-VP' })
    expect(problems.find((p) => p.code === 'NOTATION_MISMATCH')?.severity).toBe('error')
  })
  it('a scanned file cannot be checked: a warning, not a block', () => {
    expect(checkFormat({ ...input, text: null })).toEqual([
      expect.objectContaining({ code: 'TEXT_UNAVAILABLE', severity: 'warning' }),
    ])
  })
  it('no recipients blocks', () => {
    expect(checkFormat({ ...input, recipientCount: 0 })[0]).toMatchObject({
      code: 'NO_RECIPIENTS',
      severity: 'error',
    })
  })
})

describe('approval chain resolution', () => {
  it('skips steps nobody holds, the drafter approving themselves, and a person holding the next step too', () => {
    const steps = collapseSteps(
      [
        { kind: 'unit_head', userId: 'drafter' },
        { kind: 'office_chief', userId: null },
        { kind: 'user', userId: 'leader' },
        { kind: 'signer', userId: 'leader' },
      ],
      'drafter',
    )
    expect(steps).toEqual([{ kind: 'signer', userId: 'leader' }])
  })
})

describe('version diff', () => {
  it('returns word segments and counts', () => {
    const d = diffVersions(
      { version: 1, text: 'Kế hoạch năm 2025\nthực hiện' },
      { version: 2, text: 'Kế hoạch năm 2026 thực hiện' },
    )
    expect(d.segments.filter((s) => s.kind !== 'same').map((s) => [s.kind, s.text.trim()])).toEqual([
      ['removed', '2025'],
      ['added', '2026'],
    ])
    expect(d).toMatchObject({ addedWords: 1, removedWords: 1, isComplete: true })
  })
})
