/**
 * Load client for bench/documents-in.ts: signs in as the demo clerk and registers documents with a
 * unique 1 MB PDF each (upload, then register) from N concurrent clients; prints JSON latencies.
 *   tsx bench/documents-in-client.ts <baseUrl> <registerId> <count> <concurrency> <password>
 */
import { randomBytes } from 'node:crypto'
import { PDFDocument, StandardFonts } from 'pdf-lib'

const [base, registerId, countArg, concurrencyArg, password] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
]
const count = Number(countArg)

/** A 1 MB PDF: a page of text and an incompressible attachment (no de-duplication help). */
async function onePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([595, 842])
  const font = await doc.embedFont(StandardFonts.TimesRoman)
  page.drawText('UBND TINH DONG THAP - So: 123/UBND-KT - V/v phong chong han man mua kho 2026', {
    x: 50,
    y: 780,
    size: 11,
    font,
  })
  await doc.attach(randomBytes(1_000_000), 'data.bin', {
    mimeType: 'application/octet-stream',
  })
  return doc.save()
}

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'vanthu', password }),
})
if (login.status !== 200) throw new Error(`sign-in: ${login.status}`)
const csrf = ((await login.json()) as { csrfToken: string }).csrfToken
const cookie = login.headers.get('set-cookie')!.split(';')[0]!
const auth = { cookie, 'x-csrf-token': csrf }

const pdfs = await Promise.all(Array.from({ length: Math.min(count, 50) }, onePdf))
const latencies: number[] = []
const uploads: number[] = []
let next = 0
const started = performance.now()
async function worker(): Promise<void> {
  for (;;) {
    const i = next++
    if (i >= count) return
    // The multipart body is assembled by hand: undici's FormData encoder costs the client more CPU
    // than the server spends on the upload, and on a small machine the client would be measured.
    const boundary = `----bench${i}${Math.random().toString(36).slice(2)}`
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="cong-van-${i}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from(pdfs[i % pdfs.length]!),
      Buffer.from(`\n%${i}-${Math.random()}\n\r\n--${boundary}--\r\n`),
    ])
    const t0 = performance.now()
    const up = await fetch(`${base}/api/files`, {
      method: 'POST',
      body,
      headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
    })
    if (up.status !== 201) throw new Error(`upload ${up.status} ${await up.text()}`)
    const fileId = ((await up.json()) as { items: { id: string }[] }).items[0]!.id
    uploads.push(performance.now() - t0)
    const reg = await fetch(`${base}/api/documents-in`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        registerId,
        senderName: 'Ủy ban nhân dân tỉnh Đồng Tháp',
        numberAndNotation: `${i + 1}/UBND-KT`,
        documentType: 'CV',
        subject: `Về việc phòng, chống hạn hán và xâm nhập mặn mùa khô 2026, văn bản ${i}`,
        fileIds: [fileId],
        confirmDuplicate: true,
      }),
    })
    if (reg.status !== 201) throw new Error(`register ${reg.status} ${await reg.text()}`)
    latencies.push(performance.now() - t0)
  }
}
await Promise.all(Array.from({ length: Number(concurrencyArg) }, worker))
console.log(JSON.stringify({ latencies, uploads, seconds: (performance.now() - started) / 1000 }))
