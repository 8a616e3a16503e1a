/** Consultations in the global search (GET /api/search): who finds them, in which state, and the index following changes. */
import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { THighlightResult, TSearchResult, TSuggestResult } from '@common/contracts/search'
import { makeOrganization, makeUser, TEST_PASSWORD } from '../../test/factories.ts'
import { buildTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts'
import { backfillNewSources, reindexAll } from '../search/index.ts'
import { cast, form, openConsultation, type Cast } from './consultations.test-support.ts'

let t: TestApp
let c: Cast
let partner: Client
// A word no other test's data holds, so every count below is exact.
const tag = `lyk${randomBytes(3).toString('hex')}`
const title = `Lấy ý kiến dự thảo Quy chế điều tiết nước hồ chứa ${tag}`

async function find(client: Client, q: string, extra: Record<string, string> = {}) {
  const res = await client.get(`/api/search?${new URLSearchParams({ q, ...extra })}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as TSearchResult
}

const idsOf = (r: TSearchResult) => r.items.map((i) => i.id)

beforeAll(async () => {
  t = await buildTestApp()
  c = await cast(t)
  const org = await makeOrganization(t.database.db, { kind: 'partner' })
  const user = await makeUser(t.database.db, { roles: ['partner'], organizationId: org.id })
  partner = await signIn(t.app, user.username, TEST_PASSWORD)
})

afterAll(async () => {
  await t?.close()
})

describe('an open consultation', () => {
  let id: string
  beforeAll(async () => {
    id = await openConsultation(c, {
      title,
      purpose: `Hoàn thiện quy chế vận hành liên hồ mùa cạn ${tag}`,
      background: 'Hạn hán và xâm nhập mặn kéo dài ở Đồng bằng sông Cửu Long',
    })
    await t.dispatch()
  })

  it('is found by an officer by a word of its title, with or without diacritics, and opens its page', async () => {
    for (const q of [`điều tiết ${tag}`, `dieu tiet ${tag}`, `QUY CHE ${tag}`]) {
      const r = await find(c.officer, q)
      expect(idsOf(r), q).toEqual([id])
      expect(r.items[0]).toMatchObject({ kind: 'consultation', path: `/consultations/${id}`, state: 'open' })
      expect(r.items[0]!.title.some((p) => p.match)).toBe(true)
    }
    const r = await find(c.officer, tag)
    expect(r.facets.kind).toEqual([{ value: 'consultation', label: 'consultation', count: 1 }])
    expect(idsOf(await find(c.officer, tag, { kind: 'consultation' }))).toEqual([id])
    expect(idsOf(await find(c.officer, tag, { kind: 'documentIn' }))).toEqual([])
  })

  it('is found by its purpose, background and questions, with a snippet', async () => {
    const r = await find(c.officer, `lien ho mua can ${tag}`)
    expect(idsOf(r)).toEqual([id])
    expect(r.items[0]!.matchedIn).toContain('text')
    expect(r.items[0]!.snippet.some((p) => p.match && /liên/i.test(p.text))).toBe(true)
    // Background and the draft's section labels (form(): "Điều 2. Đối tượng áp dụng").
    expect(idsOf(await find(c.officer, `xam nhap man ${tag}`))).toEqual([id])
    expect(idsOf(await find(c.officer, `doi tuong ap dung ${tag}`))).toEqual([id])
  })

  it('is found by the leader who approved it, each participant and their focal points', async () => {
    for (const client of [c.leader, ...c.members.flatMap((m) => [m.client, m.focalClient])]) {
      expect(idsOf(await find(client, `dieu tiet ${tag}`))).toEqual([id])
    }
  })

  it('is not found by a committee member who was not asked, nor by a partner', async () => {
    for (const client of [c.outsider, partner]) {
      expect((await find(client, `dieu tiet ${tag}`)).total).toBe(0)
      expect((await find(client, tag)).items).toEqual([])
    }
  })

  it('is suggested as a participant types, and shows where it matches only to who may see it', async () => {
    const res = await c.members[1].client.get(`/api/search/suggest?q=${encodeURIComponent(`${tag} dieu ti`)}`)
    expect(res.statusCode, res.body).toBe(200)
    const items = (res.json() as TSuggestResult).items
    expect(items.map((i) => [i.kind, i.id, i.path])).toEqual([['consultation', id, `/consultations/${id}`]])
    const url = `/api/search/highlight?kind=consultation&id=${id}&q=${encodeURIComponent('xam nhap man')}`
    const seen = await c.members[1].focalClient.get(url)
    expect(seen.statusCode, seen.body).toBe(200)
    expect((seen.json() as THighlightResult).matchCount).toBe(1)
    expect((await c.outsider.get(url)).statusCode).toBe(404)
  })
})

describe('drafts, edits and cancelling', () => {
  it('a draft or a consultation awaiting approval is found by the officers, never by a participant', async () => {
    const created = await c.officer.post(
      '/api/consultations',
      form(c, { title: `Dự thảo báo cáo phù sa ${tag}` }),
    )
    expect(created.statusCode, created.body).toBe(201)
    const id = (created.json() as { id: string }).id
    await t.dispatch()
    expect(idsOf(await find(c.officer, `phu sa ${tag}`))).toEqual([id])
    expect((await find(c.officer, `phu sa ${tag}`)).items[0]!.state).toBe('draft')
    for (const m of c.members) {
      expect((await find(m.client, `phu sa ${tag}`)).total).toBe(0)
      expect((await find(m.focalClient, `phu sa ${tag}`)).total).toBe(0)
    }

    // The creator edits the draft: the old words no longer find it, the new ones do.
    const edited = await c.officer.patch(
      `/api/consultations/${id}`,
      form(c, { title: `Dự thảo báo cáo trầm tích ${tag}` }),
    )
    expect(edited.statusCode, edited.body).toBe(200)
    await t.dispatch()
    expect((await find(c.officer, `phu sa ${tag}`)).total).toBe(0)
    expect(idsOf(await find(c.officer, `tram tich ${tag}`))).toEqual([id])

    const submitted = await c.officer.post(`/api/consultations/${id}/submit`, { approverId: c.leaderUser.id })
    expect(submitted.statusCode, submitted.body).toBe(200)
    await t.dispatch()
    expect((await find(c.leader, `tram tich ${tag}`)).items[0]).toMatchObject({ id, state: 'submitted' })
    expect((await find(c.members[0].client, `tram tich ${tag}`)).total).toBe(0)

    // Approved: it opens, and the participants find it from then on.
    expect((await c.leader.post(`/api/consultations/${id}/approve`, {})).statusCode).toBe(200)
    await t.dispatch()
    expect(idsOf(await find(c.members[0].client, `tram tich ${tag}`))).toEqual([id])
  })

  it('a cancelled consultation leaves the participants’ results; the officers find it as cancelled', async () => {
    const id = await openConsultation(c, { title: `Lấy ý kiến về sạt lở bờ sông ${tag}` })
    await t.dispatch()
    expect(idsOf(await find(c.members[2].client, `sat lo ${tag}`))).toEqual([id])
    const cancelled = await c.officer.post(`/api/consultations/${id}/cancel`, { reason: 'Trùng nội dung' })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    await t.dispatch()
    expect((await find(c.members[2].client, `sat lo ${tag}`)).total).toBe(0)
    expect((await find(c.members[2].focalClient, `sat lo ${tag}`)).total).toBe(0)
    const officer = await find(c.officer, `sat lo ${tag}`, { state: 'cancelled' })
    expect(officer.items.map((i) => [i.id, i.state])).toEqual([[id, 'cancelled']])
  })

  it('never shows what a stale index allows but the module does not; a re-index repairs it', async () => {
    const id = await openConsultation(c, { title: `Lấy ý kiến về quan trắc lưu vực ${tag}` })
    await t.dispatch()
    expect(idsOf(await find(c.members[0].client, `quan trac ${tag}`))).toEqual([id])
    // Back to a draft behind the index's back (no event): the entry still names the participants.
    await t.database.db.execute(sql`UPDATE consultations SET state = 'draft' WHERE id = ${id}`)
    expect((await find(c.members[0].client, `quan trac ${tag}`)).items).toEqual([])
    expect(idsOf(await find(c.officer, `quan trac ${tag}`))).toEqual([id])

    // npm run search:reindex rebuilds the consultations' entries from the module's data.
    await t.database.db.execute(sql`DELETE FROM search_entries WHERE target_type = 'consultation'`)
    expect((await find(c.officer, `quan trac ${tag}`)).total).toBe(0)
    await reindexAll(t.database)
    const r = await find(c.officer, `quan trac ${tag}`)
    expect(r.items.map((i) => [i.id, i.state])).toEqual([[id, 'draft']])
    expect((await find(c.members[0].client, `quan trac ${tag}`)).total).toBe(0)
  })

  it('an upgrade that adds the consultations source indexes the existing ones once (backfill job)', async () => {
    const id = await openConsultation(c, { title: `Lấy ý kiến về hạn hán ${tag}bf` })
    await t.dispatch()
    // As on an installation whose consultations predate their search source: no entry at all.
    await t.database.db.execute(sql`DELETE FROM search_entries WHERE target_type = 'consultation'`)
    expect((await find(c.members[0].client, `han han ${tag}bf`)).total).toBe(0)
    expect(await backfillNewSources(t.database)).toBeGreaterThan(0)
    expect(idsOf(await find(c.members[0].client, `han han ${tag}bf`))).toEqual([id])
    // Nothing missing any more: the next run writes nothing.
    expect(await backfillNewSources(t.database)).toBe(0)
  })
})
