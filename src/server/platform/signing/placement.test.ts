import fs from 'node:fs'
import { PDFDocument } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { demoSignatureImage, findSignatureBlock, openP12Signer, signPdf, type Signer } from './index.ts'
import { pageTextRuns, quickPageTextRuns, type TextRun } from './placement.ts'
import { BLOCK, LEADER, letterPdf, PIN, testPki } from './test-fixtures.ts'

// Converted by LibreOffice (soffice --convert-to pdf) from an HTML letter with the signature block.
const libreOffice = new Uint8Array(
  fs.readFileSync(new URL('./fixtures/letter-libreoffice.pdf', import.meta.url)),
)

async function bothReaders(pdf: Uint8Array): Promise<[TextRun[] | null, TextRun[]]> {
  const doc = await PDFDocument.load(pdf)
  const last = doc.getPageCount() - 1
  return [quickPageTextRuns(doc.getPage(last)), await pageTextRuns(pdf, last)]
}

describe('the quick page text reader', () => {
  it.each([
    ['pdf-lib (Identity-H, object streams)', () => letterPdf({ pages: 3 })],
    ['LibreOffice', () => Promise.resolve(libreOffice)],
  ])('reads the same runs as pdfjs: %s', async (_, make) => {
    const [quick, reference] = await bothReaders(await make())
    expect(quick).not.toBeNull()
    expect(quick!.map((r) => r.text.normalize('NFC'))).toEqual(reference.map((r) => r.text.normalize('NFC')))
    quick!.forEach((r, i) => {
      const p = reference[i]!
      for (const k of ['x1', 'x2', 'baseline', 'size'] as const)
        expect(Math.abs(r[k] - p[k])).toBeLessThan(0.5)
    })
  })
})

describe('findSignatureBlock + placementHint', () => {
  let leader: Signer
  beforeAll(async () => {
    const pki = await testPki()
    leader = openP12Signer(pki.people.leader!.p12, PIN)
  })
  const options = (placementHint?: Awaited<ReturnType<typeof findSignatureBlock>>) => ({
    appearance: {
      kind: 'approval' as const,
      signerName: LEADER.name,
      signerTitle: LEADER.title,
      imagePng: demoSignatureImage(LEADER.name),
    },
    reason: 'Phê duyệt',
    location: 'Hà Nội',
    signingTime: new Date(),
    placementHint,
  })

  it('finds the block once and places the signature the same way with the hint', async () => {
    const letter = await letterPdf()
    const hint = await findSignatureBlock(letter, { signerName: LEADER.name, signerTitle: LEADER.title })
    expect(hint).toMatchObject({ page: 2, pageCount: 2, name: { baseline: BLOCK.nameBaseline } })
    expect(hint!.title?.text).toBe(LEADER.title)
    expect(JSON.parse(JSON.stringify(hint))).toEqual(hint) // storable as JSON
    const plain = await signPdf(letter, leader, options())
    const hinted = await signPdf(letter, leader, options(hint))
    expect(hinted.placement).toEqual(plain.placement)
  })

  it('ignores a hint for another page count and finds no block for an absent name', async () => {
    const letter = await letterPdf()
    const hint = await findSignatureBlock(letter, { signerName: LEADER.name })
    const wrong = { ...hint!, name: { ...hint!.name, baseline: 600 } }
    const three = await letterPdf({ pages: 3 })
    const signed = await signPdf(three, leader, options({ ...wrong, page: 3 }))
    expect(signed.placement.rect[1]).toBeLessThan(BLOCK.titleBaseline) // computed, not the hint's
    expect(await findSignatureBlock(letter, { signerName: 'Trần Thị B' })).toBeNull()
    expect(await findSignatureBlock(new Uint8Array([1, 2, 3]), { signerName: 'x' })).toBeNull()
  })
})
