/**
 * Render a DocumentModel to a DOCX as agencies type them: the header and the footer are
 * borderless two-column tables (Phụ lục I), the title and body are paragraphs.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { addresseeLines, MOTTO, type DocumentModel } from './document-model.ts'

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
}

function paragraph(
  text: string,
  options: { bold?: boolean; center?: boolean; size?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: [
      new TextRun({
        text,
        bold: options.bold ?? false,
        size: (options.size ?? 13) * 2,
        font: 'Times New Roman',
      }),
    ],
  })
}

function twoColumns(left: Paragraph[], right: Paragraph[], leftPercent: number): Table {
  const cell = (children: Paragraph[], percent: number) =>
    new TableCell({ children, width: { size: percent, type: WidthType.PERCENTAGE } })
  return new Table({
    borders: NO_BORDERS,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ children: [cell(left, leftPercent), cell(right, 100 - leftPercent)] })],
  })
}

export async function renderDocx(doc: DocumentModel): Promise<Buffer> {
  const header = twoColumns(
    [
      ...doc.issuerLines.map((l, i) =>
        paragraph(l, { center: true, bold: i === doc.issuerLines.length - 1 }),
      ),
      paragraph(doc.numberLine, { center: true }),
      ...(doc.letterSubject ? [paragraph(doc.letterSubject, { center: true, size: 12 })] : []),
      ...(doc.stamp ? [paragraph(doc.stamp, { center: true, bold: true })] : []),
    ],
    [
      paragraph(MOTTO[0], { center: true, bold: true }),
      paragraph(MOTTO[1], { center: true, bold: true }),
      paragraph(doc.dateLine, { center: true }),
    ],
    40,
  )
  const footer = twoColumns(
    doc.recipientLines.map((l, i) => paragraph(l, { bold: i === 0, size: i === 0 ? 12 : 11 })),
    doc.signatureLines.map((l) => paragraph(l, { center: true, bold: true, size: 14 })),
    45,
  )
  const document = new Document({
    sections: [
      {
        children: [
          header,
          paragraph(''),
          ...doc.titleLines.map((l) => paragraph(l, { center: true, bold: true, size: 14 })),
          ...addresseeLines(doc).map((l) => paragraph(l, { size: 14 })),
          ...doc.body.map((p) => paragraph(p, { size: 14 })),
          footer,
          ...(doc.annex ?? []).map((l) => paragraph(l, { center: true, bold: true })),
        ],
      },
    ],
  })
  return Packer.toBuffer(document)
}
