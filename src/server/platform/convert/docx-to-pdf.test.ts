/** DOCX → PDF with the real LibreOffice: Vietnamese text survives; failures are named; nothing is left behind. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx'
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.ts'
import { ConversionError, createDocxConverter } from './index.ts'

const converterWith = (env: Record<string, string>, timeoutMs?: number) => {
  const config = loadConfig({ NODE_ENV: 'test', ...env })
  if (timeoutMs) config.convert.timeoutMs = timeoutMs
  return createDocxConverter(config)
}

async function docx(lines: string[]): Promise<Uint8Array> {
  const doc = new Document({
    styles: { default: { document: { run: { font: 'Times New Roman', size: 28 } } } },
    sections: [
      {
        children: lines.map(
          (text, i) =>
            new Paragraph({
              alignment: i < 2 ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
              children: [new TextRun({ text, bold: i < 2 })],
            }),
        ),
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
  }).promise
  const parts: string[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent()
    parts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '))
  }
  await pdf.destroy()
  // pdfjs may split a line into several items: compare without spacing.
  return parts.join(' ').normalize('NFC').replace(/\s+/g, '')
}

/** Alive and not a zombie (a killed orphan may wait for a reaper that a container lacks). */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return false
  }
}

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '')
const leftovers = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('eoffice-convert-'))

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-fake-soffice-'))
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }))

describe('DOCX to PDF with LibreOffice', () => {
  it('converts two documents at once; the Vietnamese text is in the PDF; temp files are gone', async () => {
    const converter = converterWith({ CONVERT_CONCURRENCY: '2' })
    expect(await converter.isAvailable()).toBe(true)
    const first = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Kế hoạch thích ứng với biến đổi khí hậu vùng đồng bằng sông Cửu Long, lưu vực Sê San – Srêpốk.',
    ]
    const second = [
      'ỦY BAN SÔNG MÊ CÔNG VIỆT NAM',
      'QUYẾT ĐỊNH',
      'Về việc giao nhiệm vụ chủ trì, phối hợp xử lý văn bản đến.',
    ]
    const before = new Set(leftovers())
    const started = performance.now()
    const [a, b] = await Promise.all([
      converter.docxToPdf(await docx(first)),
      converter.docxToPdf(await docx(second)),
    ])
    const seconds = (performance.now() - started) / 1000
    console.info(`2 DOCX → PDF conversions side by side: ${seconds.toFixed(2)} s`)
    for (const [pdf, lines] of [
      [a!, first],
      [b!, second],
    ] as const) {
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
      const text = await pdfText(pdf)
      for (const line of lines) expect(text).toContain(squash(line))
    }
    expect(leftovers().filter((n) => !before.has(n))).toEqual([])
  }, 60_000)

  it('says LibreOffice is missing (upload the PDF instead) when SOFFICE_PATH does not exist', async () => {
    const converter = converterWith({ SOFFICE_PATH: '/opt/khong-co/soffice' })
    expect(await converter.isAvailable()).toBe(false)
    const err = await converter.docxToPdf(await docx(['x'])).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ConversionError)
    expect(err).toMatchObject({ code: 'UNAVAILABLE' })
    expect((err as Error).message).toMatch(/LibreOffice/)
    expect((err as Error).message).toMatch(/PDF/)
  })

  it('kills a conversion that hangs (the whole process group) and reports TIMEOUT', async () => {
    // A stand-in for a stuck soffice: it answers --version, then sleeps in a child process.
    const fake = path.join(scratch, 'soffice')
    const pidFile = path.join(scratch, 'child.pid')
    fs.writeFileSync(
      fake,
      `#!/bin/sh\n[ "$1" = "--version" ] && { echo "LibreOffice 7.4 (stand-in)"; exit 0; }\nsleep 30 &\necho $! > ${pidFile}\nwait\n`,
      { mode: 0o755 },
    )
    const before = new Set(leftovers())
    const converter = converterWith({ SOFFICE_PATH: fake }, 500)
    const started = performance.now()
    const err = await converter.docxToPdf(await docx(['x'])).catch((e: unknown) => e)
    expect(performance.now() - started).toBeLessThan(3000)
    expect(err).toMatchObject({ code: 'TIMEOUT' })
    const sleeper = Number(fs.readFileSync(pidFile, 'utf8'))
    expect(isRunning(sleeper)).toBe(false) // the grandchild is gone too
    expect(leftovers().filter((n) => !before.has(n))).toEqual([])
  })

  it('reports FAILED when LibreOffice writes no PDF', async () => {
    const fake = path.join(scratch, 'soffice-fails')
    fs.writeFileSync(
      fake,
      `#!/bin/sh\n[ "$1" = "--version" ] && { echo "LibreOffice 7.4 (stand-in)"; exit 0; }\necho "Error: source file could not be loaded" >&2\nexit 0\n`,
      { mode: 0o755 },
    )
    const err = await converterWith({ SOFFICE_PATH: fake })
      .docxToPdf(await docx(['x']))
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'FAILED' })
    expect((err as Error).message).toContain('source file could not be loaded')
  })
})
