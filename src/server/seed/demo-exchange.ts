/**
 * Demo exchange traffic at first start: the Ministry of Agriculture and Environment gets an
 * exchange certificate in the directory and two of its letters arrive electronically, signed,
 * waiting in the clerk's "received electronically" list (accept one, refuse the other).
 */
import { eq } from 'drizzle-orm'
import { organizations } from '../platform/db/schema.ts'
import type { AppDeps } from '../platform/http/types.ts'
import { buildSamplePackage, receivePackage, sampleSender } from '../modules/exchange/index.ts'

const SENDER = { code: '000.00.00.G13', name: 'Bộ Nông nghiệp và Môi trường' }

export async function seedDemoExchange(deps: AppDeps): Promise<number> {
  const db = deps.database.db
  const [own] = await db.select().from(organizations).where(eq(organizations.isOwn, true))
  const [sender] = await db.select().from(organizations).where(eq(organizations.code, SENDER.code))
  if (!own?.code || !sender) return 0
  const agency = await sampleSender(SENDER.code, SENDER.name)
  await db
    .update(organizations)
    .set({ certificatePem: agency.certificatePem })
    .where(eq(organizations.id, sender.id))
  const to = { code: own.code, name: own.name }
  const today = new Date().toISOString().slice(0, 10)
  const letters = [
    {
      number: '2451',
      notation: 'BNNMT-TNN',
      subject: 'Cung cấp số liệu mực nước và xâm nhập mặn vùng đồng bằng sông Cửu Long mùa khô 2026–2027',
      dueDate: null,
    },
    {
      number: '2468',
      notation: 'BNNMT-KH',
      subject:
        'Góp ý dự thảo Kế hoạch hành động thực hiện Chiến lược khai thác bền vững lưu vực sông Mê Công',
      dueDate: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
    },
  ]
  let count = 0
  for (const l of letters) {
    const bytes = await buildSamplePackage({ sender: agency, to, issueDate: today, ...l })
    await receivePackage(deps, bytes, { transport: 'peer', claimedFrom: SENDER.code })
    count += 1
  }
  deps.kickDispatch()
  return count
}
