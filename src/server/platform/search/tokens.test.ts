import { describe, expect, it } from 'vitest'
import {
  fold,
  highlight,
  numberKey,
  parseQuery,
  passages,
  plainVector,
  weightedVector,
  words,
} from './tokens.ts'

describe('folding Vietnamese', () => {
  it('drops diacritics and case, đ/Đ to d, one character for one', () => {
    const text = 'Quyết định về Lưu vực sông Đồng Nai, ĐBSCL'
    expect(fold(text)).toBe('quyet dinh ve luu vuc song dong nai, dbscl')
    expect(fold(text)).toHaveLength(text.normalize('NFC').length)
  })

  it('treats decomposed (NFD) input like composed input', () => {
    expect(words('Quye\u0302\u0301t đi\u0323nh')).toEqual(['quyet', 'dinh'])
  })

  it('normalises numbers and notations without spaces', () => {
    expect(numberKey('123 / QĐ-UBSMC')).toBe('123/qd-ubsmc')
  })
})

describe('reading a query', () => {
  it('finds words, quoted phrases, exclusions and numbers', () => {
    expect(parseQuery('quyet dinh "lưu vực sông" -du thao 123/QĐ-UBSMC QĐ-UBSMC')).toEqual({
      words: ['quyet', 'dinh', 'thao'],
      phrases: [['luu', 'vuc', 'song']],
      numbers: ['123/qd-ubsmc', 'qd-ubsmc'],
      excluded: ['du'],
    })
  })

  it('keeps hyphenated names as words, and a number prefix as a number', () => {
    expect(parseQuery('Sê-san 45/')).toMatchObject({ words: ['se', 'san'], numbers: ['45/'] })
  })
})

describe('vectors', () => {
  it('hold syllables and adjacent pairs, fields not paired across their boundary', () => {
    const v = plainVector(['Lưu vực', 'sông'])
    expect(v.split(' ').sort()).toEqual(["'luu'", "'luu_vuc'", "'song'", "'vuc'"])
    const w = weightedVector([
      { text: 'Lưu vực', weight: 'A' },
      { text: 'Sông', weight: 'B' },
    ])
    expect(w).toContain("'luu_vuc':1A")
    expect(w).toContain("'song':4B")
    expect(w).not.toContain('vuc_song')
  })
})

describe('highlighting', () => {
  it('marks matches in the original text, with diacritics, phrases as one piece', () => {
    expect(highlight('Quyết định về lưu vực sông', ['luu', 'vuc'])).toEqual([
      { text: 'Quyết định về ', match: false },
      { text: 'lưu vực', match: true },
      { text: ' sông', match: false },
    ])
  })

  it('matches whole syllables only', () => {
    expect(highlight('Luật', ['lu']).some((p) => p.match)).toBe(false)
  })

  it('cuts passages around the densest matches', () => {
    const text = `${'Mở đầu văn bản. '.repeat(40)}Nội dung về lưu vực sông Mê Công. ${'Kết thúc. '.repeat(40)}`
    const [p] = passages(text, ['luu', 'vuc', 'cong'])
    expect(p![0]).toEqual({ text: '…', match: false })
    expect(p!.filter((x) => x.match).map((x) => x.text)).toEqual(['lưu vực', 'Công'])
    expect(p!.map((x) => x.text).join('').length).toBeLessThan(260)
  })
})
