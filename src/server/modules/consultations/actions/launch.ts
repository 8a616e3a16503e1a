/** Launching: the consultation opens for answers (on approval, or when its letter is issued). */
import type { Tx } from '../../../platform/db/client.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import type { Ctx, SystemCtx } from '../../../platform/context.ts'
import { CONSULTATION_EVENTS as E, CONSULTATION_TARGET } from '../events.ts'
import { updateConsultation } from '../store.ts'

type Source = Pick<Ctx, 'tx' | 'now' | 'request' | 'principalId' | 'hasEvents'> & {
  actor: SystemCtx['actor']
}

/** Open the consultation now and tell the participants (the event's handler notifies them). */
export async function launchConsultation(
  source: Source,
  c: { id: string; deadline: Date; participants: { id: string }[] },
  how: 'approval' | 'letter',
  letterDocumentId: string | null = null,
): Promise<void> {
  const tx: Tx = source.tx
  await updateConsultation(tx, c.id, { state: 'open', launchedAt: source.now, updatedAt: source.now })
  await recordEvent(source, {
    action: E.launched,
    targetType: CONSULTATION_TARGET,
    targetId: c.id,
    data: {
      how,
      letterDocumentId,
      deadline: c.deadline.toISOString(),
      participantIds: c.participants.map((p) => p.id),
    },
  })
}
