/**
 * Generated documents with known truth: varied types, issuers (with parent bodies), dates and
 * the quirks real documents have — stray spaces in numbers, date lines without a comma or leading
 * zeros, ranks and honorifics before names, "KT" without its dot, V/v letters, subjects wrapped
 * over lines, stamps, tone-mark variants. Deterministic for a seed.
 */
import type { TCaptureResult } from '../../src/common/contracts/capture.ts'
import type { DocumentModel } from '../../src/server/modules/capture/test-support/document-model.ts'
import {
  ADDRESSEES,
  BODY,
  GIVEN,
  MIDDLE,
  PROFILES,
  RECIPIENTS,
  SUBJECTS,
  SURNAMES,
  type Profile,
} from './pools.ts'

export type Truth = Omit<TCaptureResult, 'confidence' | 'warnings'>
export type Generated = { id: string; model: DocumentModel; truth: Truth; quirks: string[] }

type TypeSpec = {
  code: string
  name: string
  title: string | null
  authorityLine: boolean
  kinhGui: number
  yearInNumber: number
}
const TYPES: TypeSpec[] = [
  { code: 'CV', name: 'Công văn', title: null, authorityLine: false, kinhGui: 1, yearInNumber: 0 },
  { code: 'QĐ', name: 'Quyết định', title: 'QUYẾT ĐỊNH', authorityLine: true, kinhGui: 0, yearInNumber: 0.2 },
  { code: 'TB', name: 'Thông báo', title: 'THÔNG BÁO', authorityLine: false, kinhGui: 0, yearInNumber: 0 },
  { code: 'BC', name: 'Báo cáo', title: 'BÁO CÁO', authorityLine: false, kinhGui: 0.5, yearInNumber: 0 },
  { code: 'KH', name: 'Kế hoạch', title: 'KẾ HOẠCH', authorityLine: false, kinhGui: 0, yearInNumber: 0 },
  { code: 'TTr', name: 'Tờ trình', title: 'TỜ TRÌNH', authorityLine: false, kinhGui: 1, yearInNumber: 0 },
  { code: 'GM', name: 'Giấy mời', title: 'GIẤY MỜI', authorityLine: false, kinhGui: 0, yearInNumber: 0 },
  { code: 'CT', name: 'Chỉ thị', title: 'CHỈ THỊ', authorityLine: false, kinhGui: 0, yearInNumber: 0 },
  { code: 'NQ', name: 'Nghị quyết', title: 'NGHỊ QUYẾT', authorityLine: true, kinhGui: 0, yearInNumber: 1 },
  { code: 'HD', name: 'Hướng dẫn', title: 'HƯỚNG DẪN', authorityLine: false, kinhGui: 0, yearInNumber: 0 },
  { code: 'TT', name: 'Thông tư', title: 'THÔNG TƯ', authorityLine: false, kinhGui: 0, yearInNumber: 1 },
  { code: 'CĐ', name: 'Công điện', title: 'CÔNG ĐIỆN', authorityLine: false, kinhGui: 0, yearInNumber: 0 },
]
/** Letters are the bulk of what a committee receives. */
const TYPE_WEIGHTS = [8, 4, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1]

/** mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function generateCorpus(count: number, seed = 2026): Generated[] {
  const rnd = random(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const chance = (p: number) => rnd() < p
  const weighted = <T>(xs: readonly T[], ws: number[]): T => {
    let r = rnd() * ws.reduce((a, b) => a + b, 0)
    for (let i = 0; i < xs.length; i++) if ((r -= ws[i]!) < 0) return xs[i]!
    return xs[xs.length - 1]!
  }
  const pad = (n: number) => String(n).padStart(2, '0')
  const out: Generated[] = []
  for (let n = 0; n < count; n++) {
    const quirks: string[] = []
    const quirk = (p: number, name: string) => {
      const on = chance(p)
      if (on) quirks.push(name)
      return on
    }
    let profile: Profile = pick(PROFILES)
    const type = weighted(TYPES, TYPE_WEIGHTS)
    if (type.code === 'NQ') profile = PROFILES.find((p) => p.abbr === 'HĐND')!
    const unit = pick(profile.units)

    // Số, ký hiệu (Phụ lục I §II.3) and its printed quirks.
    const numberValue = 1 + Math.floor(rnd() ** 2 * 3000)
    const number = numberValue < 10 ? pad(numberValue) : String(numberValue)
    const year = 2024 + Math.floor(rnd() * 3)
    const yearPart = chance(type.yearInNumber) ? `${year}/` : ''
    const notation = type.code === 'CV' ? `${profile.abbr}-${unit}` : `${type.code}-${profile.abbr}`
    const [head, tail] = notation.split('-') as [string, string]
    let printed = `${number}/${yearPart}${notation}`
    if (quirk(0.18, 'number-spaces'))
      printed = pick([
        `${number} /${yearPart}${head}- ${tail}`,
        `${number}/ ${yearPart}${head} - ${tail}`,
        `${number} /${yearPart}${notation}`,
      ])
    const numberLine = quirk(0.1, 'no-space-after-colon')
      ? `Số:${printed}`
      : quirk(0.05, 'space-before-colon')
        ? `Số : ${printed}`
        : `Số: ${printed}`

    // Place and date (Phụ lục I §II.4).
    const month = 1 + Math.floor(rnd() * 12)
    const day = 1 + Math.floor(rnd() * 28)
    const place = pick(profile.places)
    const noPad = quirk(0.15, 'date-no-leading-zero')
    const dd = noPad ? String(day) : pad(day)
    const mm = noPad || month > 2 ? String(month) : pad(month)
    const comma = quirk(0.15, 'date-no-comma') ? '' : ','
    const dateLine = `${place}${comma} ngày ${dd} tháng ${mm} năm ${year}`

    // Subject: "V/v …" for a letter, a title otherwise; capitals or sentence case, sometimes wrapped.
    const topic = pick(SUBJECTS)
    let subject: string
    let letterSubject: string | undefined
    const titleLines: string[] = []
    if (!type.title) {
      const form = quirk(0.1, 've-instead-of-vv') ? 'Về' : quirk(0.1, 'vv-colon') ? 'V/v:' : 'V/v'
      subject = form === 'Về' ? `Về ${topic}` : topic
      letterSubject = `${form} ${topic}`
    } else {
      const upper = chance(0.6)
      const base = chance(0.4) ? `về việc ${topic}` : topic
      subject = upper ? base.toUpperCase() : base.charAt(0).toUpperCase() + base.slice(1)
      titleLines.push(type.title)
      if (upper && subject.length > 50 && quirk(0.5, 'subject-two-lines')) {
        const words = subject.split(' ')
        const cut = Math.ceil(words.length / 2)
        titleLines.push(words.slice(0, cut).join(' '), words.slice(cut).join(' '))
      } else titleLines.push(subject)
      if (type.authorityLine) titleLines.push(profile.authority)
      if (type.code === 'NQ') titleLines.push(`KHÓA X, KỲ HỌP THỨ ${1 + Math.floor(rnd() * 20)}`)
    }

    const addressees = chance(type.kinhGui)
      ? chance(0.4)
        ? [pick(ADDRESSEES)]
        : [...new Set([pick(ADDRESSEES), pick(ADDRESSEES), pick(ADDRESSEES)])]
      : []
    const recipients = [
      ...(addressees.length ? ['Như trên'] : type.code === 'QĐ' ? ['Như Điều 3'] : []),
      ...new Set([pick(RECIPIENTS), pick(RECIPIENTS), pick(RECIPIENTS)]),
      `Lưu: VT, ${unit}${chance(0.5) ? ` (${1 + Math.floor(rnd() * 5)}b)` : ''}`,
    ]

    // Signature block (Điều 13): the head, a deputy (KT.), by order (TL.), authorised (TUQ.), a collective (TM.).
    const person = `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`
    const kind = pick(['head', 'deputy', 'deputy', 'deputy', 'order', 'authorised', 'collective'] as const)
    const ktDot = quirk(0.08, 'kt-without-dot') ? 'KT ' : 'KT. '
    let block: string[]
    let authority: Truth['signingAuthority'] = 'KT.'
    if (kind === 'head') {
      block = [profile.head]
      authority = null
    } else if (kind === 'order') {
      block = [`TL. ${profile.head}`, 'CHÁNH VĂN PHÒNG']
      authority = 'TL.'
    } else if (kind === 'authorised') {
      block = [`TUQ. ${profile.head}`, 'VỤ TRƯỞNG VỤ KẾ HOẠCH - TÀI CHÍNH']
      authority = 'TUQ.'
    } else if (kind === 'collective' && profile.collective) {
      block = [`TM. ${profile.collective}`, `${ktDot}${profile.head}`, profile.deputy]
      authority = 'TM.'
    } else block = [`${ktDot}${profile.head}`, profile.deputy]
    const signerTitle = block[block.length - 1]!.replace(/^(KT|TL|TUQ|TM)\.?\s+/, '')
    const rank = profile.ranks && chance(0.8) ? pick(profile.ranks) : null
    if (rank) quirks.push('rank')
    const honorific = !rank && quirk(0.06, 'honorific') ? 'TS. ' : ''
    const signature = [...block, ...(quirk(0.15, 'signed-placeholder') ? ['(Đã ký)'] : [])]
    if (rank && quirk(0.2, 'rank-own-line')) signature.push(rank, person)
    else signature.push(`${rank ? `${rank} ` : ''}${honorific}${person}`)

    const issuerWord = profile.issuerName
    const paragraphs = quirk(0.12, 'long-body-two-pages') ? 14 : chance(0.3) ? 5 : 2
    const body = Array.from({ length: paragraphs }, () => pick(BODY).replace('{issuer}', issuerWord))
    if (type.code === 'KH') body.unshift('I. MỤC ĐÍCH, YÊU CẦU')
    if (type.code === 'QĐ')
      body.unshift(
        'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
      )
    body.push('Trân trọng./.')
    const stamp = type.code === 'CV' && quirk(0.1, 'urgency-stamp') ? pick(['KHẨN', 'HỎA TỐC']) : undefined

    const model: DocumentModel = {
      issuerLines: [...(profile.parent ?? []), ...profile.issuer],
      numberLine,
      letterSubject,
      stamp,
      dateLine,
      titleLines,
      addressees:
        addressees.length === 1 && chance(0.7)
          ? { inline: addressees[0]! }
          : addressees.length
            ? { items: addressees.map((a, i) => `${a}${i === addressees.length - 1 ? '.' : ';'}`) }
            : undefined,
      body,
      recipientLines: [
        'Nơi nhận:',
        ...recipients.map((r, i) => `- ${r}${i === recipients.length - 1 ? '.' : ';'}`),
      ],
      signatureLines: signature,
      // An appendix after the signature (the corpus notes several): a title and a table in capitals.
      ...(quirk(0.08, 'annex-after-signature')
        ? {
            annex: [
              'PHỤ LỤC',
              'DANH MỤC CÁC TRẠM QUAN TRẮC',
              `(Kèm theo văn bản số ${number}/${yearPart}${notation})`,
              'STT TÊN TRẠM TỈNH',
              '1 Tân Châu An Giang',
              '2 Châu Đốc An Giang',
            ],
          }
        : {}),
    }
    const truth: Truth = {
      numberAndNotation: `${number}/${yearPart}${notation}`,
      number,
      notation,
      yearInNumber: yearPart ? year : null,
      documentType: type.name,
      documentTypeCode: type.code as Truth['documentTypeCode'],
      issuer: profile.issuer.join(' '),
      issuerParent: profile.parent ? profile.parent.join(' ') : null,
      issuerName: profile.issuerName,
      place,
      issueDate: `${year}-${pad(month)}-${pad(day)}`,
      subject,
      signerName: person,
      signerTitle,
      signerRank: rank,
      signingAuthority: authority,
      recipients,
      addressees,
    }
    out.push({ id: `gen${String(n + 1).padStart(3, '0')}`, model, truth, quirks })
  }
  return out
}
