/**
 * TOTP (RFC 6238) with otpauth. Secrets are stored encrypted (AES-256-GCM, key derived from
 * APP_SECRET), and each accepted time step is remembered so a code cannot be replayed.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'

const PERIOD = 30

function key(appSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', appSecret, 'mekong-eoffice', 'totp-secret', 32))
}

export function encryptSecret(appSecret: string, base32: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(appSecret), iv)
  const data = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()])
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    data.toString('base64url'),
  ].join('.')
}

export function decryptSecret(appSecret: string, stored: string): string {
  const [version, iv, tag, data] = stored.split('.')
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown TOTP secret format')
  const decipher = createDecipheriv('aes-256-gcm', key(appSecret), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

function totp(base32: string, label = 'user'): TOTP {
  return new TOTP({
    issuer: 'Mekong eOffice',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(base32),
  })
}

/** The time step a code matches (±1 step of clock drift), or null. */
export function matchTotp(base32: string, code: string, now: Date): number | null {
  const delta = totp(base32).validate({ token: code, timestamp: now.getTime(), window: 1 })
  if (delta === null) return null
  return Math.floor(now.getTime() / 1000 / PERIOD) + delta
}

export function currentTotp(base32: string, now: Date): string {
  return totp(base32).generate({ timestamp: now.getTime() })
}

export async function totpEnrolment(
  base32: string,
  username: string,
): Promise<{ otpauthUrl: string; qrDataUrl: string }> {
  const otpauthUrl = totp(base32, username).toString()
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 })
  return { otpauthUrl, qrDataUrl }
}
