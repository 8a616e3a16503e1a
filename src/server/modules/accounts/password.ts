/** Password hashing with Argon2id (OWASP parameters) and temporary password generation. */
import { randomInt } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

// algorithm 2 is Argon2id (a const enum in @node-rs/argon2's types, which isolated modules cannot read).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password.normalize('NFC'))
}

/** A hash of nothing anyone knows, verified against when the username does not exist (same timing). */
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${randomInt(1e9)}`)
  return dummyHash
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** 14 characters from an unambiguous alphabet, with at least one letter and one digit. */
export function temporaryPassword(): string {
  for (;;) {
    let out = ''
    for (let i = 0; i < 14; i++) out += ALPHABET[randomInt(ALPHABET.length)]
    if (/\d/.test(out) && /[a-zA-Z]/.test(out)) return out
  }
}
