/**
 * PAdES signing and verification (issue 4). No HTTP, no database: the documents-out workflow
 * calls signPdf with a Signer (PKCS#12 now; a USB token or remote signing later) and verifyPdf
 * with the administrator's trusted roots.
 */
export { SigningError, SIGNING_ERROR_CODES, type SigningErrorCode } from './errors.ts'
export { readCertificate, type CertificateInfo } from './certificates.ts'
export { openP12Signer, MIN_RSA_BITS, type Signer } from './p12-signer.ts'
export { signPdf, type Appearance, type SignOptions, type SignResult } from './sign-pdf.ts'
export { findSignatureBlock } from './find-block.ts'
export type { PlacementHint } from './placement.ts'
export {
  verifyPdf,
  createVerificationCache,
  type SignatureProblem,
  type SignatureReport,
  type PdfVerification,
  type VerificationCache,
  type VerifyOptions,
} from './verify-pdf.ts'
export { createDemoPki, type DemoPki, type DemoPkiOptions } from './demo-pki.ts'
export { fontBytes, type FontRole } from './fonts.ts'
export { demoSignatureImage, demoSealImage } from './demo-images.ts'
