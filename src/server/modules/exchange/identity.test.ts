/** The exchange key: sealed under APP_SECRET in the database, opened only with it. */
import { describe, expect, it } from 'vitest'
import { openPrivateKey, sealPrivateKey } from './identity.ts'

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEv…\n-----END PRIVATE KEY-----\n'

describe('exchange key at rest', () => {
  it('is not stored in clear, and opens with the same secret only', () => {
    const sealed = sealPrivateKey(PEM, 'a'.repeat(40))
    expect(sealed).toMatch(/^enc:v1:/)
    expect(sealed).not.toContain('PRIVATE KEY')
    expect(sealPrivateKey(PEM, 'a'.repeat(40))).not.toBe(sealed) // a fresh IV each time
    expect(openPrivateKey(sealed, 'a'.repeat(40))).toBe(PEM)
    expect(() => openPrivateKey(sealed, 'b'.repeat(40))).toThrow(/APP_SECRET/)
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA')
    expect(() => openPrivateKey(tampered, 'a'.repeat(40))).toThrow()
  })
})
