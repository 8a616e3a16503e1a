/**
 * Our exchange identity: the key that signs the header of every edXML package we send (QCVN
 * 102:2016 XML signature). It is a system key, used unattended by the queue; the leader's and the
 * organization's PAdES signatures stay inside the PDF. Created on first use (RSA 2048, a
 * self-signed certificate naming our organization code) and shown to the admin, who gives the
 * certificate to partner agencies (or replaces it by one from a CA: a later step).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  randomBytes,
  sign as rsaSign,
  type KeyObject,
} from 'node:crypto'
import { eq } from 'drizzle-orm'
import forge from 'node-forge'
import type { Executor } from '../../platform/db/client.ts'
import { exchangeIdentity, organizations } from '../../platform/db/schema.ts'
import { recordEvent, systemEventSource } from '../../platform/events/record.ts'
import { readCertificate, type CertificateInfo, type Signer } from '../../platform/signing/index.ts'
import type { Database } from '../../platform/db/client.ts'
import { EXCHANGE_EVENTS, EXCHANGE_TARGET } from './events.ts'

export type OwnOrganization = {
  id: string
  code: string
  name: string
  address: string | null
  email: string | null
  phone: string | null
}

export type Identity = {
  own: OwnOrganization
  signer: Signer
  certificatePem: string
  certificate: CertificateInfo
}

const cache = new Map<string, { pem: string; identity: Identity }>()

/** The private key is kept encrypted under APP_SECRET (AES-256-GCM): a copy of the database alone cannot sign as us. */
function keyOf(secret: string): Buffer {
  return createHash('sha256').update(`exchange-identity|${secret}`).digest()
}

export function sealPrivateKey(pem: string, secret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv)
  const body = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()])
  return `enc:v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
}

export function openPrivateKey(stored: string, secret: string): string {
  if (!stored.startsWith('enc:v1:')) return stored
  const raw = Buffer.from(stored.slice(7), 'base64')
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12))
  decipher.setAuthTag(raw.subarray(12, 28))
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
  } catch (cause) {
    throw new Error('the exchange key does not open with this APP_SECRET (was the secret changed?)', {
      cause,
    })
  }
}

export async function findOwnOrganization(db: Executor): Promise<OwnOrganization> {
  const [row] = await db
    .select({
      id: organizations.id,
      code: organizations.code,
      name: organizations.name,
      address: organizations.address,
      email: organizations.email,
      phone: organizations.phone,
    })
    .from(organizations)
    .where(eq(organizations.isOwn, true))
    .limit(1)
  if (!row?.code) throw new Error('the own organization has no organization code (ORGANIZATION_CODE)')
  return { ...row, code: row.code }
}

function selfSignedCertificate(own: OwnOrganization, privateKey: KeyObject, now: Date): string {
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString())
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e)
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`
  cert.validity.notBefore = new Date(now.getTime() - 60_000)
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 86_400_000)
  // Vietnamese names must be tagged UTF8String (forge then encodes them); the default string type breaks.
  const utf8 = (value: string) => ({
    value,
    valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
  })
  const attrs = [
    { name: 'commonName', ...utf8(`${own.name} (liên thông văn bản)`) },
    { name: 'organizationName', ...utf8(own.name) },
    { shortName: 'OU', value: own.code },
    { name: 'countryName', value: 'VN' },
  ]
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ])
  cert.sign(key, forge.md.sha256.create())
  return forge.pki.certificateToPem(cert)
}

function identityOf(own: OwnOrganization, privateKeyPem: string, certificatePem: string): Identity {
  const key = createPrivateKey(privateKeyPem)
  const cert = readCertificate(Buffer.from(certificatePem))
  const { der, ...certificate } = cert
  return {
    own,
    certificatePem,
    certificate,
    signer: {
      certificate,
      chainDer: [der],
      sign: async (data) => new Uint8Array(rsaSign('sha256', data, key)),
    },
  }
}

/** Our identity, created on first use (recorded in the audit log). */
export async function loadIdentity(database: Database, now: Date, appSecret: string): Promise<Identity> {
  const db = database.db
  const own = await findOwnOrganization(db)
  const read = async () =>
    (await db.select().from(exchangeIdentity).where(eq(exchangeIdentity.organizationId, own.id)).limit(1))[0]
  let row = await read()
  if (!row) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const certificatePem = selfSignedCertificate(own, privateKey, now)
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(exchangeIdentity)
        .values({
          organizationId: own.id,
          privateKeyPem: sealPrivateKey(
            privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
            appSecret,
          ),
          certificatePem,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: exchangeIdentity.organizationId })
      if (inserted.length)
        await recordEvent(systemEventSource(tx, now), {
          action: EXCHANGE_EVENTS.identityCreated,
          targetType: EXCHANGE_TARGET,
          targetId: own.id,
          data: {
            organizationCode: own.code,
            certificate: readCertificate(Buffer.from(certificatePem)).subject,
          },
        })
    })
    row = await read()
  }
  const cached = cache.get(own.id)
  if (cached && cached.pem === row!.certificatePem && cached.identity.own.code === own.code)
    return cached.identity
  const identity = identityOf(own, openPrivateKey(row!.privateKeyPem, appSecret), row!.certificatePem)
  cache.set(own.id, { pem: row!.certificatePem, identity })
  return identity
}
