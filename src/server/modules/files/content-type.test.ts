import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors.ts'
import { ContentInspector } from './content-type.ts'
import { docxBytes, elfBytes, pdfBytes, PNG_BYTES } from './test-fixtures.ts'

/** Run bytes through an inspector in chunks of the given size; returns the media type and the bytes passed on. */
async function inspect(
  filename: string,
  bytes: Buffer,
  chunkSize = 64 * 1024,
): Promise<{ mediaType: string; out: Buffer }> {
  const inspector = new ContentInspector(filename)
  const out: Buffer[] = []
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunkSize) }, (_, i) =>
    bytes.subarray(i * chunkSize, (i + 1) * chunkSize),
  )
  await pipeline(
    Readable.from(chunks),
    inspector,
    new Writable({
      write(chunk: Buffer, _e, cb) {
        out.push(chunk)
        cb()
      },
    }),
  )
  return { mediaType: inspector.mediaType, out: Buffer.concat(out) }
}

async function refusal(filename: string, bytes: Buffer, chunkSize?: number): Promise<AppError> {
  const err = await inspect(filename, bytes, chunkSize).then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AppError)
  return err as AppError
}

describe('ContentInspector', () => {
  it('passes the bytes through unchanged', async () => {
    const pdf = pdfBytes()
    const { mediaType, out } = await inspect('x.pdf', pdf, 7)
    expect(mediaType).toBe('application/pdf')
    expect(out.equals(pdf)).toBe(true)
  })

  it('recognises types whatever the chunking, even one byte at a time', async () => {
    expect((await inspect('a.png', PNG_BYTES, 1)).mediaType).toBe('image/png')
    expect((await inspect('a.docx', docxBytes({ contentTypesLast: true, padding: 5000 }), 1)).mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
  })

  it('accepts UTF-8 text split inside a multi-byte character', async () => {
    const text = Buffer.from('Ủy ban sông Mê Công Việt Nam — kế hoạch 2026\n'.repeat(50))
    for (const size of [1, 2, 3, 5, 4096])
      expect((await inspect('a.csv', text, size)).mediaType).toBe('text/csv')
  })

  it('keeps text that starts like a signature as text when its name says so', async () => {
    const csv = Buffer.from('MZ,Mã số,Tên\n1,ĐHQG,Đại học\n')
    expect((await inspect('ma.csv', csv)).mediaType).toBe('text/csv')
    expect((await refusal('ma.bin', csv)).code).toBe('FILE_TYPE_NOT_ALLOWED')
  })

  it('refuses text that ends inside a character, and binary under a text name', async () => {
    const cut = Buffer.from('Việt').subarray(0, 4)
    expect((await refusal('a.txt', cut)).code).toBe('FILE_TYPE_NOT_ALLOWED')
    expect((await refusal('a.txt', Buffer.from([0x41, 0x01, 0x42]))).message).toContain('unrecognised')
  })

  it('refuses a program as soon as it is recognised, without reading it all', async () => {
    let pulled = 0
    const chunks = function* () {
      for (let i = 0; i < 200; i++) {
        pulled++
        yield i === 0 ? elfBytes() : Buffer.alloc(64 * 1024)
      }
    }
    const inspector = new ContentInspector('chuong-trinh.pdf')
    const err = await pipeline(
      Readable.from(chunks()),
      inspector,
      new Writable({ write: (_c, _e, cb) => cb() }),
    ).then(
      () => null,
      (e: unknown) => e,
    )
    expect((err as AppError).code).toBe('FILE_TYPE_NOT_ALLOWED')
    expect(pulled).toBeLessThan(10)
  })

  it('refuses an empty file', async () => {
    expect((await refusal('a.txt', Buffer.alloc(0))).code).toBe('VALIDATION_FAILED')
  })
})
