import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkScanRules, createOcrEngine, OcrError } from './index.ts'
import {
  characterAccuracy,
  knownText,
  levenshtein,
  rasterise,
  scanPdf,
  textPagePdf,
} from './test-fixtures.ts'

const available = await createOcrEngine().isAvailable()

/** All text of a PDF as pdfjs sees it, items joined with spaces (STACK.md P2). */
async function extractText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: VerbosityLevel.ERRORS }).promise
  const parts: string[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    for (const item of content.items) if ('str' in item) parts.push(item.str)
  }
  await doc.destroy()
  return parts.join(' ')
}

let work: string
let page1: Uint8Array
let colourScan300: Uint8Array
let greyScan100: Uint8Array

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ocr-test-'))
  page1 = await textPagePdf(knownText(1))
  colourScan300 = await scanPdf([await rasterise(page1, 300)])
  greyScan100 = await scanPdf([await rasterise(page1, 100, { isGrey: true })])
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('characterAccuracy', () => {
  it('counts edits by code point after NFC and whitespace normalisation', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3)
    expect(characterAccuracy('Việt  Nam\n', 'Vie\u0323\u0302t Nam')).toBe(1)
    expect(characterAccuracy('Việt Nam', 'Viet Nam')).toBeCloseTo(1 - 1 / 8)
  })
})

describe('checkScanRules', () => {
  it('accepts a 300-dpi colour scan', async () => {
    const report = await checkScanRules(colourScan300)
    expect(report.pdfVersion).toBe('1.7')
    expect(report.pages).toHaveLength(1)
    expect(report.pages[0]!.dpi).toBeGreaterThanOrEqual(299)
    expect(report.pages[0]!.dpi).toBeLessThanOrEqual(301)
    expect(report.pages[0]!.isColour).toBe(true)
    expect(report.problems).toEqual([])
  })

  it('flags a 100-dpi greyscale scan, an old PDF version and a page without a scan', async () => {
    const report = await checkScanRules(greyScan100)
    expect(report.pages[0]).toEqual({ dpi: 100, isColour: false })
    expect(report.problems.map((p) => p.code)).toEqual(['LOW_RESOLUTION', 'NOT_COLOUR'])
    expect(report.problems[0]!.message).toContain('100 dpi')

    const old = await checkScanRules(await scanPdf([await rasterise(page1, 200)], { version: '1.3' }))
    expect(old.pdfVersion).toBe('1.3')
    expect(old.problems.map((p) => p.code)).toEqual(['PDF_VERSION_TOO_OLD'])
    expect(old.problems[0]!.message).toMatch(/phiên bản 1\.3/)

    const born = await checkScanRules(page1)
    expect(born.pages).toEqual([{ dpi: null, isColour: null }])
    expect(born.problems).toEqual([expect.objectContaining({ code: 'NO_SCAN_IMAGE', page: 1 })])
  })

  it('rejects bytes that are not a PDF', async () => {
    await expect(checkScanRules(new TextEncoder().encode('not a pdf'))).rejects.toMatchObject({
      code: 'NOT_SUPPORTED',
    })
  })
})

describe('OCR engine without tesseract', () => {
  const engine = createOcrEngine({ tesseractPath: '/nonexistent/tesseract' })

  it('is unavailable and every call throws UNAVAILABLE', async () => {
    expect(await engine.isAvailable()).toBe(false)
    const image = engine.ocrImage(new Uint8Array([1]), 'image/png')
    await expect(image).rejects.toBeInstanceOf(OcrError)
    await expect(image).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/^OCR không khả dụng/),
    })
    await expect(engine.ocrPdf(colourScan300)).rejects.toMatchObject({ code: 'UNAVAILABLE' })
  })

  it('is unavailable when the language is not installed', async () => {
    const fake = join(work, 'no-vie.sh')
    await writeFile(fake, '#!/bin/sh\necho "List of available languages (1):"\necho eng\n')
    await chmod(fake, 0o755)
    expect(await createOcrEngine({ tesseractPath: fake }).isAvailable()).toBe(false)
  })

  it('kills a stuck tesseract on timeout and removes its temp folder', async () => {
    const fake = join(work, 'stuck.sh')
    const pidFile = join(work, 'stuck.pid')
    const temp = await mkdtemp(join(work, 'tmp-'))
    // Answers --list-langs, then hangs like a page that never finishes; exec keeps the pid.
    const script = `#!/bin/sh\nif [ "$1" = "--list-langs" ]; then echo vie; exit 0; fi\necho $$ > ${pidFile}\nexec sleep 30\n`
    await writeFile(fake, script)
    await chmod(fake, 0o755)
    const engine = createOcrEngine({ tesseractPath: fake, timeoutMs: 300, tempDir: temp })
    const start = performance.now()
    await expect(engine.ocrImage(new Uint8Array([1, 2, 3]), 'image/png')).rejects.toMatchObject({
      code: 'TIMEOUT',
    })
    expect(performance.now() - start).toBeLessThan(3000)
    const pid = Number(await readFile(pidFile, 'utf8'))
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/)
    expect(await readdir(temp)).toEqual([])
  })

  it('refuses media types it cannot read', async () => {
    await expect(createOcrEngine().ocrImage(new Uint8Array([1]), 'application/msword')).rejects.toMatchObject(
      {
        code: 'NOT_SUPPORTED',
      },
    )
  })
})

describe.skipIf(!available)('OCR engine with tesseract (vie)', () => {
  const engine = createOcrEngine({ concurrency: 2 })

  it('reads a scanned Vietnamese page at ≥ 95 % character accuracy and makes it searchable', async () => {
    const twoPages = await scanPdf([
      await rasterise(page1, 300),
      await rasterise(await textPagePdf(knownText(2)), 200),
    ])
    const result = await engine.ocrPdf(twoPages)
    expect(result.pages).toHaveLength(2)
    expect(characterAccuracy(knownText(1), result.pages[0]!.text)).toBeGreaterThanOrEqual(0.95)
    expect(characterAccuracy(knownText(2), result.pages[1]!.text)).toBeGreaterThanOrEqual(0.95)
    expect(result.text.split('\n\f\n')).toHaveLength(2)
    expect(result.searchablePdf).not.toBeNull()
    const layer = await extractText(result.searchablePdf!)
    expect(characterAccuracy(`${knownText(1)} ${knownText(2)}`, layer)).toBeGreaterThanOrEqual(0.95)
    expect(await extractText(twoPages)).toBe('')
  })

  it('stops at maxPages and then gives no searchable copy', async () => {
    const twoPages = await scanPdf([await rasterise(page1, 150), await rasterise(page1, 150)])
    const result = await engine.ocrPdf(twoPages, { maxPages: 1 })
    expect(result.pages).toHaveLength(1)
    expect(result.searchablePdf).toBeNull()
  })

  it('reads an image with a confidence', async () => {
    const result = await engine.ocrImage(await rasterise(page1, 200), 'image/jpeg')
    expect(characterAccuracy(knownText(1), result.text)).toBeGreaterThanOrEqual(0.95)
    expect(result.confidence).toBeGreaterThan(0.8)
    expect(result.confidence).toBeLessThanOrEqual(1)
    expect(result.seconds).toBeGreaterThan(0)
  })
})
