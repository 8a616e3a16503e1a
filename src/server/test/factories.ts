/** Factories that build whole graphs on the real database; every call makes unique records. */
import { randomBytes } from 'node:crypto'
import type { Role } from '@common/domain'
import type { Executor } from '../platform/db/client.ts'
import { organizations, units, users } from '../platform/db/schema.ts'
import { hashPassword } from '../modules/accounts/index.ts'

export const TEST_PASSWORD = 'Matkhau-thu-nghiem-2026'
let passwordHash: Promise<string> | undefined

export function uniq(prefix = 't'): string {
  return `${prefix}${randomBytes(4).toString('hex')}`
}

function randomCode(letter = 'G'): string {
  const n = () =>
    Math.floor(Math.random() * 100)
      .toString()
      .padStart(2, '0')
  return `${Math.floor(Math.random() * 1000)
    .toString()
    .padStart(3, '0')}.${n()}.${n()}.${letter}${n()}`
}

export async function makeOrganization(
  db: Executor,
  overrides: Partial<typeof organizations.$inferInsert> = {},
) {
  const [row] = await db
    .insert(organizations)
    .values({ name: `Cơ quan ${uniq()}`, kind: 'ministry', code: randomCode(), ...overrides })
    .returning()
  return row!
}

export async function makeUnit(
  db: Executor,
  organizationId: string,
  overrides: Partial<typeof units.$inferInsert> = {},
) {
  const [row] = await db
    .insert(units)
    .values({ organizationId, code: uniq('U'), name: `Phòng ${uniq()}`, ...overrides })
    .returning()
  return row!
}

export async function makeUser(
  db: Executor,
  input: { roles: Role[]; organizationId: string; unitId?: string | null } & Partial<
    typeof users.$inferInsert
  >,
) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const [row] = await db
    .insert(users)
    .values({
      username: uniq('user.'),
      fullName: `Nguyễn Văn ${uniq()}`,
      passwordHash: await passwordHash,
      ...input,
    })
    .returning()
  return row!
}

/** An organization with one unit and one user per role given. */
export async function makeOrgWithUsers(db: Executor, roles: Role[]) {
  const organization = await makeOrganization(db)
  const unit = await makeUnit(db, organization.id)
  const people = {} as Record<Role, Awaited<ReturnType<typeof makeUser>>>
  for (const role of roles)
    people[role] = await makeUser(db, { roles: [role], organizationId: organization.id, unitId: unit.id })
  return { organization, unit, users: people }
}

/**
 * A one-page PDF laid out as an outgoing document (Decree 30/2020 Annex I): national title and
 * motto, number line, place and date, type name, body, recipients block, signer title and name;
 * in Liberation Serif (Times New Roman metrics) so the Vietnamese text extracts as written.
 * `omit` leaves parts out, for format-check tests.
 */
export async function makeOutgoingPdf(input: {
  notation: string
  typeName?: string | null
  subject: string
  signerTitle: string
  signerName: string
  omit?: ('nationalTitle' | 'recipients' | 'signerName')[]
}): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib')
  const fontkit = (await import('@pdf-lib/fontkit')).default
  const fs = await import('node:fs')
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  const font = await pdf.embedFont(
    fs.readFileSync('/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf'),
    { subset: true },
  )
  const page = pdf.addPage([595, 842])
  const omit = new Set(input.omit ?? [])
  const lines = [
    omit.has('nationalTitle') ? '' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    `Số:      /${input.notation}`,
    'Hà Nội, ngày      tháng      năm 2026',
    input.typeName ? input.typeName.toUpperCase() : `V/v ${input.subject}`,
    input.typeName ? input.subject : 'Kính gửi: Các đơn vị trực thuộc',
    'Nội dung văn bản trả lời về kế hoạch thích ứng biến đổi khí hậu vùng đồng bằng sông Cửu Long.',
    omit.has('recipients') ? '' : 'Nơi nhận:',
    omit.has('recipients') ? '' : '- Như trên;',
    omit.has('recipients') ? '' : '- Lưu: VT, KHTH.',
    input.signerTitle,
    '',
    '',
    '',
    omit.has('signerName') ? '' : input.signerName,
  ]
  lines.forEach((text, i) => {
    if (text) page.drawText(text, { x: 60, y: 780 - i * 24, size: 12, font })
  })
  return pdf.save()
}
