/**
 * A generated corpus of Vietnamese state documents for the search benchmarks: varied types,
 * senders, signers, subjects and a page of body text each, from a seeded generator (the same
 * corpus every run). Vocabulary is that of the committee's correspondence — water resources, the
 * Mekong, Cửu Long and Sê San – Srêpốk basins, agriculture, disasters, administration — so
 * syllables are as common and as short as in real documents.
 */

/** A small seeded generator (mulberry32): the same corpus on every run. */
export function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick<T>(list: readonly T[]): T {
      return list[Math.floor(next() * list.length)]!
    },
  }
}
export type Rng = ReturnType<typeof rng>

export const SENDERS = [
  ['Bộ Tài nguyên và Môi trường', 'BTNMT'],
  ['Bộ Nông nghiệp và Môi trường', 'BNNMT'],
  ['Bộ Kế hoạch và Đầu tư', 'BKHĐT'],
  ['Bộ Tài chính', 'BTC'],
  ['Bộ Ngoại giao', 'BNG'],
  ['Bộ Công Thương', 'BCT'],
  ['Bộ Giao thông vận tải', 'BGTVT'],
  ['Bộ Xây dựng', 'BXD'],
  ['Bộ Khoa học và Công nghệ', 'BKHCN'],
  ['Bộ Nội vụ', 'BNV'],
  ['Bộ Y tế', 'BYT'],
  ['Văn phòng Chính phủ', 'VPCP'],
  ['Ủy ban nhân dân tỉnh An Giang', 'UBND'],
  ['Ủy ban nhân dân tỉnh Đồng Tháp', 'UBND'],
  ['Ủy ban nhân dân tỉnh Cà Mau', 'UBND'],
  ['Ủy ban nhân dân tỉnh Vĩnh Long', 'UBND'],
  ['Ủy ban nhân dân thành phố Cần Thơ', 'UBND'],
  ['Ủy ban nhân dân tỉnh Tây Ninh', 'UBND'],
  ['Ủy ban nhân dân tỉnh Đắk Lắk', 'UBND'],
  ['Ủy ban nhân dân tỉnh Gia Lai', 'UBND'],
  ['Ủy ban nhân dân tỉnh Kon Tum', 'UBND'],
  ['Ủy ban nhân dân tỉnh Lâm Đồng', 'UBND'],
  ['Ủy ban nhân dân tỉnh Sóc Trăng', 'UBND'],
  ['Ủy ban nhân dân tỉnh Kiên Giang', 'UBND'],
  ['Cục Quản lý tài nguyên nước', 'CQLTNN'],
  ['Tổng cục Thủy lợi', 'TCTL'],
  ['Viện Quy hoạch Thủy lợi miền Nam', 'VQHTLMN'],
  ['Trung tâm Dự báo khí tượng thủy văn quốc gia', 'TTDBKTTVQG'],
  ['Ban Chỉ đạo quốc gia về phòng, chống thiên tai', 'BCĐ'],
  ['Ban Thư ký Ủy hội sông Mê Công quốc tế', 'MRCS'],
] as const

export const TYPES = [
  ['CV', null, 40],
  ['QĐ', 'Quyết định', 14],
  ['TB', 'Thông báo', 10],
  ['KH', 'Kế hoạch', 8],
  ['BC', 'Báo cáo', 10],
  ['TTr', 'Tờ trình', 6],
  ['CT', 'Chỉ thị', 3],
  ['NQ', 'Nghị quyết', 3],
  ['HD', 'Hướng dẫn', 3],
  ['CTr', 'Chương trình', 3],
] as const

export const PLACES = [
  'đồng bằng sông Cửu Long',
  'lưu vực sông Mê Công',
  'lưu vực sông Sê San',
  'lưu vực sông Srêpốk',
  'Tây Nguyên',
  'tỉnh An Giang',
  'tỉnh Cà Mau',
  'tỉnh Đồng Tháp',
  'thành phố Cần Thơ',
  'vùng ven biển',
  'Biển Hồ',
  'hạ lưu sông Mê Công',
]

const TOPICS = [
  'quản lý tổng hợp tài nguyên nước',
  'phòng, chống hạn hán và xâm nhập mặn',
  'giám sát chất lượng nước',
  'thích ứng với biến đổi khí hậu',
  'chia sẻ dữ liệu thủy văn',
  'phát triển bền vững thủy sản',
  'bảo vệ đa dạng sinh học',
  'quy hoạch thủy lợi',
  'dự báo lũ và cảnh báo sớm',
  'sạt lở bờ sông, bờ biển',
  'khai thác cát lòng sông',
  'vận hành hồ chứa thủy điện',
  'chuyển đổi cơ cấu sản xuất nông nghiệp',
  'hợp tác Mê Công – Lan Thương',
  'thực hiện Hiệp định Mê Công 1995',
  'nâng cao nhận thức cộng đồng',
  'cải cách thủ tục hành chính',
  'chuyển đổi số',
  'kế hoạch tài chính năm',
  'đào tạo cán bộ',
]

const ACTIONS = [
  'Về việc góp ý dự thảo',
  'Về việc triển khai',
  'Về việc tổ chức hội thảo',
  'Về việc báo cáo kết quả',
  'Phê duyệt kế hoạch',
  'Ban hành quy chế',
  'Về việc cử cán bộ tham dự',
  'Về việc cung cấp thông tin',
  'Về việc đề xuất nhiệm vụ',
  'Tổng kết công tác',
  'Về việc tăng cường',
  'Về việc phối hợp',
]

const FAMILY = [
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
]
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Hữu', 'Thanh', 'Quốc', 'Đức', 'Hoài', 'Ngọc', 'Xuân']
const GIVEN = [
  'Hùng',
  'Lan',
  'Dũng',
  'Hà',
  'Tuấn',
  'Hương',
  'Long',
  'Thảo',
  'Bình',
  'Khang',
  'Phúc',
  'Nam',
  'Trung',
  'Hải',
  'Thủy',
  'Đạt',
  'Mai',
  'Sơn',
]

const SENTENCES = [
  'Thực hiện chỉ đạo của Thủ tướng Chính phủ về {topic} tại {place}, {sender} đề nghị các cơ quan liên quan khẩn trương triển khai các nhiệm vụ được giao.',
  'Năm {year}, mực nước trên dòng chính sông Mê Công tại trạm Tân Châu thấp hơn trung bình nhiều năm khoảng {n} cm, gây ảnh hưởng đến sản xuất nông nghiệp.',
  'Độ mặn lớn nhất đo được tại cửa sông là {n} phần nghìn, xâm nhập sâu vào nội đồng từ {n} đến {n} km.',
  'Đề nghị Sở Tài nguyên và Môi trường chủ trì, phối hợp với Sở Nông nghiệp và Phát triển nông thôn rà soát, tổng hợp số liệu và báo cáo trước ngày {day} tháng {month} năm {year}.',
  'Ủy ban sông Mê Công Việt Nam đã tổ chức tham vấn các bộ, ngành và địa phương về {topic}, ghi nhận {n} ý kiến đóng góp.',
  'Kinh phí thực hiện từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác theo quy định của pháp luật.',
  'Các đơn vị có trách nhiệm tổ chức thực hiện nghiêm túc, hiệu quả; trong quá trình triển khai nếu có khó khăn, vướng mắc kịp thời báo cáo để xem xét, giải quyết.',
  'Theo số liệu quan trắc, lưu lượng dòng chảy về đồng bằng giảm {n}% so với cùng kỳ, nguy cơ thiếu nước ngọt cho sinh hoạt ở các huyện ven biển.',
  'Hội thảo dự kiến tổ chức tại {place} với sự tham gia của đại diện các quốc gia thành viên và các đối tác phát triển.',
  'Nội dung dự thảo gồm {n} chương, {n} điều, quy định về trách nhiệm của các cơ quan trong {topic}.',
  'Việc vận hành các hồ chứa thủy điện ở thượng nguồn cần được thông báo trước ít nhất {n} ngày để các địa phương chủ động ứng phó.',
  'Đề nghị quý cơ quan cử đại diện lãnh đạo tham dự và gửi danh sách về Văn phòng thường trực trước ngày {day}/{month}/{year}.',
  'Tình trạng sạt lở bờ sông diễn biến phức tạp với {n} điểm sạt lở, tổng chiều dài khoảng {n} km, đe dọa an toàn của người dân.',
  'Chương trình hợp tác giai đoạn {year}–{year2} tập trung vào chia sẻ dữ liệu, nâng cao năng lực và các dự án thí điểm về {topic}.',
  'Báo cáo đánh giá tác động xuyên biên giới của các công trình trên dòng chính được trình bày tại phiên họp thứ {n}.',
  'Các tỉnh vùng đồng bằng sông Cửu Long cần chuyển đổi khoảng {n} nghìn ha lúa kém hiệu quả sang nuôi trồng thủy sản và cây ăn quả.',
]

function fill(template: string, r: Rng, sender: string, topic: string): string {
  return template
    .replaceAll('{topic}', () => (r.next() < 0.5 ? topic : r.pick(TOPICS)))
    .replaceAll('{place}', () => r.pick(PLACES))
    .replaceAll('{sender}', sender)
    .replaceAll('{year2}', () => String(2021 + r.int(10)))
    .replaceAll('{year}', () => String(2015 + r.int(12)))
    .replaceAll('{n}', () => String(1 + r.int(120)))
    .replaceAll('{day}', () => String(1 + r.int(28)))
    .replaceAll('{month}', () => String(1 + r.int(12)))
}

export type GeneratedDoc = {
  i: number
  documentType: string
  numberAndNotation: string
  senderName: string
  signerName: string
  subject: string
  issueDate: string
  body: string
}

const SIGNERS = (() => {
  const r = rng(7)
  return Array.from({ length: 240 }, () => `${r.pick(FAMILY)} ${r.pick(MIDDLE)} ${r.pick(GIVEN)}`)
})()

const TYPE_WEIGHTS = TYPES.flatMap((t) => Array<(typeof TYPES)[number]>(t[2]).fill(t))

/** Document number i of the corpus seeded with `seed` (cheap: generate on the fly, any order). */
export function generateDoc(seed: number, i: number, bodyChars = 2500): GeneratedDoc {
  const r = rng(seed * 1_000_003 + i)
  const [senderName, senderAbbr] = r.pick(SENDERS)
  const [code] = r.pick(TYPE_WEIGHTS)
  const topic = r.pick(TOPICS)
  const place = r.pick(PLACES)
  const year = 2015 + r.int(12)
  const month = 1 + r.int(12)
  const day = 1 + r.int(28)
  const subject =
    code === 'CV'
      ? `V/v ${r
          .pick(ACTIONS)
          .replace(/^Về việc /, '')
          .toLowerCase()} ${topic} tại ${place}`
      : `${r.pick(ACTIONS)} ${topic} ${r.next() < 0.5 ? `tại ${place}` : `năm ${year}`}`
  // Above the real corpus's numbers, so a judged number query has one answer.
  const number = 5000 + r.int(4000)
  const numberAndNotation = code === 'CV' ? `${number}/${senderAbbr}-VP` : `${number}/${code}-${senderAbbr}`
  const parts: string[] = []
  let length = 0
  while (length < bodyChars) {
    const s = fill(r.pick(SENTENCES), r, senderName, topic)
    parts.push(s)
    length += s.length + 1
  }
  return {
    i,
    documentType: code,
    numberAndNotation,
    senderName,
    signerName: r.pick(SIGNERS),
    subject,
    issueDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    body: parts.join(' '),
  }
}
