/**
 * Migration of the old database at scale (issue 6): 100,000 realistic incoming documents (types,
 * senders, subjects and signers of the Mekong committee's correspondence, 2015–2024) exported as a
 * CSV, then through the migration's own code path (the run, the background job's chunks):
 *  1. dry run of the whole file (read, check every row, check the register): rows/s;
 *  2. import, chunks of 500 rows per transaction: rows/s;
 *  3. the same import again (idempotence: every row skipped): rows/s;
 *  baseline, same run: the first --baseline rows inserted one by one (one transaction per row, the
 *  same duplicate check and insert), rows/s, and the ratio import / baseline.
 * On PGlite, and on PostgreSQL when DATABASE_URL is set (a fresh database is created on that server).
 *
 *   npx tsx bench/migration.ts [--rows 100000] [--baseline 5000]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { parseArgs } from 'node:util'
import { eq, sql } from 'drizzle-orm'
import pg from 'pg'
import { createDeps } from '../src/server/app.ts'
import { loadConfig, type Config } from '../src/server/config.ts'
import type { Actor, Ctx } from '../src/server/platform/context.ts'
import { migrateDatabase, openDatabase, queryRows, type Database } from '../src/server/platform/db/client.ts'
import { registers, users } from '../src/server/platform/db/schema.ts'
import type { Role } from '../src/common/domain.ts'
import { seedDemo } from '../src/server/seed/seed.ts'
import { insertFileWithBlob } from '../src/server/modules/files/index.ts'
import { findMigrationClashes, insertMigratedIncoming } from '../src/server/modules/documents-in/index.ts'
import { processMigrations } from '../src/server/modules/migration/index.ts'
import { createRun } from '../src/server/modules/migration/actions/create-run.ts'
import { prepareRows, vnToday } from '../src/server/modules/migration/prepare.ts'

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    baseline: { type: 'string', default: '5000' },
  },
})
const ROWS = Number(args.rows)
const BASELINE = Math.min(ROWS, Number(args.baseline))
const PASSWORD = 'Bench-password-2026'

// --- realistic rows -------------------------------------------------------------------------

const SENDERS: [string, string][] = [
  ['Bộ Ngoại giao', 'BNG'],
  ['Bộ Tài nguyên và Môi trường', 'BTNMT'],
  ['Bộ Nông nghiệp và Phát triển nông thôn', 'BNNPTNT'],
  ['Bộ Kế hoạch và Đầu tư', 'BKHĐT'],
  ['Bộ Tài chính', 'BTC'],
  ['Bộ Công Thương', 'BCT'],
  ['Bộ Giao thông vận tải', 'BGTVT'],
  ['Bộ Xây dựng', 'BXD'],
  ['Bộ Khoa học và Công nghệ', 'BKHCN'],
  ['Văn phòng Chính phủ', 'VPCP'],
  ['Tổng cục Thủy lợi', 'TCTL'],
  ['Cục Quản lý tài nguyên nước', 'QLTNN'],
  ['Viện Khoa học Thủy lợi miền Nam', 'VKHTLMN'],
  ['Ban Thư ký Ủy hội sông Mê Công quốc tế', 'MRCS'],
  ['UBND tỉnh An Giang', 'UBND'],
  ['UBND tỉnh Đồng Tháp', 'UBND'],
  ['UBND thành phố Cần Thơ', 'UBND'],
  ['UBND tỉnh Kiên Giang', 'UBND'],
  ['UBND tỉnh Cà Mau', 'UBND'],
  ['UBND tỉnh Bạc Liêu', 'UBND'],
  ['UBND tỉnh Sóc Trăng', 'UBND'],
  ['UBND tỉnh Trà Vinh', 'UBND'],
  ['UBND tỉnh Bến Tre', 'UBND'],
  ['UBND tỉnh Vĩnh Long', 'UBND'],
  ['UBND tỉnh Tiền Giang', 'UBND'],
  ['UBND tỉnh Long An', 'UBND'],
  ['UBND tỉnh Hậu Giang', 'UBND'],
  ['UBND tỉnh Đắk Lắk', 'UBND'],
  ['UBND tỉnh Gia Lai', 'UBND'],
  ['UBND tỉnh Kon Tum', 'UBND'],
  ['Sở Nông nghiệp và Phát triển nông thôn tỉnh An Giang', 'SNN'],
  ['Sở Tài nguyên và Môi trường tỉnh Cà Mau', 'STNMT'],
]

/** [name, abbreviation, weight]: Công văn dominates an incoming register. */
const TYPES: [string, string | null, number][] = [
  ['Công văn', null, 45],
  ['Quyết định', 'QĐ', 10],
  ['Thông báo', 'TB', 8],
  ['Báo cáo', 'BC', 8],
  ['Giấy mời', 'GM', 8],
  ['Kế hoạch', 'KH', 5],
  ['Tờ trình', 'TTr', 4],
  ['Hướng dẫn', 'HD', 3],
  ['Chỉ thị', 'CT', 2],
  ['Biên bản', 'BB', 2],
  ['Chương trình', 'CTr', 2],
  ['Đề án', 'ĐA', 1],
  ['Nghị quyết', 'NQ', 1],
  ['Thông tư', 'TT', 1],
]

const TOPICS = [
  'quan trắc mực nước sông Mê Công mùa khô',
  'tình hình xâm nhập mặn vùng đồng bằng sông Cửu Long',
  'sạt lở bờ sông, bờ biển và giải pháp ứng phó',
  'kế hoạch hợp tác với Ủy hội sông Mê Công quốc tế',
  'quy hoạch tổng hợp lưu vực sông Cửu Long',
  'thích ứng với biến đổi khí hậu vùng đồng bằng',
  'nguồn vốn ODA cho các dự án thủy lợi',
  'đánh giá tác động xuyên biên giới của thủy điện dòng chính',
  'chia sẻ số liệu thủy văn với các nước thành viên',
  'chuẩn bị phiên họp Hội đồng Ủy hội sông Mê Công',
  'hợp tác Mê Công – Lan Thương về tài nguyên nước',
  'quy trình thông báo, tham vấn trước và thỏa thuận',
  'giám sát chất lượng nước sông Tiền, sông Hậu',
  'phòng, chống hạn hán và thiếu nước sinh hoạt',
  'nghiên cứu phù sa và bồi lắng lòng dẫn',
  'kinh phí hoạt động của Ủy ban năm',
  'đào tạo cán bộ về quản lý tài nguyên nước',
  'chiến lược phát triển lưu vực sông Mê Công',
  'bảo tồn đa dạng sinh học vùng ngập lũ',
  'sinh kế người dân ven sông và nuôi trồng thủy sản',
  'dự báo lũ và cảnh báo sớm thiên tai',
  'đập Sê San, Srêpốk và dòng chảy hạ du',
  'báo cáo tình hình thực hiện nhiệm vụ sáu tháng đầu năm',
  'tổng kết công tác năm và phương hướng năm tới',
  'đoàn công tác tham dự hội nghị khu vực',
]

const SIGNERS = [
  'Nguyễn Văn Hùng',
  'Trần Thị Thu Hà',
  'Lê Minh Tuấn',
  'Phạm Quốc Bảo',
  'Võ Thanh Sơn',
  'Đặng Thị Mai',
  'Hoàng Văn Nam',
  'Bùi Đức Thắng',
  'Ngô Thị Lan Anh',
  'Huỳnh Công Danh',
]

/** A deterministic pseudo-random stream: the same file every run. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function pad(n: number) {
  return String(n).padStart(2, '0')
}

function generateCsv(rows: number): Buffer {
  const random = rng(20_260_601)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  const totalWeight = TYPES.reduce((n, t) => n + t[2], 0)
  const pickType = () => {
    let r = random() * totalWeight
    for (const t of TYPES) if ((r -= t[2]) < 0) return t
    return TYPES[0]!
  }
  const years = 10
  const perYear = Math.ceil(rows / years)
  const lines = [
    'Mã,Số đến,Ngày đến,Số ký hiệu,Ngày ban hành,Cơ quan ban hành,Loại văn bản,Trích yếu,Người ký,Chức vụ,Độ khẩn,Số trang,Ghi chú',
  ]
  for (let i = 0; i < rows; i++) {
    const year = 2015 + Math.floor(i / perYear)
    const number = (i % perYear) + 1
    const dayOfYear = Math.floor((number / perYear) * 360)
    const arrival = new Date(Date.UTC(year, 0, 1 + dayOfYear))
    const issue = new Date(arrival.getTime() - Math.floor(random() * 7) * 86_400_000)
    const [sender, senderAbbr] = pick(SENDERS)
    const [typeName, typeAbbr] = pickType()
    const docNumber = 1 + Math.floor(random() * 3000)
    const notation = typeAbbr ? `${docNumber}/${typeAbbr}-${senderAbbr}` : `${docNumber}/${senderAbbr}-VP`
    const typeCell = random() < 0.3 && typeAbbr ? typeAbbr : typeName
    const topic = pick(TOPICS)
    const subject = typeAbbr ? `${typeName} về ${topic}` : `V/v ${topic}`
    const u = random()
    const urgency = u < 0.8 ? '' : u < 0.92 ? 'Khẩn' : u < 0.97 ? 'Thượng khẩn' : 'Hỏa tốc'
    const fmt = (d: Date) => `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`
    lines.push(
      [
        `VBD-${year}-${String(number).padStart(6, '0')}`,
        String(number),
        fmt(arrival),
        notation,
        random() < 0.5 ? fmt(issue) : issue.toISOString().slice(0, 10),
        sender,
        typeCell,
        subject,
        pick(SIGNERS),
        random() < 0.5 ? 'Thứ trưởng' : 'Phó Chủ tịch',
        urgency,
        String(1 + Math.floor(random() * 40)),
        random() < 0.05 ? 'Bản sao gửi các đơn vị liên quan' : '',
      ]
        .map(csvCell)
        .join(','),
    )
  }
  return Buffer.from(lines.join('\r\n'), 'utf8')
}

// --- engines --------------------------------------------------------------------------------

async function open(engine: 'pglite' | 'postgres', dataDir: string) {
  if (engine === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dir: path.join(dataDir, 'pg') })
    return { database, drop: async () => undefined }
  }
  const server = process.env.DATABASE_URL!
  const name = `eoffice_bench_migration_${Date.now()}`
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(server)
  url.pathname = `/${name}`
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 4 })
  const drop = async () => {
    const c = new pg.Client({ connectionString: server })
    await c.connect()
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await c.end()
  }
  return { database, drop }
}

async function actorOf(database: Database, username: string): Promise<Actor> {
  const [u] = await database.db.select().from(users).where(eq(users.username, username))
  return {
    id: u!.id,
    username: u!.username,
    fullName: u!.fullName,
    organizationId: u!.organizationId,
    unitId: u!.unitId,
    position: u!.position,
    roles: u!.roles as Role[],
  }
}

function ctxFor(tx: Ctx['tx'], actor: Actor, config: Config): Ctx {
  return {
    actor,
    principalId: actor.id,
    tx,
    now: new Date(),
    request: { ip: null, userAgent: 'bench' },
    config,
    hasEvents: false,
  }
}

async function bench(engine: 'pglite' | 'postgres', csv: Buffer) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-migration-'))
  const { database, drop } = await open(engine, dataDir)
  try {
    const config = loadConfig({
      NODE_ENV: 'production',
      APP_SECRET: 'm'.repeat(40),
      PUBLIC_URL: 'http://localhost',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      REQUIRE_ADMIN_MFA: 'false',
      MAX_UPLOAD_MB: '500',
    })
    await migrateDatabase(database)
    await seedDemo(database.db, { ...config, demoPassword: PASSWORD })
    const deps = createDeps(config, database)
    deps.kickDispatch = () => undefined
    const admin = await actorOf(database, 'quantri')
    const [register] = await database.db
      .insert(registers)
      .values({
        organizationId: admin.organizationId,
        kind: 'incoming',
        code: 'VBD-CU',
        name: 'Sổ văn bản đến (hệ thống cũ)',
      })
      .returning()
    const stored = await deps.blobs.put(Readable.from([csv]), { maxBytes: config.maxUploadBytes })
    const file = await database.db.transaction((tx) =>
      insertFileWithBlob(tx, {
        sha256: stored.sha256,
        filename: 'van-ban-den-2015-2024.csv',
        mediaType: 'text/csv',
        size: stored.size,
        uploadedBy: admin.id,
        createdAt: new Date(),
      }),
    )
    const timeRun = async (mode: 'dry_run' | 'import') => {
      const run = await database.db.transaction((tx) =>
        createRun(ctxFor(tx, admin, config), {
          kind: 'incoming',
          mode,
          registerId: register!.id,
          sourceFileId: file.id,
        }),
      )
      const t0 = performance.now()
      await processMigrations(deps, { runId: run.id, timeBudgetMs: 3_600_000 })
      const seconds = (performance.now() - t0) / 1000
      const [r] = await queryRows<{
        status: string
        imported_rows: number
        skipped_rows: number
        problem_count: number
      }>(
        database.db,
        sql`SELECT status, imported_rows, skipped_rows, problem_count FROM migration_runs WHERE id = ${run.id}`,
      )
      return { seconds, rate: ROWS / seconds, ...r!, id: run.id }
    }
    const line = (label: string, r: { seconds: number; rate: number }, extra = '') =>
      console.log(
        `  ${label.padEnd(44)} ${Math.round(r.rate).toLocaleString('en').padStart(8)} rows/s  (${r.seconds.toFixed(1)} s)${extra}`,
      )

    console.log(
      `\n${engine === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'} — ${ROWS.toLocaleString('en')} rows, ${(csv.length / 1048576).toFixed(1)} MB CSV`,
    )
    const dry = await timeRun('dry_run')
    line(
      'dry run (read, check rows and register)',
      dry,
      `  problems ${dry.problem_count}, valid ${dry.imported_rows}`,
    )
    const imported = await timeRun('import')
    line(
      'import, 500 rows per transaction',
      imported,
      `  imported ${imported.imported_rows}, status ${imported.status}`,
    )
    const again = await timeRun('import')
    line(
      'import again (idempotent: all skipped)',
      again,
      `  imported ${again.imported_rows}, skipped ${again.skipped_rows}`,
    )

    // Baseline: the same rows, one transaction each (duplicate check + insert), into another register.
    const [base] = await database.db
      .insert(registers)
      .values({
        organizationId: admin.organizationId,
        kind: 'incoming',
        code: 'VBD-BASE',
        name: 'Sổ đối chứng',
      })
      .returning()
    const { rows } = await prepareRows('incoming', csv, 'text/csv', vnToday(new Date()))
    const records = rows.slice(0, BASELINE).map((r) => r.record!)
    const t0 = performance.now()
    for (const r of records) {
      await database.db.transaction(async (tx) => {
        const clash = await findMigrationClashes(tx, base!.id, [
          { key: r.key, year: r.registerYear, number: r.registerNumber },
        ])
        if (clash.importedKeys.size || clash.takenNumbers.size) return
        await insertMigratedIncoming(tx, {
          registerId: base!.id,
          runId: imported.id,
          registeredBy: admin.id,
          registeredUnitId: admin.unitId,
          at: new Date(),
          documents: [
            {
              migrationKey: r.key,
              registerYear: r.registerYear,
              registerNumber: r.registerNumber,
              arrivedAt: r.arrivedAt!,
              senderOrganizationId: null,
              senderName: r.senderName,
              numberAndNotation: r.numberAndNotation,
              codeNumber: r.codeNumber,
              codeNotation: r.codeNotation,
              issueDate: r.issueDate,
              documentType: r.documentType,
              subject: r.subject,
              signerName: r.signerName,
              signerTitle: r.signerTitle,
              urgency: r.urgency,
              pageCount: r.pageCount,
              copyCount: r.copyCount,
              dueDate: r.dueDate,
              notes: r.notes,
              documentIdentifier: null,
              fileIds: [],
            },
          ],
        })
      })
    }
    const baseSeconds = (performance.now() - t0) / 1000
    const baseline = { seconds: baseSeconds, rate: records.length / baseSeconds }
    line(`baseline: one row per transaction (${records.length.toLocaleString('en')} rows)`, baseline)
    console.log(`  ratio import / baseline: ${(imported.rate / baseline.rate).toFixed(1)}×`)
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM documents WHERE register_id = ${register!.id}`,
    )
    if (Number(n) !== ROWS) throw new Error(`expected ${ROWS} documents, found ${n}`)
  } finally {
    await database.close()
    await drop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

const t0 = performance.now()
const csv = generateCsv(ROWS)
console.log(
  `generated ${ROWS.toLocaleString('en')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
)
await bench('pglite', csv)
if (process.env.DATABASE_URL) await bench('postgres', csv)
else console.log('\n(PostgreSQL skipped: set DATABASE_URL=postgres://… to measure it too)')
