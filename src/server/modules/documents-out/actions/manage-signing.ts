/**
 * The admin keeps the signing material: each signer's PKCS#12 key and signature image, the
 * organization's seal key and image, and the trusted root certificates used by verification.
 * The PIN is used once to check the key opens and is never stored.
 */
import { and, eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { TSigningKeyInput, ZSigningKeyUpdate, ZTrustedRootInput } from '@common/contracts/documents-out'
import type { Ctx } from '../../../platform/context.ts'
import { signingKeys, trustedRoots } from '../../../platform/db/schema.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { openP12Signer, readCertificate } from '../../../platform/signing/index.ts'
import { globalCan } from '../../accounts/index.ts'
import { storedCertificate } from '../certificates.ts'
import { DOCUMENT_OUT_EVENTS } from '../events.ts'
import { signingAppError } from '../keys.ts'
import { findUsersByIds } from '../lookups.ts'
import { invalid } from './support.ts'

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47]

function assertAdmin(ctx: Ctx) {
  if (!globalCan(ctx.actor, 'signing.manage')) throw new AppError('NOT_ALLOWED')
}

function pngOf(base64: string | null | undefined, path: string): Uint8Array | null {
  if (!base64) return null
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'))
  if (!PNG_MAGIC.every((b, i) => bytes[i] === b)) throw invalid(path, 'Ảnh chữ ký, con dấu phải là tệp PNG')
  return bytes
}

/** Add (or replace) a key: the previous active key of the same owner is retired. */
export async function addSigningKey(ctx: Ctx, input: TSigningKeyInput) {
  assertAdmin(ctx)
  if (input.ownerKind === 'user') {
    const [user] = await findUsersByIds(ctx.tx, [input.userId!])
    // Our own people, and the committee members of other agencies (they sign their answers to
    // consultations, issue 7, with a key the Standing Office registers for them).
    const isOurs =
      user && (user.organizationId === ctx.actor.organizationId || user.roles.includes('committee_member'))
    if (!isOurs) throw invalid('userId', 'Người dùng không tồn tại')
  }
  const p12 = new Uint8Array(Buffer.from(input.p12Base64, 'base64'))
  let signer
  try {
    signer = openP12Signer(p12, input.pin, ctx.now)
  } catch (err) {
    throw signingAppError(err)
  }
  const certificate = signer.certificate
  const image = pngOf(input.imageBase64, 'imageBase64')
  const owner =
    input.ownerKind === 'user'
      ? eq(signingKeys.userId, input.userId!)
      : and(
          eq(signingKeys.ownerKind, 'organization'),
          eq(signingKeys.organizationId, ctx.actor.organizationId),
        )
  await ctx.tx.update(signingKeys).set({ isActive: false, updatedAt: ctx.now }).where(owner)
  const der = signer.chainDer[0]!
  const [row] = await ctx.tx
    .insert(signingKeys)
    .values({
      ownerKind: input.ownerKind,
      organizationId: ctx.actor.organizationId,
      userId: input.ownerKind === 'user' ? input.userId! : null,
      p12,
      certificateDer: der,
      certificate: storedCertificate(certificate),
      imagePng: image,
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  await recordEvent(ctx, {
    action: DOCUMENT_OUT_EVENTS.keyAdded,
    targetType: 'signingKey',
    targetId: row!.id,
    data: {
      ownerKind: input.ownerKind,
      userId: row!.userId,
      serialNumber: certificate.serialNumber,
      subject: certificate.subject,
    },
  })
  return row!
}

/** Retire or re-activate a key, or change its image. */
export async function updateSigningKey(ctx: Ctx, input: z.infer<typeof ZSigningKeyUpdate> & { id: string }) {
  assertAdmin(ctx)
  const patch: Partial<typeof signingKeys.$inferInsert> = { updatedAt: ctx.now }
  if (input.isActive !== undefined) patch.isActive = input.isActive
  if (input.imageBase64 !== undefined) patch.imagePng = pngOf(input.imageBase64, 'imageBase64')
  const [row] = await ctx.tx.update(signingKeys).set(patch).where(eq(signingKeys.id, input.id)).returning()
  if (!row) throw notFound('signing key')
  await recordEvent(ctx, {
    action: DOCUMENT_OUT_EVENTS.keyUpdated,
    targetType: 'signingKey',
    targetId: row.id,
    data: { isActive: input.isActive, imageChanged: input.imageBase64 !== undefined },
  })
  return row
}

/** PEM text or base64 of DER. */
function certificateBytes(text: string): Uint8Array {
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text)
  return new Uint8Array(Buffer.from((pem ? pem[1]! : text).replace(/\s+/g, ''), 'base64'))
}

/** Trust a root certificate (PEM or base64 DER) for verification. */
export async function addTrustedRoot(ctx: Ctx, input: z.infer<typeof ZTrustedRootInput>) {
  assertAdmin(ctx)
  let info
  try {
    info = readCertificate(certificateBytes(input.certificate))
  } catch (err) {
    throw new AppError('CERTIFICATE_INVALID', {
      message: 'Unreadable certificate',
      cause: err,
      details: [{ path: 'certificate', message: 'Không đọc được chứng thư số' }],
    })
  }
  const existing = await ctx.tx
    .select()
    .from(trustedRoots)
    .where(eq(trustedRoots.fingerprint, info.sha256Fingerprint))
    .limit(1)
  if (existing[0])
    throw new AppError('CONFLICT', {
      message: 'This root is already configured',
      details: [{ path: 'certificate', message: 'Chứng thư gốc này đã có' }],
    })
  const [row] = await ctx.tx
    .insert(trustedRoots)
    .values({
      name: input.name,
      certificateDer: info.der,
      certificate: storedCertificate(info),
      fingerprint: info.sha256Fingerprint,
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    .returning()
  await recordEvent(ctx, {
    action: DOCUMENT_OUT_EVENTS.rootAdded,
    targetType: 'trustedRoot',
    targetId: row!.id,
    data: { name: input.name, subject: info.subject, fingerprint: info.sha256Fingerprint },
  })
  return row!
}

/** Disable or re-enable a trusted root. */
export async function updateTrustedRoot(ctx: Ctx, input: { id: string; isActive: boolean }) {
  assertAdmin(ctx)
  const [row] = await ctx.tx
    .update(trustedRoots)
    .set({ isActive: input.isActive })
    .where(eq(trustedRoots.id, input.id))
    .returning()
  if (!row) throw notFound('trusted root')
  await recordEvent(ctx, {
    action: DOCUMENT_OUT_EVENTS.rootUpdated,
    targetType: 'trustedRoot',
    targetId: row.id,
    data: { isActive: input.isActive },
  })
  return row
}
