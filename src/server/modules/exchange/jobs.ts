/**
 * Background work of the exchange: deliver the outbox (kicked after each enqueue, and every
 * minute for what a kick missed or what waits for its back-off), and, when the national axis is
 * configured, pull what it holds for us (REGULATIONS §2.4 steps 3–5: list, get, parse and check,
 * acknowledge "done", or "fail" for a package we refuse, with the reason logged).
 */
import { AppError } from '../../platform/errors.ts'
import { recordEvent, systemEventSource } from '../../platform/events/record.ts'
import { EXCHANGE_EVENTS, EXCHANGE_TARGET } from './events.ts'
import { TransportError } from '../../platform/exchange-transport/index.ts'
import type { Ctx } from '../../platform/context.ts'
import { entriesFromAxis, importDirectory } from './directory.ts'
import type { OutboxDeps } from './outbox.ts'
import { DELIVER_JOB, deliverDue } from './outbox.ts'
import { receivePackage } from './receive.ts'
import { axisTransport } from './transports.ts'

export const POLL_JOB = 'exchange.poll'
export const DIRECTORY_SYNC_JOB = 'exchange.directorySync'

export type PollResult = { configured: boolean; received: number; statuses: number; failed: number }

/** Pull every package waiting on the axis. One bad package is refused (ack "fail") without stopping the rest. */
export async function pollAxis(deps: OutboxDeps): Promise<PollResult> {
  const transport = axisTransport(deps.config)
  const result: PollResult = { configured: !!transport, received: 0, statuses: 0, failed: 0 }
  if (!transport) return result
  const items = await transport.listReceived()
  for (const item of items) {
    let outcome: 'done' | 'fail' = 'done'
    try {
      const bytes = await transport.fetch(item.transportId)
      const received = await receivePackage(deps, bytes, {
        transport: 'axis',
        transportId: item.transportId,
      })
      if (received.kind === 'status') result.statuses += 1
      else result.received += 1
    } catch (err) {
      if (err instanceof TransportError && err.retryable) continue // left on the axis: next poll
      outcome = 'fail'
      result.failed += 1
      const reason = err instanceof AppError || err instanceof TransportError ? err.message : String(err)
      console.error(`exchange: package ${item.transportId} from ${item.from} refused: ${reason}`)
      // Nothing is kept of a refused package but the fact, for whoever investigates later.
      await deps.database.db.transaction(async (tx) =>
        recordEvent(
          {
            tx,
            now: deps.clock(),
            request: { ip: null, userAgent: null },
            principalId: '',
            actor: null,
            hasEvents: false,
          },
          {
            action: EXCHANGE_EVENTS.packageRejected,
            targetType: EXCHANGE_TARGET,
            targetId: null,
            data: {
              transportId: item.transportId,
              from: item.from,
              messageType: item.messageType,
              code: err instanceof AppError || err instanceof TransportError ? err.code : 'INTERNAL',
              reason: reason.slice(0, 500),
            },
          },
        ),
      )
    }
    await transport.acknowledge(item.transportId, outcome)
  }
  return result
}

/** Refresh the directory from the axis's agency list (nightly; the admin can also ask for it). */
export async function syncDirectory(deps: OutboxDeps) {
  const transport = axisTransport(deps.config)
  if (!transport) return null
  const list = entriesFromAxis(await transport.listAgencies())
  return deps.database.db.transaction(async (tx) => {
    const ctx = { ...systemEventSource(tx, deps.clock()), config: deps.config }
    // The system acts (actor null in the audit log), as for every scheduled job.
    return importDirectory(ctx as unknown as Ctx, list, { dryRun: false, source: 'axis' })
  })
}

export function defineExchangeJobs(deps: OutboxDeps): void {
  deps.jobs.define({
    name: DIRECTORY_SYNC_JOB,
    cron: '30 2 * * *',
    handler: async () => {
      await syncDirectory(deps)
    },
  })
  deps.jobs.define({
    name: DELIVER_JOB,
    policy: 'stately',
    cron: '* * * * *',
    handler: async () => {
      await deliverDue(deps)
    },
  })
  deps.jobs.define({
    name: POLL_JOB,
    policy: 'stately',
    cron: '* * * * *',
    handler: async () => {
      if (!deps.config.exchange.axis) return
      try {
        await pollAxis(deps)
      } catch (err) {
        console.error('exchange: polling the axis failed:', err instanceof Error ? err.message : err)
      }
      // Poll again before the next cron minute when asked to poll more often.
      if (deps.config.exchange.pollSeconds < 60)
        await deps.jobs.send(POLL_JOB, {}, { startAfter: deps.config.exchange.pollSeconds })
    },
  })
}
