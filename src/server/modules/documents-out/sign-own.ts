/**
 * Signing another module's PDF with the actor's own key: a committee member's consultation
 * answer (issue 7). The same key store, PIN and PIN lock as a leader's approval signature, and the
 * same three steps: read the key (a transaction), sign outside any transaction, then reset the PIN
 * count. The caller stores the signed bytes and records its own event.
 */
import type { Ctx } from '../../platform/context.ts'
import type { Executor } from '../../platform/db/client.ts'
import { AppError } from '../../platform/errors.ts'
import { signPdf, type PlacementHint } from '../../platform/signing/index.ts'
import type { TxRunner } from './actions/sign-draft.ts'
import { unlockKey } from './actions/sign-draft.ts'
import type { StoredCertificate } from './certificates.ts'
import { activeUserKey, assertPinNotLocked, resetPinFailures, signingAppError, type KeyRow } from './keys.ts'

export type OwnSignature = {
  pdf: Uint8Array
  signingTime: Date
  keyId: string
  certificate: StoredCertificate
}

/** Whether the user holds an active signing key of their own (the "Ký số" button shows only then). */
export async function hasOwnSigningKey(db: Executor, userId: string): Promise<boolean> {
  return (await activeUserKey(db, userId)) !== null
}

async function ownKey(ctx: Ctx): Promise<KeyRow> {
  await assertPinNotLocked(ctx.tx, ctx.actor.id, ctx.now)
  const key = await activeUserKey(ctx.tx, ctx.actor.id)
  if (!key) throw new AppError('SIGNING_KEY_MISSING', { message: 'The signer has no key' })
  return key
}

async function resetPin(ctx: Ctx): Promise<void> {
  await resetPinFailures(ctx.tx, ctx.actor.id)
}

/**
 * Sign `pdf` (PAdES, the signature image between `signerTitle` and `signerName` on its last page)
 * with the actor's active key opened by `pin`. A wrong PIN is counted; the fifth locks signing.
 */
export async function signWithOwnKey(
  run: TxRunner,
  input: {
    pdf: Uint8Array
    pin: string
    now: () => Date
    signerName: string
    signerTitle: string
    reason: string
    /** Written with a wrong PIN's count in the audit log, e.g. "consultationAnswer". */
    purpose: string
    /** Where the signature block is, when the caller laid the PDF out itself. */
    placementHint?: PlacementHint
  },
): Promise<OwnSignature> {
  const key = await run(ownKey, {})
  const signingTime = input.now()
  const signer = await unlockKey(run, key, input.pin, signingTime, {
    documentId: null,
    purpose: input.purpose,
  })
  let signed: Uint8Array
  try {
    const result = await signPdf(input.pdf, signer, {
      appearance: {
        kind: 'approval',
        signerName: input.signerName,
        signerTitle: input.signerTitle,
        ...(key.imagePng ? { imagePng: key.imagePng } : {}),
      },
      reason: input.reason,
      location: 'Việt Nam',
      signingTime,
      placementHint: input.placementHint ?? null,
    })
    signed = result.pdf
  } catch (err) {
    throw signingAppError(err)
  }
  await run(resetPin, {})
  return { pdf: signed, signingTime, keyId: key.id, certificate: key.certificate as StoredCertificate }
}
