/**
 * Consultations (issue 7): MEMBERS committee members (default 40) answer concurrently through the
 * real HTTP routes, each with a comment on every section of a SECTIONS-section draft (default 100),
 * an opinion and a vote on a motion; the officer fills the response table and closes; then the
 * summary is timed: GET /summary (load + build + serialise), buildSummary alone (rows in memory),
 * GET summary.docx and GET summary.pdf (LibreOffice), as p50/p95 over RUNS (PDF_RUNS for the PDF).
 * Baseline in the same run: a naive summary that scans every response for each question, section
 * and member (the obvious nested loops), on the same input; the ratio is naive / buildSummary.
 * Both engines, PostgreSQL first.
 *
 *   npx tsx bench/consultations.ts
 *   BENCH_ENGINES=pglite MEMBERS=40 SECTIONS=100 RUNS=10 PDF_RUNS=2 npx tsx bench/consultations.ts
 */
import {
  ZConsultationSummary,
  type TAnswer,
  type TConsultation,
  type TConsultationSummary,
  type TResponse,
  type TResponseTableRow,
} from '../src/common/contracts/consultations.ts'
import { buildApp } from '../src/server/app.ts'
import { dispositionsFor, summaryInput } from '../src/server/modules/consultations/present.ts'
import { loadDispositions, unsafeLoadConsultation } from '../src/server/modules/consultations/queries.ts'
import { buildSummary, commentId, type SummaryInput } from '../src/server/modules/consultations/summary.ts'
import { makeOrganization, makeUnit, makeUser, TEST_PASSWORD } from '../src/server/test/factories.ts'
import { benchDeps, benchEngines, openBenchDatabase, pct, type BenchEngine } from './support.ts'

const MEMBERS = Number(process.env.MEMBERS ?? 40)
const SECTIONS = Number(process.env.SECTIONS ?? 100)
const RUNS = Number(process.env.RUNS ?? 10)
const PDF_RUNS = Number(process.env.PDF_RUNS ?? 2)

type Session = { id: string; cookie: string; csrf: string }

async function call<T>(base: string, s: Session, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${(await res.text()).slice(0, 500)}`)
  const type = res.headers.get('content-type') ?? ''
  return (type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer())) as T
}

async function signIn(base: string, user: { id: string; username: string }): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: TEST_PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`sign-in of ${user.username}: ${res.status} ${await res.text()}`)
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!
  return { id: user.id, cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken }
}

/** Milliseconds of each of `runs` calls after one warm-up, ascending. */
async function timed(runs: number, fn: () => unknown): Promise<number[]> {
  await fn()
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    out.push(performance.now() - t0)
  }
  return out.sort((a, b) => a - b)
}

const fmt = (ms: number[]) => `p50 ${pct(ms, 50)} ms   p95 ${pct(ms, 95)} ms`

/**
 * The baseline: the same response table and tallies with nested scans (every response searched for
 * each member, every answer for each question, every comment for each section, every disposition
 * for each row), as one would first write it.
 */
function naiveSummary(input: SummaryInput): { rows: TResponseTableRow[]; tallies: number } {
  const rows: TResponseTableRow[] = []
  let tallies = 0
  const counted = (memberId: string) =>
    input.responses.find((r) => r.memberId === memberId && (r.state === 'submitted' || r.state === 'final'))
  for (const q of input.consultation.questions) {
    for (const p of input.participants) {
      const r = counted(p.id)
      const a = r?.answers.find((x) => x.questionKey === q.key)
      if (a?.opinion || a?.vote) tallies++
    }
    for (const s of q.sections) {
      for (const p of input.participants) {
        const r = counted(p.id)
        const a = r?.answers.find((x) => x.questionKey === q.key)
        const c = a?.sectionComments?.find((x) => x.sectionKey === s.key)
        if (!r || !c?.comment.trim()) continue
        const id = commentId(r.id, q.key, s.key)
        const d = input.dispositions.find((x) => x.id === id)
        rows.push({
          id,
          questionKey: q.key,
          sectionKey: s.key,
          sectionLabel: s.label,
          comment: c.comment.trim(),
          member: p,
          disposition: d?.disposition ?? null,
          explanation: d?.explanation ?? null,
          revisedText: d?.revisedText ?? null,
        })
      }
    }
  }
  return { rows, tallies }
}

const sections = Array.from({ length: SECTIONS }, (_, i) => ({
  key: `dieu-${i + 1}`,
  label: `Điều ${i + 1}. Trách nhiệm phối hợp chia sẻ dữ liệu, nội dung ${i + 1}`,
  text: `Các bộ, ngành và địa phương trong lưu vực có trách nhiệm cung cấp dữ liệu theo nội dung ${i + 1}.`,
}))

function answersOf(m: number): TAnswer[] {
  return [
    {
      questionKey: 'y-kien',
      opinion: m % 5 === 0 ? 'disagree' : 'agree_with_comments',
      text: `Thành viên ${m + 1} đề nghị cơ quan soạn thảo rà soát thống nhất thuật ngữ với Luật Tài nguyên nước.`,
    },
    { questionKey: 'bieu-quyet', vote: m % 7 === 0 ? 'reject' : m % 11 === 0 ? 'abstain' : 'approve' },
    {
      questionKey: 'gop-y',
      sectionComments: sections.map((s, i) => ({
        sectionKey: s.key,
        comment: `Đề nghị làm rõ trách nhiệm của cơ quan đầu mối tại ${s.label.split('.')[0]}; bổ sung thời hạn cung cấp dữ liệu (ý kiến ${m + 1}.${i + 1}).`,
      })),
    },
  ]
}

async function run(engine: BenchEngine) {
  const bench = await openBenchDatabase(engine, { poolMax: 12 })
  const deps = benchDeps(bench)
  deps.kickDispatch = () => undefined
  const db = bench.database.db
  const committee = await makeOrganization(db, { name: 'Ủy ban sông Mê Công Việt Nam' })
  const office = await makeUnit(db, committee.id, { name: 'Văn phòng Thường trực' })
  const officerUser = await makeUser(db, {
    roles: ['specialist'],
    organizationId: committee.id,
    unitId: office.id,
  })
  const leaderUser = await makeUser(db, {
    roles: ['leader'],
    organizationId: committee.id,
    unitId: office.id,
  })
  const memberUsers = []
  for (let i = 0; i < MEMBERS; i++) {
    const org = await makeOrganization(db, {
      name: i % 2 ? `Ủy ban nhân dân tỉnh số ${i + 1}` : `Bộ số ${i + 1}`,
      kind: i % 2 ? 'province' : 'ministry',
    })
    memberUsers.push(
      await makeUser(db, {
        roles: ['committee_member'],
        organizationId: org.id,
        fullName: `Ủy viên Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}${i + 1}`,
        position: i % 2 ? 'Phó Chủ tịch' : 'Thứ trưởng',
      }),
    )
  }

  const app = await buildApp(deps, { logger: false })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  try {
    const officer = await signIn(base, officerUser)
    const leader = await signIn(base, leaderUser)
    const members: Session[] = []
    for (const u of memberUsers) members.push(await signIn(base, u))

    const created = await call<TConsultation>(base, officer, 'POST', '/api/consultations', {
      title: 'Dự thảo Quy chế phối hợp chia sẻ dữ liệu tài nguyên nước lưu vực sông Mê Công',
      purpose: 'Lấy ý kiến các thành viên Ủy ban về dự thảo Quy chế trước khi trình Thủ tướng Chính phủ.',
      participantIds: memberUsers.map((u) => u.id),
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      silenceRule: 'agree',
      questions: [
        { key: 'y-kien', kind: 'opinion', title: 'Ý kiến chung về dự thảo Quy chế' },
        {
          key: 'bieu-quyet',
          kind: 'motion',
          title: 'Thông qua dự thảo Quy chế để trình Thủ tướng Chính phủ',
        },
        { key: 'gop-y', kind: 'sections', title: 'Góp ý theo từng điều của dự thảo', sections },
      ],
    })
    const id = created.id
    await call(base, officer, 'POST', `/api/consultations/${id}/submit`, { approverId: leaderUser.id })
    const opened = await call<TConsultation>(base, leader, 'POST', `/api/consultations/${id}/approve`, {})
    if (opened.state !== 'open') throw new Error(`not open after approval: ${opened.state}`)

    // All members at once, each with its own connection and session.
    const latencies: number[] = []
    const t0 = performance.now()
    await Promise.all(
      members.map(async (m, i) => {
        const s = performance.now()
        const r = await call<TResponse>(base, m, 'PUT', `/api/consultations/${id}/responses/mine`, {
          answers: answersOf(i),
          intent: 'submit',
        })
        latencies.push(performance.now() - s)
        if (r.state !== 'submitted') throw new Error(`answer of member ${i}: ${r.state}`)
      }),
    )
    const answerWall = performance.now() - t0
    latencies.sort((a, b) => a - b)

    await call(base, officer, 'POST', `/api/consultations/${id}/close`, {})
    let summary = await call<TConsultationSummary>(base, officer, 'GET', `/api/consultations/${id}/summary`)
    const tDisp = performance.now()
    summary = await call<TConsultationSummary>(
      base,
      officer,
      'PATCH',
      `/api/consultations/${id}/summary/dispositions`,
      {
        // The section comments (the opinion rows too once update-dispositions accepts their ids).
        rows: summary.responseTable.flatMap((r, i) =>
          r.sectionKey === null
            ? []
            : [
                {
                  id: r.id,
                  disposition: i % 3 ? 'accepted' : 'explained',
                  explanation:
                    i % 3 ? 'Tiếp thu, đã chỉnh sửa dự thảo.' : 'Nội dung đã được quy định tại Điều 2.',
                },
              ],
        ),
      },
    )
    const dispositionsMs = performance.now() - tDisp
    const expectedRows = MEMBERS * SECTIONS + MEMBERS
    if (summary.responseTable.length !== expectedRows)
      throw new Error(`response table: ${summary.responseTable.length} rows, expected ${expectedRows}`)

    const getSummary = await timed(RUNS, () => call(base, officer, 'GET', `/api/consultations/${id}/summary`))

    // buildSummary alone, on rows loaded once (as GET /summary loads them).
    const view = (await unsafeLoadConsultation(db, id))!
    const input = summaryInput(
      view,
      dispositionsFor(view, await loadDispositions(db, id), commentId),
      true,
      new Date(),
    )
    const loadRows = await timed(RUNS, async () => {
      const v = (await unsafeLoadConsultation(db, id))!
      return summaryInput(v, dispositionsFor(v, await loadDispositions(db, id), commentId), true, new Date())
    })
    const build = await timed(RUNS * 5, () => buildSummary(input))
    // What the route adds: the response schema (zod) and JSON, as fastify-type-provider-zod serialises.
    const built = buildSummary(input)
    const serialise = await timed(RUNS, () => JSON.stringify(ZConsultationSummary.parse(built)))
    const naive = await timed(Math.max(3, Math.ceil(RUNS / 2)), () => naiveSummary(input))
    const check = naiveSummary(input)
    if (check.rows.length !== MEMBERS * SECTIONS) throw new Error(`naive rows: ${check.rows.length}`)

    const docx = await timed(RUNS, () => call(base, officer, 'GET', `/api/consultations/${id}/summary.docx`))
    const docxBytes = (await call<Buffer>(base, officer, 'GET', `/api/consultations/${id}/summary.docx`))
      .length
    let pdf: number[] = []
    let pdfBytes = 0
    let pdfError: string | null = null
    try {
      pdf = await timed(PDF_RUNS, () => call(base, officer, 'GET', `/api/consultations/${id}/summary.pdf`))
      pdfBytes = (await call<Buffer>(base, officer, 'GET', `/api/consultations/${id}/summary.pdf`)).length
    } catch (err) {
      pdfError = (err as Error).message.slice(0, 200)
    }

    console.log(
      `\n${engine}: ${MEMBERS} members × ${SECTIONS} section comments + opinion + motion (${expectedRows} table rows)`,
    )
    console.log(
      `  answers, ${MEMBERS} concurrent PUTs        wall ${answerWall.toFixed(0)} ms   per request ${fmt(latencies)}`,
    )
    console.log(`  PATCH dispositions (${MEMBERS * SECTIONS} rows)      ${dispositionsMs.toFixed(0)} ms`)
    console.log(`  GET /summary                         ${fmt(getSummary)}   (${RUNS} runs)`)
    console.log(`    of which: load rows (queries)      ${fmt(loadRows)}`)
    console.log(
      `    of which: zod + JSON of the answer ${fmt(serialise)}   ${(JSON.stringify(built).length / 1024).toFixed(0)} KiB`,
    )
    console.log(`  buildSummary alone                   ${fmt(build)}   (${RUNS * 5} runs)`)
    console.log(
      `  baseline: naive nested scans         ${fmt(naive)}   ratio naive / buildSummary ${(pct(naive, 50) / Math.max(0.01, pct(build, 50))).toFixed(0)}×`,
    )
    console.log(`  GET summary.docx                     ${fmt(docx)}   ${(docxBytes / 1024).toFixed(0)} KiB`)
    console.log(
      pdfError
        ? `  GET summary.pdf                      failed: ${pdfError}`
        : `  GET summary.pdf (LibreOffice)        ${fmt(pdf)}   ${(pdfBytes / 1024).toFixed(0)} KiB   (${PDF_RUNS} runs)`,
    )
  } finally {
    await app.close()
    await bench.close()
  }
}

for (const engine of benchEngines()) await run(engine)
process.exit(0)
