/** Hostile and broken input: refused fast, with the right code, never an unexpected exception. */
import { zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildEdoc, EdxmlError, parseEdxml, type EdocPackage, type EdxmlLimits } from './index.ts'
import { bytesOf, letter, pdfFile, utf8 } from './test-support.ts'

let plain: string
beforeAll(async () => {
  plain = utf8(await buildEdoc(letter([pdfFile(300, 'tep-1')])))
})

async function refusal(input: string | Uint8Array, limits?: Partial<EdxmlLimits>): Promise<EdxmlError> {
  try {
    await parseEdxml(typeof input === 'string' ? bytesOf(input) : input, { limits })
  } catch (err) {
    expect(err).toBeInstanceOf(EdxmlError)
    return err as EdxmlError
  }
  throw new Error('the package was accepted')
}

function edit(text: string, pattern: string | RegExp, replacement: string): string {
  const out = text.replace(pattern, replacement)
  expect(out).not.toBe(text)
  return out
}
const afterDeclaration = (insert: string) => edit(plain, '?>\n', `?>\n${insert}\n`)

describe('DTDs are refused, entities never expanded', () => {
  it('billion laughs', async () => {
    const lol =
      '<!DOCTYPE edXML [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    const started = performance.now()
    expect((await refusal(edit(afterDeclaration(lol), '<edXML:Subject>', '<edXML:Subject>&c;'))).code).toBe(
      'DOCTYPE_FORBIDDEN',
    )
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('external entity (XXE) and external DTD', async () => {
    const xxe = afterDeclaration('<!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
    expect((await refusal(edit(xxe, '<edXML:Subject>', '<edXML:Subject>&x;'))).code).toBe('DOCTYPE_FORBIDDEN')
    expect(
      (await refusal(afterDeclaration('<!DOCTYPE edXML SYSTEM "http://example.invalid/a.dtd">'))).code,
    ).toBe('DOCTYPE_FORBIDDEN')
  })

  it('an undeclared entity is malformed XML', async () => {
    expect((await refusal(edit(plain, '<edXML:Subject>', '<edXML:Subject>&nbsp;'))).code).toBe(
      'MALFORMED_XML',
    )
  })
})

describe('size and shape limits', () => {
  it('100-deep nesting', async () => {
    const deep = edit(plain, '<edXML:Subject>', `${'<a>'.repeat(100)}${'</a>'.repeat(100)}<edXML:Subject>`)
    expect((await refusal(deep)).code).toBe('TOO_DEEP')
  })

  it('oversize package, too many elements, over-long text', async () => {
    expect((await refusal(plain, { maxBytes: 1000 })).code).toBe('TOO_LARGE')
    expect((await refusal(plain, { maxElements: 20 })).code).toBe('TOO_LARGE')
    const long = edit(plain, '<edXML:Subject>', `<edXML:Subject>${'x'.repeat(5000)}`)
    const err = await refusal(long, { maxTextLength: 4000 })
    expect([err.code, err.path]).toEqual(['TOO_LARGE', 'Subject'])
  })

  it('too many attachments', async () => {
    const three = await buildEdoc(letter([pdfFile(10, 'a'), pdfFile(10, 'b'), pdfFile(10, 'c')]))
    expect((await refusal(three, { maxAttachments: 2 })).code).toBe('TOO_MANY_ATTACHMENTS')
  })

  it('an attachment too large once decoded', async () => {
    const err = await refusal(plain, { maxAttachmentBytes: 100 })
    expect([err.code, err.path]).toEqual([
      'TOO_LARGE',
      'AttachmentEncoded/Attachment[1]/ContentTransferEncoded',
    ])
  })

  it('zip bombs: a real one and a lying header', async () => {
    const bomb = zipSync({ 'bom.pdf': new Uint8Array(8 * 1024 * 1024) })
    expect(bomb.length).toBeLessThan(50_000)
    const pkg = await buildEdoc(letter([{ name: 'bom.pdf', contentType: 'application/zip', data: bomb }]))
    const started = performance.now()
    expect((await refusal(pkg, { maxAttachmentBytes: 1024 * 1024 })).code).toBe('ZIP_BOMB')
    expect(performance.now() - started).toBeLessThan(500)

    const liar = Buffer.from(zipSync({ 'a.pdf': new Uint8Array(100) }))
    liar.writeUInt32LE(0xfffffff0, liar.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24)
    const lying = await buildEdoc(letter([{ name: 'a.pdf', contentType: 'application/zip', data: liar }]))
    expect((await refusal(lying)).code).toBe('ZIP_BOMB')
  })
})

describe('broken attachments', () => {
  it('bad base64', async () => {
    const bad = edit(plain, /(Encoded xmlns:edXML="[^"]*">)(.)/, '$1*')
    const err = await refusal(bad)
    expect([err.code, err.path]).toEqual([
      'BAD_ATTACHMENT',
      'AttachmentEncoded/Attachment[1]/ContentTransferEncoded',
    ])
    expect((await refusal(edit(plain, /(Encoded xmlns:edXML="[^"]*">)/, '$1A'))).code).toBe('BAD_ATTACHMENT')
  })

  it('no content, duplicate ContentIds, or no way to match', async () => {
    expect(
      (await refusal(edit(plain, /<edXML:ContentTransferEncoded[\s\S]*<\/edXML:ContentTransferEncoded>/, '')))
        .code,
    ).toBe('BAD_ATTACHMENT')
    const attachment = /<Attachment>[\s\S]*<\/Attachment>/.exec(plain)![0]
    expect((await refusal(edit(plain, attachment, attachment + attachment))).code).toBe('BAD_ATTACHMENT')
    const anonymous = edit(
      edit(plain, '<ContentId>cid:tep-1</ContentId>', ''),
      /<AttachmentName>[^<]*<\/AttachmentName>/,
      '',
    )
    expect((await refusal(anonymous)).code).toBe('BAD_ATTACHMENT')
  })

  it('a marker-like text cannot stand for an attachment body', async () => {
    const forged = edit(plain, /(<edXML:Subject>)[^<]*/, '$1edxml-body-00000000000000000000000000000000-0')
    const parsed = await parseEdxml(bytesOf(forged))
    expect((parsed.package as EdocPackage).header.subject).toBe(
      'edxml-body-00000000000000000000000000000000-0',
    )
  })
})

describe('not XML, not edXML, missing essentials', () => {
  it('bytes that are not UTF-8, UTF-16, garbage', async () => {
    const latin1 = Buffer.from(plain.replace('Hà Nội', 'Hà Nội'), 'latin1')
    expect((await refusal(latin1)).code).toBe('MALFORMED_XML')
    expect((await refusal(Buffer.from(`\ufeff${plain}`, 'utf16le'))).code).toBe('MALFORMED_XML')
    expect((await refusal('not xml at all')).code).toBe('MALFORMED_XML')
    expect((await refusal(new Uint8Array())).code).toBe('MALFORMED_XML')
    expect((await refusal(plain.slice(0, plain.length / 2))).code).toBe('MALFORMED_XML')
  })

  it('another document type', async () => {
    expect((await refusal('<?xml version="1.0"?><html><body/></html>')).code).toBe('NOT_EDXML')
    expect((await refusal('<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><x/></edXML>')).code).toBe(
      'NOT_EDXML',
    )
  })

  it.each([
    ['From/OrganId', /<edXML:OrganId>000.00.00.G38<\/edXML:OrganId>/, '', 'MessageHeader/From/OrganId'],
    ['From', /<edXML:From>[\s\S]*?<\/edXML:From>/, '', 'MessageHeader/From'],
    ['every To', /<edXML:To>[\s\S]*<\/edXML:To>/, '', 'MessageHeader/To'],
    ['Code', /<edXML:Code>[\s\S]*?<\/edXML:Code>/, '', 'MessageHeader/Code'],
    [
      'DocumentId',
      /<edXML:DocumentId>[^<]*<\/edXML:DocumentId>(?=\s*<\/edXML:MessageHeader>)/,
      '',
      'MessageHeader/DocumentId',
    ],
    ['Subject', /<edXML:Subject>[^<]*</, '<edXML:Subject>  <', 'MessageHeader/Subject'],
  ])('missing %s', async (_, pattern, replacement, path) => {
    const err = await refusal(edit(plain, pattern, replacement))
    expect([err.code, err.path]).toEqual(['MISSING_FIELD', path])
  })

  it('values that cannot be read', async () => {
    expect((await refusal(edit(plain, /<edXML:BussinessDocType>0/, '<edXML:BussinessDocType>7'))).code).toBe(
      'BAD_VALUE',
    )
    const badDate = await refusal(
      edit(plain, '<edXML:PromulgationDate>2026/03/12', '<edXML:PromulgationDate>2026/02/30'),
    )
    expect([badDate.code, badDate.path]).toEqual([
      'BAD_VALUE',
      'MessageHeader/PromulgationInfo/PromulgationDate',
    ])
  })
})
