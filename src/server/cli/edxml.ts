/**
 * `npm run edxml -- inspect <file>`: validate an edXML package and print it as JSON (exit 0), or
 * print `{error:{code,message,path}}` (exit 1).
 * `npm run edxml -- build-sample <out>`: write a signed sample package with a zipped PDF.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { buildEdoc, inspectPackage } from '../platform/edxml/index.ts'
import { sampleEdoc, samplePdf, sampleSigner } from '../platform/edxml/sample.ts'

const [command, file] = process.argv.slice(2)

function fail(code: string, message: string): never {
  console.log(JSON.stringify({ error: { code, message, path: null } }, null, 2))
  process.exit(1)
}

if (command === 'inspect' && file) {
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (err) {
    fail(
      'FILE_NOT_READABLE',
      `Không đọc được tệp ${file}: ${err instanceof Error ? err.message : String(err)}`,
    )
  }
  const report = await inspectPackage(bytes)
  console.log(JSON.stringify(report, null, 2))
  process.exit('error' in report ? 1 : 0)
} else if (command === 'build-sample' && file) {
  const now = new Date()
  const { signer } = await sampleSigner(now)
  const pdf = await samplePdf()
  const input = sampleEdoc(now, [
    {
      name: '45-UBMC-VP.pdf',
      description: 'Công văn số 45/UBMC-VP',
      contentType: 'application/pdf',
      data: pdf,
    },
  ])
  const bytes = await buildEdoc(input, { signer, zipAttachments: true })
  await writeFile(file, bytes)
  console.log(`Đã ghi gói tin mẫu (${bytes.byteLength} byte, đã ký, tệp PDF nén zip) vào ${file}`)
} else {
  fail('USAGE', 'Cách dùng: npm run edxml -- inspect <tệp.edxml> | build-sample <tệp ra>')
}
