/**
 * Search (tra cứu, issue 6): one query over everything a user may see — incoming and outgoing
 * documents and their files' text, and consultations (issue 7) now; dossiers, the library and the
 * portal plug into the same index through their events later.
 *
 * Routes (JSON, any signed-in user; results only ever hold what the caller may see):
 *   GET /api/search              ZSearchQuery → ZSearchResult
 *   GET /api/search/suggest      ZSuggestQuery → ZSuggestResult (search-as-you-type)
 *   GET /api/search/highlight    ZHighlightQuery → ZHighlightResult: where one document matches a
 *                                query (its page shows them when opened from the results, ?hl=)
 *
 * Query language of `q` (Vietnamese with or without diacritics, any case; đ matches d):
 *   words                 every word must appear (title, number, sender, signer or files' text)
 *   "a phrase"            the words in this order, side by side
 *   123/QĐ, QĐ-UBMC       a number and notation: exactly, or by its beginning or any part
 *   -word                 must not appear
 * Large result sets are counted approximately (`totalIsEstimate`) and ranked on the best
 * candidates; facets then describe the candidates (`facetsArePartial`).
 */
import { z } from 'zod'
import { ZId } from './common.ts'

/** What the index holds; a later module adds its own kind. */
export const SEARCH_KINDS = ['documentIn', 'documentOut', 'consultation'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

export const SEARCH_SORTS = ['relevance', 'date_desc', 'date_asc'] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

const ZDay = z.iso.date({ error: 'Ngày không hợp lệ (yyyy-mm-dd)' })

export const ZSearchQuery = z
  .object({
    q: z.string().trim().max(300, { error: 'Từ khóa tối đa 300 ký tự' }).default(''),
    kind: z.enum(SEARCH_KINDS).optional(),
    documentType: z.string().max(10).optional(),
    /** The sender's name as the facet shows it (exact, after normalising case and diacritics). */
    sender: z.string().max(300).optional(),
    signer: z.string().max(200).optional(),
    year: z.coerce.number().int().min(1945).max(2100).optional(),
    registerId: ZId.optional(),
    unitId: ZId.optional(),
    state: z.string().max(40).optional(),
    from: ZDay.optional(),
    to: ZDay.optional(),
    sort: z.enum(SEARCH_SORTS).default('relevance'),
    page: z.coerce.number().int().min(1).max(50).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict()
export type TSearchQuery = z.infer<typeof ZSearchQuery>

/** A highlighted piece of text: plain text parts and matched parts, in order (no HTML). */
export const ZSnippet = z.array(z.object({ text: z.string(), match: z.boolean() }))
export type TSnippet = z.infer<typeof ZSnippet>

export const ZSearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  /** Where the web opens it, e.g. /documents-in/<id>. */
  path: z.string(),
  title: ZSnippet,
  numberAndNotation: z.string().nullable(),
  senderName: z.string().nullable(),
  signerName: z.string().nullable(),
  documentType: z.string().nullable(),
  state: z.string().nullable(),
  date: z.string().nullable(),
  /** Matches in the files' text (empty when the match is in the title or fields only). */
  snippet: ZSnippet,
  /** What matched: 'number' | 'title' | 'text' */
  matchedIn: z.array(z.enum(['number', 'title', 'fields', 'text'])),
  score: z.number(),
})
export type TSearchHit = z.infer<typeof ZSearchHit>

export const ZFacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() })
export const ZSearchFacets = z.object({
  kind: z.array(ZFacetValue),
  documentType: z.array(ZFacetValue),
  sender: z.array(ZFacetValue),
  year: z.array(ZFacetValue),
  signer: z.array(ZFacetValue),
  state: z.array(ZFacetValue),
  registerId: z.array(ZFacetValue),
  unitId: z.array(ZFacetValue),
})
export type TSearchFacets = z.infer<typeof ZSearchFacets>

export const ZSearchResult = z.object({
  items: z.array(ZSearchHit),
  total: z.number().int(),
  totalIsEstimate: z.boolean(),
  facets: ZSearchFacets,
  facetsArePartial: z.boolean(),
  /** How the query was read: the words, phrases and numbers looked for (unaccented). */
  understood: z.object({
    words: z.array(z.string()),
    phrases: z.array(z.string()),
    numbers: z.array(z.string()),
    excluded: z.array(z.string()),
  }),
  tookMs: z.number(),
})
export type TSearchResult = z.infer<typeof ZSearchResult>

export const ZSuggestQuery = z
  .object({
    q: z.string().trim().min(1, { error: 'Nhập ít nhất một ký tự' }).max(100),
    limit: z.coerce.number().int().min(1).max(10).default(8),
  })
  .strict()
export type TSuggestQuery = z.infer<typeof ZSuggestQuery>

export const ZSuggestion = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  path: z.string(),
  title: ZSnippet,
  numberAndNotation: z.string().nullable(),
  date: z.string().nullable(),
})
export const ZSuggestResult = z.object({ items: z.array(ZSuggestion) })
export type TSuggestResult = z.infer<typeof ZSuggestResult>

export const ZHighlightQuery = z
  .object({
    kind: z.enum(SEARCH_KINDS),
    id: ZId,
    q: z.string().trim().min(1, { error: 'Nhập từ khóa' }).max(300),
  })
  .strict()
export type THighlightQuery = z.infer<typeof ZHighlightQuery>

export const ZHighlightResult = z.object({
  title: ZSnippet,
  /** Up to 5 passages of the files' text around the matches, in text order. */
  passages: z.array(ZSnippet),
  matchCount: z.number().int(),
})
export type THighlightResult = z.infer<typeof ZHighlightResult>
