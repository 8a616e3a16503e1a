/** Helpers for the edXML tests: demo signers, text/bytes and a small package. */
import { createDemoPki, openP12Signer, type Signer } from '../signing/index.ts'
import type { EdocInput } from './build.ts'
import type { AttachmentInput } from './model.ts'
import { sampleEdoc } from './sample.ts'

export const TEST_NOW = new Date('2026-03-12T03:04:05Z')

/** Two signers from one demo CA (RSA keygen: about a second; call once per file in beforeAll). */
export async function testSigners(): Promise<{ signer: Signer; other: Signer }> {
  const pki = await createDemoPki({
    organizationName: 'Ủy ban sông Mê Công Việt Nam',
    people: [
      { key: 'organization', commonName: 'Ủy ban sông Mê Công Việt Nam', isOrganization: true },
      { key: 'other', commonName: 'Cơ quan khác' },
    ],
    pinFor: () => '1234',
    now: TEST_NOW,
  })
  return {
    signer: openP12Signer(pki.people.organization!.p12, '1234', TEST_NOW),
    other: openP12Signer(pki.people.other!.p12, '1234', TEST_NOW),
  }
}

export const utf8 = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8')
export const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))

/** The sample letter at TEST_NOW with the given attachments. */
export function letter(attachments: AttachmentInput[] = []): EdocInput {
  return sampleEdoc(TEST_NOW, attachments)
}

export const pdfFile = (size = 600, contentId?: string): AttachmentInput => ({
  ...(contentId ? { contentId } : {}),
  name: 'cong-van.pdf',
  description: 'Công văn',
  contentType: 'application/pdf',
  data: new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size, 'x')])),
})
