/** End the current session. */
import type { Ctx } from '../../../platform/context.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { revokeSession } from '../../../platform/http/session.ts'

export async function signOut(ctx: Ctx, input: { sessionTokenHash: string }): Promise<void> {
  await revokeSession(ctx.tx, input.sessionTokenHash, ctx.now)
  await recordEvent(ctx, { action: 'auth.signedOut', targetType: 'user', targetId: ctx.actor.id })
}
