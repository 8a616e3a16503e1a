/** Rendering a notification as an e-mail: the inbox's sentence, the user's language, dates, the link. */
import { describe, expect, it } from 'vitest'
import { notificationEmail } from './email-message.ts'

const settings = {
  publicUrl: 'https://eoffice.mekong.gov.vn/',
  organizationName: 'Ủy ban sông Mê Công Việt Nam',
  organizationShortName: 'UBSMCVN',
}
const user = { fullName: 'Trần Thị Hà', email: 'ha@mekong.gov.vn', locale: 'vi' }

describe('notification e-mail', () => {
  it('says in Vietnamese what the inbox says, with dates as dd/mm/yyyy and a link to the document', () => {
    const m = notificationEmail(
      {
        id: 'n1',
        kind: 'documentIn.dueSoon',
        data: { documentId: 'd 1', subject: 'Báo cáo quý I', registerNumber: 7, dueDate: '2026-03-05' },
      },
      user,
      settings,
    )
    expect(m.to).toEqual(['ha@mekong.gov.vn'])
    expect(m.subject).toBe('[UBSMCVN] Văn bản đến số 7 “Báo cáo quý I” sắp đến hạn xử lý (05/03/2026)')
    expect(m.text.split('\n')).toEqual([
      'Kính gửi Trần Thị Hà,',
      '',
      'Văn bản đến số 7 “Báo cáo quý I” sắp đến hạn xử lý (05/03/2026)',
      '',
      'Xem chi tiết: https://eoffice.mekong.gov.vn/documents-in/d%201',
      '',
      '-- ',
      'Thư được gửi tự động từ Hệ thống quản lý văn bản và hồ sơ điện tử – Ủy ban sông Mê Công Việt Nam. Vui lòng không trả lời thư này.',
      '',
    ])
    expect(m.headers).toEqual({ 'Auto-Submitted': 'auto-generated', 'X-Eoffice-Notification': 'n1' })
  })

  it('speaks English to a user who chose it; instants in Viet Nam time; delegations link to my delegations', () => {
    const m = notificationEmail(
      {
        id: 'n2',
        kind: 'delegation.created',
        data: { delegateName: 'Hà', principalName: 'Đức', endsAt: '2026-03-12T10:30:00.000Z' },
      },
      { ...user, locale: 'en' },
      settings,
    )
    expect(m.subject).toBe('[UBSMCVN] Hà may now act for Đức (until 17:30 12/03/2026)')
    expect(m.text).toContain('Dear Trần Thị Hà,')
    expect(m.text).toContain('Open: https://eoffice.mekong.gov.vn/my-delegations')
  })

  it('falls back to the generic sentence for an unknown kind, and keeps long subjects to one line', () => {
    expect(notificationEmail({ id: 'n3', kind: 'something.new', data: {} }, user, settings).subject).toBe(
      '[UBSMCVN] Bạn có thông báo mới',
    )
    const long = notificationEmail(
      { id: 'n4', kind: 'documentIn.overdue', data: { subject: 'Rất dài '.repeat(60), registerNumber: 1 } },
      user,
      settings,
    )
    expect(long.subject.length).toBe(200)
    expect(long.subject.endsWith('…')).toBe(true)
  })
})
