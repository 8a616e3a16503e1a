/** Reading one file of a batch: text layer or OCR, the clerk's reason when it cannot be read, OCR slips repaired. */
import { describe, expect, it } from 'vitest'
import { createOcrEngine } from '../../platform/ocr/index.ts'
import { textPagePdf } from '../../platform/ocr/test-fixtures.ts'
import { PNG_BYTES } from '../../test/file-fixtures.ts'
import { letterText } from './digitisation.test-support.ts'
import { cleanOcrText, readScan } from './read-scan.ts'

const noOcr = createOcrEngine({ tesseractPath: '/nonexistent/tesseract' })

describe('cleanOcrText', () => {
  it('repairs the Icelandic eth Tesseract writes for Đ, and the lost "v" of V/v', () => {
    expect(cleanOcrText('Số: 3574/QĐÐ-BYT\nV/ mời họp\nV/V phối hợp\nÐồng Tháp')).toBe(
      'Số: 3574/QĐ-BYT\nV/v mời họp\nV/v phối hợp\nĐồng Tháp',
    )
  })
  it('leaves the rest alone', () => {
    const text = 'V/ BÁO CÁO\nKT. CHỦ TỊCH\nĐồng Tháp, ngày 12 tháng 3 năm 2026'
    expect(cleanOcrText(text)).toBe(text)
  })
})

describe('readScan', () => {
  it('reads a text PDF by its text layer, without OCR', async () => {
    const pdf = await textPagePdf(letterText({ number: '12/UBND-VP', subject: 'mời họp giao ban' }))
    const read = await readScan(noOcr, pdf, 'application/pdf')
    expect(read).toMatchObject({ status: 'ready', method: 'text', scan: { pageCount: 1, problems: [] } })
    expect(read.status === 'ready' && read.fields?.numberAndNotation).toBe('12/UBND-VP')
  })

  it('checks an image without OCR and says OCR is unavailable', async () => {
    expect(await readScan(noOcr, PNG_BYTES, 'image/png')).toEqual({
      status: 'ready',
      method: 'ocr_unavailable',
      fields: null,
      textExcerpt: null,
      scan: { pdfVersion: null, pageCount: 1, problems: [] },
    })
  })

  it('gives the clerk a reason for a broken PDF or a type it cannot read', async () => {
    const broken = await readScan(noOcr, Buffer.from('%PDF-1.7\nnot really a pdf'), 'application/pdf')
    expect(broken).toMatchObject({ status: 'failed', error: expect.stringContaining('Không đọc được') })
    const sheet = await readScan(noOcr, Buffer.from('a,b'), 'text/csv')
    expect(sheet).toMatchObject({ status: 'failed', error: expect.stringContaining('chỉ nhận PDF') })
  })
})
