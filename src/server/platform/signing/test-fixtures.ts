/** Fixtures for the signing tests and bench: a Vietnamese official letter and a demo PKI. */
import { randomBytes } from 'node:crypto'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb } from 'pdf-lib'
import { PNG } from 'pngjs'
import { createDemoPki, type DemoPki } from './demo-pki.ts'
import { fontBytes } from './fonts.ts'

export const LEADER = { name: 'Nguyễn Văn A', title: 'PHÓ CHỦ TỊCH' }
export const ORGANIZATION = 'Ủy ban sông Mê Công Việt Nam'
export const PIN = '123456'

/** Baselines used by the letter's signature block, for the placement assertions. */
export const BLOCK = { titleBaseline: 232, nameBaseline: 140, nameSize: 14, titleSize: 14 }

/**
 * An A4 letter in Liberation Serif: body text, then on the last page "Nơi nhận" on the left and
 * the signature block on the right ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / blank / "Nguyễn Văn A").
 * `noiseBytes` adds an incompressible image to reach a realistic file size.
 */
export async function letterPdf(
  options: { pages?: number; noiseBytes?: number; useObjectStreams?: boolean } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const font = await doc.embedFont(fontBytes('serif'), { subset: true })
  const pages = options.pages ?? 2
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595.28, 841.89])
    const top = p === 0 ? 740 : 790
    if (p === 0) {
      page.drawText('ỦY BAN SÔNG MÊ CÔNG VIỆT NAM', { x: 60, y: 770, size: 12, font })
      page.drawText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { x: 300, y: 770, size: 12, font })
    }
    const lines = p === pages - 1 ? 20 : 36
    for (let l = 0; l < lines; l++) {
      page.drawText(
        `Về việc phối hợp quản lý tài nguyên nước lưu vực sông Mê Công, đoạn ${p + 1}.${l + 1}.`,
        {
          x: 70,
          y: top - l * 18,
          size: 13,
          font,
        },
      )
    }
    if (p === pages - 1) {
      const right = (text: string, y: number, size = 14) => {
        const w = font.widthOfTextAtSize(text, size)
        page.drawText(text, { x: 430 - w / 2, y, size, font })
      }
      page.drawText('Nơi nhận:', { x: 70, y: 260, size: 12, font })
      page.drawText('- Như trên;', { x: 70, y: 245, size: 11, font })
      page.drawText('- Lưu: VT, VP.', { x: 70, y: 232, size: 11, font })
      right('KT. CHỦ TỊCH', 250)
      right(LEADER.title, BLOCK.titleBaseline)
      right(LEADER.name, BLOCK.nameBaseline)
    }
  }
  if (options.noiseBytes) {
    const side = Math.ceil(Math.sqrt(options.noiseBytes / 3))
    const png = new PNG({ width: side, height: side, colorType: 2 })
    randomBytes(side * side * 4).copy(png.data)
    for (let i = 3; i < png.data.length; i += 4) png.data[i] = 255
    const image = await doc.embedPng(PNG.sync.write(png, { colorType: 2 }))
    doc.getPages()[0]!.drawImage(image, { x: 400, y: 40, width: 120, height: 120 })
    doc
      .getPages()[0]!
      .drawRectangle({ x: 400, y: 40, width: 120, height: 120, borderColor: rgb(0, 0, 0), borderWidth: 1 })
  }
  return doc.save({ useObjectStreams: options.useObjectStreams ?? true })
}

export type TestPki = DemoPki

/** A root, a leader and the organization, all with PIN. */
export function testPki(now = new Date()): Promise<TestPki> {
  return createDemoPki({
    organizationName: ORGANIZATION,
    people: [
      { key: 'leader', commonName: LEADER.name, email: 'a@mekong.gov.vn' },
      { key: 'organization', commonName: ORGANIZATION, isOrganization: true },
    ],
    pinFor: () => PIN,
    now,
  })
}
