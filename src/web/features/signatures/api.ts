/**
 * The typed client of signature verification and signing administration (issue 4): verify a
 * stored PDF, the signer's own key state, and the admin's trusted roots, signing keys and
 * approval chains. Shapes come from the contracts; this file only knows URLs.
 */
import type { z } from 'zod'
import type {
  TApprovalChainInput,
  TSigningKeyInput,
  TVerificationResult,
  ZApprovalChain,
  ZApprovalChainList,
  ZMySigningKey,
  ZSigningKey,
  ZSigningKeyList,
  ZSigningKeyUpdate,
  ZTrustedRoot,
  ZTrustedRootInput,
  ZTrustedRootList,
} from '@common/contracts/documents-out'
import { request } from '../../lib/api.ts'

export type TMySigningKey = z.infer<typeof ZMySigningKey>
export type TSigningKey = z.infer<typeof ZSigningKey>
export type TSigningKeyList = z.infer<typeof ZSigningKeyList>
export type TTrustedRoot = z.infer<typeof ZTrustedRoot>
export type TTrustedRootList = z.infer<typeof ZTrustedRootList>
export type TApprovalChain = z.infer<typeof ZApprovalChain>
export type TApprovalChainList = z.infer<typeof ZApprovalChainList>

const id = (value: string) => encodeURIComponent(value)

export const signatureApi = {
  /** Verify a stored file (any PDF the user may read); the result is recorded. */
  verify: (fileId: string) =>
    request<TVerificationResult>('POST', '/api/signatures/verify', { body: { fileId } }),
  mine: () => request<TMySigningKey>('GET', '/api/signing/me'),
  trustedRoots: {
    list: () => request<TTrustedRootList>('GET', '/api/signing/trusted-roots'),
    create: (body: z.input<typeof ZTrustedRootInput>) =>
      request<TTrustedRoot>('POST', '/api/signing/trusted-roots', { body }),
    setActive: (rootId: string, isActive: boolean) =>
      request<TTrustedRoot>('PATCH', `/api/signing/trusted-roots/${id(rootId)}`, { body: { isActive } }),
  },
  signingKeys: {
    list: () => request<TSigningKeyList>('GET', '/api/signing/keys'),
    create: (body: TSigningKeyInput) => request<TSigningKey>('POST', '/api/signing/keys', { body }),
    update: (keyId: string, body: z.input<typeof ZSigningKeyUpdate>) =>
      request<TSigningKey>('PATCH', `/api/signing/keys/${id(keyId)}`, { body }),
  },
  chains: {
    list: () => request<TApprovalChainList>('GET', '/api/approval-chains'),
    save: (documentType: string, body: TApprovalChainInput) =>
      request<TApprovalChain>('PUT', `/api/approval-chains/${id(documentType)}`, { body }),
  },
}

/** Read a chosen file as base64 (no data: prefix), for the key and image uploads. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}
