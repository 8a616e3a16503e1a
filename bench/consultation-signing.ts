/**
 * Signing consultation answers (issue 7): MEMBERS final answers (default 40), each with a comment
 * on every section of a SECTIONS-section draft (default 100, ~200 characters each) plus an opinion
 * and a vote, are laid out as PDFs (answer-pdf.ts) and signed PAdES with a member's PKCS#12 key.
 * Times per answer, p50/p95: the layout, and the signature with the placement the layout reports.
 * Baseline in the same run: the same signature without that placement, so the signing library
 * reads the last page's text to find the signature block (what a caller without the layout does).
 * The ratio is baseline / with placement. One signed answer is verified against the demo root.
 *
 *   npx tsx bench/consultation-signing.ts
 *   MEMBERS=40 SECTIONS=100 npx tsx bench/consultation-signing.ts
 */
import { ZQuestionInput, type TAnswer } from '../src/common/contracts/consultations.ts'
import { answerPdf, type AnswerPdfInput } from '../src/server/modules/consultations/answer-pdf.ts'
import {
  createDemoPki,
  demoSignatureImage,
  openP12Signer,
  signPdf,
  verifyPdf,
  type PlacementHint,
} from '../src/server/platform/signing/index.ts'
import { pct } from './support.ts'

const MEMBERS = Number(process.env.MEMBERS ?? 40)
const SECTIONS = Number(process.env.SECTIONS ?? 100)
const PIN = '135792'
const NAME = 'Trần Văn Khải'

const sections = Array.from({ length: SECTIONS }, (_, i) => ({
  key: `dieu-${i + 1}`,
  label: `Điều ${i + 1}. Quy định về chia sẻ dữ liệu thủy văn số ${i + 1}`,
}))
const questions = [
  { key: 'q1', kind: 'opinion', title: 'Ý kiến chung về dự thảo' },
  { key: 'q2', kind: 'motion', title: 'Thông qua dự thảo Quy chế' },
  { key: 'q3', kind: 'sections', title: 'Góp ý theo điều', required: false, sections },
].map((q) => ZQuestionInput.parse(q))

function answersOf(m: number): TAnswer[] {
  return [
    { questionKey: 'q1', opinion: 'agree_with_comments', text: `Thành viên ${m} đồng ý, có góp ý kèm theo.` },
    { questionKey: 'q2', vote: 'approve' },
    {
      questionKey: 'q3',
      sectionComments: sections.map((s, i) => ({
        sectionKey: s.key,
        comment: `Đề nghị làm rõ phạm vi áp dụng của điều ${i + 1}, bổ sung trách nhiệm của các bộ, ngành và địa phương trong việc cung cấp số liệu quan trắc mực nước, độ mặn kịp thời.`,
      })),
    },
  ]
}

function input(m: number): AnswerPdfInput {
  return {
    organizationName: 'Bộ Nông nghiệp và Môi trường',
    placeName: 'Hà Nội',
    consultationTitle: 'Lấy ý kiến dự thảo Quy chế chia sẻ dữ liệu thủy văn lưu vực sông Mê Công',
    addressee: 'Ủy ban sông Mê Công Việt Nam',
    questions,
    answers: answersOf(m),
    files: [{ filename: 'bang-so-lieu.xlsx', sha256: 'a'.repeat(64) }],
    memberName: NAME,
    signerTitle: 'Ủy viên Ủy ban sông Mê Công Việt Nam',
    receiptNumber: `YK-2026-${String(m).padStart(6, '0')}`,
    digest: 'b'.repeat(64),
    submittedAt: new Date(),
    submittedByName: null,
  }
}

function fmt(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b)
  return `p50 ${pct(sorted, 50).toFixed(0).padStart(4)} ms  p95 ${pct(sorted, 95).toFixed(0).padStart(4)} ms`
}

async function main() {
  const now = new Date()
  const pki = await createDemoPki({
    organizationName: 'Ủy ban sông Mê Công Việt Nam',
    people: [{ key: 'member', commonName: NAME }],
    pinFor: () => PIN,
    now,
  })
  const signer = openP12Signer(pki.people.member!.p12, PIN, now)
  const image = demoSignatureImage(NAME)
  const sign = (pdf: Uint8Array, hint: PlacementHint | null) =>
    signPdf(pdf, signer, {
      appearance: {
        kind: 'approval',
        signerName: NAME,
        signerTitle: 'ỦY VIÊN ỦY BAN SÔNG MÊ CÔNG',
        imagePng: image,
      },
      reason: 'Ý kiến',
      location: 'Việt Nam',
      signingTime: new Date(),
      placementHint: hint,
    })

  // Warm up fonts, subsets and the JIT.
  const warm = await answerPdf(input(0))
  await sign(warm.pdf, warm.placement)
  await sign(warm.pdf, null)

  const layout: number[] = []
  const withHint: number[] = []
  const baseline: number[] = []
  let pages = 0
  let bytes = 0
  let last: Uint8Array | null = null
  for (let m = 1; m <= MEMBERS; m++) {
    let t = performance.now()
    const { pdf, placement } = await answerPdf(input(m))
    layout.push(performance.now() - t)
    pages = placement.pageCount
    bytes = pdf.length
    t = performance.now()
    const signed = await sign(pdf, placement)
    withHint.push(performance.now() - t)
    if (signed.placement.usedFallback) throw new Error('the signature block was not used')
    t = performance.now()
    const found = await sign(pdf, null)
    baseline.push(performance.now() - t)
    if (found.placement.usedFallback) throw new Error('the reader did not find the signature block')
    last = signed.pdf
  }
  const verification = await verifyPdf(last!, { trustedRoots: [pki.rootCertificateDer] })
  if (!verification.isValid) throw new Error('the signed answer does not verify')

  const med = (xs: number[]) =>
    pct(
      [...xs].sort((a, b) => a - b),
      50,
    )
  console.log(`Signing consultation answers: ${MEMBERS} answers × ${SECTIONS} section comments`)
  console.log(`  answer PDF: ${pages} pages, ${(bytes / 1024).toFixed(0)} KiB`)
  console.log(`  layout (answerPdf)                      ${fmt(layout)}`)
  console.log(`  sign, placement from the layout         ${fmt(withHint)}`)
  console.log(`  baseline: sign, block found by reading  ${fmt(baseline)}`)
  console.log(`  ratio baseline / with placement (p50)   ${(med(baseline) / med(withHint)).toFixed(2)}×`)
  console.log(`  layout + sign per answer (p50)          ${(med(layout) + med(withHint)).toFixed(0)} ms`)
  console.log(`  verified: ${verification.signatures[0]?.signerName}, valid`)
}

await main()
