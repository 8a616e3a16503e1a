/** Finding the signature block ahead of signing, so the workflow can store it with a version. */
import { ParseSpeeds, PDFDocument } from 'pdf-lib'
import { findBlockOnPage, type PlacementHint } from './placement.ts'

/**
 * The signer's block (name line, and the title line above it) on the last page of `pdf`, or null
 * when the name is not there. Pass the result as SignOptions.placementHint when signing this file
 * or a later revision of it (signatures added, same pages).
 */
export async function findSignatureBlock(
  pdf: Uint8Array,
  signer: { signerName: string; signerTitle?: string },
): Promise<PlacementHint | null> {
  let doc: PDFDocument
  try {
    doc = await PDFDocument.load(pdf, {
      updateMetadata: false,
      ignoreEncryption: true,
      // The default parses 100 objects per event-loop tick: ~1 ms of idle waiting per 100 objects.
      parseSpeed: ParseSpeeds.Fastest,
    })
  } catch {
    // Not a PDF we can read: no block (signPdf reports NOT_A_PDF itself).
    return null
  }
  const pageCount = doc.getPageCount()
  if (pageCount === 0) return null
  const block = await findBlockOnPage(
    pdf,
    doc.getPage(pageCount - 1),
    pageCount - 1,
    pageCount,
    signer.signerName,
    signer.signerTitle,
    null,
  )
  if (!block) return null
  return { page: pageCount, pageCount, signerName: signer.signerName, name: block.name, title: block.title }
}
