/** Status packages (01–06, 13, 15, 16) and the builder's refusals. */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Signer } from '../signing/index.ts'
import {
  buildEdoc,
  buildStatus,
  EdxmlError,
  inspectRoute,
  parseEdxml,
  STATUS_CODES,
  type StatusCode,
  type StatusInput,
} from './index.ts'
import { bytesOf, letter, pdfFile, testSigners, TEST_NOW, utf8 } from './test-support.ts'

let signer: Signer
beforeAll(async () => {
  ;({ signer } = await testSigners())
})

const DESCRIPTIONS: Record<StatusCode, string> = {
  '01': 'Đã đến',
  '02': 'Từ chối tiếp nhận: gửi nhầm nơi nhận',
  '03': 'Đã tiếp nhận',
  '04': 'Lãnh đạo: Phân công xử lý',
  '05': 'Đang xử lý',
  '06': 'Hoàn thành',
  '13': 'Đề nghị lấy lại văn bản',
  '15': 'Đồng ý lấy lại / cập nhật / thu hồi',
  '16': 'Từ chối lấy lại / cập nhật / thu hồi',
}

const status = (statusCode: StatusCode): StatusInput => ({
  responseFor: {
    organId: '000.00.00.G38',
    code: '45/UBMC-VP',
    promulgationDate: '2026-03-12',
    documentId: '000.00.00.G38,2026/03/12,45/UBMC-VP',
  },
  from: { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ', email: 'vanthu@chinhphu.vn' },
  statusCode,
  description: DESCRIPTIONS[statusCode],
  timestamp: TEST_NOW,
  staffInfo: { department: 'Văn thư', staff: 'Lê Văn C' },
})

async function refusal(build: () => Promise<unknown>): Promise<EdxmlError> {
  try {
    await build()
  } catch (err) {
    expect(err).toBeInstanceOf(EdxmlError)
    return err as EdxmlError
  }
  throw new Error('built')
}

describe('status packages', () => {
  it.each(STATUS_CODES.map((c) => [c]))('round-trips status %s, signed', async (code) => {
    const bytes = await buildStatus(status(code), { signer })
    const parsed = await parseEdxml(bytes)
    expect(parsed.warnings).toEqual([])
    expect(parsed.package).toEqual({ kind: 'status', ...status(code) })
    expect(parsed.signature.state).toBe('valid')
    expect(utf8(bytes)).toContain(`<edXML:StatusCode>${code}</edXML:StatusCode>`)
    expect(utf8(bytes)).toContain('<edXML:Timestamp>2026/03/12 10:04:05</edXML:Timestamp>')
  })

  it('routes a status back to the original issuer', async () => {
    expect(await inspectRoute(await buildStatus(status('03')))).toEqual({
      kind: 'status',
      from: '000.00.00.G22',
      to: ['000.00.00.G38'],
      documentId: '000.00.00.G38,2026/03/12,45/UBMC-VP',
      businessType: null,
    })
  })

  it('detects a changed status code under the signature', async () => {
    const text = utf8(await buildStatus(status('03'), { signer })).replace('>03<', '>06<')
    expect((await parseEdxml(bytesOf(text))).signature.state).toBe('invalid')
  })

  it('reads "1" as "01" with a warning; refuses codes outside the list', async () => {
    const text = utf8(await buildStatus(status('01')))
    const parsed = await parseEdxml(bytesOf(text.replace('>01<', '>1<')))
    expect(parsed.warnings.map((w) => w.code)).toEqual(['STATUS_CODE_FORM'])
    expect(parsed.package).toMatchObject({ statusCode: '01' })
    for (const code of ['07', '12', '14', '99', 'OK']) {
      const err = await refusal(() => parseEdxml(bytesOf(text.replace('>01<', `>${code}<`))))
      expect([err.code, err.path]).toEqual(['BAD_VALUE', 'Status/StatusCode'])
    }
    const err = await refusal(() =>
      parseEdxml(bytesOf(text.replace(/<edXML:StatusCode>01<\/edXML:StatusCode>/, ''))),
    )
    expect([err.code, err.path]).toEqual(['MISSING_FIELD', 'Status/StatusCode'])
  })

  it('refuses a status without ResponseFor or with an unreadable timestamp', async () => {
    const text = utf8(await buildStatus(status('05')))
    expect(
      (
        await refusal(() =>
          parseEdxml(bytesOf(text.replace(/<edXML:ResponseFor>[\s\S]*<\/edXML:ResponseFor>/, ''))),
        )
      ).code,
    ).toBe('MISSING_FIELD')
    expect(
      (await refusal(() => parseEdxml(bytesOf(text.replace('2026/03/12 10:04:05', 'hôm qua'))))).code,
    ).toBe('BAD_VALUE')
  })
})

describe('the builder refuses what it cannot send', () => {
  it('an unknown status code', async () => {
    const err = await refusal(() => buildStatus({ ...status('01'), statusCode: '07' as StatusCode }))
    expect([err.code, err.path]).toEqual(['BAD_VALUE', 'Status/StatusCode'])
  })

  it('missing essentials and bad values', async () => {
    const cases: [string, (i: ReturnType<typeof letter>) => void, string, string][] = [
      ['no sender', (i) => (i.header.from.organId = ' '), 'MISSING_FIELD', 'MessageHeader/From/OrganId'],
      ['no recipient', (i) => (i.header.to = []), 'MISSING_FIELD', 'MessageHeader/To'],
      [
        'duplicate recipient',
        (i) => i.header.to.push(i.header.to[0]!),
        'BAD_VALUE',
        'MessageHeader/To/OrganId',
      ],
      ['no subject', (i) => (i.header.subject = ''), 'MISSING_FIELD', 'MessageHeader/Subject'],
      [
        'bad date',
        (i) => (i.header.promulgationInfo.promulgationDate = '12/03/2026'),
        'BAD_VALUE',
        'MessageHeader/PromulgationInfo/PromulgationDate',
      ],
      [
        'bad business type',
        (i) => (i.business.type = 5 as 0),
        'BAD_VALUE',
        'TraceHeaderList/Bussiness/BussinessDocType',
      ],
      [
        'fractional number',
        (i) => (i.header.otherInfo.pageAmount = 1.5),
        'BAD_VALUE',
        'MessageHeader/OtherInfo/PageAmount',
      ],
      ['control character', (i) => (i.header.subject = 'a\u0001b'), 'BAD_VALUE', 'MessageHeader/Subject'],
      ['lone surrogate', (i) => (i.header.content = 'a\ud800'), 'BAD_VALUE', 'MessageHeader/Content'],
    ]
    for (const [, change, code, path] of cases) {
      const input = letter()
      change(input)
      const err = await refusal(() => buildEdoc(input))
      expect([err.code, err.path]).toEqual([code, path])
    }
  })

  it('duplicate or malformed attachment ids', async () => {
    expect((await refusal(() => buildEdoc(letter([pdfFile(1, 'a'), pdfFile(1, 'cid:a')])))).code).toBe(
      'BAD_VALUE',
    )
    expect((await refusal(() => buildEdoc(letter([pdfFile(1, 'a b')])))).code).toBe('BAD_VALUE')
  })
})
