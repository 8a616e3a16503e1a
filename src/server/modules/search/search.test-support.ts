/**
 * Loading many documents straight into the tables and the index, for the relevance test and the
 * benchmarks: the same index rows the event handler writes (entryRow), without recording a
 * million events. An office of 40 units, each with a clerk and five specialists, and a leader.
 */
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Actor } from '../../platform/context.ts'
import type { Executor } from '../../platform/db/client.ts'
import { registers } from '../../platform/db/schema.ts'
import { numberKey } from '../../platform/search/tokens.ts'
import { makeOrganization, makeUnit, makeUser } from '../../test/factories.ts'
import { entryRow, insertSql } from './store.ts'

export type LoadDoc = {
  documentType: string
  numberAndNotation: string | null
  senderName: string
  signerName: string | null
  subject: string
  issueDate: string
  body: string | null
}

type Person = { id: string; username: string; fullName: string; unitId: string | null; roles: Actor['roles'] }

export async function benchOffice(db: Executor, unitCount = 40, specialistsPerUnit = 5) {
  const org = await makeOrganization(db, { kind: 'own' })
  const units = []
  const clerks: Person[] = []
  const specialists: Person[] = []
  for (let u = 0; u < unitCount; u++) {
    const unit = await makeUnit(db, org.id)
    units.push(unit)
    clerks.push((await makeUser(db, { roles: ['clerk'], organizationId: org.id, unitId: unit.id })) as Person)
    for (let s = 0; s < specialistsPerUnit; s++)
      specialists.push(
        (await makeUser(db, { roles: ['specialist'], organizationId: org.id, unitId: unit.id })) as Person,
      )
  }
  const leader = (await makeUser(db, {
    roles: ['leader'],
    organizationId: org.id,
    unitId: units[0]!.id,
  })) as Person
  const [register] = await db
    .insert(registers)
    .values({
      organizationId: org.id,
      kind: 'incoming',
      code: `B${Date.now() % 100000}`,
      name: 'Sổ đến (đo)',
    })
    .returning()
  const actor = (p: Person): Actor => ({
    id: p.id,
    username: p.username,
    fullName: p.fullName,
    organizationId: org.id,
    unitId: p.unitId,
    position: null,
    roles: p.roles,
  })
  return { org, units, clerks, specialists, leader, register: register!, actor }
}
export type BenchOffice = Awaited<ReturnType<typeof benchOffice>>

/**
 * Insert incoming documents and their index entries in one statement each; document i is
 * registered by unit (i mod units)'s clerk and assigned to two specialists. Returns the ids.
 */
export async function loadIncoming(
  db: Executor,
  office: BenchOffice,
  docs: readonly LoadDoc[],
  firstNumber: number,
): Promise<string[]> {
  const ids = docs.map(() => randomUUID())
  const at = new Date()
  const docRows = docs.map((d, k) => {
    const n = firstNumber + k
    const unit = n % office.units.length
    return {
      id: ids[k],
      register_year: Number(d.issueDate.slice(0, 4)),
      register_number: n,
      arrived_at: `${d.issueDate}T03:00:00Z`,
      sender_name: d.senderName,
      number_and_notation: d.numberAndNotation,
      number_key: d.numberAndNotation ? numberKey(d.numberAndNotation) : null,
      issue_date: d.issueDate,
      document_type: d.documentType,
      subject: d.subject,
      signer_name: d.signerName,
      registered_by: office.clerks[unit]!.id,
      registered_unit_id: office.units[unit]!.id,
    }
  })
  await db.execute(sql`INSERT INTO documents (id, direction, state, register_id, register_year, register_number,
      arrived_at, received_via, sender_name, number_and_notation, number_key, issue_date, document_type, subject,
      signer_name, registered_by, registered_unit_id)
    SELECT x.id, 'incoming', 'completed', ${office.register.id}::uuid, x.register_year, x.register_number, x.arrived_at,
      'paper', x.sender_name, x.number_and_notation, x.number_key, x.issue_date, x.document_type, x.subject,
      x.signer_name, x.registered_by, x.registered_unit_id
    FROM jsonb_to_recordset(${JSON.stringify(docRows)}::jsonb) AS x(id uuid, register_year integer,
      register_number integer, arrived_at timestamptz, sender_name text, number_and_notation text, number_key text,
      issue_date date, document_type text, subject text, signer_name text, registered_by uuid, registered_unit_id uuid)`)
  const entries = docs.map((d, k) => {
    const n = firstNumber + k
    const unit = n % office.units.length
    return entryRow('documentIn', {
      targetId: ids[k]!,
      organizationId: office.org.id,
      title: d.subject,
      numberAndNotation: d.numberAndNotation,
      senderName: d.senderName,
      senderOrganizationId: null,
      signerName: d.signerName,
      documentType: d.documentType,
      registerId: office.register.id,
      unitId: office.units[unit]!.id,
      state: 'completed',
      docDate: d.issueDate,
      body: d.body,
      readers: [
        `u:${office.clerks[unit]!.id}`,
        `unitstaff:${office.units[unit]!.id}`,
        `leader:${office.org.id}`,
      ],
    })
  })
  await db.execute(insertSql(entries, at))
  return ids
}
