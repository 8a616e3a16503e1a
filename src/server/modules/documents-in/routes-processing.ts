/**
 * Routing and processing: submit to a leader, the leader's assignment (or their secretary's, on
 * their behalf), a unit head's re-assignment, then start, notes, completion, return and deadlines.
 * Each answers the document as the actor now sees it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { ZIdParams } from '@common/contracts/common'
import {
  ZAssign,
  ZAssignmentNote,
  ZComplete,
  ZExtend,
  ZIncomingDocument,
  ZReassign,
  ZRequestExtension,
  ZReturn,
  ZStart,
  ZSubmit,
} from '@common/contracts/documents-in'
import type { Ctx } from '../../platform/context.ts'
import { actorOf } from '../../platform/http/guard.ts'
import { runAction } from '../../platform/http/run-action.ts'
import { addNote } from './actions/add-note.ts'
import { assignIncoming } from './actions/assign-incoming.ts'
import { completeAssignment } from './actions/complete-assignment.ts'
import { extendDeadline } from './actions/extend-deadline.ts'
import { reassignAssignment } from './actions/reassign-assignment.ts'
import { requestExtension } from './actions/request-extension.ts'
import { returnAssignment } from './actions/return-assignment.ts'
import { startAssignment } from './actions/start-assignment.ts'
import { submitIncoming } from './actions/submit-incoming.ts'
import { actingForLeaders } from './actions/support.ts'
import { vnDate } from './dates.ts'
import { kickTextExtraction } from './jobs.ts'
import { presentDocument } from './present.ts'
import type { DocumentView } from './queries.ts'

type Step<B extends z.ZodType> = {
  path: string
  body: B
  summary: string
  action: (ctx: Ctx, input: z.infer<B> & { id: string }) => Promise<DocumentView>
  /** A secretary acting for a leader: whom the context names as principal. */
  principalOf?: (body: z.infer<B>) => string | null | undefined
  hasFiles?: (body: z.infer<B>) => boolean
}

export async function processingRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['documents-in']

  async function present(request: FastifyRequest, doc: DocumentView) {
    const actor = actorOf(request)
    const now = app.deps.clock()
    return presentDocument(actor, doc, await actingForLeaders(app.deps.database.db, actor, now), vnDate(now))
  }

  function step<B extends z.ZodType>(s: Step<B>): void {
    app.post(
      `/api/documents-in/:id/${s.path}`,
      {
        schema: {
          tags,
          summary: s.summary,
          params: ZIdParams,
          body: s.body,
          response: { 200: ZIncomingDocument },
        },
        config: { access: 'documentsIn.read' },
      },
      async (request) => {
        const body = request.body as z.infer<B>
        const principalId = s.principalOf?.(body) ?? undefined
        const input = { ...(body as object), id: request.params.id } as z.infer<B> & { id: string }
        const doc = await runAction(request, s.action, input, principalId ? { principalId } : {})
        if (s.hasFiles?.(body)) kickTextExtraction(app.deps)
        return present(request, doc)
      },
    )
  }

  step({ path: 'submit', body: ZSubmit, summary: 'Submit to a leader', action: submitIncoming })
  step({
    path: 'assign',
    body: ZAssign,
    summary: "A leader's directive and assignment",
    action: assignIncoming,
    principalOf: (b) => b.onBehalfOf,
  })
  step({
    path: 'reassign',
    body: ZReassign,
    summary: "A unit head splits the unit's assignment",
    action: reassignAssignment,
  })
  step({ path: 'start', body: ZStart, summary: 'Start work on an assignment', action: startAssignment })
  step({
    path: 'notes',
    body: ZAssignmentNote,
    summary: 'Add a progress note',
    action: addNote,
    hasFiles: (b) => b.fileIds.length > 0,
  })
  step({
    path: 'complete',
    body: ZComplete,
    summary: 'Complete an assignment',
    action: completeAssignment,
    hasFiles: (b) => b.fileIds.length > 0,
  })
  step({
    path: 'return',
    body: ZReturn,
    summary: 'Return an assignment with a reason',
    action: returnAssignment,
  })
  step({ path: 'extend', body: ZExtend, summary: 'Set a new deadline', action: extendDeadline })
  step({
    path: 'request-extension',
    body: ZRequestExtension,
    summary: 'Ask for a later deadline',
    action: requestExtension,
  })
}
