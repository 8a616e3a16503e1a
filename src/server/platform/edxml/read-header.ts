/** edXMLHeader → model: MessageHeader, TraceHeaderList (with Bussiness), Status. */
import { EdxmlError } from './errors.ts'
import {
  FIELD_MAX_LENGTHS as MAX,
  STATUS_CODES,
  type Business,
  type BusinessDocType,
  type EdocHeader,
  type Organ,
  type ResponseFor,
  type StaffInfo,
  type StatusCode,
  type StatusPackage,
  type TraceHeader,
} from './model.ts'
import { join, Reader } from './read.ts'
import { readWireDate } from './wire-dates.ts'
import { textOf, type XElement } from './xml-tree.ts'

const ORGAN = [
  'OrganId',
  'OrganizationInCharge',
  'OrganName',
  'OrganAdd',
  'Email',
  'Telephone',
  'Fax',
  'Website',
]
const STAFF = ['Department', 'Staff', 'Mobile', 'Email']
const MESSAGE_HEADER = [
  'From',
  'To',
  'Code',
  'PromulgationInfo',
  'DocumentType',
  'Subject',
  'Content',
  'SignerInfo',
  'DueDate',
  'ToPlaces',
  'OtherInfo',
  'ResponseFor',
  'SteeringType',
  'DocumentId',
]
const OTHER_INFO = [
  'Priority',
  'SphereOfPromulgation',
  'TyperNotation',
  'PromulgationAmount',
  'PageAmount',
  'Appendixes',
  'Direction',
]
const BUSINESS = [
  'DocumentId',
  'BussinessDocType',
  'BusinessDocType',
  'BussinessDocReason',
  'BusinessDocReason',
  'Paper',
  'StaffInfo',
  'BussinessDocumentInfo',
  'BusinessDocumentInfo',
  'ReplacementInfoList',
]

/** An organ; its OrganId is required (it routes the package). */
export function readOrgan(r: Reader, el: XElement, path: string): Organ {
  r.known(el, path, ORGAN)
  const organ: Organ = {
    organId: r.required(el, path, 'OrganId'),
    organName: r.expected(el, path, 'OrganName'),
  }
  const optional: [keyof Organ, string][] = [
    ['organizationInCharge', 'OrganizationInCharge'],
    ['organAdd', 'OrganAdd'],
    ['email', 'Email'],
    ['telephone', 'Telephone'],
    ['fax', 'Fax'],
    ['website', 'Website'],
  ]
  for (const [key, name] of optional) {
    const v = r.optional(el, path, name)
    if (v !== undefined) organ[key] = v
  }
  return organ
}

export function readStaffInfo(r: Reader, el: XElement | undefined, path: string): StaffInfo {
  r.known(el, path, STAFF)
  const s: StaffInfo = {}
  for (const [key, name] of [
    ['department', 'Department'],
    ['staff', 'Staff'],
    ['mobile', 'Mobile'],
    ['email', 'Email'],
  ] as const) {
    const v = r.optional(el, path, name)
    if (v !== undefined) s[key] = v
  }
  return s
}

export function readResponseFor(r: Reader, el: XElement, path: string): ResponseFor {
  r.known(el, path, ['OrganId', 'Code', 'PromulgationDate', 'DocumentId'])
  return {
    organId: r.required(el, path, 'OrganId'),
    code: r.expected(el, path, 'Code'),
    promulgationDate: r.date(el, path, 'PromulgationDate', 'null'),
    documentId: r.required(el, path, 'DocumentId'),
  }
}

/** Recipients: entries without OrganId are dropped, duplicates merged (validators reject both). */
function readRecipients(r: Reader, mh: XElement, path: string): Organ[] {
  const to: Organ[] = []
  r.all(mh, 'To').forEach((el, i) => {
    const p = `${path}/To[${i + 1}]`
    if (!r.text(el, p, 'OrganId'))
      return r.warn('RECIPIENT_WITHOUT_ID', p, `Nơi nhận thứ ${i + 1} không có OrganId; bỏ qua`)
    const organ = readOrgan(r, el, p)
    if (to.some((t) => t.organId === organ.organId))
      return r.warn('DUPLICATE_RECIPIENT', p, `Nơi nhận ${organ.organId} bị lặp; chỉ giữ một lần`)
    to.push(organ)
  })
  if (to.length === 0)
    throw new EdxmlError('MISSING_FIELD', { message: 'Gói tin không có nơi nhận (To)', path: `${path}/To` })
  return to
}

function readPromulgationDate(r: Reader, pi: XElement | undefined, path: string, documentId: string): string {
  const d = r.date(pi, path, 'PromulgationDate', 'throw')
  if (d) return d
  // The DocumentId carries the date too: `OrganId,yyyy/MM/dd,number/notation`.
  const fromId = readWireDate(documentId.split(',')[1] ?? '')
  if (!fromId)
    throw new EdxmlError('MISSING_FIELD', {
      message: 'Gói tin thiếu ngày ban hành (PromulgationDate)',
      path: `${path}/PromulgationDate`,
    })
  r.warn('FIELD_MISSING', `${path}/PromulgationDate`, 'Thiếu ngày ban hành; lấy theo DocumentId')
  return fromId.iso
}

const texts = (r: Reader, list: XElement | undefined, name: string, path: string, max: number) =>
  r
    .all(list, name)
    .map((el) => textOf(el).trim())
    .filter((t, i) => {
      r.long(`${path}/${name}[${i + 1}]`, t, max)
      return t !== ''
    })

/** MessageHeader → EdocHeader. */
export function readMessageHeader(r: Reader, mh: XElement): EdocHeader {
  const P = 'MessageHeader'
  r.known(mh, P, MESSAGE_HEADER)
  const fromEl = r.one(mh, P, 'From')
  if (!fromEl)
    throw new EdxmlError('MISSING_FIELD', { message: 'Gói tin thiếu nơi gửi (From)', path: `${P}/From` })
  const from = readOrgan(r, fromEl, `${P}/From`)
  const to = readRecipients(r, mh, P)
  const codeEl = r.one(mh, P, 'Code')
  const code = {
    codeNumber: r.text(codeEl, `${P}/Code`, 'CodeNumber') ?? '',
    codeNotation: r.text(codeEl, `${P}/Code`, 'CodeNotation') ?? '',
  }
  if (!code.codeNumber && !code.codeNotation)
    throw new EdxmlError('MISSING_FIELD', {
      message: 'Gói tin thiếu số, ký hiệu văn bản (Code)',
      path: `${P}/Code`,
    })
  const documentId = r.required(mh, P, 'DocumentId')
  if (!/^[^,]+,\d{4}\/\d{2}\/\d{2},.+$/s.test(documentId))
    r.warn(
      'DOCUMENT_ID_FORMAT',
      `${P}/DocumentId`,
      `DocumentId "${documentId.slice(0, 80)}" không theo dạng OrganId,yyyy/MM/dd,số/ký hiệu`,
    )
  const pi = r.one(mh, P, 'PromulgationInfo')
  const subject = r.required(mh, P, 'Subject')
  r.long(`${P}/Subject`, subject, MAX.subject)
  const content = r.expected(mh, P, 'Content')
  r.long(`${P}/Content`, content, MAX.content)
  const block = (name: string) => {
    const el = r.one(mh, P, name)
    if (!el) r.missing(`${P}/${name}`)
    return { el, p: `${P}/${name}`, quiet: !el }
  }
  const dt = block('DocumentType')
  const si = block('SignerInfo')
  const oi = block('OtherInfo')
  const int = (b: typeof dt, name: string) => (b.quiet ? 0 : r.integer(b.el, b.p, name))
  const str = (b: typeof dt, name: string) => (b.quiet ? '' : r.expected(b.el, b.p, name))
  r.known(oi.el, oi.p, OTHER_INFO)
  const direction = r.text(oi.el, oi.p, 'Direction')
  const toPlaces = texts(r, r.one(mh, P, 'ToPlaces'), 'Place', `${P}/ToPlaces`, MAX.toPlace)
  return {
    from,
    to,
    code,
    promulgationInfo: {
      place: r.expected(pi, `${P}/PromulgationInfo`, 'Place'),
      promulgationDate: readPromulgationDate(r, pi, `${P}/PromulgationInfo`, documentId),
    },
    documentType: { type: int(dt, 'Type'), typeDetail: int(dt, 'TypeDetail'), typeName: str(dt, 'TypeName') },
    subject,
    content,
    signerInfo: {
      competence: str(si, 'Competence'),
      position: str(si, 'Position'),
      fullName: str(si, 'FullName'),
    },
    dueDate: r.date(mh, P, 'DueDate', 'null'),
    toPlaces,
    otherInfo: {
      priority: int(oi, 'Priority'),
      sphereOfPromulgation: str(oi, 'SphereOfPromulgation'),
      typerNotation: str(oi, 'TyperNotation'),
      promulgationAmount: int(oi, 'PromulgationAmount'),
      pageAmount: int(oi, 'PageAmount'),
      appendixes: texts(r, r.one(oi.el, oi.p, 'Appendixes'), 'Appendix', `${oi.p}/Appendixes`, MAX.appendix),
      ...(direction ? { direction: /^(true|1)$/i.test(direction) } : {}),
    },
    responseFor: r
      .all(mh, 'ResponseFor')
      .map((el, i) => readResponseFor(r, el, `${P}/ResponseFor[${i + 1}]`)),
    steeringType: r.integer(mh, P, 'SteeringType'),
    documentId,
  }
}

function readBusinessType(r: Reader, b: XElement, path: string): BusinessDocType {
  const t = r.text(b, path, 'BussinessDocType') ?? r.text(b, path, 'BusinessDocType')
  if (t === undefined) {
    r.missing(`${path}/BussinessDocType`)
    return 0
  }
  if (!/^[0-3]$/.test(t))
    throw new EdxmlError('BAD_VALUE', {
      message: `Loại nghiệp vụ "${t.slice(0, 20)}" không hợp lệ (chỉ nhận 0 mới, 1 thu hồi, 2 cập nhật, 3 thay thế)`,
      path: `${path}/BussinessDocType`,
    })
  return Number(t) as BusinessDocType
}

function readBusiness(r: Reader, list: XElement | undefined, path: string): Business {
  const b = r.one(list, path, 'Bussiness') ?? r.one(list, path, 'Business')
  const p = join(path, 'Bussiness')
  if (!b) {
    r.missing(p)
    return { documentId: null, type: 0, reason: '', paper: 0, staffInfo: {}, replacementInfo: [] }
  }
  r.known(b, p, BUSINESS)
  if (
    b.local === 'Business' ||
    r.all(b, 'BusinessDocType', 'BusinessDocReason', 'BusinessDocumentInfo').length
  )
    r.warn('BUSINESS_SPELLING', p, 'Dùng cách viết "Business"; chuẩn QCVN 102 viết "Bussiness"')
  const paper = r.integer(b, p, 'Paper')
  if (paper !== 0 && paper !== 1)
    r.warn('BAD_NUMBER', `${p}/Paper`, `Paper = ${paper}; chỉ nhận 0 hoặc 1, dùng 0`)
  const reasonName =
    r.all(b, 'BussinessDocReason').length || !r.all(b, 'BusinessDocReason').length
      ? 'BussinessDocReason'
      : 'BusinessDocReason'
  return {
    documentId: r.optional(b, p, 'DocumentId') ?? null,
    type: readBusinessType(r, b, p),
    reason: r.expected(b, p, reasonName),
    paper: paper === 1 ? 1 : 0,
    staffInfo: readStaffInfo(r, r.one(b, p, 'StaffInfo'), `${p}/StaffInfo`),
    replacementInfo: r.all(r.one(b, p, 'ReplacementInfoList'), 'ReplacementInfo').flatMap((el, i) => {
      const rp = `${p}/ReplacementInfoList/ReplacementInfo[${i + 1}]`
      const documentId = r.text(el, rp, 'DocumentId')
      if (!documentId) {
        r.warn('FIELD_MISSING', rp, 'ReplacementInfo không có DocumentId; bỏ qua')
        return []
      }
      const organIds = r
        .all(r.one(el, rp, 'OrganIdList'), 'OrganId')
        .map((o) => textOf(o).trim())
        .filter(Boolean)
      return [{ documentId, organIds }]
    }),
  }
}

/** TraceHeaderList → trace headers and the Bussiness block. */
export function readTrace(
  r: Reader,
  list: XElement | undefined,
): { traceHeaders: TraceHeader[]; business: Business } {
  const P = 'TraceHeaderList'
  if (!list) r.missing(P)
  r.known(list, P, ['TraceHeader', 'Bussiness', 'Business'])
  const traceHeaders = r.all(list, 'TraceHeader').flatMap((el, i) => {
    const p = `${P}/TraceHeader[${i + 1}]`
    const organId = r.text(el, p, 'OrganId')
    const stamp = r.text(el, p, 'Timestamp')
    const timestamp = stamp ? r.timestamp(stamp, `${p}/Timestamp`) : null
    if (!organId || !timestamp) {
      r.warn('BAD_TRACE_HEADER', p, 'TraceHeader thiếu OrganId hoặc Timestamp hợp lệ; bỏ qua')
      return []
    }
    return [{ organId, timestamp }]
  })
  return { traceHeaders, business: readBusiness(r, list, P) }
}

/** Status (REGULATIONS §2.3) → StatusPackage. */
export function readStatus(r: Reader, status: XElement): StatusPackage {
  const P = 'Status'
  r.known(status, P, ['ResponseFor', 'From', 'StatusCode', 'Description', 'Timestamp', 'StaffInfo'])
  const need = (name: string) => {
    const el = r.one(status, P, name)
    if (!el)
      throw new EdxmlError('MISSING_FIELD', {
        message: `Gói tin trạng thái thiếu ${name}`,
        path: `${P}/${name}`,
      })
    return el
  }
  const responseFor = readResponseFor(r, need('ResponseFor'), `${P}/ResponseFor`)
  const from = readOrgan(r, need('From'), `${P}/From`)
  let code = r.required(status, P, 'StatusCode')
  if (/^\d$/.test(code)) {
    r.warn('STATUS_CODE_FORM', `${P}/StatusCode`, `Mã trạng thái "${code}" viết thiếu số 0; hiểu là 0${code}`)
    code = `0${code}`
  }
  if (!(STATUS_CODES as readonly string[]).includes(code))
    throw new EdxmlError('BAD_VALUE', {
      message: `Mã trạng thái "${code.slice(0, 20)}" không có trong danh mục 01–06, 13, 15, 16`,
      path: `${P}/StatusCode`,
    })
  const stamp = r.required(status, P, 'Timestamp')
  const timestamp = r.timestamp(stamp, `${P}/Timestamp`)
  if (!timestamp)
    throw new EdxmlError('BAD_VALUE', {
      message: `Thời điểm "${stamp.slice(0, 40)}" không hợp lệ`,
      path: `${P}/Timestamp`,
    })
  return {
    kind: 'status',
    responseFor,
    from,
    statusCode: code as StatusCode,
    description: r.expected(status, P, 'Description'),
    timestamp,
    staffInfo: readStaffInfo(r, r.one(status, P, 'StaffInfo'), `${P}/StaffInfo`),
  }
}
