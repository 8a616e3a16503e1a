/**
 * A consultation form checked against the database: the participants are active committee
 * members, the files are readable by the officer, the documents and the letter exist, the deadline
 * is ahead. Shared by create and edit.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { ZConsultationInput } from '@common/contracts/consultations'
import type { z } from 'zod'
import type { Ctx } from '../../../platform/context.ts'
import { documents } from '../../../platform/db/schema.ts'
import { loadVisibleOutgoing } from '../../documents-out/index.ts'
import { fileReadableBy, unsafeFindFile } from '../../files/index.ts'
import { loadPeople } from '../queries.ts'
import type { MaterialInsert } from '../store.ts'
import { invalid } from './support.ts'

export type TConsultationForm = z.output<typeof ZConsultationInput>

export type PreparedConsultation = {
  values: {
    title: string
    purpose: string
    background: string | null
    deadline: Date
    silenceRule: string
    quorumPercent: number
    majority: string
    openBallot: boolean
    launchOn: string
    letterDocumentId: string | null
    reminderHours: number[]
    questions: TConsultationForm['questions']
  }
  participantIds: string[]
  materials: MaterialInsert[]
}

async function materialRows(ctx: Ctx, input: TConsultationForm): Promise<MaterialInsert[]> {
  const rows: MaterialInsert[] = []
  for (const [i, m] of input.materials.entries()) {
    const path = `materials.${i}`
    if ('fileId' in m) {
      const file = await unsafeFindFile(ctx.tx, m.fileId)
      if (!file || !(await fileReadableBy(ctx.tx, ctx.actor, file))) throw invalid(path, 'Không tìm thấy tệp')
      rows.push({
        role: m.role,
        fileId: file.id,
        title: file.filename,
        position: i,
        addedBy: ctx.actor.id,
        addedAt: ctx.now,
      })
      continue
    }
    // A read-only look at the documents table for the title; the path opens it under its own rules.
    const direction = m.documentKind === 'documentIn' ? ['incoming', 'internal'] : ['outgoing']
    const [doc] = await ctx.tx
      .select({ id: documents.id, subject: documents.subject })
      .from(documents)
      .where(and(eq(documents.id, m.documentId), inArray(documents.direction, direction)))
      .limit(1)
    if (!doc) throw invalid(path, 'Không tìm thấy văn bản')
    rows.push({
      role: m.role,
      documentKind: m.documentKind,
      documentId: doc.id,
      title: doc.subject,
      position: i,
      addedBy: ctx.actor.id,
      addedAt: ctx.now,
    })
  }
  return rows
}

/** Check the form; throws VALIDATION_FAILED naming the field. */
export async function prepareConsultation(ctx: Ctx, input: TConsultationForm): Promise<PreparedConsultation> {
  const deadline = new Date(input.deadline)
  if (deadline.getTime() <= ctx.now.getTime())
    throw invalid('deadline', 'Hạn trả lời phải sau thời điểm hiện tại')
  input.questions.forEach((q, i) => {
    if (q.kind === 'number' && q.min !== null && q.max !== null && q.min > q.max) {
      throw invalid(`questions.${i}.max`, 'Giá trị lớn nhất phải không nhỏ hơn giá trị nhỏ nhất')
    }
    if (q.kind === 'sections' && new Set(q.sections.map((s) => s.key)).size !== q.sections.length) {
      throw invalid(`questions.${i}.sections`, 'Mã mục bị trùng')
    }
  })
  const participantIds = [...new Set(input.participantIds)]
  const people = await loadPeople(ctx.tx, participantIds)
  participantIds.forEach((id) => {
    const p = people.get(id)
    if (!p || !p.isActive || !p.roles.includes('committee_member')) {
      throw invalid('participantIds', 'Người được hỏi phải là Ủy viên Ủy ban đang hoạt động')
    }
  })
  if (input.letterDocumentId) {
    const letter = await loadVisibleOutgoing(ctx.tx, ctx.actor, input.letterDocumentId, ctx.now)
    if (!letter) throw invalid('letterDocumentId', 'Không tìm thấy công văn lấy ý kiến')
  }
  return {
    values: {
      title: input.title,
      purpose: input.purpose,
      background: input.background,
      deadline,
      silenceRule: input.silenceRule,
      quorumPercent: input.quorumPercent,
      majority: input.majority,
      openBallot: input.openBallot,
      launchOn: input.launchOn,
      letterDocumentId: input.letterDocumentId,
      reminderHours: [...new Set(input.reminderHours)].sort((a, b) => b - a),
      questions: input.questions,
    },
    participantIds,
    materials: await materialRows(ctx, input),
  }
}
