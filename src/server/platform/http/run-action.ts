/** Runs one action in its own transaction with an explicit context, then kicks the event handlers. */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Ctx, RequestFacts } from '../context.ts'
import { actorOf } from './guard.ts'

export function requestFacts(request: FastifyRequest): RequestFacts {
  const ua = request.headers['user-agent']
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 500) : null }
}

export async function runAction<I, O>(
  request: FastifyRequest,
  action: (ctx: Ctx, input: I) => Promise<O>,
  input: I,
  options: { principalId?: string } = {},
): Promise<O> {
  const app: FastifyInstance = request.server
  const actor = actorOf(request)
  let hasEvents = false
  const result = await app.deps.database.db.transaction(async (tx) => {
    const ctx: Ctx = {
      actor,
      principalId: options.principalId ?? actor.id,
      tx,
      now: app.deps.clock(),
      request: requestFacts(request),
      config: app.deps.config,
      hasEvents: false,
    }
    const out = await action(ctx, input)
    hasEvents = ctx.hasEvents
    return out
  })
  if (hasEvents) app.deps.kickDispatch()
  return result
}
