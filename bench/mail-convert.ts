/**
 * DOCX → PDF seconds per conversion (LibreOffice headless, one at a time and two at a time) and
 * e-mails per second to a local SMTP server (src/server/test/smtp-server.ts).
 *
 *   npx tsx bench/mail-convert.ts [-- --conversions 6 --mails 200]
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx'
import { loadConfig } from '../src/server/config.ts'
import { createDocxConverter } from '../src/server/platform/convert/index.ts'
import { createMailer } from '../src/server/platform/mail/index.ts'
import { startTestSmtpServer } from '../src/server/test/smtp-server.ts'

const args = process.argv.slice(2)
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return Number(i >= 0 && args[i + 1] ? args[i + 1] : fallback)
}
const CONVERSIONS = arg('conversions', '6')
const MAILS = arg('mails', '200')

const BODY =
  'Thực hiện Quyết định số 12/QĐ-UBSMCVN, Văn phòng Thường trực đề nghị các đơn vị rà soát kế hoạch ' +
  'thích ứng với biến đổi khí hậu vùng đồng bằng sông Cửu Long và gửi báo cáo trước ngày 15/4/2026. '

async function letter(pages: number): Promise<Uint8Array> {
  const paragraphs = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: 'Độc lập - Tự do - Hạnh phúc', bold: true })],
    }),
    ...Array.from(
      { length: pages * 8 },
      () => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(BODY.repeat(2))] }),
    ),
  ]
  const doc = new Document({
    styles: { default: { document: { run: { font: 'Times New Roman', size: 28 } } } },
    sections: [{ children: paragraphs }],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

async function timeConversions(concurrency: number, docx: Uint8Array): Promise<number> {
  const converter = createDocxConverter(
    loadConfig({ NODE_ENV: 'test', CONVERT_CONCURRENCY: String(concurrency) }),
  )
  if (!(await converter.isAvailable())) throw new Error('LibreOffice (soffice) is not installed')
  const started = performance.now()
  await Promise.all(Array.from({ length: CONVERSIONS }, () => converter.docxToPdf(docx)))
  return (performance.now() - started) / 1000
}

for (const pages of [1, 5]) {
  const docx = await letter(pages)
  for (const concurrency of [1, 2]) {
    const seconds = await timeConversions(concurrency, docx)
    console.log(
      `DOCX→PDF ${pages} page(s), ${CONVERSIONS} conversions, ${concurrency} at a time: ` +
        `${seconds.toFixed(1)} s, ${(seconds / CONVERSIONS).toFixed(2)} s per document (wall clock)`,
    )
  }
}

const smtp = await startTestSmtpServer()
const mailer = createMailer(loadConfig({ NODE_ENV: 'test', SMTP_URL: smtp.url }))
// smtp-server holds every greeting 100 ms (its "early talker" check), so send 10 at a time.
const started = performance.now()
for (let i = 0; i < MAILS; i += 10)
  await Promise.all(
    Array.from({ length: Math.min(10, MAILS - i) }, (_, k) =>
      mailer.send({
        to: [`nv${i + k}@mekong.gov.vn`],
        subject: `Văn bản đến số ${i + k} sắp đến hạn xử lý`,
        text: BODY,
      }),
    ),
  )
const seconds = (performance.now() - started) / 1000
await smtp.waitFor(MAILS)
console.log(
  `e-mail: ${MAILS} sent, 10 at a time, one connection each: ${seconds.toFixed(2)} s (${(MAILS / seconds).toFixed(0)}/s; ` +
    `the test server's fixed 100 ms greeting delay included)`,
)
await smtp.close()
