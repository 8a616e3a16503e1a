/** The clerk corrects the metadata of a registered document before submitting it; the log keeps before and after. */
import type { TUpdateIncoming } from '@common/contracts/documents-in'
import type { Ctx } from '../../../platform/context.ts'
import { DOCUMENT_IN_EVENTS } from '../events.ts'
import { assertCanOnDocument } from '../policy.ts'
import { unsafeLoadDocument } from '../queries.ts'
import { updateDocument } from '../store.ts'
import { documentIdentifier, resolveSender, splitNumber } from './register-incoming.ts'
import { auditMetadata, loadForAction, recordDocumentEvent } from './support.ts'

/** Correct a registered (not yet submitted) document; the arrival number and register never change. */
export async function updateIncoming(ctx: Ctx, input: TUpdateIncoming & { id: string }) {
  const before = await loadForAction(ctx, input.id)
  assertCanOnDocument(ctx.actor, before, 'update')
  const { id: _id, ...fields } = input
  const merged = { ...before, ...fields }
  const isSenderChanged = 'senderOrganizationId' in fields || 'senderName' in fields
  const sender = isSenderChanged ? await resolveSender(ctx, merged) : null
  const senderOrganizationId = sender ? (sender.organization?.id ?? null) : before.senderOrganizationId
  const senderName = sender ? sender.senderName : before.senderName
  const orgCode = sender ? sender.organization?.code : (await resolveSender(ctx, before)).organization?.code
  const numberAndNotation = merged.numberAndNotation ?? null
  await updateDocument(ctx.tx, before.id, {
    ...fields,
    senderOrganizationId,
    senderName,
    numberAndNotation,
    ...splitNumber(numberAndNotation),
    documentIdentifier: documentIdentifier(orgCode, merged.issueDate, numberAndNotation),
    updatedAt: ctx.now,
  })
  const after = (await unsafeLoadDocument(ctx.tx, before.id))!
  await recordDocumentEvent(ctx, before.id, DOCUMENT_IN_EVENTS.updated, {
    before: auditMetadata(before),
    after: auditMetadata(after),
  })
  return after
}
