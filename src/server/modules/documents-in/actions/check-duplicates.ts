/** The registration form asks, before saving, whether the document is already registered (Decree 30/2020, Annex VI §III). */
import type { z } from 'zod'
import type { ZDuplicateCheck } from '@common/contracts/documents-in'
import type { Ctx } from '../../../platform/context.ts'
import { findDuplicates } from '../list-queries.ts'
import { documentIdentifier, resolveSender } from './register-incoming.ts'

/** Candidates with the same identifier, or the same issuer with the same number and notation. */
export async function checkDuplicates(ctx: Ctx, input: z.infer<typeof ZDuplicateCheck>) {
  const { organization, senderName } = await resolveSender(ctx, input)
  const items = await findDuplicates(ctx.tx, {
    organizationId: ctx.actor.organizationId,
    documentIdentifier: documentIdentifier(organization?.code, input.issueDate, input.numberAndNotation),
    senderOrganizationId: organization?.id ?? null,
    senderName,
    numberAndNotation: input.numberAndNotation,
  })
  return { items }
}
