import { describe, expect, it } from 'vitest'
import { contentDisposition, sanitizeFilename } from './filename.ts'

describe('sanitizeFilename', () => {
  it('keeps Vietnamese, in NFC', () => {
    const name = 'Quyết định phê duyệt Đề án.docx'
    expect(sanitizeFilename(name.normalize('NFD'))).toBe(name)
    expect(sanitizeFilename(name.normalize('NFD'))).toBe(name.normalize('NFC'))
  })

  it('drops folders, control and invisible characters, and leading dots', () => {
    expect(sanitizeFilename('C:\\fakepath\\tờ trình.pdf')).toBe('tờ trình.pdf')
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd')
    expect(sanitizeFilename('bao\u0000cao\r\n.pdf')).toBe('baocao.pdf')
    expect(sanitizeFilename('anh\u202Egpj.exe')).toBe('anhgpj.exe')
    expect(sanitizeFilename('...hidden')).toBe('hidden')
    expect(sanitizeFilename('  nhiều   khoảng  trắng .txt ')).toBe('nhiều khoảng trắng .txt')
  })

  it('falls back to a name when nothing is left', () => {
    expect(sanitizeFilename(undefined)).toBe('file')
    expect(sanitizeFilename('/')).toBe('file')
    expect(sanitizeFilename('..')).toBe('file')
  })

  it('caps the length at 255 characters and keeps the extension', () => {
    const long = `${'Đ'.repeat(300)}.pdf`
    const clean = sanitizeFilename(long)
    expect(Array.from(clean)).toHaveLength(255)
    expect(clean.endsWith('Đ.pdf')).toBe(true)
  })
})

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    const header = contentDisposition('Báo cáo "quý" 1 (đợt 2)*.pdf', 'attachment')
    expect(header).toBe(
      `attachment; filename="Bao cao _quy_ 1 (dot 2)*.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22qu%C3%BD%22%201%20%28%C4%91%E1%BB%A3t%202%29%2A.pdf`,
    )
    expect(contentDisposition('a.pdf', 'inline')).toBe(`inline; filename="a.pdf"; filename*=UTF-8''a.pdf`)
  })
})
