/** Groups of committee members to pick from when asking (the web expands them to member ids). Pure. */
import type { z } from 'zod'
import type { ZParticipantGroups } from '@common/contracts/consultations'
import { person, type PersonRow } from './queries.ts'

// Mekong Delta and Sê San – Srêpốk basin provinces, by the names since the 2025 merger and before it.
const MEKONG_DELTA = [
  'can tho',
  'an giang',
  'dong thap',
  'vinh long',
  'ca mau',
  'tay ninh',
  'long an',
  'tien giang',
  'ben tre',
  'tra vinh',
  'kien giang',
  'hau giang',
  'soc trang',
  'bac lieu',
]
const SESAN_SREPOK = ['gia lai', 'dak lak', 'lam dong', 'quang ngai', 'kon tum', 'dak nong']

function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
}

function inAny(p: PersonRow, names: readonly string[]): boolean {
  const name = plain(p.organizationName ?? '')
  return p.organizationKind === 'province' && names.some((n) => name.includes(n))
}

/** The groups and every member who can be asked. */
export function participantGroups(members: readonly PersonRow[]): z.infer<typeof ZParticipantGroups> {
  const ids = (filter: (p: PersonRow) => boolean) => members.filter(filter).map((p) => p.id)
  return {
    groups: [
      { key: 'all', label: 'Tất cả Ủy viên', memberIds: ids(() => true) },
      { key: 'ministries', label: 'Các bộ, ngành', memberIds: ids((p) => p.organizationKind === 'ministry') },
      {
        key: 'provinces',
        label: 'Các tỉnh, thành phố',
        memberIds: ids((p) => p.organizationKind === 'province'),
      },
      {
        key: 'mekong-delta',
        label: 'Các tỉnh vùng Đồng bằng sông Cửu Long',
        memberIds: ids((p) => inAny(p, MEKONG_DELTA)),
      },
      {
        key: 'sesan-srepok',
        label: 'Các tỉnh lưu vực sông Sê San – Srêpốk',
        memberIds: ids((p) => inAny(p, SESAN_SREPOK)),
      },
    ],
    members: members.map((p) => ({ ...person(p), organizationKind: p.organizationKind })),
  }
}
