import { describe, expect, it } from 'vitest'
import { sectionKeyOf, splitDraft, uniqueKey } from './sections.ts'

describe('splitDraft', () => {
  it('opens a section at each "Điều" and "Mục" heading, with the lines after it as text', () => {
    const text = [
      'QUY CHẾ PHỐI HỢP',
      'Chương I',
      'Điều 1. Phạm vi điều chỉnh',
      'Quy chế này quy định…',
      '',
      'Điều 2: Đối tượng áp dụng',
      'Các bộ, ngành.',
      'Mục 2. Trách nhiệm',
      'Điều 12a. Báo cáo',
    ].join('\r\n')
    const sections = splitDraft(text, 'Phần mở đầu')
    expect(sections.map((s) => s.key)).toEqual(['mo-dau', 'dieu-1', 'dieu-2', 'muc-2', 'dieu-12a'])
    expect(sections[0]).toEqual({ key: 'mo-dau', label: 'Phần mở đầu', text: 'QUY CHẾ PHỐI HỢP' })
    expect(sections[1]).toEqual({
      key: 'dieu-1',
      label: 'Điều 1. Phạm vi điều chỉnh',
      text: 'Quy chế này quy định…',
    })
    expect(sections[2]!.label).toBe('Điều 2: Đối tượng áp dụng')
    expect(sections[4]!.text).toBeNull()
  })

  it('gives one section when there is no heading, and none for empty text', () => {
    expect(splitDraft('Một đoạn văn.', 'Toàn văn')).toEqual([
      { key: 'toan-van', label: 'Toàn văn', text: 'Một đoạn văn.' },
    ])
    expect(splitDraft('  \n ', 'Toàn văn')).toEqual([])
  })

  it('does not take a sentence that mentions an article for a heading', () => {
    const sections = splitDraft('Điều 1. A\nTheo quy định tại Điều 5 của Luật.', 'x')
    expect(sections).toHaveLength(1)
    expect(sections[0]!.text).toBe('Theo quy định tại Điều 5 của Luật.')
  })

  it('keeps keys unique and in the contract shape', () => {
    const sections = splitDraft('Điều 1. A\nĐiều 1. B', 'x')
    expect(sections.map((s) => s.key)).toEqual(['dieu-1', 'dieu-1-2'])
    expect(sectionKeyOf('Điều 3 – Đường dẫn')).toBe('dieu-3-duong-dan')
    const taken = new Set(['q1'])
    expect(uniqueKey('q1', taken)).toBe('q1-2')
  })
})
