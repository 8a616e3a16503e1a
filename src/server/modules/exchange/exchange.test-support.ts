/**
 * Test support: agencies running this system, each with its own database, HTTP port and
 * organization code, laid out like the committee (documents-out's office), that know each other
 * in their directories; the stand-in axis between them; a TCP relay to "kill" an agency's link.
 */
import net from 'node:net'
import type { TOutgoingDocument } from '@common/contracts/documents-out'
import { organizations } from '../../platform/db/schema.ts'
import type { DemoPki } from '../../platform/signing/index.ts'
import { buildTestApp, type TestApp } from '../../test/harness.ts'
import {
  approved,
  draftReply,
  office,
  PIN,
  SEAL_PIN,
  type Office,
} from '../documents-out/documents-out.test-support.ts'
import { loadIdentity } from './identity.ts'
import { pollAxis } from './jobs.ts'
import { deliverDue } from './outbox.ts'

export type Agency = {
  t: TestApp
  o: Office
  code: string
  name: string
  url: string
  certificatePem: string
  /** Move this agency's clock (back-off waits) without waiting. */
  advance(ms: number): void
}

export async function startAgency(
  pki: DemoPki,
  input: { code: string; name: string; shortName: string; env?: Record<string, string> },
): Promise<Agency> {
  let offset = 0
  const t = await buildTestApp({
    isolated: true,
    env: { ORGANIZATION_CODE: input.code, ...input.env },
    clock: () => new Date(Date.now() + offset),
  })
  const [own] = await t.database.db
    .insert(organizations)
    .values({ code: input.code, name: input.name, shortName: input.shortName, kind: 'own', isOwn: true })
    .returning()
  const o = await office(t, pki, { organization: own! })
  const root = await o.clients.admin.post('/api/signing/trusted-roots', {
    name: 'CA thử nghiệm',
    certificate: pki.rootCertificatePem,
  })
  if (root.statusCode !== 200) throw new Error(`trusted root: ${root.body}`)
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  const address = t.app.server.address() as net.AddressInfo
  const identity = await loadIdentity(t.database, new Date(), t.config.appSecret)
  return {
    t,
    o,
    code: input.code,
    name: input.name,
    url: `http://127.0.0.1:${address.port}`,
    certificatePem: identity.certificatePem,
    advance: (ms) => {
      offset += ms
    },
  }
}

/** `other` as an entry of `self`'s directory: reached at `endpoint` (peer), or through the axis when null. */
export async function addToDirectory(self: Agency, other: Agency, endpoint: string | null) {
  const [row] = await self.t.database.db
    .insert(organizations)
    .values({
      code: other.code,
      name: other.name,
      kind: 'ministry',
      endpoint,
      certificatePem: other.certificatePem,
    })
    .returning()
  return row!
}

/** Run after-commit handlers, then the outbox, until nothing more moves (one round trip of statuses). */
export async function pump(...agencies: Agency[]): Promise<void> {
  for (let round = 0; round < 4; round++) {
    let moved = 0
    for (const a of agencies) {
      await a.t.dispatch()
      const r = await deliverDue(a.t.deps)
      moved += r.sent
      if (a.t.config.exchange.axis) {
        const polled = await pollAxis(a.t.deps)
        moved += polled.received + polled.statuses
      }
    }
    if (moved === 0) break
  }
}

/** Draft, approve, sign and issue a document of `from` to `to` (an entry of from's directory). */
export async function issueTo(
  from: Agency,
  toOrganizationId: string,
  extra: Record<string, unknown> = {},
): Promise<TOutgoingDocument> {
  const draft = await draftReply(from.o, {
    recipients: [{ kind: 'organization', organizationId: toOrganizationId }],
    ...extra,
  })
  return signAndIssue(from, draft)
}

/** Submit a draft made by any drafter, then approve each step as its assignee (the chain depends on the drafter's unit). */
async function approveAsAssignees(from: Agency, draft: TOutgoingDocument): Promise<TOutgoingDocument> {
  const clientOf = (userId: string | null) => {
    const key = Object.entries(from.o.people).find(([, p]) => p.id === userId)?.[0]
    return key ? from.o.clients[key as keyof Office['clients']] : null
  }
  const submitter = clientOf(draft.drafterId)!
  let res = await submitter.post(`/api/documents-out/${draft.id}/submit`, { note: 'Kính trình' })
  for (let i = 0; i < 8 && res.statusCode === 200; i++) {
    const doc = res.json() as TOutgoingDocument
    if (doc.state !== 'in_review') return doc
    const step = doc.steps.find((s) => s.state === 'pending')!
    res = await clientOf(step.assigneeUserId)!.post(`/api/documents-out/${doc.id}/approve`, {
      comment: 'Đồng ý',
    })
  }
  throw new Error(`approval failed: ${res.statusCode} ${res.body}`)
}

export async function signAndIssue(from: Agency, draft: TOutgoingDocument): Promise<TOutgoingDocument> {
  const doc =
    draft.drafterId === from.o.people.specialist.id
      ? await approved(from.o, draft)
      : await approveAsAssignees(from, draft)
  const signed = await from.o.clients.leader.post(`/api/documents-out/${doc.id}/sign`, { pin: PIN })
  if (signed.statusCode !== 200) throw new Error(`sign failed: ${signed.body}`)
  const issued = await from.o.clients.clerk.post(`/api/documents-out/${doc.id}/issue`, {
    registerId: from.o.registers.outgoing.id,
    sealPin: SEAL_PIN,
  })
  if (issued.statusCode !== 200) throw new Error(`issue failed: ${issued.body}`)
  return issued.json() as TOutgoingDocument
}

/** A TCP relay on a fixed port to a target: stop it to make the target unreachable, start it again. */
export async function startRelay(targetPort: number, port = 0) {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1')
    sockets.add(client).add(upstream)
    client.pipe(upstream).pipe(client)
    const drop = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('error', drop).on('close', drop)
    upstream.on('error', drop).on('close', drop)
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const bound = (server.address() as net.AddressInfo).port
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
