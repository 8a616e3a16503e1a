/** The officer uploads the revised draft; its sections' text shows how each comment was handled. */
import type { Ctx } from '../../../platform/context.ts'
import { fileReadableBy, unsafeFindFile } from '../../files/index.ts'
import { CONSULTATION_EVENTS as E } from '../events.ts'
import type { ConsultationView } from '../queries.ts'
import { insertMaterial } from '../store.ts'
import { assertCan, invalid, loadForAction, recordConsultationEvent, reload } from './support.ts'

/** Add a revised draft (file + revised section texts) to a closed consultation. */
export async function addRevisedDraft(
  ctx: Ctx,
  input: { id: string; fileId: string; sections: { sectionKey: string; text: string }[] },
): Promise<ConsultationView> {
  const c = await loadForAction(ctx, input.id)
  assertCan(ctx, 'editDispositions', c)
  const file = await unsafeFindFile(ctx.tx, input.fileId)
  if (!file || !(await fileReadableBy(ctx.tx, ctx.actor, file))) throw invalid('fileId', 'Không tìm thấy tệp')
  const keys = new Set(c.questions.flatMap((q) => q.sections.map((s) => s.key)))
  input.sections.forEach((s, i) => {
    if (!keys.has(s.sectionKey)) {
      throw invalid(`sections.${i}.sectionKey`, `Không có mục “${s.sectionKey}” trong dự thảo`)
    }
  })
  const materialId = await insertMaterial(ctx.tx, c.id, {
    role: 'revised_draft',
    fileId: file.id,
    title: file.filename,
    sections: input.sections,
    position: c.materials.length,
    addedBy: ctx.actor.id,
    addedAt: ctx.now,
  })
  await recordConsultationEvent(ctx, c.id, E.revisedDraftAdded, {
    materialId,
    fileId: file.id,
    sectionKeys: input.sections.map((s) => s.sectionKey),
  })
  return reload(ctx, c.id)
}
