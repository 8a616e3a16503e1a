/** Search through HTTP: matching without diacritics, numbers, phrases, facets, permissions, text of files. */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TSearchResult, TSuggestResult, THighlightResult } from '@common/contracts/search'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/client.ts'
import { buildTestApp, type Client, type TestApp } from '../../test/harness.ts'
import {
  office,
  registerDocument,
  uploadPdf,
  type Office,
} from '../documents-in/documents-in.test-support.ts'
import { extractPendingTexts } from '../documents-in/index.ts'
import { reindexAll } from './index.ts'

let t: TestApp
let o: Office
const tag = `m${randomBytes(3).toString('hex')}`
const ids: Record<string, string> = {}

async function find(client: Client, query: Record<string, string | number>) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))
  const res = await client.get(`/api/search?${qs}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as TSearchResult
}

const idsOf = (r: TSearchResult) => r.items.map((i) => i.id)

beforeAll(async () => {
  t = await buildTestApp()
  o = await office(t)
  ids.decision = (
    await registerDocument(o, {
      documentType: 'QĐ',
      numberAndNotation: `123/QĐ-${tag.toUpperCase()}`,
      issueDate: '2025-06-10',
      subject: `Quyết định phê duyệt kế hoạch quản lý lưu vực sông Đồng Nai ${tag}`,
    })
  ).id
  ids.scattered = (
    await registerDocument(o, {
      numberAndNotation: `45/${tag.toUpperCase()}-VP`,
      issueDate: '2026-02-01',
      subject: `Báo cáo về sông ngòi và lưu trữ hồ sơ, vực dậy phong trào ${tag}`,
    })
  ).id
  const fileId = await uploadPdf(o.clients.clerk, `Phu luc ${tag} xam nhap man Ca Mau`)
  ids.withFile = (
    await registerDocument(o, {
      issueDate: '2026-03-05',
      subject: `Công văn về tình hình hạn hán ${tag}`,
      fileIds: [fileId],
      mainFileId: fileId,
    })
  ).id
  await extractPendingTexts(t.deps)
  await t.dispatch()
})

afterAll(async () => {
  await t?.close()
})

describe('matching', () => {
  it('finds a title typed without diacritics, and with them, in any case', async () => {
    for (const q of [`quyet dinh luu vuc ${tag}`, `QUYẾT ĐỊNH lưu vực ${tag}`, `dong nai ${tag}`]) {
      const r = await find(o.clients.clerk, { q })
      expect(idsOf(r), q).toEqual([ids.decision])
      expect(r.items[0]!.title.filter((p) => p.match).length).toBeGreaterThan(0)
    }
  })

  it('ranks the title with the words side by side first; a phrase needs them side by side', async () => {
    const r = await find(o.clients.clerk, { q: `luu vuc ${tag}` })
    expect(idsOf(r)).toEqual([ids.decision, ids.scattered])
    const phrase = await find(o.clients.clerk, { q: `"luu vuc" ${tag}` })
    expect(idsOf(phrase)).toEqual([ids.decision])
    expect(phrase.understood.phrases).toEqual(['luu vuc'])
  })

  it('excludes words with a minus', async () => {
    const r = await find(o.clients.clerk, { q: `luu ${tag} -dong` })
    expect(idsOf(r)).toEqual([ids.scattered])
  })

  it('finds numbers exactly, by their beginning and by their notation', async () => {
    const exact = await find(o.clients.clerk, { q: `123/QĐ-${tag.toUpperCase()}` })
    expect(idsOf(exact)).toEqual([ids.decision])
    expect(exact.items[0]!.matchedIn).toContain('number')
    const notation = await find(o.clients.clerk, { q: `qđ-${tag}` })
    expect(idsOf(notation)).toEqual([ids.decision])
    const prefix = await find(o.clients.clerk, { q: `45/${tag.toUpperCase()}` })
    expect(idsOf(prefix)).toEqual([ids.scattered])
  })

  it("finds the files' text, with a highlighted snippet", async () => {
    const r = await find(o.clients.clerk, { q: `xâm nhập mặn ${tag}` })
    expect(idsOf(r)).toEqual([ids.withFile])
    expect(r.items[0]!.matchedIn).toContain('text')
    expect(
      r.items[0]!.snippet.filter((p) => p.match)
        .map((p) => p.text)
        .join(' '),
    ).toMatch(/xam nhap man/i)
  })
})

describe('filters, facets and sorting', () => {
  it('counts facets and filters by year and sender', async () => {
    const all = await find(o.clients.clerk, { q: tag })
    expect(all.total).toBe(3)
    expect(all.totalIsEstimate).toBe(false)
    expect(all.facets.year).toEqual([
      { value: '2026', label: '2026', count: 2 },
      { value: '2025', label: '2025', count: 1 },
    ])
    const sender = all.facets.sender[0]!
    expect(sender.count).toBe(3)
    const y2025 = await find(o.clients.clerk, { q: tag, year: 2025, sender: sender.value })
    expect(idsOf(y2025)).toEqual([ids.decision])
    const typed = sender.value
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase()
    expect((await find(o.clients.clerk, { q: tag, sender: typed })).total).toBe(3)
    const byType = await find(o.clients.clerk, { q: tag, documentType: 'QĐ' })
    expect(idsOf(byType)).toEqual([ids.decision])
    const ranged = await find(o.clients.clerk, { q: tag, from: '2026-01-01', to: '2026-02-28' })
    expect(idsOf(ranged)).toEqual([ids.scattered])
  })

  it('sorts by date both ways', async () => {
    expect(idsOf(await find(o.clients.clerk, { q: tag, sort: 'date_desc' }))).toEqual([
      ids.withFile,
      ids.scattered,
      ids.decision,
    ])
    expect(idsOf(await find(o.clients.clerk, { q: tag, sort: 'date_asc' }))).toEqual([
      ids.decision,
      ids.scattered,
      ids.withFile,
    ])
  })

  it('refuses bad input with a message', async () => {
    const res = await o.clients.clerk.get(`/api/search?q=x&year=abc`)
    expect(res.statusCode).toBe(400)
    const res2 = await o.clients.clerk.get(`/api/search?q=x&pageSize=500`)
    expect(res2.statusCode).toBe(400)
  })
})

describe('permissions', () => {
  it('shows a specialist of another unit nothing until the document is assigned to them', async () => {
    expect((await find(o.clients.other, { q: tag })).total).toBe(0)
    const submitted = await o.clients.clerk.post(`/api/documents-in/${ids.decision}/submit`, {
      leaderId: o.people.leader.id,
    })
    expect(submitted.statusCode, submitted.body).toBe(200)
    const assigned = await o.clients.leader.post(`/api/documents-in/${ids.decision}/assign`, {
      directive: 'Ông B nghiên cứu.',
      lead: { userId: o.people.other.id, deadline: { workingDays: 5 } },
    })
    expect(assigned.statusCode, assigned.body).toBe(200)
    await t.dispatch()
    expect(idsOf(await find(o.clients.other, { q: `quyet dinh ${tag}` }))).toEqual([ids.decision])
    // The leader sees everything of the organization; an administrator manages, and sees none.
    expect((await find(o.clients.leader, { q: tag })).total).toBe(3)
    expect((await find(o.clients.admin, { q: tag })).total).toBe(0)
  })

  it('never returns what the index says but the module no longer allows', async () => {
    // Simulate a stale entry: give the admin's key to an entry without going through events.
    await t.database.db.execute(
      sql`UPDATE search_entries SET readers = readers || ARRAY[${`u:${o.people.admin.id}`}] WHERE target_id = ${ids.scattered}`,
    )
    expect((await find(o.clients.admin, { q: tag })).items).toEqual([])
    await reindexAll(t.database)
    const [row] = await queryRows<{ readers: string[] }>(
      t.database.db,
      sql`SELECT readers FROM search_entries WHERE target_id = ${ids.scattered}`,
    )
    expect(row!.readers).not.toContain(`u:${o.people.admin.id}`)
  })
})

describe('suggestions and highlights', () => {
  it('suggests titles as the last word is typed', async () => {
    const res = await o.clients.clerk.get(`/api/search/suggest?q=${encodeURIComponent(`${tag} quyet di`)}`)
    expect(res.statusCode).toBe(200)
    const items = (res.json() as TSuggestResult).items
    expect(items.map((i) => i.id)).toEqual([ids.decision])
    expect(items[0]!.path).toBe(`/documents-in/${ids.decision}`)
  })

  it('shows where one document matches, only to who may see it', async () => {
    const url = `/api/search/highlight?kind=documentIn&id=${ids.withFile}&q=${encodeURIComponent('xam nhap man')}`
    const res = await o.clients.clerk.get(url)
    expect(res.statusCode).toBe(200)
    const h = res.json() as THighlightResult
    expect(h.matchCount).toBe(1) // the three words side by side are one match
    expect(h.passages[0]!.some((p) => p.match && /xam/i.test(p.text))).toBe(true)
    expect((await o.clients.other.get(url)).statusCode).toBe(404)
  })
})
