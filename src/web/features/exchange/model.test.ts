/**
 * The exchange pages' rules without a browser: which decisions a package offers and which status
 * each sends, the register form pre-filled from a package, lenient edXML dates, the status timeline
 * order, directory files read before import, where exchange notifications lead, and that every
 * label the pages and the server need exists in both catalogs.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  OUTBOX_STATES,
  PACKAGE_SIGNATURE_STATES,
  RECEIVED_KINDS,
  RECEIVED_STATES,
  STATUS_CODES,
  type TReceivedPackage,
  type TStatusEntry,
} from '@common/contracts/exchange'
import { notificationPath } from '@common/notification-path'
import en from '../../../common/i18n/en.json' with { type: 'json' }
import vi from '../../../common/i18n/vi.json' with { type: 'json' }
import {
  acceptDefaults,
  availableDecisions,
  decidedKey,
  decisionOf,
  displayDate,
  fileSize,
  identifierParts,
  inlineUrl,
  readDirectoryFile,
  sortTimeline,
  STUCK_HOURS,
  stuckStateKey,
  toIsoDate,
} from './model.ts'

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'

type Header = NonNullable<TReceivedPackage['header']>
function header(over: Partial<Header> = {}): Header {
  return {
    to: [],
    issuePlace: 'Hà Nội',
    documentType: { type: 1, typeDetail: 0, typeName: 'Công văn' },
    documentTypeCode: 'CV',
    content: '',
    signer: { competence: 'KT. BỘ TRƯỞNG', position: 'THỨ TRƯỞNG', fullName: 'Nguyễn Văn Thành' },
    dueDate: '2026/12/05',
    toPlaces: [],
    priority: 1,
    urgency: 'urgent',
    pageAmount: 2,
    promulgationAmount: null,
    appendixes: [],
    steeringType: 0,
    responseFor: [],
    ...over,
  }
}

const register = (id: string, isActive = true, canRegister = true) => ({
  id,
  isActive,
  abilities: { update: false, register: canRegister },
})

describe('decisions', () => {
  it('answers a document with 03 or 02 and a recall or an update with 15 or 16', () => {
    expect(decisionOf('document')).toMatchObject({
      acceptWith: 'register',
      acceptStatus: '03',
      refuseStatus: '02',
    })
    expect(decisionOf('replacement')).toMatchObject({ acceptWith: 'register', acceptStatus: '03' })
    expect(decisionOf('recall')).toMatchObject({
      acceptWith: 'confirm',
      acceptStatus: '15',
      refuseStatus: '16',
      acceptKey: 'exchange.actions.acceptRecall',
    })
    expect(decisionOf('update')).toMatchObject({
      acceptWith: 'confirm',
      acceptKey: 'exchange.actions.applyUpdate',
    })
  })

  it('offers buttons only while the package waits, and only those the server allows', () => {
    const both = { accept: true, refuse: true }
    expect(availableDecisions({ kind: 'document', state: 'received', abilities: both })).toMatchObject({
      canAccept: true,
      canRefuse: true,
    })
    for (const state of RECEIVED_STATES.filter((s) => s !== 'received'))
      expect(availableDecisions({ kind: 'document', state, abilities: both })).toMatchObject({
        canAccept: false,
        canRefuse: false,
      })
    expect(
      availableDecisions({ kind: 'recall', state: 'received', abilities: { accept: false, refuse: true } }),
    ).toMatchObject({ canAccept: false, canRefuse: true })
  })
})

describe('the outcome after a decision', () => {
  it('reads an agreed recall as destroyed and an agreed update as updated', () => {
    expect(decidedKey({ kind: 'recall', state: 'applied' })).toBe('exchange.decided.appliedRecall')
    expect(decidedKey({ kind: 'update', state: 'applied' })).toBe('exchange.decided.appliedUpdate')
    expect(decidedKey({ kind: 'document', state: 'destroyed' })).toBe('exchange.decided.destroyed')
    expect(decidedKey({ kind: 'document', state: 'refused' })).toBe('exchange.decided.refused')
  })
})

describe('edXML dates', () => {
  it('reads yyyy/MM/dd, yyyy-MM-dd, dd/MM/yyyy and ISO instants; refuses impossible dates', () => {
    expect(toIsoDate('2026/11/14')).toBe('2026-11-14')
    expect(toIsoDate('2026-1-4')).toBe('2026-01-04')
    expect(toIsoDate('14/11/2026')).toBe('2026-11-14')
    expect(toIsoDate('2026-11-14T08:00:00+07:00')).toBe('2026-11-14')
    expect(toIsoDate('2026/02/30')).toBeNull()
    expect(toIsoDate('31/04/2026')).toBeNull()
    expect(toIsoDate('tháng 11')).toBeNull()
    expect(toIsoDate('')).toBeNull()
    expect(toIsoDate(null)).toBeNull()
  })

  it('gives the same calendar day for every way a real date is written', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const y = String(d.getUTCFullYear())
          const m = String(d.getUTCMonth() + 1).padStart(2, '0')
          const day = String(d.getUTCDate()).padStart(2, '0')
          const iso = `${y}-${m}-${day}`
          expect(toIsoDate(`${y}/${m}/${day}`)).toBe(iso)
          expect(toIsoDate(`${day}/${m}/${y}`)).toBe(iso)
          expect(displayDate(`${y}/${m}/${day}`)).toBe(`${day}/${m}/${y}`)
        },
      ),
    )
  })

  it('shows text that is not a date as it came', () => {
    expect(displayDate('khoảng cuối năm')).toBe('khoảng cuối năm')
    expect(displayDate(null)).toBe('')
  })
})

describe('the register form pre-filled from a package', () => {
  const pkg = { subject: '  V/v cử cán bộ dự hội nghị ', documentTypeName: 'Công văn', header: header() }

  it('takes the subject, our type code, urgency and due date from the package', () => {
    expect(acceptDefaults(pkg, [register('r1')])).toEqual({
      registerId: 'r1',
      documentType: 'CV',
      subject: 'V/v cử cán bộ dự hội nghị',
      urgency: 'urgent',
      dueDate: '2026-12-05',
      notes: '',
    })
  })

  it('chooses the register only when exactly one may be used', () => {
    expect(acceptDefaults(pkg, [register('r1'), register('r2')]).registerId).toBeUndefined()
    expect(
      acceptDefaults(pkg, [register('r1', false), register('r2'), register('r3', true, false)]).registerId,
    ).toBe('r2')
    expect(acceptDefaults(pkg, []).registerId).toBeUndefined()
  })

  it('leaves the type for the clerk when the server did not recognise it, and copes without a header', () => {
    expect(
      acceptDefaults({ ...pkg, header: header({ documentTypeCode: 'XYZ' }) }, []).documentType,
    ).toBeUndefined()
    expect(
      acceptDefaults({ ...pkg, header: header({ documentTypeCode: null }) }, []).documentType,
    ).toBeUndefined()
    expect(acceptDefaults({ subject: null, documentTypeName: null, header: null }, [])).toMatchObject({
      subject: '',
      urgency: 'normal',
      dueDate: null,
      documentType: undefined,
    })
  })
})

describe('status timeline and tracking', () => {
  const entry = (code: TStatusEntry['code'], at: string, description = ''): TStatusEntry => ({
    code,
    at,
    description,
    staff: null,
    recordedAt: at,
  })

  it('orders statuses by time, keeping the order received for equal times', () => {
    const sorted = sortTimeline([
      entry('05', '2026-11-15T03:00:00Z'),
      entry('01', '2026-11-14T02:00:00Z'),
      entry('03', '2026-11-14T02:00:00Z', 'second'),
      entry('04', '2026-11-14T09:00:00+07:00'),
    ])
    expect(sorted.map((e) => e.code)).toEqual(['01', '03', '04', '05'])
  })

  it('names a stuck state by delivery state or status code', () => {
    expect(stuckStateKey('failed')).toBe('exchange.outboxStates.failed')
    expect(stuckStateKey('01')).toBe('exchange.status.01')
    expect(stuckStateKey('07')).toBeNull()
    expect(STUCK_HOURS).toEqual([24, 48, 72, 168])
  })

  it('splits a DocumentId into organ, date and number for narrow columns', () => {
    expect(identifierParts('000.00.00.G22,2018/09/20,7816/VPCP-TTĐT')).toEqual([
      '000.00.00.G22',
      '2018/09/20',
      '7816/VPCP-TTĐT',
    ])
    expect(identifierParts('ABC-123')).toEqual(['ABC-123'])
    expect(identifierParts('a,,b')).toEqual(['a,,b'])
  })

  it('previews an attachment inline and writes sizes for people', () => {
    expect(inlineUrl('/api/exchange/received/a/attachments/0')).toBe(
      '/api/exchange/received/a/attachments/0?inline=1',
    )
    expect(inlineUrl('/x?a=1')).toBe('/x?a=1&inline=1')
    expect(inlineUrl('/x?inline=1')).toBe('/x?inline=1')
    expect(fileSize(512)).toBe('512 B')
    expect(fileSize(2048)).toBe('2.0 KB')
    expect(fileSize(5 * 1024 * 1024)).toBe('5.0 MB')
  })
})

describe('directory files', () => {
  it('reads a JSON array, keeping known fields under their aliases and dropping the rest', () => {
    const text = JSON.stringify([
      {
        code: '000.00.00.G12',
        name: 'Bộ Tài chính',
        email: 'vanthu@mof.gov.vn',
        certificate_pem: PEM,
        id: 7,
      },
      { OrganId: '000.00.00.H41', OrganName: 'UBND tỉnh Nghệ An', endpoint: 'https://eoffice.nghean.gov.vn' },
    ])
    const file = readDirectoryFile('danh-ba.json', text)
    expect(file).toEqual({
      ok: true,
      format: 'json',
      count: 2,
      body: {
        entries: [
          { code: '000.00.00.G12', name: 'Bộ Tài chính', email: 'vanthu@mof.gov.vn', certificatePem: PEM },
          { code: '000.00.00.H41', name: 'UBND tỉnh Nghệ An', endpoint: 'https://eoffice.nghean.gov.vn' },
        ],
      },
    })
  })

  it('accepts the axis answer shape { data: [...] } and a byte-order mark', () => {
    const file = readDirectoryFile(
      'agencies.txt',
      `\uFEFF{"data":[{"code":"000.00.00.G22","name":"Văn phòng Chính phủ"}]}`,
    )
    expect(file.ok && file.body.entries).toEqual([{ code: '000.00.00.G22', name: 'Văn phòng Chính phủ' }])
  })

  it('reports every bad entry by its position and sends nothing', () => {
    const file = readDirectoryFile(
      'x.json',
      JSON.stringify([
        { code: '000.00.00.G12', name: 'Bộ Tài chính' },
        { code: 'G', name: 'X' },
        'text',
        { name: 'Thiếu mã' },
      ]),
    )
    expect(file.ok).toBe(false)
    if (file.ok) return
    expect(file.errors.map((e) => e.line)).toEqual([2, 3, 4])
    expect(file.errors[0]!.message).toContain('code')
    expect(file.errors[1]!.messageKey).toBe('exchange.import.errors.shape')
  })

  it('explains unreadable JSON, a wrong shape and an empty file', () => {
    const broken = readDirectoryFile('x.json', '[{"code": ')
    expect(!broken.ok && broken.errors[0]!.messageKey).toBe('exchange.import.errors.json')
    const shape = readDirectoryFile('x.json', '{"agencies": 3}')
    expect(!shape.ok && shape.errors[0]!.messageKey).toBe('exchange.import.errors.shape')
    expect(!readDirectoryFile('x.json', '[]').ok).toBe(true)
    const empty = readDirectoryFile('x.csv', '  \n')
    expect(!empty.ok && empty.errors[0]!.messageKey).toBe('exchange.import.errors.empty')
  })

  it('passes CSV to the server as text, counting the rows under the header', () => {
    const csv =
      'code,name,email,endpoint,certificate_pem\n000.00.00.G12,Bộ Tài chính,,,\n\n000.00.00.H41,UBND tỉnh Nghệ An,,,\n'
    expect(readDirectoryFile('danh-ba.csv', `\uFEFF${csv}`)).toEqual({
      ok: true,
      format: 'csv',
      count: 2,
      body: { csv },
    })
  })
})

describe('exchange notifications', () => {
  it('open the received package, or the outgoing document a status is about', () => {
    expect(notificationPath('exchange.received', { messageId: 'm-1', documentId: 'd-1' })).toBe(
      '/exchange/received/m-1',
    )
    expect(notificationPath('exchange.statusAlert', { documentId: 'd 2' })).toBe('/documents-out/d%202')
    expect(notificationPath('exchange.statusAlert', {})).toBe('/')
    expect(notificationPath('documentIn.assigned', { documentId: 'd-3', messageId: 'm' })).toBe(
      '/documents-in/d-3',
    )
  })
})

function has(catalog: unknown, key: string): boolean {
  let node = catalog
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' && node.trim() !== ''
}

describe('labels', () => {
  const keys = [
    ...STATUS_CODES.map((c) => `exchange.status.${c}`),
    ...RECEIVED_KINDS.map((k) => `exchange.kinds.${k}`),
    ...RECEIVED_STATES.map((s) => `exchange.states.${s}`),
    ...RECEIVED_KINDS.flatMap((kind) => RECEIVED_STATES.map((state) => decidedKey({ kind, state }))),
    ...PACKAGE_SIGNATURE_STATES.flatMap((s) => [
      `exchange.signature.states.${s}`,
      `exchange.signature.help.${s}`,
    ]),
    ...OUTBOX_STATES.map((s) => `exchange.outboxStates.${s}`),
    ...STUCK_HOURS.map((h) => `exchange.tracking.hoursOptions.h${h}`),
    ...RECEIVED_KINDS.flatMap((k) => [decisionOf(k).acceptKey, decisionOf(k).refuseKey]),
    ...[
      'packageReceived',
      'packageAccepted',
      'packageRefused',
      'recallAccepted',
      'recallRefused',
      'updateApplied',
      'updateRefused',
      'statusReceived',
      'sent',
      'deliveryFailed',
      'retried',
      'directoryImported',
      'directorySynced',
      'identityCreated',
    ].map((a) => `audit.actions.exchange.${a}`),
    'audit.actions.documentIn.destroyed',
    'audit.targetTypes.exchangeMessage',
    'notifications.kinds.exchange.received',
    'notifications.kinds.exchange.statusAlert',
  ]
  for (const [name, catalog] of [
    ['vi', vi],
    ['en', en],
  ] as const)
    it(`exist in ${name}.json for every status, kind, state and audit action`, () => {
      expect(keys.filter((k) => !has(catalog, k))).toEqual([])
    })

  it('use the QĐ 28/2018 names in Vietnamese', () => {
    expect(vi.exchange.status['02']).toBe('Từ chối tiếp nhận')
    expect(vi.exchange.status['15']).toBe('Đồng ý lấy lại/cập nhật/thu hồi')
    expect(vi.exchange.signature.states.untrusted).toBe('Chưa xác thực')
  })
})
