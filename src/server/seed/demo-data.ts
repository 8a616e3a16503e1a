/**
 * The demo organisation: the Vietnam National Mekong Committee, its Standing Office, leaders,
 * staff for every role and about 40 member agencies and partners. Names of people are invented.
 * Organization codes follow the national format (Decision 20/2020/QĐ-TTg); apart from the
 * Government Office (G22) and the Ministry of Finance (G12) they are illustrative, not official.
 */
import type { DelegationScope, OrganizationKind, Role } from '@common/domain'

export type DemoUnit = { code: string; name: string; shortName: string; parent?: string; sortOrder: number }
export type DemoUser = {
  username: string
  fullName: string
  position: string
  roles: Role[]
  unit?: string
  /** Short name of the external organization the user belongs to (else our own). */
  organization?: string
  email?: string
}
export type DemoOrganization = {
  code: string
  name: string
  shortName: string
  kind: OrganizationKind
  address?: string
}

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'LDUB', name: 'Lãnh đạo Ủy ban', shortName: 'LĐUB', sortOrder: 1 },
  {
    code: 'VPTT',
    name: 'Văn phòng Thường trực Ủy ban sông Mê Công Việt Nam',
    shortName: 'VPTT',
    sortOrder: 2,
  },
  { code: 'VP', name: 'Văn phòng', shortName: 'VP', parent: 'VPTT', sortOrder: 1 },
  { code: 'KHTH', name: 'Ban Kế hoạch - Tổng hợp', shortName: 'KHTH', parent: 'VPTT', sortOrder: 2 },
  { code: 'HTQT', name: 'Ban Hợp tác quốc tế', shortName: 'HTQT', parent: 'VPTT', sortOrder: 3 },
  { code: 'TNN', name: 'Ban Tài nguyên nước và Môi trường', shortName: 'TNN', parent: 'VPTT', sortOrder: 4 },
  {
    code: 'QHPT',
    name: 'Ban Quy hoạch và Phát triển lưu vực',
    shortName: 'QHPT',
    parent: 'VPTT',
    sortOrder: 5,
  },
  {
    code: 'TTDL',
    name: 'Trung tâm Dữ liệu và Thông tin lưu vực',
    shortName: 'TTDL',
    parent: 'VPTT',
    sortOrder: 6,
  },
]

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    code: '000.00.00.G22',
    name: 'Văn phòng Chính phủ',
    shortName: 'VPCP',
    kind: 'government',
    address: '1 Hoàng Hoa Thám, Ba Đình, Hà Nội',
  },
  {
    code: '000.00.00.G12',
    name: 'Bộ Tài chính',
    shortName: 'BTC',
    kind: 'ministry',
    address: '28 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội',
  },
  {
    code: '000.00.00.G13',
    name: 'Bộ Nông nghiệp và Môi trường',
    shortName: 'BNNMT',
    kind: 'ministry',
    address: '2 Ngọc Hà, Ba Đình, Hà Nội',
  },
  {
    code: '000.00.00.G04',
    name: 'Bộ Ngoại giao',
    shortName: 'BNG',
    kind: 'ministry',
    address: '1 Tôn Thất Đàm, Ba Đình, Hà Nội',
  },
  { code: '000.00.00.G05', name: 'Bộ Công Thương', shortName: 'BCT', kind: 'ministry' },
  { code: '000.00.00.G06', name: 'Bộ Xây dựng', shortName: 'BXD', kind: 'ministry' },
  { code: '000.00.00.G07', name: 'Bộ Khoa học và Công nghệ', shortName: 'BKHCN', kind: 'ministry' },
  { code: '000.00.00.G08', name: 'Bộ Quốc phòng', shortName: 'BQP', kind: 'ministry' },
  { code: '000.00.00.G09', name: 'Bộ Công an', shortName: 'BCA', kind: 'ministry' },
  { code: '000.00.00.G10', name: 'Bộ Tư pháp', shortName: 'BTP', kind: 'ministry' },
  { code: '000.00.00.G11', name: 'Bộ Nội vụ', shortName: 'BNV', kind: 'ministry' },
  { code: '000.00.00.G14', name: 'Bộ Giáo dục và Đào tạo', shortName: 'BGDĐT', kind: 'ministry' },
  { code: '000.00.00.G15', name: 'Bộ Y tế', shortName: 'BYT', kind: 'ministry' },
  { code: '000.00.00.G16', name: 'Bộ Văn hóa, Thể thao và Du lịch', shortName: 'BVHTTDL', kind: 'ministry' },
  { code: '000.00.00.G17', name: 'Bộ Dân tộc và Tôn giáo', shortName: 'BDTTG', kind: 'ministry' },
  { code: '000.00.11.G13', name: 'Cục Quản lý tài nguyên nước', shortName: 'CQLTNN', kind: 'government' },
  { code: '000.00.12.G13', name: 'Cục Khí tượng Thủy văn', shortName: 'CKTTV', kind: 'government' },
  { code: '000.00.13.G13', name: 'Cục Thủy lợi', shortName: 'CTL', kind: 'government' },
  { code: '000.00.14.G13', name: 'Cục Biến đổi khí hậu', shortName: 'CBĐKH', kind: 'government' },
  {
    code: '000.00.21.G13',
    name: 'Viện Khoa học Thủy lợi Việt Nam',
    shortName: 'VKHTLVN',
    kind: 'government',
  },
  {
    code: '000.00.22.G13',
    name: 'Viện Quy hoạch Thủy lợi miền Nam',
    shortName: 'VQHTLMN',
    kind: 'government',
  },
  {
    code: '000.00.00.H13',
    name: 'Ủy ban nhân dân thành phố Cần Thơ',
    shortName: 'UBND TP Cần Thơ',
    kind: 'province',
    address: '2 Hòa Bình, Ninh Kiều, Cần Thơ',
  },
  {
    code: '000.00.00.H02',
    name: 'Ủy ban nhân dân tỉnh An Giang',
    shortName: 'UBND An Giang',
    kind: 'province',
  },
  {
    code: '000.00.00.H20',
    name: 'Ủy ban nhân dân tỉnh Đồng Tháp',
    shortName: 'UBND Đồng Tháp',
    kind: 'province',
  },
  {
    code: '000.00.00.H60',
    name: 'Ủy ban nhân dân tỉnh Vĩnh Long',
    shortName: 'UBND Vĩnh Long',
    kind: 'province',
  },
  { code: '000.00.00.H12', name: 'Ủy ban nhân dân tỉnh Cà Mau', shortName: 'UBND Cà Mau', kind: 'province' },
  {
    code: '000.00.00.H54',
    name: 'Ủy ban nhân dân tỉnh Tây Ninh',
    shortName: 'UBND Tây Ninh',
    kind: 'province',
  },
  {
    code: '000.00.00.H29',
    name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
    shortName: 'UBND TP HCM',
    kind: 'province',
  },
  {
    code: '000.00.00.H21',
    name: 'Ủy ban nhân dân tỉnh Gia Lai',
    shortName: 'UBND Gia Lai',
    kind: 'province',
  },
  {
    code: '000.00.00.H17',
    name: 'Ủy ban nhân dân tỉnh Đắk Lắk',
    shortName: 'UBND Đắk Lắk',
    kind: 'province',
  },
  {
    code: '000.00.00.H38',
    name: 'Ủy ban nhân dân tỉnh Lâm Đồng',
    shortName: 'UBND Lâm Đồng',
    kind: 'province',
  },
  {
    code: '000.00.00.H49',
    name: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
    shortName: 'UBND Quảng Ngãi',
    kind: 'province',
  },
  {
    code: '000.00.30.G13',
    name: 'Đài Khí tượng Thủy văn khu vực Nam Bộ',
    shortName: 'ĐKTTV Nam Bộ',
    kind: 'government',
  },
  {
    code: '000.00.31.G13',
    name: 'Đài Khí tượng Thủy văn khu vực Tây Nguyên',
    shortName: 'ĐKTTV Tây Nguyên',
    kind: 'government',
  },
  { code: '000.00.00.J21', name: 'Trường Đại học Cần Thơ', shortName: 'ĐHCT', kind: 'other' },
  { code: '000.00.00.J22', name: 'Trường Đại học Thủy lợi', shortName: 'ĐHTL', kind: 'other' },
  {
    code: '000.00.01.Z01',
    name: 'Ban Thư ký Ủy hội sông Mê Công quốc tế',
    shortName: 'MRCS',
    kind: 'international',
    address: 'Vientiane, Lao PDR',
  },
  {
    code: '000.00.02.Z01',
    name: 'Ủy ban sông Mê Công quốc gia Campuchia',
    shortName: 'CNMC',
    kind: 'international',
    address: 'Phnom Penh, Cambodia',
  },
  {
    code: '000.00.03.Z01',
    name: 'Ủy ban sông Mê Công quốc gia Lào',
    shortName: 'LNMC',
    kind: 'international',
    address: 'Vientiane, Lao PDR',
  },
  {
    code: '000.00.04.Z01',
    name: 'Ủy ban sông Mê Công quốc gia Thái Lan',
    shortName: 'TNMC',
    kind: 'international',
    address: 'Bangkok, Thailand',
  },
]

/** Committee members (leaders of member agencies, part time on the committee). */
const MEMBERS: [string, string, string, string][] = [
  ['uyvien.bnnmt', 'Trần Văn Khải', 'Thứ trưởng Bộ Nông nghiệp và Môi trường, Ủy viên', 'BNNMT'],
  ['uyvien.bng', 'Nguyễn Minh Hằng', 'Thứ trưởng Bộ Ngoại giao, Ủy viên', 'BNG'],
  ['uyvien.btc', 'Lê Quang Vinh', 'Thứ trưởng Bộ Tài chính, Ủy viên', 'BTC'],
  ['uyvien.bct', 'Phan Thị Thu Hà', 'Thứ trưởng Bộ Công Thương, Ủy viên', 'BCT'],
  ['uyvien.cantho', 'Dương Tấn Hiển', 'Phó Chủ tịch UBND thành phố Cần Thơ, Ủy viên', 'UBND TP Cần Thơ'],
  ['uyvien.angiang', 'Huỳnh Văn Sơn', 'Phó Chủ tịch UBND tỉnh An Giang, Ủy viên', 'UBND An Giang'],
  ['uyvien.gialai', 'Rơ Mah Tuân', 'Phó Chủ tịch UBND tỉnh Gia Lai, Ủy viên', 'UBND Gia Lai'],
  ['uyvien.daklak', 'Y Ngông Niê Kđăm', 'Phó Chủ tịch UBND tỉnh Đắk Lắk, Ủy viên', 'UBND Đắk Lắk'],
]

const FOCAL_FIRST = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
]
const FOCAL_MIDDLE = ['Thị', 'Văn', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Hữu', 'Thu', 'Đức', 'Bảo']
const FOCAL_LAST = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hải',
  'Hương',
  'Khánh',
  'Linh',
  'Long',
  'Nhung',
  'Phúc',
  'Quân',
  'Tâm',
  'Trung',
  'Uyên',
  'Yến',
]

/** A username part from a short name: lower case ASCII without spaces ("UBND TP Cần Thơ" → "ubndtpcantho"). */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

export function demoUsers(): DemoUser[] {
  const own: DemoUser[] = [
    {
      username: 'quantri',
      fullName: 'Trần Quốc Huy',
      position: 'Quản trị hệ thống',
      roles: ['admin'],
      unit: 'TTDL',
    },
    {
      username: 'chutich',
      fullName: 'Lê Minh Hoàng',
      position: 'Chủ tịch Ủy ban',
      roles: ['leader'],
      unit: 'LDUB',
    },
    {
      username: 'phochutich',
      fullName: 'Phạm Thanh Sơn',
      position: 'Phó Chủ tịch Ủy ban',
      roles: ['leader'],
      unit: 'LDUB',
    },
    {
      username: 'chanhvp',
      fullName: 'Đỗ Văn Thành',
      position: 'Chánh Văn phòng Thường trực',
      roles: ['leader', 'unit_head'],
      unit: 'VPTT',
    },
    { username: 'vanthu', fullName: 'Nguyễn Thị Lan', position: 'Văn thư', roles: ['clerk'], unit: 'VP' },
    {
      username: 'truongban.khth',
      fullName: 'Võ Thị Hạnh',
      position: 'Trưởng ban Kế hoạch - Tổng hợp',
      roles: ['unit_head'],
      unit: 'KHTH',
    },
    {
      username: 'truongban.tnn',
      fullName: 'Nguyễn Hữu Phước',
      position: 'Trưởng ban Tài nguyên nước và Môi trường',
      roles: ['unit_head'],
      unit: 'TNN',
    },
    {
      username: 'chuyenvien.nam',
      fullName: 'Bùi Văn Nam',
      position: 'Chuyên viên chính',
      roles: ['specialist'],
      unit: 'KHTH',
    },
    {
      username: 'chuyenvien.mai',
      fullName: 'Hoàng Thị Mai',
      position: 'Chuyên viên',
      roles: ['specialist'],
      unit: 'TNN',
    },
    {
      username: 'chuyenvien.tuan',
      fullName: 'Đặng Minh Tuấn',
      position: 'Chuyên viên',
      roles: ['specialist'],
      unit: 'HTQT',
    },
    {
      username: 'thuky',
      fullName: 'Ngô Thị Thu Trang',
      position: 'Thư ký Chủ tịch Ủy ban',
      roles: ['secretary'],
      unit: 'VP',
    },
    {
      username: 'doitac.mrcs',
      fullName: 'Somchai Phommavong',
      position: 'Cán bộ Ban Thư ký MRC',
      roles: ['partner'],
      organization: 'MRCS',
    },
  ]
  const members: DemoUser[] = MEMBERS.map(([username, fullName, position, organization]) => ({
    username,
    fullName,
    position,
    roles: ['committee_member'],
    organization,
  }))
  const focal: DemoUser[] = DEMO_ORGANIZATIONS.filter((o) => o.kind !== 'international').map((o, i) => ({
    username: `daumoi.${slug(o.shortName)}`,
    fullName: `${FOCAL_FIRST[i % FOCAL_FIRST.length]} ${FOCAL_MIDDLE[(i * 3) % FOCAL_MIDDLE.length]} ${FOCAL_LAST[(i * 7) % FOCAL_LAST.length]}`,
    position: `Đầu mối giúp việc, ${o.name}`,
    roles: ['focal_point'],
    organization: o.shortName,
  }))
  return [...own, ...members, ...focal]
}

export const DEMO_DELEGATION: {
  principal: string
  delegate: string
  scopes: DelegationScope[]
  days: number
  note: string
} = {
  principal: 'chutich',
  delegate: 'thuky',
  scopes: ['documentIn.direct', 'documentOut.approve', 'calendar.manage'],
  days: 365,
  note: 'Thư ký nhập ý kiến chỉ đạo và phê duyệt trên giấy của Chủ tịch vào hệ thống',
}
