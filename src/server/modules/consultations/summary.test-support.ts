/** A small consultation summary with every mechanism, for the report tests and the bench. */
import type { TPerson } from '@common/contracts/consultations'
import { buildSummary, commentId, type SummaryInput } from './summary.ts'

const MEMBERS: TPerson[] = [
  ['Nguyễn Văn Hùng', 'Thứ trưởng', 'Bộ Nông nghiệp và Môi trường'],
  ['Trần Thị Lan', 'Thứ trưởng', 'Bộ Ngoại giao'],
  ['Lê Minh Đức', 'Phó Chủ tịch', 'Ủy ban nhân dân tỉnh An Giang'],
  ['Phạm Quốc Bảo', 'Phó Chủ tịch', 'Ủy ban nhân dân thành phố Cần Thơ'],
  ['Võ Thị Hồng', 'Thứ trưởng', 'Bộ Tài chính'],
].map(([fullName, position, organizationName], i) => ({
  id: `m${i + 1}`,
  fullName: fullName!,
  position: position!,
  organizationName: organizationName!,
}))

const SECTIONS = [
  { key: 'dieu-1', label: 'Điều 1. Phạm vi điều chỉnh', text: null },
  { key: 'dieu-2', label: 'Điều 2. Đối tượng áp dụng', text: null },
  { key: 'dieu-3', label: 'Điều 3. Nguyên tắc phối hợp', text: null },
]
const question = (
  key: string,
  kind: SummaryInput['consultation']['questions'][number]['kind'],
  title: string,
  extra: object = {},
): SummaryInput['consultation']['questions'][number] => ({
  key,
  kind,
  title,
  description: null,
  required: true,
  options: [],
  sections: [],
  min: null,
  max: null,
  unit: null,
  ...extra,
})

/** The input of the sample summary (closed, or open when `final` is false). */
export function sampleInput(final = true): SummaryInput {
  const [a, b, c, d] = MEMBERS as [TPerson, TPerson, TPerson, TPerson]
  const response = (m: TPerson, answers: SummaryInput['responses'][number]['answers'], extra = {}) => ({
    id: `r-${m.id}`,
    memberId: m.id,
    state: 'submitted' as const,
    answers,
    submittedAt: '2026-03-03T02:30:00.000Z',
    onBehalf: false,
    submittedBy: m,
    signedFileId: null,
    ...extra,
  })
  return {
    consultation: {
      id: 'c1',
      title: 'Dự thảo Quy chế phối hợp chia sẻ dữ liệu tài nguyên nước lưu vực sông Mê Công',
      purpose:
        'Lấy ý kiến các thành viên Ủy ban về dự thảo Quy chế trước khi trình Thủ tướng Chính phủ ban hành.\nBảo đảm sự thống nhất giữa các bộ, ngành và địa phương trong lưu vực.',
      state: final ? 'closed' : 'open',
      deadline: '2026-03-05T10:00:00.000Z',
      silenceRule: 'agree',
      quorumPercent: 50,
      majority: 'simple',
      launchedAt: '2026-03-01T01:00:00.000Z',
      closedAt: final ? '2026-03-05T10:00:00.000Z' : null,
      questions: [
        question('y-kien', 'opinion', 'Ý kiến chung về dự thảo Quy chế'),
        question('bieu-quyet', 'motion', 'Thông qua dự thảo Quy chế để trình Thủ tướng Chính phủ'),
        question('gop-y', 'sections', 'Góp ý theo từng điều của dự thảo', { sections: SECTIONS }),
        question('phuong-an', 'single_choice', 'Cơ quan đầu mối quản lý dữ liệu', {
          options: ['Văn phòng Thường trực', 'Bộ Nông nghiệp và Môi trường'],
        }),
        question('kinh-phi', 'number', 'Kinh phí đề xuất hằng năm', { unit: 'tỷ đồng' }),
        question('khac', 'text', 'Ý kiến khác'),
      ],
    },
    participants: MEMBERS,
    responses: [
      response(a, [
        {
          questionKey: 'y-kien',
          opinion: 'agree_with_comments',
          text: 'Đề nghị bổ sung căn cứ Luật Tài nguyên nước 2023.',
        },
        { questionKey: 'bieu-quyet', vote: 'approve' },
        {
          questionKey: 'gop-y',
          sectionComments: [
            { sectionKey: 'dieu-1', comment: 'Làm rõ phạm vi dữ liệu khí tượng thủy văn.' },
            { sectionKey: 'dieu-3', comment: 'Bổ sung nguyên tắc bảo mật dữ liệu.' },
          ],
        },
        { questionKey: 'phuong-an', choice: 'Văn phòng Thường trực' },
        { questionKey: 'kinh-phi', number: 12.5 },
        { questionKey: 'khac', text: 'Cần lộ trình triển khai theo từng giai đoạn.' },
      ]),
      response(b, [
        { questionKey: 'y-kien', opinion: 'disagree', text: 'Chưa phù hợp với cam kết quốc tế của MRC.' },
        { questionKey: 'bieu-quyet', vote: 'reject' },
        {
          questionKey: 'gop-y',
          sectionComments: [
            { sectionKey: 'dieu-1', comment: 'Đề nghị thống nhất thuật ngữ với Hiệp định 1995.' },
          ],
        },
        { questionKey: 'phuong-an', choice: 'Bộ Nông nghiệp và Môi trường' },
        { questionKey: 'kinh-phi', number: 8 },
      ]),
      response(
        c,
        [
          { questionKey: 'y-kien', opinion: 'agree' },
          { questionKey: 'bieu-quyet', vote: 'approve' },
          { questionKey: 'phuong-an', choice: 'Văn phòng Thường trực' },
        ],
        {
          state: 'final',
          signedFileId: 'signed-file-1',
          onBehalf: true,
          submittedBy: {
            id: 'f1',
            fullName: 'Đặng Văn Tâm',
            position: 'Chuyên viên',
            organizationName: 'Sở Nông nghiệp và Môi trường An Giang',
          },
        },
      ),
      response(d, [{ questionKey: 'y-kien', opinion: 'agree' }], { state: 'draft' }),
    ],
    dispositions: [
      {
        id: commentId('r-m1', 'gop-y', 'dieu-1'),
        disposition: 'accepted',
        explanation: 'Đã bổ sung khoản 2 Điều 1.',
        revisedText: 'Quy chế này áp dụng đối với dữ liệu tài nguyên nước và khí tượng thủy văn.',
      },
      {
        id: commentId('r-m2', 'y-kien', null),
        disposition: 'explained',
        explanation: 'Dự thảo đã phù hợp với Hiệp định 1995.',
        revisedText: null,
      },
    ],
    revisedDraft: null,
    final,
    now: new Date('2026-03-06T02:00:00.000Z'),
  }
}

/** A closed consultation's summary with every mechanism, a focal point's answer and a draft left out. */
export function sampleSummary(final = true) {
  return buildSummary(sampleInput(final))
}
