/**
 * Demo signing material, generated at first start and never committed: a demo certificate
 * authority (configured as a trusted root), a PKCS#12 key with a signature image for each demo
 * leader (chutich, phochutich) and two committee members (uyvien.bnnmt, uyvien.cantho, who sign
 * their answers to consultations), and the organization's seal key with its seal image. One random
 * PIN protects them all; it is printed with the demo password and written next to it.
 */
import { randomInt } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { inArray } from 'drizzle-orm'
import type { Config } from '../config.ts'
import type { Db } from '../platform/db/client.ts'
import { signingKeys, trustedRoots, users } from '../platform/db/schema.ts'
import {
  createDemoPki,
  demoSealImage,
  demoSignatureImage,
  readCertificate,
} from '../platform/signing/index.ts'

export const DEMO_SIGNERS = ['chutich', 'phochutich'] as const
/** Two committee members sign their answers to consultations (issue 7). */
export const DEMO_MEMBER_SIGNERS = ['uyvien.bnnmt', 'uyvien.cantho'] as const
export const DEMO_PIN_FILE = 'demo-signing-pin.txt'

function stored(c: {
  subject: string
  commonName: string
  issuer: string
  serialNumber: string
  notBefore: Date
  notAfter: Date
  sha256Fingerprint: string
}) {
  return { ...c, notBefore: c.notBefore.toISOString(), notAfter: c.notAfter.toISOString() }
}

/** Create the demo PKI for the seeded leaders and organization; returns the PIN to print. */
export async function seedDemoSigning(
  db: Db,
  config: Config,
  organization: { id: string; name: string },
  now: Date,
): Promise<string> {
  const organizationName = organization.name
  const pin = String(randomInt(100_000, 1_000_000))
  const leaders = await db
    .select({ id: users.id, username: users.username, fullName: users.fullName, email: users.email })
    .from(users)
    .where(inArray(users.username, [...DEMO_SIGNERS, ...DEMO_MEMBER_SIGNERS]))
  const pki = await createDemoPki({
    organizationName,
    people: [
      ...leaders.map((l) => ({
        key: l.username,
        commonName: l.fullName,
        ...(l.email ? { email: l.email } : {}),
      })),
      { key: 'organization', commonName: organizationName, isOrganization: true },
    ],
    pinFor: () => pin,
    now,
  })
  const root = readCertificate(pki.rootCertificateDer)
  await db.transaction(async (tx) => {
    await tx.insert(trustedRoots).values({
      name: `${organizationName} - CA thử nghiệm`,
      certificateDer: root.der,
      certificate: stored(root),
      fingerprint: root.sha256Fingerprint,
      createdAt: now,
    })
    for (const l of leaders) {
      const p = pki.people[l.username]!
      await tx.insert(signingKeys).values({
        ownerKind: 'user',
        organizationId: organization.id,
        userId: l.id,
        p12: p.p12,
        certificateDer: p.certificateDer,
        certificate: stored(p.certificate),
        imagePng: demoSignatureImage(l.fullName),
        createdAt: now,
        updatedAt: now,
      })
    }
    const org = pki.people.organization!
    await tx.insert(signingKeys).values({
      ownerKind: 'organization',
      organizationId: organization.id,
      p12: org.p12,
      certificateDer: org.certificateDer,
      certificate: stored(org.certificate),
      imagePng: demoSealImage(organizationName),
      createdAt: now,
      updatedAt: now,
    })
  })
  if (!config.isProduction) {
    fs.mkdirSync(config.dataDir, { recursive: true })
    fs.writeFileSync(path.join(config.dataDir, DEMO_PIN_FILE), `${pin}\n`, { mode: 0o600 })
  }
  return pin
}
