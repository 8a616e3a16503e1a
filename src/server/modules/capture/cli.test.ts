import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCaptureCli, sniffMediaType } from './cli.ts'
import { renderDocx } from './test-support/render-docx.ts'
import { renderText, type DocumentModel } from './test-support/document-model.ts'

const MODEL: DocumentModel = {
  issuerLines: ['BỘ NGOẠI GIAO'],
  numberLine: 'Số: 88/BNG-LPQT',
  letterSubject: 'V/v Hiệp định Mê Công năm 1995',
  dateLine: 'Hà Nội, ngày 20 tháng 11 năm 2025',
  titleLines: [],
  addressees: { inline: 'Ủy ban sông Mê Công Việt Nam' },
  body: ['Bộ Ngoại giao trân trọng đề nghị Quý Ủy ban cho ý kiến về dự thảo báo cáo.'],
  recipientLines: ['Nơi nhận:', '- Như trên;', '- Lưu: VT, LPQT.'],
  signatureLines: ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Đỗ Hùng Việt'],
}

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capture-cli-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCaptureCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('capture CLI', () => {
  it('prints the fields of a DOCX as JSON', async () => {
    const file = path.join(dir, 'cong-van.docx')
    fs.writeFileSync(file, await renderDocx(MODEL))
    const { code, out } = await run([file])
    expect(code).toBe(0)
    const json = JSON.parse(out)
    expect(json).toMatchObject({
      method: 'docx',
      fields: { numberAndNotation: '88/BNG-LPQT', signerName: 'Đỗ Hùng Việt' },
    })
    expect(json.text).toBeUndefined()
  })

  it('adds the text with --text', async () => {
    const file = path.join(dir, 'cong-van.txt')
    fs.writeFileSync(file, renderText(MODEL))
    const { code, out } = await run([file, '--text'])
    expect(code).toBe(0)
    expect(JSON.parse(out).text).toContain('V/v Hiệp định Mê Công năm 1995')
  })

  it('exits 1 with a message for a missing, unsupported or damaged file, or no argument', async () => {
    const binary = path.join(dir, 'image.bin')
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))
    const damaged = path.join(dir, 'broken.pdf')
    fs.writeFileSync(damaged, '%PDF-1.7\ngarbage')
    expect(await run([path.join(dir, 'none.pdf')])).toMatchObject({
      code: 1,
      err: expect.stringContaining('ENOENT'),
    })
    expect(await run([binary])).toMatchObject({
      code: 1,
      err: expect.stringContaining('not a PDF, DOCX or UTF-8 text'),
    })
    expect(await run([damaged])).toMatchObject({
      code: 1,
      err: expect.stringContaining('could not be read as a PDF'),
    })
    expect(await run([])).toMatchObject({ code: 1, err: expect.stringContaining('usage') })
  })

  it('sniffs types by content', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.4'))).toBe('application/pdf')
    expect(sniffMediaType(Buffer.from('PK\x03\x04 something else'))).toBeNull()
    expect(sniffMediaType(Buffer.from('Số: 1/TB'))).toBe('text/plain')
  })

  it('sets the exit code when run as npm run capture', () => {
    const missing = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/server/cli/capture.ts', path.join(dir, 'none.pdf')],
      {
        encoding: 'utf8',
      },
    )
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('cannot read')
  })
})
